import { hashJson, type ContentHash, type SpanId, type TraceId } from '../core';
import type { Span, Trace } from './types';

/**
 * A trace of spans, with its root hash.
 * @example const trace = await makeTrace(newTraceId(), spans)
 */
export async function makeTrace(traceId: TraceId, spans: readonly Span[]): Promise<Trace> {
  return { traceId, spans: [...spans], rootHash: await traceRootHash(spans) };
}

/**
 * The root hash of spans: `hashJson` of their ids sorted ascending (by UTF-16 code unit, which
 * for lowercase hex is plain alphabetical order). Duplicates are kept, so the hash commits to
 * exactly the spans listed, independent of their order. Each id already commits to its span's
 * content, so the root hash commits to the whole trace.
 */
export function traceRootHash(spans: readonly Pick<Span, 'id'>[]): Promise<ContentHash> {
  const ids: SpanId[] = spans.map((s) => s.id);
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return hashJson(ids);
}
