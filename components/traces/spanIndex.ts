/**
 * The causal links of a trace as indices: spans refer to their parents by id, and every view
 * (timeline order, critical path, graph, inspector) walks them both ways, so this is built once.
 */
import type { Span } from '@/lib/spans';

export interface SpanIndex {
  /** Span id → index of its first span (a tampered trace may repeat ids). */
  readonly byId: ReadonlyMap<string, number>;
  /** Each span's parents that exist in the trace, as indices (missing ones left out). */
  readonly parents: readonly (readonly number[])[];
  /** Each span's children, as indices, in span order. */
  readonly children: readonly (readonly number[])[];
}

/**
 * @example const index = indexSpans(trace.spans); index.children[index.byId.get(runId)!]
 */
export function indexSpans(spans: readonly Span[]): SpanIndex {
  const byId = new Map<string, number>();
  spans.forEach((s, i) => {
    if (!byId.has(s.id)) byId.set(s.id, i);
  });
  const parents: number[][] = spans.map(() => []);
  const children: number[][] = spans.map(() => []);
  spans.forEach((s, i) => {
    const seen = new Set<number>();
    for (const id of s.parents) {
      const p = byId.get(id);
      if (p === undefined || p === i || seen.has(p)) continue;
      seen.add(p);
      parents[i]!.push(p);
      children[p]!.push(i);
    }
  });
  return { byId, parents, children };
}
