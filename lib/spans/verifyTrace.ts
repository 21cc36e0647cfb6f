import type { SpanId } from '../core';
import { findCycles } from './findCycles';
import { spanIdOf } from './spanId';
import { traceRootHash } from './trace';
import { WeftAttr, type Span, type Trace } from './types';

/** What can be wrong with a trace. */
export type TraceProblemCode =
  | 'SPAN_ID_MISMATCH'
  | 'SPAN_DUPLICATE'
  | 'SPAN_WRONG_TRACE'
  | 'PARENT_MISSING'
  | 'CYCLE'
  | 'CHILD_BEFORE_PARENT'
  | 'END_BEFORE_START'
  | 'ROOT_HASH_MISMATCH';

/** One thing wrong with a trace; `spanId` is the span's stored id, or null for the trace as a whole. */
export interface TraceProblem {
  readonly spanId: SpanId | null;
  readonly code: TraceProblemCode;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The outcome of `verifyTrace`: ok when there are no problems. */
export interface TraceReport {
  readonly ok: boolean;
  readonly spanCount: number;
  readonly problems: readonly TraceProblem[];
}

/**
 * Checks a trace and reports every problem, span by span (in span order, the root hash last):
 * each id re-hashes to its span, ids are unique, every span belongs to the trace, every parent
 * exists, parent links have no cycle, no span ends before it starts, a child starts only after
 * its parents end unless it lists them in `weft.concurrent_parents`, and the root hash matches.
 * @example const report = await verifyTrace(trace); if (!report.ok) show(report.problems)
 */
export async function verifyTrace(trace: Trace): Promise<TraceReport> {
  const { spans } = trace;
  const recomputed = await Promise.all(spans.map((s) => spanIdOf(s).catch(() => null)));
  const firstIndex = new Map<string, number>();
  spans.forEach((s, i) => {
    if (!firstIndex.has(s.id)) firstIndex.set(s.id, i);
  });
  const edges = spans.map((s) => s.parents.flatMap((p) => (firstIndex.has(p) ? [firstIndex.get(p)!] : [])));
  // One id path per cycle, shared by the problems of all its spans (a ring may hold them all).
  const cycleOf = new Map<number, { path: SpanId[]; at: number }>();
  for (const cycle of findCycles(edges)) {
    const path = cycle.map((c) => spans[c]!.id);
    cycle.forEach((i, at) => {
      if (!cycleOf.has(i)) cycleOf.set(i, { path, at });
    });
  }

  const problems: TraceProblem[] = [];
  spans.forEach((span, i) => {
    const report = (code: TraceProblemCode, message: string, data: Record<string, unknown>) => problems.push({ spanId: span.id, code, message, data });
    const self = label(span);
    const actual = recomputed[i] ?? null;
    if (actual !== span.id) {
      report(
        'SPAN_ID_MISMATCH',
        actual === null
          ? `${self} cannot be hashed (a field holds something JSON cannot represent), so its id cannot be checked.`
          : `${self} was altered after it was sealed: its content now hashes to ${short(actual)}…, not to its id. Restore the original span, or re-seal it to give it a new id.`,
        { stored: span.id, recomputed: actual },
      );
    }
    const first = firstIndex.get(span.id)!;
    if (first !== i) {
      report('SPAN_DUPLICATE', `${self} appears more than once: at positions ${first} and ${i}. Each span should be listed once.`, {
        firstIndex: first,
        index: i,
      });
    }
    if (span.traceId !== trace.traceId) {
      report('SPAN_WRONG_TRACE', `${self} belongs to trace ${span.traceId}, not to this trace (${trace.traceId}).`, {
        spanTraceId: span.traceId,
        traceId: trace.traceId,
      });
    }
    if (span.end < span.start) {
      report('END_BEFORE_START', `${self} ends ${formatMs(span.start - span.end)} before it starts.`, { start: span.start, end: span.end });
    }
    const concurrent = concurrentParentsOf(span);
    for (const parentId of span.parents) {
      const p = firstIndex.get(parentId);
      if (p === undefined) {
        report('PARENT_MISSING', `${self} names parent ${short(parentId)}…, which is not in this trace.`, { parent: parentId });
        continue;
      }
      const parent = spans[p]!;
      if (span.start < parent.end && !concurrent.has(parentId)) {
        report(
          'CHILD_BEFORE_PARENT',
          `${self} starts ${formatMs(parent.end - span.start)} before its parent ${label(parent)} ends. If they really overlap, list the parent in ${WeftAttr.concurrentParents}.`,
          { parent: parentId, start: span.start, parentEnd: parent.end },
        );
      }
    }
    const cycle = cycleOf.get(i);
    if (cycle) {
      report(
        'CYCLE',
        `${self} is its own ancestor: its parent links go round in a cycle (${formatCycle(cycle.path, cycle.at)}). Causal parents must form a DAG.`,
        { cycle: cycle.path },
      );
    }
  });

  const rootHash = await traceRootHash(spans);
  if (rootHash !== trace.rootHash) {
    problems.push({
      spanId: null,
      code: 'ROOT_HASH_MISMATCH',
      message: `The trace's root hash ${short(trace.rootHash)}… does not match its spans (their ids hash to ${short(rootHash)}…): a span was added, removed or replaced.`,
      data: { stored: trace.rootHash, recomputed: rootHash },
    });
  }
  return { ok: problems.length === 0, spanCount: spans.length, problems };
}

function concurrentParentsOf(span: Span): ReadonlySet<string> {
  const listed = span.attributes[WeftAttr.concurrentParents];
  return new Set(Array.isArray(listed) ? listed.filter((x): x is string => typeof x === 'string') : []);
}

function label(span: Span): string {
  return `Span "${span.name}" (${short(span.id)}…)`;
}

function short(id: string): string {
  return id.slice(0, 12);
}

function formatMs(ms: number): string {
  return `${Number(ms.toFixed(3))} ms`;
}

// Written from the span `at` round to itself, child → parent → …; long cycles are elided in the middle.
function formatCycle(path: readonly string[], at: number): string {
  const n = path.length;
  const step = (k: number) => short(path[(at + k) % n]!);
  const shown = n <= 6 ? Array.from({ length: n }, (_, k) => step(k)) : [step(0), step(1), step(2), `… ${n - 5} more …`, step(n - 2), step(n - 1)];
  return [...shown, step(0)].join(' → ');
}
