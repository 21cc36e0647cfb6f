import { describe, expect, it } from 'vitest';
import { asContentHash, asPid, asSpanId, asTraceId } from '../core';
import { draftSpan } from './spanFixtures';
import { sealSpan, spanIdOf } from './spanId';
import type { SpanDraft } from './types';

describe('spanIdOf', () => {
  it('gives a fixed draft a known id, so any change to canonical JSON or hashing is caught', async () => {
    // Checked independently: `printf '%s' '<canonical JSON>' | sha256sum`, the JSON written by hand
    // with sorted keys: {"attributes":{"weft.cache.hit":false,"weft.skill":"load-data"},"end":…}.
    expect(await spanIdOf(draftSpan())).toBe('abc69d5e38bedd129c79b012b72c45dc6b6e63985d6e869691d204f1421bae5f');
  });

  it('does not depend on the order of keys', async () => {
    const draft = draftSpan({ attributes: { b: 1, a: 'x' } });
    const reordered = Object.fromEntries(Object.entries(draft).reverse()) as unknown as SpanDraft;
    const attrsReordered = { ...draft, attributes: { a: 'x', b: 1 } };
    const id = await spanIdOf(draft);
    expect(await spanIdOf(reordered)).toBe(id);
    expect(await spanIdOf(attrsReordered)).toBe(id);
  });

  it('changes when any field changes', async () => {
    const base = draftSpan();
    const changes: Partial<SpanDraft>[] = [
      { traceId: asTraceId('1'.repeat(32)) },
      { parents: [asSpanId('a'.repeat(64))] },
      { kind: 'tool' },
      { name: 'load-data2' },
      { pid: asPid(4) },
      { pid: null },
      { start: base.start + 0.001 },
      { end: base.end + 1 },
      { status: 'cached' },
      { inputsHash: null },
      { outputsHash: asContentHash('3'.repeat(64)) },
      { energy: { ...base.energy, tokensOut: 1 } },
      { attributes: { ...base.attributes, 'weft.cache.hit': true } },
    ];
    const ids = await Promise.all([base, ...changes.map((c) => ({ ...base, ...c }))].map(spanIdOf));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ignores the id itself and any extra property', async () => {
    const span = await sealSpan(draftSpan());
    expect(await spanIdOf(span)).toBe(span.id);
    expect(await spanIdOf({ ...span, id: asSpanId('f'.repeat(64)) })).toBe(span.id);
    expect(await spanIdOf({ ...draftSpan(), key: 'local-7' } as SpanDraft)).toBe(span.id);
  });
});

describe('sealSpan', () => {
  it('adds the content id to the draft and keeps every field', async () => {
    const draft = draftSpan();
    const span = await sealSpan(draft);
    expect(span).toEqual({ ...draft, id: await spanIdOf(draft) });
    expect(span.id).toMatch(/^[0-9a-f]{64}$/);
  });
});
