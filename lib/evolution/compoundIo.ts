import type { IoSpec, IoType } from '../skills';
import { PORT_NAME } from '../workflow';
import type { MinedNode, ResolveIo } from './types';

/** A compound's own inputs and outputs, and how they map onto its nodes. */
export interface CompoundIo {
  readonly inputs: IoSpec[];
  readonly outputs: IoSpec[];
  readonly inputMap: Record<string, { node: string; param: string }>;
  readonly outputMap: Record<string, { node: string; output: string }>;
  /** Learned (or the skills') defaults by input name. */
  readonly defaults: Record<string, unknown>;
}

/**
 * Inputs and outputs of a compound whose `nodes` (in running order) hold the learned params.
 * Workflow patterns: one input per param (`<node>_<param>`, defaulting to the learned value).
 * Tool patterns, whose params the trace does not hold: one input per input of each tool's skill.
 * Outputs: every output of each node with no outgoing edge (`<node>_<output>`). Types come from
 * the skills; `any` when a skill is unknown or a learned default does not fit its type.
 */
export function compoundIo(nodes: readonly MinedNode[], sinks: ReadonlySet<string>, kind: 'workflow' | 'tools', resolve: ResolveIo): CompoundIo {
  const io: CompoundIo = { inputs: [], outputs: [], inputMap: {}, outputMap: {}, defaults: {} };
  const taken = { inputs: new Set<string>(), outputs: new Set<string>() };
  for (const node of nodes) {
    const skill = resolve(node.skill);
    const specs = kind === 'workflow' ? Object.entries(node.params).map(([name, value]) => ({ name, value, spec: skill?.inputs.find((s) => s.name === name) })) : (skill?.inputs ?? []).map((spec) => ({ name: spec.name, value: spec.default, spec }));
    for (const { name, value, spec } of specs) {
      // A param that cannot be a port name stays fixed in the node's params.
      if (!PORT_NAME.test(name)) continue;
      const port = portName(node.id, name, taken.inputs);
      const input: IoSpec = {
        name: port,
        type: fits(spec?.type ?? 'any', value) ? (spec?.type ?? 'any') : 'any',
        description: `${name} of node ${node.id} (${node.skill})${spec?.description ? `: ${spec.description}` : '.'}`,
        ...(value !== undefined && { default: value }),
        ...(value === undefined && spec?.required !== undefined && { required: spec.required }),
      };
      io.inputs.push(input);
      io.inputMap[port] = { node: node.id, param: name };
      if (value !== undefined) io.defaults[port] = value;
    }
  }
  for (const node of nodes) {
    if (!sinks.has(node.id)) continue;
    for (const spec of resolve(node.skill)?.outputs ?? []) {
      if (!PORT_NAME.test(spec.name)) continue;
      const port = portName(node.id, spec.name, taken.outputs);
      io.outputs.push({ name: port, type: spec.type, description: `${spec.name} of node ${node.id} (${node.skill})${spec.description ? `: ${spec.description}` : '.'}` });
      io.outputMap[port] = { node: node.id, output: spec.name };
    }
  }
  return io;
}

/** `<node>_<port>` as an identifier (`load-data`, `rows` → `load_data_rows`), unique among `taken`. */
function portName(node: string, port: string, taken: Set<string>): string {
  let base = `${node}_${port}`.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
  taken.add(name);
  return name;
}

/** Whether a default may sit under a type (the skill schema checks scalars only). */
function fits(type: IoType, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (type === 'number' || type === 'string' || type === 'boolean') return typeof value === type;
  return true;
}
