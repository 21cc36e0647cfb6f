/**
 * Session UI state of the volumes panel: whether the side area shows it, which volume is
 * open, and whether the person has answered the one-time "who signs your commits" prompt.
 * The first and the last are kept in localStorage, like the workbench's own tabs.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { VolumeId } from '@/lib/volumes';

interface VolumesUi {
  /** The side area shows the volumes panel (instead of the workbench's chat or inspector tab). */
  readonly showVolumes: boolean;
  /** The volume whose details (history, conflicts) are open, or null for the list. */
  readonly openVolume: VolumeId | null;
  readonly authorPromptDone: boolean;
  setShowVolumes(show: boolean): void;
  setOpenVolume(id: VolumeId | null): void;
  /** Opens the panel on one volume (from anywhere, e.g. "add a team volume first"). */
  reveal(id: VolumeId | null): void;
  finishAuthorPrompt(): void;
}

export const useVolumesUi = create<VolumesUi>()(
  persist(
    (set) => ({
      showVolumes: false,
      openVolume: null,
      authorPromptDone: false,
      setShowVolumes: (showVolumes) => set({ showVolumes }),
      setOpenVolume: (openVolume) => set({ openVolume }),
      reveal: (openVolume) => set({ showVolumes: true, openVolume }),
      finishAuthorPrompt: () => set({ authorPromptDone: true }),
    }),
    {
      name: 'weft.volumes',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ showVolumes: s.showVolumes, authorPromptDone: s.authorPromptDone }),
    },
  ),
);
