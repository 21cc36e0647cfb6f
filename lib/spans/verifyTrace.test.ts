import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asSpanId, asTraceId, type SpanId } from '../core';
import { diamond, draftSpan, fakeSpan, TRACE_ID } from './spanFixtures';
import { sealSpan } from './spanId';
import { makeTrace } from './trace';
import { WeftAttr, type Span } from './types';
import { verifyTrace, type TraceReport } from './verifyTrace';

const codes = (report: TraceReport) => report.problems.map((p) => [p.code, p.spanId]);

describe('verifyTrace', () => {
  it('accepts a causal DAG: a run, two parallel nodes and a join', async () => {
    const { trace } = await diamond();
    expect(await verifyTrace(trace)).toEqual({ ok: true, spanCount: 4, problems: [] });
  });

  it('reports a span edited after sealing, with its stored and recomputed ids', async () => {
    const { run, left, right, join } = await diamond();
    const tampered = { ...left, name: 'left (edited)' };
    const report = await verifyTrace(await makeTrace(TRACE_ID, [run, tampered, right, join]));
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual([['SPAN_ID_MISMATCH', left.id]]);
    const problem = report.problems[0]!;
    expect(problem.data?.stored).toBe(left.id);
    expect(problem.data?.recomputed).toMatch(/^[0-9a-f]{64}$/);
    expect(problem.data?.recomputed).not.toBe(left.id);
    expect(problem.message).toContain('"left (edited)"');
  });

  it('reports a removed parent on each child that names it, and the changed root hash', async () => {
    const { run, left, right, join, trace } = await diamond();
    const report = await verifyTrace({ ...trace, spans: [run, right, join] });
    expect(codes(report)).toEqual([
      ['PARENT_MISSING', join.id],
      ['ROOT_HASH_MISMATCH', null],
    ]);
    expect(report.problems[0]!.data).toEqual({ parent: left.id });
    expect(report.problems[0]!.message).toMatch(/not in this trace/);
  });

  it('reports every span on a cycle, with the path', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => x.repeat(64));
    const spans = [fakeSpan(a!, [c!]), fakeSpan(b!, [a!]), fakeSpan(c!, [b!]), fakeSpan('d'.repeat(64), [a!])];
    const report = await verifyTrace(await makeTrace(TRACE_ID, spans));
    const cycles = report.problems.filter((p) => p.code === 'CYCLE');
    expect(cycles.map((p) => p.spanId)).toEqual([a, b, c]);
    for (const p of cycles) expect([...(p.data?.cycle as string[])].sort()).toEqual([a, b, c]);
    expect(cycles.map((p) => p.message.match(/a cycle \((.*)\)/)![1])).toEqual([
      'aaaaaaaaaaaa → cccccccccccc → bbbbbbbbbbbb → aaaaaaaaaaaa',
      'bbbbbbbbbbbb → aaaaaaaaaaaa → cccccccccccc → bbbbbbbbbbbb',
      'cccccccccccc → bbbbbbbbbbbb → aaaaaaaaaaaa → cccccccccccc',
    ]);
  });

  it('reports a span that is its own parent', async () => {
    const id = 'e'.repeat(64);
    const report = await verifyTrace(await makeTrace(TRACE_ID, [fakeSpan(id, [id], { start: 0, end: 0 })]));
    expect(codes(report).filter(([code]) => code !== 'SPAN_ID_MISMATCH')).toEqual([['CYCLE', id]]);
  });

  it('reports a child that starts before its parent ends', async () => {
    const parent = await sealSpan(draftSpan({ name: 'sender', start: 100, end: 200 }));
    const child = await sealSpan(draftSpan({ name: 'message', kind: 'message', parents: [parent.id], start: 150, end: 160 }));
    const report = await verifyTrace(await makeTrace(TRACE_ID, [parent, child]));
    expect(codes(report)).toEqual([['CHILD_BEFORE_PARENT', child.id]]);
    expect(report.problems[0]!.message).toContain('starts 50 ms before its parent');
  });

  it('allows the overlap when the parent is listed as concurrent', async () => {
    const parent = await sealSpan(draftSpan({ name: 'sender', start: 100, end: 200 }));
    const child = await sealSpan(
      draftSpan({ kind: 'message', parents: [parent.id], start: 150, end: 160, attributes: { [WeftAttr.concurrentParents]: [parent.id] } }),
    );
    expect((await verifyTrace(await makeTrace(TRACE_ID, [parent, child]))).ok).toBe(true);
  });

  it('reports duplicates, spans of another trace and spans that end before they start', async () => {
    const { run } = await diamond();
    const stranger = await sealSpan(draftSpan({ traceId: asTraceId('f'.repeat(32)), start: 2000, end: 2001 }));
    const backwards = await sealSpan(draftSpan({ name: 'backwards', start: 3000, end: 2999.5 }));
    const report = await verifyTrace(await makeTrace(TRACE_ID, [run, stranger, backwards, run]));
    expect(codes(report)).toEqual([
      ['SPAN_WRONG_TRACE', stranger.id],
      ['END_BEFORE_START', backwards.id],
      ['SPAN_DUPLICATE', run.id],
    ]);
    expect(report.problems[1]!.message).toContain('ends 0.5 ms before it starts');
  });

  it('reports every problem at once, span by span', async () => {
    const { run, left, right, join, trace } = await diamond();
    const early = { ...right, start: 999 } as Span; // before run ends, and its id no longer matches
    const orphan = await sealSpan(draftSpan({ name: 'orphan', parents: [asSpanId('0'.repeat(64))], start: 5000, end: 5001 }));
    const report = await verifyTrace({ ...trace, spans: [run, { ...left, name: 'x' }, early, join, orphan] });
    expect(codes(report)).toEqual([
      ['SPAN_ID_MISMATCH', left.id],
      ['SPAN_ID_MISMATCH', right.id],
      ['CHILD_BEFORE_PARENT', right.id],
      ['PARENT_MISSING', orphan.id],
      ['ROOT_HASH_MISMATCH', null],
    ]);
  });

  it('verifies a 10,000-span chain without overflowing the stack', async () => {
    const spans: Span[] = [];
    for (let i = 0; i < 10_000; i++) {
      const parents = i === 0 ? [] : [spans[i - 1]!.id];
      spans.push(await sealSpan(draftSpan({ name: `step-${i}`, parents, start: i, end: i + 1 })));
    }
    expect(await verifyTrace(await makeTrace(TRACE_ID, spans))).toEqual({ ok: true, spanCount: 10_000, problems: [] });
  }, 30_000);

  it('reports a 10,000-span ring without overflowing the stack', async () => {
    const id = (i: number) => i.toString(16).padStart(64, '0');
    const spans = Array.from({ length: 10_000 }, (_, i) => fakeSpan(id(i), [id((i + 1) % 10_000)], { start: 0, end: 0 }));
    const report = await verifyTrace(await makeTrace(TRACE_ID, spans));
    const cycles = report.problems.filter((p) => p.code === 'CYCLE');
    expect(cycles).toHaveLength(10_000);
    expect((cycles[0]!.data?.cycle as string[]).length).toBe(10_000);
    expect(cycles[0]!.message.length).toBeLessThan(300);
  }, 30_000);
});

