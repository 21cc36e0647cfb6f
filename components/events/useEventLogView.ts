import { create } from 'zustand';
import type { EventType } from './describeEvent';

/** Ephemeral view options of the event log: which types are hidden, and the text filter. */
interface EventLogView {
  readonly hidden: ReadonlySet<EventType>;
  readonly text: string;
  toggle(type: EventType): void;
  setText(text: string): void;
}

export const useEventLogView = create<EventLogView>()((set) => ({
  hidden: new Set(),
  text: '',
  toggle: (type) =>
    set((s) => {
      const hidden = new Set(s.hidden);
      if (!hidden.delete(type)) hidden.add(type);
      return { hidden };
    }),
  setText: (text) => set({ text }),
}));
