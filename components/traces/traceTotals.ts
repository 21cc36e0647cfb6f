/**
 * The numbers a trace's header shows: how long it ran, what it consumed, how many spans and
 * cache hits. A `run` span's energy is the sum of its children's (see lib/workflow/runSpans.ts
 * and lib/llm/turn/turnSpans.ts), so it counts only when it has no children in the trace.
 */
import { addEnergy, type Energy, type Span, type SpanKind, ZERO_ENERGY } from '@/lib/spans';
import { assignLanes } from './assignLanes';
import type { SpanIndex } from './spanIndex';

export interface TraceTotals {
  /** Latest end minus earliest start, in ms (0 for an empty trace). */
  readonly durationMs: number;
  readonly energy: Energy;
  readonly spanCount: number;
  /** Spans whose outputs came from the memo cache. */
  readonly cacheHits: number;
  readonly errors: number;
  readonly byKind: Readonly<Record<SpanKind, number>>;
  /** The most spans (other than `run` spans, which enclose the rest) running at once. */
  readonly peakParallel: number;
}

/**
 * @example traceTotals(trace.spans, indexSpans(trace.spans)).energy.tokensIn
 */
export function traceTotals(spans: readonly Span[], index: SpanIndex): TraceTotals {
  let energy = ZERO_ENERGY;
  let cacheHits = 0;
  let errors = 0;
  let t0 = Infinity;
  let t1 = -Infinity;
  const byKind: Record<SpanKind, number> = { run: 0, node: 0, llm: 0, tool: 0, message: 0, syscall: 0 };
  spans.forEach((s, i) => {
    t0 = Math.min(t0, s.start);
    t1 = Math.max(t1, s.end, s.start);
    byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
    if (isCacheHit(s)) cacheHits++;
    if (s.status === 'error') errors++;
    if (!(s.kind === 'run' && index.children[i]!.length > 0)) energy = addEnergy(energy, s.energy);
  });
  const work = spans.filter((s) => s.kind !== 'run');
  return {
    durationMs: spans.length === 0 ? 0 : t1 - t0,
    energy,
    spanCount: spans.length,
    cacheHits,
    errors,
    byKind,
    peakParallel: assignLanes(work.length > 0 ? work : spans).count,
  };
}

/** A span served from the memo cache: its status says so, or its `weft.cache.hit` attribute. */
export function isCacheHit(span: Span): boolean {
  return span.status === 'cached' || span.attributes['weft.cache.hit'] === true;
}
