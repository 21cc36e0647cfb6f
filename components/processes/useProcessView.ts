import { create } from 'zustand';

/** Ephemeral view options of the process list (kept while switching tabs, not saved). */
export const useProcessView = create<{ showFinished: boolean; setShowFinished(show: boolean): void }>()((set) => ({
  showFinished: false,
  setShowFinished: (showFinished) => set({ showFinished }),
}));
