/**
 * Copy and paste of canvas nodes through the system clipboard, as JSON text: the selected nodes
 * and the edges among them. Pasting gives every node a new id (edges follow) and shifts them, so
 * a paste never collides with what is on the canvas.
 */
import type { Workflow, WorkflowEdge, WorkflowNode } from '@/lib/workflow';
import { type CanvasChange, freshNodeId } from './canvasChange';

const MARK = 'weft.canvas.clipboard';
const PASTE_OFFSET = 40;

/** The clipboard text for these nodes (and the edges between them). */
export function copyText(workflow: Workflow, ids: ReadonlySet<string>): string | null {
  const nodes = workflow.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = workflow.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node));
  return JSON.stringify({ [MARK]: 1, nodes, edges }, null, 2);
}

/** The `add` change that pastes `text` into `workflow`, or null when the text is not copied nodes. */
export function pasteChange(workflow: Workflow, text: string): CanvasChange | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value[MARK] !== 1 || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return null;
  const taken = new Set(workflow.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const nodes: WorkflowNode[] = [];
  for (const raw of value.nodes as unknown[]) {
    if (!isNode(raw)) return null;
    const id = freshNodeId(raw.skill, taken);
    taken.add(id);
    renamed.set(raw.id, id);
    nodes.push({ ...raw, id, position: { x: raw.position.x + PASTE_OFFSET, y: raw.position.y + PASTE_OFFSET } });
  }
  const edges: WorkflowEdge[] = [];
  for (const raw of value.edges as unknown[]) {
    if (!isEdge(raw)) return null;
    const from = renamed.get(raw.from.node);
    const to = renamed.get(raw.to.node);
    if (from && to) edges.push({ from: { node: from, output: raw.from.output }, to: { node: to, input: raw.to.input } });
  }
  return nodes.length === 0 ? null : { type: 'add', nodes, edges };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNode(value: unknown): value is WorkflowNode {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.skill !== 'string' || !isRecord(value.params)) return false;
  const p = value.position;
  return isRecord(p) && typeof p.x === 'number' && typeof p.y === 'number';
}

function isEdge(value: unknown): value is WorkflowEdge {
  if (!isRecord(value) || !isRecord(value.from) || !isRecord(value.to)) return false;
  return typeof value.from.node === 'string' && typeof value.from.output === 'string' && typeof value.to.node === 'string' && typeof value.to.input === 'string';
}
