/**
 * Session UI preferences of the workbench layout: which tab each tabbed area shows. Saved in
 * localStorage so a reload comes back to the same view. (Panel sizes are saved by the panel
 * groups themselves.)
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type SideTab = 'chat' | 'inspector';
export type BottomTab = 'events' | 'processes' | 'traces';

interface WorkbenchState {
  readonly sideTab: SideTab;
  readonly bottomTab: BottomTab;
  setSideTab(tab: SideTab): void;
  setBottomTab(tab: BottomTab): void;
}

export const useWorkbenchStore = create<WorkbenchState>()(
  persist(
    (set) => ({
      sideTab: 'chat',
      bottomTab: 'events',
      setSideTab: (sideTab) => set({ sideTab }),
      setBottomTab: (bottomTab) => set({ bottomTab }),
    }),
    {
      name: 'weft.workbench',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ sideTab: s.sideTab, bottomTab: s.bottomTab }),
    },
  ),
);
