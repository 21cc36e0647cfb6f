// Test fixtures only: hand-made spans with readable ids (not their hashes), shared by the traces tests.
import { fakeSpan } from '@/lib/spans/spanFixtures';
import { type Span, type SpanDraft, WeftAttr } from '@/lib/spans';

/** A span `id` with `parents`, from `start` to `end` (ms), and any other field overridden. */
export function span(id: string, parents: string[], start: number, end: number, over: Partial<SpanDraft> = {}): Span {
  return fakeSpan(id, parents, { start, end, energy: { cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 }, attributes: {}, ...over });
}

/** A node the run span encloses: its parent is the run, listed in `weft.concurrent_parents`. */
export function enclosed(id: string, run: string, start: number, end: number, over: Partial<SpanDraft> = {}): Span {
  return span(id, [run], start, end, { ...over, attributes: { [WeftAttr.concurrentParents]: [run], ...over.attributes } });
}

/** The ids of spans at the given indices. */
export function ids(spans: readonly Span[], indices: Iterable<number>): string[] {
  return [...indices].map((i) => spans[i]!.id);
}
