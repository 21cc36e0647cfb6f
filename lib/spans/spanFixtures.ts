// Test fixtures only: deterministic drafts and a small causal DAG, shared by the spans tests.
import { asContentHash, asPid, asTraceId, type SpanId } from '../core';
import { sealSpan } from './spanId';
import { makeTrace } from './trace';
import type { Span, SpanDraft, Trace } from './types';

export const TRACE_ID = asTraceId('0af7651916cd43dd8448eb211c80319c');

/** A fixed draft; `overrides` replace its fields. */
export function draftSpan(overrides: Partial<SpanDraft> = {}): SpanDraft {
  return {
    traceId: TRACE_ID,
    parents: [],
    kind: 'node',
    name: 'load-data',
    pid: asPid(3),
    start: 1763734867123.456,
    end: 1763734867200,
    status: 'ok',
    inputsHash: asContentHash('1'.repeat(64)),
    outputsHash: asContentHash('2'.repeat(64)),
    energy: { cpuMs: 76.5, tokensIn: 0, tokensOut: 0, bytes: 2048 },
    attributes: { 'weft.skill': 'load-data', 'weft.cache.hit': false },
    ...overrides,
  };
}

/** run → (left ∥ right) → join, each child starting after its parents end. */
export async function diamond(): Promise<{ run: Span; left: Span; right: Span; join: Span; trace: Trace }> {
  const at = (start: number, end: number) => ({ start, end });
  const run = await sealSpan(draftSpan({ kind: 'run', name: 'run', pid: asPid(1), ...at(1000, 1001) }));
  const left = await sealSpan(draftSpan({ name: 'left', parents: [run.id], ...at(1001, 1010) }));
  const right = await sealSpan(draftSpan({ name: 'right', parents: [run.id], ...at(1001.5, 1008) }));
  const join = await sealSpan(draftSpan({ name: 'join', parents: [left.id, right.id], ...at(1010, 1020) }));
  return { run, left, right, join, trace: await makeTrace(TRACE_ID, [run, left, right, join]) };
}

/** A span with an id chosen by hand (not its hash), for graphs that sealing cannot produce. */
export function fakeSpan(id: string, parents: string[], overrides: Partial<SpanDraft> = {}): Span {
  return { ...draftSpan({ name: id, parents: parents as SpanId[], ...overrides }), id: id as SpanId };
}
