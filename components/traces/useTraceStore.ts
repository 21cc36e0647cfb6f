/**
 * Session state of the trace views: the list's filters, which trace is open over the canvas, the
 * selected span and the view (timeline or graph). The traces themselves are documents: they
 * reach the views through the kernel. (Which bottom tab shows is the workbench store's.)
 */
import { create } from 'zustand';
import type { TraceEntry } from '@/lib/kernel/protocol';
import { NO_FILTERS, type TraceFilters } from './traceFilters';

export type TraceViewTab = 'timeline' | 'graph';

interface TraceState {
  readonly filters: TraceFilters;
  /** When the filters last changed, epoch ms: date ranges count from that day. */
  readonly filtersAt: number;
  /** The trace open over the canvas, by path in the user volume. */
  readonly openPath: string | null;
  /** Its list entry, when it was opened from the list (kind and name known before it loads). */
  readonly openEntry: TraceEntry | null;
  readonly selected: string | null;
  readonly view: TraceViewTab;
  setFilters(patch: Partial<TraceFilters>): void;
  open(path: string, entry?: TraceEntry): void;
  close(): void;
  select(spanId: string | null): void;
  setView(view: TraceViewTab): void;
}

export const useTraceStore = create<TraceState>()((set) => ({
  filters: NO_FILTERS,
  filtersAt: Date.now(),
  openPath: null,
  openEntry: null,
  selected: null,
  view: 'timeline',
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, filtersAt: Date.now() })),
  open: (openPath, entry) => set((s) => (s.openPath === openPath ? {} : { openPath, openEntry: entry ?? null, selected: null })),
  close: () => set({ openPath: null, openEntry: null, selected: null }),
  select: (selected) => set({ selected }),
  setView: (view) => set({ view }),
}));
