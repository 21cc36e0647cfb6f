/**
 * The Gantt layout of a trace, computed once per trace so scrolling and zooming do no work per
 * span: the row order (parents before children, otherwise by start), each row's indent, its
 * offset and length on the time axis, and a lane per span (spans in different lanes overlap in
 * time: the parallel branches).
 */
import type { Span } from '@/lib/spans';
import { assignLanes } from './assignLanes';
import { MinHeap } from './minHeap';
import type { SpanIndex } from './spanIndex';

export interface TimelineRow {
  /** Index of the span in `trace.spans`. */
  readonly span: number;
  /** Causal depth: 0 for a root, else one more than its deepest parent. */
  readonly depth: number;
  /** Milliseconds from the trace's start to the span's. */
  readonly offset: number;
  /** The span's length in milliseconds (0 for an instant, e.g. a message). */
  readonly duration: number;
  /** Lowest lane free when the span started; overlapping spans never share one. */
  readonly lane: number;
}

export interface TimelineLayout {
  readonly rows: readonly TimelineRow[];
  /** Span index → row index. */
  readonly rowOf: Int32Array;
  /** Earliest start and latest end, epoch ms. */
  readonly t0: number;
  readonly t1: number;
  /** `t1 - t0`, at least 1 µs so a scale can divide by it. */
  readonly total: number;
  /** How many lanes the spans needed: the most spans running at once. */
  readonly lanes: number;
}

/**
 * @example const layout = layoutTimeline(trace.spans, indexSpans(trace.spans)); layout.rows[0].span // the run span
 */
export function layoutTimeline(spans: readonly Span[], index: SpanIndex): TimelineLayout {
  const order = causalOrder(spans, index);
  const depth = new Int32Array(spans.length);
  for (const i of order) {
    let d = 0;
    for (const p of index.parents[i]!) d = Math.max(d, depth[p]! + 1);
    depth[i] = d;
  }
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const s of spans) {
    t0 = Math.min(t0, s.start);
    t1 = Math.max(t1, s.end, s.start);
  }
  if (spans.length === 0) t0 = t1 = 0;
  const { lane, count } = assignLanes(spans);
  const rowOf = new Int32Array(spans.length);
  const rows = order.map((i, r): TimelineRow => {
    rowOf[i] = r;
    const s = spans[i]!;
    return { span: i, depth: depth[i]!, offset: s.start - t0, duration: Math.max(0, s.end - s.start), lane: lane[i]! };
  });
  return { rows, rowOf, t0, t1, total: Math.max(t1 - t0, 0.001), lanes: count };
}

/**
 * Span indices, each after all its parents, otherwise by start (then by position in the file).
 * Spans caught in a cycle (only a tampered trace has one) come last, by start.
 */
export function causalOrder(spans: readonly Span[], index: SpanIndex): number[] {
  const before = (a: number, b: number) => spans[a]!.start - spans[b]!.start || a - b;
  const waiting = index.parents.map((p) => p.length);
  const ready = new MinHeap<number>(before);
  waiting.forEach((n, i) => n === 0 && ready.push(i));
  const order: number[] = [];
  const placed = new Uint8Array(spans.length);
  while (ready.size > 0) {
    const i = ready.pop()!;
    order.push(i);
    placed[i] = 1;
    for (const c of index.children[i]!) if (--waiting[c]! === 0) ready.push(c);
  }
  if (order.length < spans.length) {
    const rest = spans.map((_, i) => i).filter((i) => placed[i] === 0);
    order.push(...rest.sort(before));
  }
  return order;
}
