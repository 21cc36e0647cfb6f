import { topologicalOrder } from './topologicalLevels';
import type { WorkflowGraph } from './workflowGraph';

/** The longest chain of nodes by predicted duration. */
export interface CriticalPath {
  /** From a root to the node that finishes last. */
  readonly nodeIds: readonly string[];
  /** Its predicted total (unknown durations counted as 0). */
  readonly durationMs: number;
  /** Nodes on the path whose duration is unknown: the real total is longer. */
  readonly unknown: readonly string[];
}

/** The critical path of an acyclic graph given each node's duration (null = unknown, counted 0). O(V + E). */
export function criticalPath(graph: WorkflowGraph, durations: readonly (number | null)[]): CriticalPath {
  const order = topologicalOrder(graph);
  if (!order || order.length === 0) return { nodeIds: [], durationMs: 0, unknown: [] };
  const finish = new Float64Array(graph.nodes.length);
  const via = new Int32Array(graph.nodes.length).fill(-1);
  let last = order[0]!;
  for (const v of order) {
    let startAt = 0;
    for (const e of graph.inEdges[v]!) {
      const p = graph.from[e]!;
      if (via[v] === -1 || finish[p]! > startAt) {
        startAt = finish[p]!;
        via[v] = p;
      }
    }
    finish[v] = startAt + (durations[v] ?? 0);
    // On a tie, the later node: the path then runs on through zero and unknown durations, which get listed.
    if (finish[v]! >= finish[last]!) last = v;
  }
  const path: number[] = [];
  for (let v = last; v !== -1; v = via[v]!) path.push(v);
  path.reverse();
  return {
    nodeIds: path.map((i) => graph.nodes[i]!.id),
    durationMs: finish[last]!,
    unknown: path.filter((i) => durations[i] === null || durations[i] === undefined).map((i) => graph.nodes[i]!.id),
  };
}
