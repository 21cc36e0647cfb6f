import { nameProblem } from '../skills';
import { GenAI, type Span, type Trace } from '../spans';
import { NODE_ID, PORT_NAME, type WorkflowEdge } from '../workflow';
import type { MinedNode } from './types';

/** What one trace holds for mining. */
export type TraceReading =
  | { readonly kind: 'workflow'; readonly ok: boolean; readonly at: number; readonly name: string; readonly nodes: readonly MinedNode[]; readonly edges: readonly WorkflowEdge[] }
  | { readonly kind: 'tools'; readonly ok: boolean; readonly at: number; readonly name: string; readonly tools: readonly string[] }
  /** Readable, but nothing to mine: a turn with fewer than two tool calls. */
  | { readonly kind: 'none' }
  /** Unreadable: no run span, or a workflow attribute that does not parse. */
  | { readonly kind: 'skip' };

const SKIP = { kind: 'skip' } as const;
const NONE = { kind: 'none' } as const;

/**
 * Reads a trace: a workflow run (its run span carries `weft.workflow`, the workflow as it ran), or
 * a chat turn or agent step (its tool calls, in start order). Never throws on a malformed trace.
 */
export function readTrace(trace: Trace): TraceReading {
  const spans = Array.isArray(trace?.spans) ? trace.spans : [];
  const run = spans.find((s) => s?.kind === 'run' && Array.isArray(s.parents) && s.parents.length === 0);
  if (!run || typeof run.attributes !== 'object' || run.attributes === null) return SKIP;
  const at = Number.isFinite(run.start) ? run.start : 0;
  const attrs = run.attributes;
  if ('weft.workflow' in attrs || 'weft.workflow.name' in attrs) {
    const parsed = typeof attrs['weft.workflow'] === 'string' ? parseWorkflowAttr(attrs['weft.workflow']) : null;
    if (!parsed) return SKIP;
    const name = typeof attrs['weft.workflow.name'] === 'string' ? attrs['weft.workflow.name'] : String(run.name);
    return { kind: 'workflow', ok: run.status === 'ok', at, name, ...parsed };
  }
  const calls = spans.filter((s): s is Span => s?.kind === 'tool' && typeof s.attributes?.[GenAI.toolName] === 'string');
  if (calls.length < 2) return NONE;
  // Stable: calls that started together keep the order they were recorded in.
  const sorted = calls.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.i - b.i);
  const ok = run.status === 'ok' && spans.every((s) => s?.kind !== 'tool' || s.status === 'ok');
  return { kind: 'tools', ok, at, name: String(run.name), tools: sorted.map(({ s }) => s.attributes[GenAI.toolName] as string) };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `weft.workflow` (`{ nodes, edges }`, see lib/workflow/runSpans.ts), checked as far as compounds need; null if unusable. */
function parseWorkflowAttr(text: string): { nodes: MinedNode[]; edges: WorkflowEdge[] } | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(json) || !Array.isArray(json.nodes) || !Array.isArray(json.edges ?? [])) return null;
  const nodes: MinedNode[] = [];
  const ids = new Set<string>();
  for (const raw of json.nodes) {
    const node = readNode(raw);
    if (!node || ids.has(node.id)) return null;
    ids.add(node.id);
    nodes.push(node);
  }
  const edges: WorkflowEdge[] = [];
  for (const raw of (json.edges ?? []) as unknown[]) {
    if (!isObject(raw) || !isObject(raw.from) || !isObject(raw.to)) return null;
    const { node: from, output } = raw.from;
    const { node: to, input } = raw.to;
    if (typeof from !== 'string' || typeof to !== 'string' || !ids.has(from) || !ids.has(to)) return null;
    if (typeof output !== 'string' || typeof input !== 'string' || !PORT_NAME.test(output) || !PORT_NAME.test(input)) return null;
    edges.push({ from: { node: from, output }, to: { node: to, input } });
  }
  return { nodes, edges };
}

function readNode(raw: unknown): MinedNode | null {
  if (!isObject(raw)) return null;
  const { id, skill, params = {}, label, timeoutMs, retry } = raw;
  if (typeof id !== 'string' || !NODE_ID.test(id) || id === '__proto__') return null;
  if (typeof skill !== 'string' || nameProblem(skill) !== null || !isObject(params)) return null;
  if (retry !== undefined && !(isObject(retry) && typeof retry.count === 'number' && typeof retry.backoffMs === 'number')) return null;
  return {
    id,
    skill,
    params,
    ...(typeof label === 'string' && { label }),
    ...(typeof timeoutMs === 'number' && { timeoutMs }),
    ...(isObject(retry) && { retry: { count: retry.count as number, backoffMs: retry.backoffMs as number } }),
  };
}
