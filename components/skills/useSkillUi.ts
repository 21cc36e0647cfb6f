/**
 * Session UI state of the skill library: the selected skill (and which of its copies is shown
 * when it shadows others), the open editor, and the draft of a new skill, kept until it is
 * saved so that nothing typed is lost when the editor closes.
 */
import { create } from 'zustand';
import type { VolumeId } from '@/lib/volumes';

export type EditorState =
  | { readonly mode: 'new' }
  /** Edit a skill of the user's own volume, or start a copy of a team or built-in one there. */
  | { readonly mode: 'edit' | 'copy'; readonly name: string; readonly content: string };

export interface SkillDraft {
  readonly name: string;
  readonly content: string;
}

interface SkillUi {
  readonly selected: string | null;
  /** Grows on every selection, even of the skill already selected, so the inspector comes forward again. */
  readonly selectedSeq: number;
  /** The copy shown: null for the one the name resolves to, or a shadowed volume. */
  readonly viewVolume: VolumeId | null;
  readonly editor: EditorState | null;
  readonly draft: SkillDraft | null;
  select(name: string | null): void;
  setViewVolume(volume: VolumeId | null): void;
  openEditor(editor: EditorState): void;
  closeEditor(): void;
  setDraft(draft: SkillDraft | null): void;
}

export const useSkillUi = create<SkillUi>()((set) => ({
  selected: null,
  selectedSeq: 0,
  viewVolume: null,
  editor: null,
  draft: null,
  select: (selected) => set((s) => ({ selected, selectedSeq: s.selectedSeq + 1, viewVolume: selected === s.selected ? s.viewVolume : null })),
  setViewVolume: (viewVolume) => set({ viewVolume }),
  openEditor: (editor) => set({ editor }),
  closeEditor: () => set({ editor: null }),
  setDraft: (draft) => set({ draft }),
}));