describe('verifyTrace on random DAGs', () => {
  // Each span picks parents among earlier spans and starts when they have all ended.
  const dag = fc.array(fc.record({ parents: fc.uniqueArray(fc.nat(), { maxLength: 3 }), gap: fc.nat(50), length: fc.nat(100) }), {
    minLength: 1,
    maxLength: 12,
  });

  async function seal(shape: { parents: number[]; gap: number; length: number }[]): Promise<Span[]> {
    const spans: Span[] = [];
    for (const [i, node] of shape.entries()) {
      const parents: SpanId[] = i === 0 ? [] : [...new Set(node.parents.map((p) => p % i))].map((p) => spans[p]!.id);
      const start = Math.max(0, ...parents.map((p) => spans.find((s) => s.id === p)!.end)) + node.gap;
      spans.push(await sealSpan(draftSpan({ name: `n${i}`, parents, start, end: start + node.length })));
    }
    return spans;
  }

  it('verifies any sealed DAG, and flags exactly the one span whose name changes', async () => {
    await fc.assert(
      fc.asyncProperty(dag, fc.nat(), async (shape, pick) => {
        const spans = await seal(shape);
        const trace = await makeTrace(TRACE_ID, spans);
        expect((await verifyTrace(trace)).problems).toEqual([]);
        const k = pick % spans.length;
        const edited = spans.map((s, i) => (i === k ? { ...s, name: `${s.name}-edited` } : s));
        expect(codes(await verifyTrace({ ...trace, spans: edited }))).toEqual([['SPAN_ID_MISMATCH', spans[k]!.id]]);
      }),
      { numRuns: 60 },
    );
  });
});
