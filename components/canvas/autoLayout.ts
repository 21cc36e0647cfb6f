/** Left-to-right layout of the workflow by dagre, as a `move` change (so it can be undone). */
import dagre from '@dagrejs/dagre';
import type { Position, Workflow } from '@/lib/workflow';
import type { CanvasChange } from './canvasChange';

const DEFAULT_SIZE = { width: 264, height: 160 };

/** Where each node goes; `sizes` are the measured node sizes (a default for those not measured). */
export function autoLayout(workflow: Workflow, sizes: ReadonlyMap<string, { width: number; height: number }>): CanvasChange | null {
  if (workflow.nodes.length === 0) return null;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of workflow.nodes) g.setNode(n.id, { ...(sizes.get(n.id) ?? DEFAULT_SIZE) });
  for (const e of workflow.edges) g.setEdge(e.from.node, e.to.node);
  dagre.layout(g);
  const from: Record<string, Position> = {};
  const to: Record<string, Position> = {};
  for (const n of workflow.nodes) {
    const placed = g.node(n.id);
    const size = sizes.get(n.id) ?? DEFAULT_SIZE;
    from[n.id] = n.position;
    // dagre gives centres; the canvas places nodes by their top-left corner.
    to[n.id] = { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) };
  }
  return { type: 'move', from, to };
}
