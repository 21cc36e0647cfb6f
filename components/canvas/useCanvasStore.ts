/**
 * The canvas document being edited (the workflow) with its undo/redo history, the name it is
 * saved under, and the selection. Session state: the document is committed to a volume only
 * when saved. Every edit goes through `apply(change)`, so every edit can be undone.
 *
 * Select narrow slices: `useCanvasStore((s) => s.workflow.edges)`.
 */
import { create } from 'zustand';
import type { Position, Workflow } from '@/lib/workflow';
import { applyChange, type CanvasChange, invertChange } from './canvasChange';

/** How many edits undo reaches back. */
export const HISTORY_LIMIT = 200;

export function emptyWorkflow(name = 'untitled'): Workflow {
  return { version: 1, id: `wf-${Date.now().toString(36)}`, name, nodes: [], edges: [] };
}

interface CanvasState {
  readonly workflow: Workflow;
  readonly past: readonly CanvasChange[];
  readonly future: readonly CanvasChange[];
  /** The name it was last saved under or opened from; null until saved. */
  readonly savedAs: string | null;
  /** The edits since the last save or open (0: nothing to save). */
  readonly dirty: number;
  readonly selected: ReadonlySet<string>;
  apply(change: CanvasChange): void;
  /** Moves nodes without an undo step (while dragging); `apply` a `move` when the drag ends. */
  moveLive(positions: Readonly<Record<string, Position>>): void;
  undo(): void;
  redo(): void;
  /** Starts over with `workflow`: a new history, as after opening it. */
  load(workflow: Workflow, savedAs: string | null): void;
  markSaved(name: string): void;
  select(ids: ReadonlySet<string>): void;
}

export const useCanvasStore = create<CanvasState>()((set) => ({
  workflow: emptyWorkflow(),
  past: [],
  future: [],
  savedAs: null,
  dirty: 0,
  selected: new Set(),

  apply: (change) =>
    set((s) => ({
      workflow: applyChange(s.workflow, change),
      past: [...s.past.slice(-(HISTORY_LIMIT - 1)), change],
      future: [],
      dirty: s.dirty + 1,
    })),

  moveLive: (positions) =>
    set((s) => ({ workflow: { ...s.workflow, nodes: s.workflow.nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id]! } : n)) } })),

  undo: () =>
    set((s) => {
      const change = s.past.at(-1);
      if (!change) return s;
      return { workflow: applyChange(s.workflow, invertChange(change)), past: s.past.slice(0, -1), future: [...s.future, change], dirty: s.dirty + 1 };
    }),

  redo: () =>
    set((s) => {
      const change = s.future.at(-1);
      if (!change) return s;
      return { workflow: applyChange(s.workflow, change), past: [...s.past, change], future: s.future.slice(0, -1), dirty: s.dirty + 1 };
    }),

  load: (workflow, savedAs) => set({ workflow, savedAs, past: [], future: [], dirty: 0, selected: new Set() }),
  markSaved: (name) => set({ savedAs: name, dirty: 0 }),
  select: (selected) => set({ selected }),
}));
