import { describe, expect, it } from 'vitest';
import { assignLanes } from './assignLanes';
import { indexSpans } from './spanIndex';
import { enclosed, ids, span } from './testSpans';
import { layoutTimeline } from './timelineLayout';
import type { Span } from '@/lib/spans';

const layoutOf = (spans: Span[]) => layoutTimeline(spans, indexSpans(spans));
const rowIds = (spans: Span[]) => ids(spans, layoutOf(spans).rows.map((r) => r.span));

describe('layoutTimeline', () => {
  it('orders rows by start, each parent before its children', () => {
    const spans = [span('join', ['left', 'right'], 10, 20), span('right', ['run'], 1.5, 8), span('run', [], 0, 1), span('left', ['run'], 1, 10)];
    expect(rowIds(spans)).toEqual(['run', 'left', 'right', 'join']);
  });

  it('puts a parent first even when its child started earlier (a message received mid-run)', () => {
    const spans = [span('early-child', ['parent'], 2, 3), span('parent', [], 5, 9), span('other', [], 1, 2)];
    expect(rowIds(spans)).toEqual(['other', 'parent', 'early-child']);
  });

  it('places bars by time from the trace start and indents by causal depth', () => {
    const spans = [span('run', [], 1000, 1100, { kind: 'run' }), enclosed('a', 'run', 1010, 1040), span('b', ['a'], 1040, 1040)];
    const layout = layoutOf(spans);
    expect(layout.t0).toBe(1000);
    expect(layout.t1).toBe(1100);
    expect(layout.total).toBe(100);
    expect(layout.rows.map((r) => [r.offset, r.duration, r.depth])).toEqual([
      [0, 100, 0],
      [10, 30, 1],
      [40, 0, 2],
    ]);
    expect([...layout.rowOf]).toEqual([0, 1, 2]);
  });

  it('gives overlapping branches different lanes, and a later span a freed one', () => {
    const spans = [span('left', [], 1, 10), span('right', [], 1.5, 8), span('join', ['left', 'right'], 10, 20)];
    const layout = layoutOf(spans);
    const lane = (id: string) => layout.rows.find((r) => spans[r.span]!.id === id)!.lane;
    expect(lane('left')).not.toBe(lane('right'));
    expect(lane('join')).toBe(0);
    expect(layout.lanes).toBe(2);
  });

  it('still lists every span of a cyclic (tampered) trace, the cycle last', () => {
    const spans = [span('a', ['b'], 0, 1), span('b', ['a'], 2, 3), span('free', [], 5, 6)];
    expect(rowIds(spans)).toEqual(['free', 'a', 'b']);
  });

  it('lays out an empty trace without dividing by zero', () => {
    const layout = layoutOf([]);
    expect(layout.rows).toEqual([]);
    expect(layout.total).toBeGreaterThan(0);
  });

  it('lays out 20,000 spans (a wide fan and long chains) in well under a second', () => {
    const spans: Span[] = [span('run', [], 0, 100_000, { kind: 'run' })];
    for (let i = 0; i < 20_000; i++) spans.push(i % 4 === 0 ? enclosed(`n${i}`, 'run', i, i + 7) : span(`n${i}`, [`n${i - 1}`], i + 1, i + 9));
    const started = performance.now();
    const layout = layoutOf(spans);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(layout.rows).toHaveLength(20_001);
    const row = layout.rowOf;
    const index = indexSpans(spans);
    const misplaced = spans.filter((_, i) => index.parents[i]!.some((p) => row[p]! > row[i]!));
    expect(misplaced).toEqual([]);
  });
});

describe('assignLanes', () => {
  it('reuses a lane once its span has ended; instants hold none', () => {
    const { lane, count } = assignLanes([
      { start: 0, end: 10 },
      { start: 5, end: 8 },
      { start: 10, end: 12 },
      { start: 6, end: 6 },
    ]);
    expect([...lane]).toEqual([0, 1, 0, 2]);
    expect(count).toBe(3);
  });
});
