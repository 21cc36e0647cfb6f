/**
 * Edits of the canvas document as data (STYLE.md "changes are data"): each change is a plain
 * object, `applyChange` is pure, and `invertChange` gives the change that undoes it — so the same
 * objects drive editing, undo and redo.
 */
import type { Position, Workflow, WorkflowEdge, WorkflowNode } from '@/lib/workflow';

export type CanvasChange =
  /** Adds nodes and the edges among (or into) them: a drop, a paste; at their old places when `at` is given (an undone removal). */
  | { readonly type: 'add'; readonly nodes: readonly WorkflowNode[]; readonly edges: readonly WorkflowEdge[]; readonly at?: Places }
  /** Removes nodes and edges; edges touching a removed node are listed too, so the change inverts exactly. */
  | { readonly type: 'remove'; readonly nodes: readonly WorkflowNode[]; readonly edges: readonly WorkflowEdge[]; readonly at?: Places }
  | { readonly type: 'move'; readonly from: Readonly<Record<string, Position>>; readonly to: Readonly<Record<string, Position>> }
  /** `value: undefined` removes the param (the skill's default applies again). */
  | { readonly type: 'param'; readonly nodeId: string; readonly name: string; readonly from: unknown; readonly to: unknown }
  /** Replaces the whole document (open, new, import, auto-layout). */
  | { readonly type: 'replace'; readonly from: Workflow; readonly to: Workflow };

/** Where removed nodes and edges stood in the document's lists (ascending), so undo puts them back in order. */
export interface Places {
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
}

/** The key of an edge: one edge at most per (target node, input). */
export function edgeId(edge: WorkflowEdge): string {
  return `${edge.from.node}.${edge.from.output}->${edge.to.node}.${edge.to.input}`;
}

/** The document after `change`. */
export function applyChange(workflow: Workflow, change: CanvasChange): Workflow {
  switch (change.type) {
    case 'add':
      return { ...workflow, nodes: insertAt(workflow.nodes, change.nodes, change.at?.nodes), edges: insertAt(workflow.edges, change.edges, change.at?.edges) };
    case 'remove': {
      const nodes = new Set(change.nodes.map((n) => n.id));
      const edges = new Set(change.edges.map(edgeId));
      return {
        ...workflow,
        nodes: workflow.nodes.filter((n) => !nodes.has(n.id)),
        edges: workflow.edges.filter((e) => !edges.has(edgeId(e)) && !nodes.has(e.from.node) && !nodes.has(e.to.node)),
      };
    }
    case 'move':
      return { ...workflow, nodes: workflow.nodes.map((n) => (change.to[n.id] ? { ...n, position: change.to[n.id]! } : n)) };
    case 'param':
      return {
        ...workflow,
        nodes: workflow.nodes.map((n) => {
          if (n.id !== change.nodeId) return n;
          const params: Record<string, unknown> = { ...n.params };
          if (change.to === undefined) delete params[change.name];
          else params[change.name] = change.to;
          return { ...n, params };
        }),
      };
    case 'replace':
      return change.to;
  }
}

/** The change that undoes `change`. */
export function invertChange(change: CanvasChange): CanvasChange {
  switch (change.type) {
    case 'add':
      return { ...change, type: 'remove' };
    case 'remove':
      return { ...change, type: 'add' };
    case 'move':
      return { type: 'move', from: change.to, to: change.from };
    case 'param':
      return { ...change, from: change.to, to: change.from };
    case 'replace':
      return { type: 'replace', from: change.to, to: change.from };
  }
}

/** A `remove` change for these nodes and edges, with every edge that touches a removed node. */
export function removal(workflow: Workflow, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): CanvasChange | null {
  const at = { nodes: [] as number[], edges: [] as number[] };
  const nodes = workflow.nodes.filter((n, i) => nodeIds.has(n.id) && at.nodes.push(i));
  const edges = workflow.edges.filter((e, i) => (edgeIds.has(edgeId(e)) || nodeIds.has(e.from.node) || nodeIds.has(e.to.node)) && at.edges.push(i));
  return nodes.length + edges.length === 0 ? null : { type: 'remove', nodes, edges, at };
}

/** A fresh node id for `skill` not used in `taken`: `line-plot`, `line-plot-2`… */
export function freshNodeId(skill: string, taken: ReadonlySet<string>): string {
  const base = skill.slice(0, 56).replace(/[^a-zA-Z0-9_-]/g, '-') || 'node';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** `list` with `items` inserted at `places` (ascending indices in the result), or appended. */
function insertAt<T>(list: readonly T[], items: readonly T[], places: readonly number[] | undefined): T[] {
  if (!places || places.length !== items.length) return [...list, ...items];
  const out = [...list];
  places.forEach((place, i) => out.splice(Math.min(place, out.length), 0, items[i]!));
  return out;
}
