import type { Workflow, WorkflowEdge, WorkflowNode } from './types';

/**
 * A workflow indexed for graph work, built once in O(V + E): node positions by id and, per
 * node, the edges leaving and entering it. Every algorithm here (check, levels, executor,
 * simulation) reads this instead of scanning arrays per node.
 */
export interface WorkflowGraph {
  /** The nodes with distinct ids (the first of each id), in workflow order. */
  readonly nodes: readonly WorkflowNode[];
  readonly index: ReadonlyMap<string, number>;
  readonly edges: readonly WorkflowEdge[];
  /** Per edge: the positions of its ends in `nodes`, or -1 when that node does not exist. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Per node: the indices (into `edges`) of its outgoing and incoming edges between existing nodes. */
  readonly outEdges: readonly (readonly number[])[];
  readonly inEdges: readonly (readonly number[])[];
  /** Positions in `workflow.nodes` whose id repeats an earlier node's. */
  readonly duplicates: readonly number[];
  /** Indices of edges with an end that is not a node. */
  readonly dangling: readonly number[];
}

/** Indexes a workflow (see `WorkflowGraph`). */
export function buildGraph(workflow: Pick<Workflow, 'nodes' | 'edges'>): WorkflowGraph {
  const nodes: WorkflowNode[] = [];
  const index = new Map<string, number>();
  const duplicates: number[] = [];
  workflow.nodes.forEach((node, position) => {
    if (index.has(node.id)) duplicates.push(position);
    else {
      index.set(node.id, nodes.length);
      nodes.push(node);
    }
  });
  const outEdges: number[][] = nodes.map(() => []);
  const inEdges: number[][] = nodes.map(() => []);
  const from = new Int32Array(workflow.edges.length);
  const to = new Int32Array(workflow.edges.length);
  const dangling: number[] = [];
  workflow.edges.forEach((edge, e) => {
    const a = index.get(edge.from.node) ?? -1;
    const b = index.get(edge.to.node) ?? -1;
    from[e] = a;
    to[e] = b;
    if (a < 0 || b < 0) dangling.push(e);
    else {
      outEdges[a]!.push(e);
      inEdges[b]!.push(e);
    }
  });
  return { nodes, index, edges: workflow.edges, from, to, outEdges, inEdges, duplicates, dangling };
}

/** Per node, the positions of the nodes its edges lead to (one entry per edge). */
export function successors(graph: WorkflowGraph): number[][] {
  return graph.outEdges.map((out) => out.map((e) => graph.to[e]!));
}
