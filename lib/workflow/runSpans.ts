/**
 * The spans of a finished run. Spans are content-addressed, so a child can name its parents only
 * once they are sealed; the run span ends last, yet roots name it as their parent, so all spans
 * are sealed when the run ends: the run span first, then node spans level by level.
 *
 * - `run` span: the whole run, no parents. Its attributes count nodes by status, and
 *   `weft.nodes.skipped_ids` / `weft.nodes.unstarted_ids` list the nodes that have no span:
 *   skipped after an upstream failure, or cancelled before they started (span statuses have no
 *   "skipped", and a span records work that happened).
 * - `node` span per node that started (ran, came from the cache, or failed before running): its
 *   parents are the spans of the upstream nodes whose outputs it consumed; a node with no
 *   incoming edge names the run span instead, listed in `weft.concurrent_parents` (the run
 *   encloses it, so `verifyTrace`'s child-after-parent rule is waived for that link only).
 */
import { type ContentHash, hashJson, type Pid, type SpanId, type TraceId } from '../core';
import { type Attributes, makeTrace, sealSpan, type Span, type SpanStatus, sumEnergy, type Trace, WeftAttr } from '../spans';
import type { NodeRecord } from './nodeRecord';
import type { ResolvedSkill } from './runTypes';
import { levelOf } from './topologicalLevels';
import type { Workflow } from './types';
import type { WorkflowGraph } from './workflowGraph';

export interface RunSpanInput {
  readonly traceId: TraceId;
  readonly runId: string;
  readonly workflow: Workflow;
  readonly graph: WorkflowGraph;
  readonly records: readonly NodeRecord[];
  readonly skills: ReadonlyMap<string, ResolvedSkill>;
  readonly status: SpanStatus;
  readonly start: number;
  readonly end: number;
  readonly seed: number;
  readonly runtimeVersion: string;
  readonly pid: Pid | null;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Seals the run's spans; returns the trace and each node's span id (null without a span). */
export async function buildRunTrace(input: RunSpanInput): Promise<{ trace: Trace; spanIds: (SpanId | null)[] }> {
  const { graph, records } = input;
  const run = await sealSpan({
    traceId: input.traceId,
    parents: [],
    kind: 'run',
    name: input.workflow.name,
    pid: input.pid,
    start: input.start,
    end: input.end,
    status: input.status,
    inputsHash: await safeHash(input.workflow),
    outputsHash: await safeHash(Object.fromEntries(graph.nodes.flatMap((n, i) => (records[i]!.outputsHash ? [[n.id, records[i]!.outputsHash]] : [])))),
    energy: sumEnergy(records.map((r) => r.energy)),
    attributes: runAttributes(input),
  });
  const spanIds: (SpanId | null)[] = graph.nodes.map(() => null);
  const spans: (Span | null)[] = graph.nodes.map(() => null);
  // Parents always sit on a lower level, so each level's spans can be sealed together.
  const levels = levelOf(graph) ?? new Int32Array(graph.nodes.length);
  const byLevel: number[][] = [];
  records.forEach((record, i) => {
    if (record.start === null || record.end === null) return;
    (byLevel[levels[i]!] ??= []).push(i);
  });
  for (const level of byLevel) {
    if (!level) continue;
    const sealed = await Promise.all(level.map((i) => sealSpan(nodeDraft(input, i, spanIds, run.id))));
    level.forEach((i, k) => {
      spans[i] = sealed[k]!;
      spanIds[i] = sealed[k]!.id;
    });
  }
  const trace = await makeTrace(input.traceId, [run, ...spans.filter((s): s is Span => s !== null)]);
  return { trace, spanIds };
}

function nodeDraft(input: RunSpanInput, i: number, spanIds: readonly (SpanId | null)[], runSpan: SpanId) {
  const { graph } = input;
  const node = graph.nodes[i]!;
  const record = input.records[i]!;
  const distinct = new Set<SpanId>();
  for (const e of graph.inEdges[i]!) {
    const parent = spanIds[graph.from[e]!];
    if (parent) distinct.add(parent);
  }
  const parents = [...distinct];
  const resolved = input.skills.get(node.skill);
  const skill = resolved?.skill;
  const attributes: Record<string, Attributes[string]> = {
    'weft.run.id': input.runId,
    'weft.node.id': node.id,
    'weft.skill': node.skill,
    'weft.seed': record.seed,
    'weft.attempts': record.attempts,
    'weft.cache.hit': record.status === 'cached',
  };
  if (resolved) attributes['weft.skill.hash'] = resolved.hash;
  if (skill?.kind === 'executable') {
    attributes['weft.runtime'] = skill.runtime;
    if (skill.version) attributes['weft.skill.version'] = skill.version;
  }
  if (record.cacheKey) attributes['weft.cache.key'] = record.cacheKey;
  if (record.savedEnergy) attributes['weft.cache.saved_cpu_ms'] = record.savedEnergy.cpuMs;
  if (record.status !== 'cached') for (const [key, value] of Object.entries(record.details)) attributes[`weft.runtime.${key}`] = typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
  if (record.error) {
    attributes['error.type'] = record.error.code;
    attributes['error.message'] = record.error.message;
  }
  if (parents.length === 0) {
    parents.push(runSpan);
    attributes[WeftAttr.concurrentParents] = [runSpan];
  }
  const status: SpanStatus = record.status === 'ok' || record.status === 'cached' || record.status === 'cancelled' ? record.status : 'error';
  return {
    traceId: input.traceId,
    parents,
    kind: 'node' as const,
    name: node.id,
    pid: input.pid,
    start: record.start!,
    end: record.end!,
    status,
    inputsHash: record.cacheKey,
    outputsHash: record.outputsHash,
    energy: record.energy,
    attributes,
  };
}

function runAttributes(input: RunSpanInput): Attributes {
  const counts = { queued: 0, running: 0, ok: 0, error: 0, cancelled: 0, cached: 0, skipped: 0 };
  const skipped: string[] = [];
  const unstarted: string[] = [];
  let total = 0;
  input.records.forEach((record, i) => {
    if (record.status === null) return;
    total++;
    counts[record.status]++;
    if (record.status === 'skipped') skipped.push(input.graph.nodes[i]!.id);
    else if (record.start === null) unstarted.push(input.graph.nodes[i]!.id);
  });
  return {
    'weft.run.id': input.runId,
    'weft.workflow.id': input.workflow.id,
    'weft.workflow.name': input.workflow.name,
    // The workflow as it ran (params included, positions left out): replay and evolution read it.
    'weft.workflow': JSON.stringify({ nodes: input.workflow.nodes.map(({ position: _position, ...n }) => n), edges: input.workflow.edges }),
    'weft.seed': input.seed,
    'weft.runtime.version': input.runtimeVersion,
    'weft.nodes.total': total,
    'weft.nodes.ok': counts.ok,
    'weft.nodes.cached': counts.cached,
    'weft.nodes.error': counts.error,
    'weft.nodes.cancelled': counts.cancelled,
    'weft.nodes.skipped': counts.skipped,
    'weft.nodes.skipped_ids': skipped,
    'weft.nodes.unstarted_ids': unstarted,
    ...(input.error ? { 'error.type': input.error.code, 'error.message': input.error.message } : {}),
  };
}

async function safeHash(value: unknown): Promise<ContentHash | null> {
  try {
    return await hashJson(value);
  } catch {
    return null;
  }
}
