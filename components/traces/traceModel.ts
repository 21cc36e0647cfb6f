/**
 * Everything the trace view derives from a trace, computed once when it loads: the causal
 * index, the timeline layout, the critical path, the totals and what the trace is. Every step
 * is O(n log n), so a 10,000-span trace builds in milliseconds and scrolling does no work.
 */
import type { TraceEntry } from '@/lib/kernel/protocol';
import type { Trace } from '@/lib/spans';
import { criticalPath } from './criticalPath';
import { indexSpans, type SpanIndex } from './spanIndex';
import { layoutTimeline, type TimelineLayout } from './timelineLayout';
import { summarizeTrace, type TraceSummary } from './traceSummary';
import { traceTotals, type TraceTotals } from './traceTotals';

export interface TraceModel {
  readonly trace: Trace;
  readonly index: SpanIndex;
  readonly layout: TimelineLayout;
  /** Span indices of the critical path, root first. */
  readonly critical: readonly number[];
  /** Per span index: 1 on the critical path. */
  readonly onCritical: Uint8Array;
  readonly totals: TraceTotals;
  readonly summary: TraceSummary;
}

/** @example const model = buildTraceModel(trace); model.layout.rows.length === trace.spans.length */
export function buildTraceModel(trace: Trace, entry?: Pick<TraceEntry, 'kind' | 'name'> | null): TraceModel {
  const { spans } = trace;
  const index = indexSpans(spans);
  const critical = criticalPath(spans, index);
  const onCritical = new Uint8Array(spans.length);
  for (const i of critical) onCritical[i] = 1;
  return {
    trace,
    index,
    layout: layoutTimeline(spans, index),
    critical,
    onCritical,
    totals: traceTotals(spans, index),
    summary: summarizeTrace(spans, entry),
  };
}
