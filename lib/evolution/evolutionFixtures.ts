// Test fixtures only: workflow-run and chat-turn traces shaped like the ones lib/workflow/runSpans.ts
// and lib/llm/turn/turnSpans.ts record, and a few skills' inputs and outputs.
import { asTraceId, type TraceId } from '../core';
import type { IoSpec } from '../skills';
import { GenAI, makeTrace, sealSpan, type Span, type SpanDraft, type SpanStatus, type Trace } from '../spans';
import type { ResolveIo } from './types';

export interface FixtureNode {
  readonly id: string;
  readonly skill: string;
  readonly params?: Record<string, unknown>;
  readonly label?: string;
}

let next = 1;
/** A fresh trace id each call (32 hex digits, distinct in the first 8). */
export const freshTraceId = (): TraceId => asTraceId(`${(0x4bf92f00 + next++).toString(16)}${'a3ce929d0e0e4736'}${'00f067aa'}`);

const energy = { cpuMs: 1, tokensIn: 0, tokensOut: 0, bytes: 0 };

function draft(traceId: TraceId, fields: Partial<SpanDraft> & Pick<SpanDraft, 'kind' | 'name' | 'start' | 'end'>): SpanDraft {
  return { traceId, parents: [], pid: null, status: 'ok', inputsHash: null, outputsHash: null, energy, attributes: {}, ...fields };
}

/** `'load.rows->stats.table'` as an edge. */
function edge(text: string) {
  const [from, to] = text.split('->') as [string, string];
  const [fromNode, output] = from.split('.') as [string, string];
  const [toNode, input] = to.split('.') as [string, string];
  return { from: { node: fromNode, output }, to: { node: toNode, input } };
}

/** A workflow run's trace: the run span (with `weft.workflow`) and one node span per node. */
export async function workflowTrace(options: { nodes: readonly FixtureNode[]; edges?: readonly string[]; name?: string; status?: SpanStatus; at?: number; traceId?: TraceId }): Promise<Trace> {
  const traceId = options.traceId ?? freshTraceId();
  const at = options.at ?? 1_000;
  const workflow = { nodes: options.nodes.map((n) => ({ id: n.id, skill: n.skill, params: n.params ?? {}, ...(n.label && { label: n.label }) })), edges: (options.edges ?? []).map(edge) };
  const name = options.name ?? 'CSV stats';
  const run = await sealSpan(
    draft(traceId, {
      kind: 'run',
      name,
      start: at,
      end: at + 100,
      status: options.status ?? 'ok',
      attributes: { 'weft.run.id': `run-${traceId}`, 'weft.workflow.id': 'wf', 'weft.workflow.name': name, 'weft.workflow': JSON.stringify(workflow), 'weft.seed': 0 },
    }),
  );
  const nodes: Span[] = [];
  for (const [i, n] of options.nodes.entries()) {
    nodes.push(await sealSpan(draft(traceId, { kind: 'node', name: n.id, parents: [run.id], start: at + i, end: at + i + 1, attributes: { 'weft.node.id': n.id, 'weft.skill': n.skill } })));
  }
  return makeTrace(traceId, [run, ...nodes]);
}

/** A chat turn's trace: the run span, one model call, and its tool calls in order. */
export async function turnTrace(options: { tools: readonly (string | { name: string; status: SpanStatus })[]; status?: SpanStatus; at?: number; traceId?: TraceId }): Promise<Trace> {
  const traceId = options.traceId ?? freshTraceId();
  const at = options.at ?? 1_000;
  const run = await sealSpan(draft(traceId, { kind: 'run', name: 'chat turn', start: at, end: at + 100, status: options.status ?? 'ok', attributes: { [GenAI.requestModel]: 'test' } }));
  const llm = await sealSpan(draft(traceId, { kind: 'llm', name: 'chat test', parents: [run.id], start: at, end: at + 1, attributes: { [GenAI.operationName]: 'chat' } }));
  const tools: Span[] = [];
  for (const [i, tool] of options.tools.entries()) {
    const { name, status } = typeof tool === 'string' ? { name: tool, status: 'ok' as const } : tool;
    tools.push(await sealSpan(draft(traceId, { kind: 'tool', name: `execute_tool ${name}`, parents: [llm.id], start: at + 2 + i, end: at + 3 + i, status, attributes: { [GenAI.operationName]: 'execute_tool', [GenAI.toolName]: name, [GenAI.toolCallId]: `call_${i}` } })));
  }
  return makeTrace(traceId, [run, llm, ...tools]);
}

const io = (name: string, type: IoSpec['type'], extra: Partial<IoSpec> = {}): IoSpec => ({ name, type, ...extra });

/** csv-load → csv-stats → line-plot, as the skills library would resolve them. */
export const SKILLS: Record<string, { inputs: IoSpec[]; outputs: IoSpec[] }> = {
  'csv-load': { inputs: [io('path', 'string'), io('delimiter', 'string', { default: ',' })], outputs: [io('rows', 'table')] },
  'csv-stats': { inputs: [io('table', 'table'), io('column', 'string'), io('bins', 'number', { default: 10 })], outputs: [io('stats', 'json'), io('summary', 'string', { description: 'One line.' })] },
  'line-plot': { inputs: [io('data', 'json'), io('title', 'string', { default: 'Plot' }), io('width', 'number')], outputs: [io('plot', 'plot')] },
};

export const resolveSkill: ResolveIo = (skill) => SKILLS[skill] ?? null;

/** The three-step CSV workflow, with params for one run. */
export function csvWorkflow(params: { path?: string; column?: string; bins?: number; title?: string } = {}, ids = { load: 'load', stats: 'stats', plot: 'plot' }) {
  return {
    nodes: [
      { id: ids.load, skill: 'csv-load', params: { path: params.path ?? 'data.csv' } },
      { id: ids.stats, skill: 'csv-stats', params: { column: params.column ?? 'price', bins: params.bins ?? 10 } },
      { id: ids.plot, skill: 'line-plot', params: { title: params.title ?? 'Prices' } },
    ],
    edges: [`${ids.load}.rows->${ids.stats}.table`, `${ids.stats}.stats->${ids.plot}.data`],
  };
}
