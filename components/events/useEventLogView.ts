import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { EventType } from './describeEvent';

/**
 * View options of the event log: which types are hidden and the text filter (ephemeral), and
 * whether internal calls are shown — a preference, kept in localStorage like the workbench's tabs.
 */
interface EventLogView {
  readonly hidden: ReadonlySet<EventType>;
  readonly text: string;
  /** Show the calls the UI makes for itself (see `audienceOf`); off by default. */
  readonly showInternal: boolean;
  toggle(type: EventType): void;
  setText(text: string): void;
  setShowInternal(show: boolean): void;
}

export const useEventLogView = create<EventLogView>()(
  persist(
    (set) => ({
      hidden: new Set(),
      text: '',
      showInternal: false,
      toggle: (type) =>
        set((s) => {
          const hidden = new Set(s.hidden);
          if (!hidden.delete(type)) hidden.add(type);
          return { hidden };
        }),
      setText: (text) => set({ text }),
      setShowInternal: (showInternal) => set({ showInternal }),
    }),
    {
      name: 'weft.eventLog',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ showInternal: s.showInternal }),
    },
  ),
);
