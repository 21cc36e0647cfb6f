import type { Workflow, WorkflowEdge, WorkflowNode } from './types';

/**
 * The workflow file's text: pretty JSON (2 spaces, trailing newline), fields in a fixed order,
 * params sorted by key at every depth, so the same workflow always gives the same text and a
 * change shows as a small diff in git. `parseWorkflow(serializeWorkflow(w))` gives back `w`.
 * @example await volume.write(`workflows/${name}.workflow.json`, serializeWorkflow(workflow))
 */
export function serializeWorkflow(workflow: Workflow): string {
  const file = {
    version: workflow.version,
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    nodes: workflow.nodes.map(nodeFields),
    edges: workflow.edges.map(edgeFields),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function nodeFields(node: WorkflowNode) {
  return {
    id: node.id,
    skill: node.skill,
    label: node.label,
    params: sortKeys(node.params),
    position: { x: node.position.x, y: node.position.y },
    timeoutMs: node.timeoutMs,
    retry: node.retry && { count: node.retry.count, backoffMs: node.retry.backoffMs },
  };
}

function edgeFields(edge: WorkflowEdge) {
  return { from: { node: edge.from.node, output: edge.from.output }, to: { node: edge.to.node, input: edge.to.input } };
}

// Integer-like keys still come first (JavaScript orders them so), which is stable too.
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) out[key] = sortKeys(record[key]);
  return out;
}
