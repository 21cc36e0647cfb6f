/**
 * What the trace list shows of one stored trace: its kind (workflow run, chat turn, agent step),
 * name, status, timing, totals and the skills that ran in it.
 */
import type { Span, Trace } from '../spans';

export type TraceKind = 'run' | 'chat' | 'agent';

export interface TraceSummary {
  readonly path: string;
  readonly traceId: string;
  readonly kind: TraceKind;
  readonly name: string;
  readonly status: 'ok' | 'error' | 'cancelled';
  readonly start: number;
  readonly durationMs: number;
  readonly spans: number;
  readonly energy: Span['energy'];
  readonly cacheHits: number;
  readonly skills: readonly string[];
}

/** The span a trace hangs from: a `run` span with no parents (else the earliest span). */
export function rootOf(trace: Trace): Span | undefined {
  return trace.spans.find((s) => s.kind === 'run' && s.parents.length === 0) ?? [...trace.spans].sort((a, b) => a.start - b.start)[0];
}

export function kindOf(root: Span | undefined): TraceKind {
  if (!root) return 'run';
  if (root.name === 'chat turn') return 'chat';
  if (root.name.startsWith('agent ')) return 'agent';
  return 'run';
}

export function summarizeTrace(path: string, trace: Trace): TraceSummary {
  const root = rootOf(trace);
  const kind = kindOf(root);
  const skills = new Set<string>();
  let cacheHits = 0;
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const s of trace.spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
    const skill = s.kind === 'node' ? s.attributes['weft.skill'] : s.kind === 'tool' ? s.attributes['gen_ai.tool.name'] : undefined;
    if (typeof skill === 'string') skills.add(skill);
    if (s.kind === 'node' && s.status === 'cached') cacheHits++;
  }
  const name = kind === 'run' ? String(root?.attributes['weft.workflow.name'] ?? root?.name ?? 'run') : kind === 'agent' ? (root?.name.slice(6) ?? 'agent') : 'chat turn';
  const status = root?.status === 'error' || root?.status === 'cancelled' ? root.status : 'ok';
  return {
    path,
    traceId: trace.traceId,
    kind,
    name,
    status,
    start: Number.isFinite(start) ? start : 0,
    durationMs: Number.isFinite(end - start) ? Math.max(0, end - start) : 0,
    spans: trace.spans.length,
    energy: root?.energy ?? { cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 },
    cacheHits,
    skills: [...skills].sort(),
  };
}
