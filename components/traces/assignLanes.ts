import { MinHeap } from './minHeap';

/**
 * Interval partitioning: each span gets the lowest lane that is free at its start (a lane frees
 * when its span ends; an instant span holds none). `count` is the peak number running at once.
 * @example assignLanes([{start: 0, end: 10}, {start: 5, end: 8}, {start: 10, end: 12}]).lane // [0, 1, 0]
 */
export function assignLanes(spans: readonly { readonly start: number; readonly end: number }[]): { lane: Int32Array; count: number } {
  const lane = new Int32Array(spans.length);
  const byStart = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end || a - b);
  const busy = new MinHeap<{ end: number; lane: number }>((a, b) => a.end - b.end || a.lane - b.lane);
  const free = new MinHeap<number>((a, b) => a - b);
  let count = 0;
  for (const i of byStart) {
    const { start, end } = spans[i]!;
    while (busy.size > 0 && busy.peek()!.end <= start) free.push(busy.pop()!.lane);
    const l = free.size > 0 ? free.pop()! : count++;
    lane[i] = l;
    if (end > start) busy.push({ end, lane: l });
    else free.push(l);
  }
  return { lane, count };
}
