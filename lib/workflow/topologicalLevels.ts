import { err, ok, type Result, WeftError } from '../core';
import { structureProblems } from './checkWorkflow';
import { WorkflowErrorCode } from './errorCodes';
import type { Workflow } from './types';
import { buildGraph, type WorkflowGraph } from './workflowGraph';

/**
 * The nodes in levels (Kahn's algorithm): level 0 has no incoming edges, and each node sits one
 * level below the deepest node feeding it, so a level's nodes can all run at once. Node order
 * within a level follows the workflow. O(V + E). A cycle is an error naming it.
 * @example topologicalLevels(w) // ok([['load'], ['clean', 'stats'], ['plot']])
 */
export function topologicalLevels(workflow: Workflow): Result<string[][], WeftError> {
  const graph = buildGraph(workflow);
  const levels = levelOf(graph);
  if (levels === null) {
    const cycle = structureProblems(workflow, graph).find((p) => p.code === 'WORKFLOW_CYCLE');
    return err(new WeftError(WorkflowErrorCode.cycle, cycle?.message ?? 'The workflow has a cycle.', { cycle: cycle?.cycle ?? [] }));
  }
  const out: string[][] = [];
  graph.nodes.forEach((node, i) => {
    const level = levels[i]!;
    while (out.length <= level) out.push([]);
    out[level]!.push(node.id);
  });
  return ok(out);
}

/** Each node's level, or null when edges form a cycle (some node never becomes free). */
export function levelOf(graph: WorkflowGraph): Int32Array | null {
  const n = graph.nodes.length;
  const waiting = new Int32Array(n);
  for (let i = 0; i < n; i++) waiting[i] = graph.inEdges[i]!.length;
  const level = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (waiting[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const e of graph.outEdges[v]!) {
      const w = graph.to[e]!;
      if (level[w]! < level[v]! + 1) level[w] = level[v]! + 1;
      if (--waiting[w]! === 0) queue.push(w);
    }
  }
  return queue.length === n ? level : null;
}

/** The node positions in an order where every edge points forward, or null on a cycle. */
export function topologicalOrder(graph: WorkflowGraph): number[] | null {
  const n = graph.nodes.length;
  const waiting = new Int32Array(n);
  for (let i = 0; i < n; i++) waiting[i] = graph.inEdges[i]!.length;
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (waiting[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    for (const e of graph.outEdges[queue[head]!]!) if (--waiting[graph.to[e]!]! === 0) queue.push(graph.to[e]!);
  }
  return queue.length === n ? queue : null;
}
