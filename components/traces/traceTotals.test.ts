import { describe, expect, it } from 'vitest';
import { indexSpans } from './spanIndex';
import { enclosed, span } from './testSpans';
import { traceTotals } from './traceTotals';
import type { Span } from '@/lib/spans';

const totalsOf = (spans: Span[]) => traceTotals(spans, indexSpans(spans));
const energy = (cpuMs: number, tokensIn = 0, tokensOut = 0, bytes = 0) => ({ cpuMs, tokensIn, tokensOut, bytes });

describe('traceTotals', () => {
  it('sums the work spans once, not again through the run span that already sums them', () => {
    const spans = [
      span('run', [], 1000, 1250, { kind: 'run', energy: energy(30, 100, 20, 64) }),
      enclosed('a', 'run', 1001, 1100, { energy: energy(10, 40, 5, 32) }),
      span('b', ['a'], 1100, 1249, { energy: energy(20, 60, 15, 32) }),
    ];
    const t = totalsOf(spans);
    expect(t.energy).toEqual(energy(30, 100, 20, 64));
    expect(t.durationMs).toBe(250);
    expect(t.spanCount).toBe(3);
    expect(t.byKind).toMatchObject({ run: 1, node: 2, llm: 0 });
  });

  it('counts a lone run span’s own energy', () => {
    expect(totalsOf([span('run', [], 0, 5, { kind: 'run', energy: energy(7, 3, 4) })]).energy).toEqual(energy(7, 3, 4));
  });

  it('counts cache hits by status or by weft.cache.hit, each span once, and errors', () => {
    const spans = [
      span('run', [], 0, 10, { kind: 'run' }),
      enclosed('cached', 'run', 1, 2, { status: 'cached', attributes: { 'weft.cache.hit': true } }),
      enclosed('flagged', 'run', 1, 2, { attributes: { 'weft.cache.hit': true } }),
      enclosed('ran', 'run', 1, 9, { attributes: { 'weft.cache.hit': false } }),
      enclosed('failed', 'run', 2, 3, { status: 'error' }),
    ];
    const t = totalsOf(spans);
    expect(t.cacheHits).toBe(2);
    expect(t.errors).toBe(1);
  });

  it('reports the most work spans running at once, leaving out the enclosing run span', () => {
    const spans = [span('run', [], 0, 10, { kind: 'run' }), enclosed('a', 'run', 0, 5), enclosed('b', 'run', 1, 4), enclosed('c', 'run', 2, 3), span('d', ['a'], 5, 9)];
    expect(totalsOf(spans).peakParallel).toBe(3);
  });

  it('is all zeros for an empty trace', () => {
    const t = totalsOf([]);
    expect(t).toMatchObject({ durationMs: 0, spanCount: 0, cacheHits: 0, peakParallel: 0, energy: energy(0) });
  });
});
