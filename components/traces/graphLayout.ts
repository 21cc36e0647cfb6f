/**
 * The causal DAG of a trace laid out in layers by dagre (parents left, children right), for the
 * Graph view. dagre's layout grows faster than linearly, so a huge trace shows its first `cap`
 * spans in causal order (parents come before children there, so the shown part is connected).
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { SpanIndex } from './spanIndex';

export const GRAPH_CAP = 500;
export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 40;

export interface GraphNode {
  /** Index of the span in `trace.spans`. */
  readonly span: number;
  /** Top-left corner. */
  readonly x: number;
  readonly y: number;
}

export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  /** The edge's polyline, from the parent's side to the child's. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface GraphLayout {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly width: number;
  readonly height: number;
  /** How many spans the trace has; `nodes.length` of them are shown. */
  readonly total: number;
}

/**
 * @example layoutGraph(layout.rows.map((r) => r.span), indexSpans(trace.spans))
 * @param order span indices in causal order (the timeline's rows)
 */
export function layoutGraph(order: readonly number[], index: SpanIndex, cap = GRAPH_CAP): GraphLayout {
  const shown = order.slice(0, cap);
  const included = new Set(shown);
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const i of shown) g.setNode(String(i), { width: NODE_WIDTH, height: NODE_HEIGHT });
  const links: [number, number][] = [];
  for (const i of shown) {
    for (const p of index.parents[i]!) {
      if (!included.has(p)) continue;
      g.setEdge(String(p), String(i));
      links.push([p, i]);
    }
  }
  dagre.layout(g);
  const nodes = shown.map((i): GraphNode => {
    const n = g.node(String(i));
    // dagre gives centres.
    return { span: i, x: (n.x ?? 0) - NODE_WIDTH / 2, y: (n.y ?? 0) - NODE_HEIGHT / 2 };
  });
  const edges = links.map(([from, to]): GraphEdge => ({ from, to, points: (g.edge(String(from), String(to))?.points ?? []).map(({ x, y }) => ({ x, y })) }));
  const size = g.graph();
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0, total: order.length };
}
