/**
 * The critical path of a trace: the causal chain that decided when it finished. It ends at the
 * span without children that ends last and walks back, at each step, to the parent that ended
 * last (the one the span waited for). Parents a span lists in `weft.concurrent_parents` enclose
 * it rather than gate it (a run span around its nodes), so they are taken only when a span has
 * no other parent; that is how the walk climbs from a workflow's first nodes to the run span.
 */
import { type Span, WeftAttr } from '@/lib/spans';
import type { SpanIndex } from './spanIndex';

/**
 * The critical path as span indices, from its root to the span that ended last.
 * @example criticalPath(spans, indexSpans(spans)) // [run, left, join]
 */
export function criticalPath(spans: readonly Span[], index: SpanIndex): number[] {
  if (spans.length === 0) return [];
  let sink = -1;
  for (let i = 0; i < spans.length; i++) {
    if (index.children[i]!.length > 0) continue;
    if (sink === -1 || later(spans[i]!, spans[sink]!)) sink = i;
  }
  // Every span has a child only when links form a cycle (a tampered trace): start from the latest end.
  if (sink === -1) sink = spans.reduce((best, s, i) => (later(s, spans[best]!) ? i : best), 0);

  const path = [sink];
  const visited = new Set(path);
  for (let at = sink; ; ) {
    const next = gatingParent(spans, index, at, visited);
    if (next === -1) break;
    path.push(next);
    visited.add(next);
    at = next;
  }
  return path.reverse();
}

function gatingParent(spans: readonly Span[], index: SpanIndex, at: number, visited: ReadonlySet<number>): number {
  const concurrent = concurrentParents(spans[at]!);
  let best = -1;
  let bestEnclosing = -1;
  for (const p of index.parents[at]!) {
    if (visited.has(p)) continue;
    if (concurrent.has(spans[p]!.id)) {
      if (bestEnclosing === -1 || later(spans[p]!, spans[bestEnclosing]!)) bestEnclosing = p;
    } else if (best === -1 || later(spans[p]!, spans[best]!)) best = p;
  }
  return best !== -1 ? best : bestEnclosing;
}

function concurrentParents(span: Span): ReadonlySet<string> {
  const listed = span.attributes[WeftAttr.concurrentParents];
  return Array.isArray(listed) ? new Set(listed.map(String)) : EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Ends later; on a tie, started later (the shorter, more specific span). */
function later(a: Span, b: Span): boolean {
  return a.end > b.end || (a.end === b.end && a.start > b.start);
}
