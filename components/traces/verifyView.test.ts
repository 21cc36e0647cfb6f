import { describe, expect, it } from 'vitest';
import type { TraceVerification } from '@/lib/kernel/protocol';
import { groupProblems, tamperedSpanIds, verifyHeadline } from './verifyView';

const ok: TraceVerification = { path: 'traces/2025/03/a.json', ok: true, spanCount: 12, problems: [] };
const failed: TraceVerification = {
  path: 'traces/2025/03/a.json',
  ok: false,
  spanCount: 12,
  problems: [
    { spanId: 'aaa', code: 'SPAN_ID_MISMATCH', message: 'load-data: its id does not match its content' },
    { spanId: 'bbb', code: 'PARENT_MISSING', message: 'plot: parent ccc is not in the trace' },
    { spanId: 'aaa', code: 'CHILD_BEFORE_PARENT', message: 'load-data starts before run ends' },
    { spanId: null, code: 'ROOT_HASH_MISMATCH', message: 'the root hash does not match the span ids' },
  ],
};

describe('verify view', () => {
  it('says a sound trace checks out, with its span count', () => {
    expect(verifyHeadline(ok)).toBe('Verified: 12 spans, all ids and causal links check out');
    expect(verifyHeadline({ ...ok, spanCount: 1 })).toBe('Verified: 1 span, all ids and causal links check out');
  });

  it('counts problems and the spans they are in', () => {
    expect(verifyHeadline(failed)).toBe('Verification failed: 4 problems in 2 of 12 spans');
  });

  it('groups problems span by span, the trace-wide ones apart', () => {
    expect(groupProblems(failed).map((g) => [g.spanId, g.problems.map((p) => p.code)])).toEqual([
      ['aaa', ['SPAN_ID_MISMATCH', 'CHILD_BEFORE_PARENT']],
      ['bbb', ['PARENT_MISSING']],
      [null, ['ROOT_HASH_MISMATCH']],
    ]);
  });

  it('marks the spans with problems as tampered, none when it verified', () => {
    expect([...tamperedSpanIds(failed)].sort()).toEqual(['aaa', 'bbb']);
    expect(tamperedSpanIds(ok).size).toBe(0);
    expect(tamperedSpanIds(null).size).toBe(0);
  });
});
