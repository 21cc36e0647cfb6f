import { asSpanId, hashJson, type SpanId } from '../core';
import type { Span, SpanDraft } from './types';

/**
 * The content id of a span: SHA-256 of the canonical JSON of its fields other than `id`.
 * Only the fields of `SpanDraft` count, so stray extra properties never change an id.
 * @example await spanIdOf(draft) === (await sealSpan(draft)).id
 */
export async function spanIdOf(span: SpanDraft | Span): Promise<SpanId> {
  return asSpanId(await hashJson(draftOf(span)));
}

/** The span of a draft, with its content id. */
export async function sealSpan(draft: SpanDraft): Promise<Span> {
  const fields = draftOf(draft);
  return { id: asSpanId(await hashJson(fields)), ...fields };
}

function draftOf(span: SpanDraft): SpanDraft {
  return {
    traceId: span.traceId,
    parents: span.parents,
    kind: span.kind,
    name: span.name,
    pid: span.pid,
    start: span.start,
    end: span.end,
    status: span.status,
    inputsHash: span.inputsHash,
    outputsHash: span.outputsHash,
    energy: span.energy,
    attributes: span.attributes,
  };
}
