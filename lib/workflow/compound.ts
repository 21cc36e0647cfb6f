/**
 * Compound skills (runtime `workflow`): a sub-DAG that runs as one node. The skill's fenced
 * ```json block holds the sub-workflow and how the compound's own inputs and outputs map onto
 * its nodes:
 *
 *   { "nodes": [...], "edges": [...],
 *     "inputs":  { "<input>":  { "node": "<id>", "param": "<param>" } },
 *     "outputs": { "<output>": { "node": "<id>", "output": "<output>" } } }
 *
 * An input sets that node's param; an output is that node's output. Evolution writes these
 * (lib/evolution); the executor expands one into a workflow and runs it nested.
 */
import { err, ok, type Result, WeftError } from '../core';
import { parseWorkflow } from './parseWorkflow';
import type { Workflow } from './types';
import { PORT_NAME } from './workflowSchema';

export interface CompoundSpec {
  readonly workflow: Workflow;
  readonly inputs: Readonly<Record<string, { readonly node: string; readonly param: string }>>;
  readonly outputs: Readonly<Record<string, { readonly node: string; readonly output: string }>>;
}

/** Nesting deeper than this is refused (a compound that contains itself would never end). */
export const MAX_COMPOUND_DEPTH = 4;

export function parseCompound(source: string, name: string): Result<CompoundSpec, WeftError> {
  let json: { nodes?: unknown; edges?: unknown; inputs?: unknown; outputs?: unknown };
  try {
    json = JSON.parse(source) as typeof json;
  } catch (e) {
    return err(invalid(name, `its JSON block does not parse (${e instanceof Error ? e.message : String(e)})`));
  }
  if (typeof json !== 'object' || json === null) return err(invalid(name, 'its JSON block is not an object'));
  const workflow = parseWorkflow({ version: 1, id: name, name, nodes: json.nodes ?? [], edges: json.edges ?? [] });
  if (!workflow.ok) return err(invalid(name, workflow.error.message));
  const ids = new Set(workflow.value.nodes.map((n) => n.id));
  const inputs: Record<string, { node: string; param: string }> = {};
  const outputs: Record<string, { node: string; output: string }> = {};
  for (const [key, raw] of Object.entries((json.inputs ?? {}) as Record<string, { node?: unknown; param?: unknown }>)) {
    if (!PORT_NAME.test(key) || typeof raw?.node !== 'string' || !ids.has(raw.node) || typeof raw.param !== 'string' || !PORT_NAME.test(raw.param)) {
      return err(invalid(name, `its input "${key}" must map to { "node": <a node id>, "param": <an input name> }`));
    }
    inputs[key] = { node: raw.node, param: raw.param };
  }
  for (const [key, raw] of Object.entries((json.outputs ?? {}) as Record<string, { node?: unknown; output?: unknown }>)) {
    if (!PORT_NAME.test(key) || typeof raw?.node !== 'string' || !ids.has(raw.node) || typeof raw.output !== 'string' || !PORT_NAME.test(raw.output)) {
      return err(invalid(name, `its output "${key}" must map to { "node": <a node id>, "output": <an output name> }`));
    }
    outputs[key] = { node: raw.node, output: raw.output };
  }
  if (Object.keys(outputs).length === 0) return err(invalid(name, 'it names no outputs'));
  return ok({ workflow: workflow.value, inputs, outputs });
}

/** The sub-workflow with the compound's inputs written into its nodes' params. */
export function expandCompound(spec: CompoundSpec, values: Readonly<Record<string, unknown>>): Workflow {
  const params = new Map<string, Record<string, unknown>>();
  for (const [key, target] of Object.entries(spec.inputs)) {
    if (!(key in values)) continue;
    const p = params.get(target.node) ?? {};
    p[target.param] = values[key];
    params.set(target.node, p);
  }
  return { ...spec.workflow, nodes: spec.workflow.nodes.map((n) => (params.has(n.id) ? { ...n, params: { ...n.params, ...params.get(n.id) } } : n)) };
}

function invalid(name: string, why: string): WeftError {
  return new WeftError('WORKFLOW_INVALID', `The compound skill ${name} cannot run: ${why}.`, { skill: name });
}


