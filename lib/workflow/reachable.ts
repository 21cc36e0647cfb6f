import type { Workflow, WorkflowEdge } from './types';
import { buildGraph, type WorkflowGraph } from './workflowGraph';

/**
 * The nodes given and every node upstream of them (their ancestors), in O(V + E): what
 * "Run to here" runs. Unknown ids are ignored.
 * @example runWorkflow(w, deps, { ...options, only: upstreamOf(w, 'plot') })
 */
export function upstreamOf(workflow: Workflow, ids: string | Iterable<string>): Set<string> {
  const graph = buildGraph(workflow);
  return idsOf(graph, closure(graph, positions(graph, ids), 'up'));
}

/**
 * The nodes given and every node downstream of them (their descendants), in O(V + E): what
 * "Re-run stale" re-runs when these nodes changed.
 */
export function downstreamOf(workflow: Workflow, ids: string | Iterable<string>): Set<string> {
  const graph = buildGraph(workflow);
  return idsOf(graph, closure(graph, positions(graph, ids), 'down'));
}

/**
 * Whether adding `edge` would close a cycle (its target already reaches its source, or it is a
 * self-loop). O(V + E); the canvas asks this while an edge is dragged.
 */
export function wouldCreateCycle(workflow: Workflow, edge: WorkflowEdge): boolean {
  if (edge.from.node === edge.to.node) return true;
  const graph = buildGraph(workflow);
  const source = graph.index.get(edge.from.node);
  const target = graph.index.get(edge.to.node);
  if (source === undefined || target === undefined) return false;
  return closure(graph, [target], 'down')[source] === 1;
}

/** Marks (1) the starts and everything reachable from them, following edges up or down. */
export function closure(graph: WorkflowGraph, starts: Iterable<number>, direction: 'up' | 'down'): Uint8Array {
  const seen = new Uint8Array(graph.nodes.length);
  const stack: number[] = [];
  for (const s of starts) {
    if (seen[s]) continue;
    seen[s] = 1;
    stack.push(s);
  }
  const links = direction === 'up' ? graph.inEdges : graph.outEdges;
  const ends = direction === 'up' ? graph.from : graph.to;
  while (stack.length > 0) {
    for (const e of links[stack.pop()!]!) {
      const w = ends[e]!;
      if (seen[w]) continue;
      seen[w] = 1;
      stack.push(w);
    }
  }
  return seen;
}

function positions(graph: WorkflowGraph, ids: string | Iterable<string>): number[] {
  const out: number[] = [];
  for (const id of typeof ids === 'string' ? [ids] : ids) {
    const i = graph.index.get(id);
    if (i !== undefined) out.push(i);
  }
  return out;
}

function idsOf(graph: WorkflowGraph, marks: Uint8Array): Set<string> {
  const out = new Set<string>();
  graph.nodes.forEach((node, i) => {
    if (marks[i]) out.add(node.id);
  });
  return out;
}
