import type { ExecutableSkill, IoSpec } from '../skills';
import { connectionProblem } from './canConnect';
import type { CheckWorkflowOptions, ResolveSkill } from './checkWorkflow';
import type { WorkflowEdge } from './types';
import type { WorkflowGraph } from './workflowGraph';
import { edgeLabel, type WorkflowProblem } from './workflowProblem';

/** The node- and edge-level problems of a workflow against its skills (see `checkWorkflow`). */
export function checkNodes(graph: WorkflowGraph, resolve: ResolveSkill, options: CheckWorkflowOptions): WorkflowProblem[] {
  const out: WorkflowProblem[] = [];
  const denied = new Set(options.denied ?? []);
  const resolved = new Map<string, ReturnType<ResolveSkill>>();
  const skillOf = (name: string) => {
    if (!resolved.has(name)) resolved.set(name, resolve(name));
    return resolved.get(name)!;
  };
  const executable: (ExecutableSkill | null)[] = graph.nodes.map((node) => {
    const skill = skillOf(node.skill);
    if (skill === null) {
      out.push(error('SKILL_NOT_FOUND', node.id, `Node "${node.id}" uses the skill "${node.skill}", which is not in your user, team or system volumes. Check the name, or create or import the skill.`));
      return null;
    }
    if (skill.kind !== 'executable') {
      out.push(error('SKILL_NOT_EXECUTABLE', node.id, `Node "${node.id}" uses "${node.skill}", a context skill (guidance for the model), which cannot run as a node. Use an executable skill.`));
      return null;
    }
    return skill;
  });

  // Edges first, so each node's bound inputs are known when its params are checked.
  const bound: Map<string, WorkflowEdge>[] = graph.nodes.map(() => new Map());
  graph.edges.forEach((edge, e) => {
    const a = graph.from[e]!;
    const b = graph.to[e]!;
    if (a < 0 || b < 0) return;
    const source = executable[a];
    const target = executable[b];
    const output = source ? find(source.outputs, edge.from.output) : undefined;
    const input = target ? find(target.inputs, edge.to.input) : undefined;
    const at = (code: WorkflowProblem['code'], message: string) => out.push({ code, nodeId: edge.to.node, edge, severity: 'error', message });
    if (source && !output) at('OUTPUT_UNKNOWN', `The edge ${edgeLabel(edge)} reads "${edge.from.output}", but the skill ${source.name} of node "${edge.from.node}" has no such output (${listed('outputs', source.outputs)}).`);
    if (target && !input) at('INPUT_UNKNOWN', `The edge ${edgeLabel(edge)} feeds "${edge.to.input}", but the skill ${target.name} of node "${edge.to.node}" has no such input (${listed('inputs', target.inputs)}).`);
    if (output && input) {
      const why = connectionProblem(output.type, input.type);
      if (why) at('TYPE_MISMATCH', `The edge ${edgeLabel(edge)} connects a ${output.type} output to a ${input.type} input: ${why}.`);
    }
    const earlier = bound[b]!.get(edge.to.input);
    if (earlier) at('INPUT_BOUND_TWICE', `The input "${edge.to.input}" of node "${edge.to.node}" is fed by two edges (from ${earlier.from.node}.${earlier.from.output} and ${edge.from.node}.${edge.from.output}); an input takes one edge. Remove one of them.`);
    else bound[b]!.set(edge.to.input, edge);
  });

  graph.nodes.forEach((node, i) => {
    const skill = executable[i];
    if (!skill) return;
    const inputs = new Map(skill.inputs.map((input) => [input.name, input]));
    for (const [name, value] of Object.entries(node.params)) {
      const input = inputs.get(name);
      if (!input) out.push(error('PARAM_UNKNOWN', node.id, `Node "${node.id}" sets "${name}", but the skill ${skill.name} has no such input (${listed('inputs', skill.inputs)}). Remove it, or fix its name.`));
      else if (bound[i]!.has(name)) out.push(warning('PARAM_SHADOWED', node.id, `Node "${node.id}" sets "${name}" in its params, but an edge also feeds it: the edge's value is used.`));
      else if (!fits(input, value)) out.push(warning('PARAM_TYPE', node.id, `Node "${node.id}" sets "${name}" to ${JSON.stringify(value)}, but ${skill.name} expects a ${input.type}.`));
    }
    for (const input of skill.inputs) {
      if (!isRequired(input) || bound[i]!.has(input.name) || node.params[input.name] !== undefined) continue;
      out.push(error('INPUT_MISSING', node.id, `Node "${node.id}" (${skill.name}) needs the input "${input.name}" (${input.type}): connect an edge to it or set it in the node's params.`));
    }
    for (const permission of skill.permissions) {
      if (denied.has(permission)) out.push(error('PERMISSION_DENIED', node.id, `Node "${node.id}" needs ${permission}, which is not allowed here: allow "${permission}" for ${skill.name}, or use another skill.`));
      else out.push(warning('NEEDS_PERMISSION', node.id, `Node "${node.id}" needs ${permission}: the skill ${skill.name} asks for the "${permission}" permission.`));
    }
  });
  return out;
}

/** An input must be bound when it has no default and is not marked optional (as `bindInputs` decides). */
export function isRequired(input: IoSpec): boolean {
  return input.default === undefined && input.required !== false;
}

function fits(input: IoSpec, value: unknown): boolean {
  if (value === null) return true;
  if (input.type === 'number' || input.type === 'string' || input.type === 'boolean') return typeof value === input.type;
  return true;
}

const find = (specs: readonly IoSpec[], name: string) => specs.find((s) => s.name === name);
const listed = (what: string, specs: readonly IoSpec[]) => (specs.length ? `its ${what}: ${specs.map((s) => s.name).join(', ')}` : `it has no ${what}`);
const error = (code: WorkflowProblem['code'], nodeId: string, message: string): WorkflowProblem => ({ code, nodeId, severity: 'error', message });
const warning = (code: WorkflowProblem['code'], nodeId: string, message: string): WorkflowProblem => ({ code, nodeId, severity: 'warning', message });
