import { describe, expect, it } from 'vitest';
import { learnDefaults } from './learnDefaults';
import type { MinedRun } from './types';

/** Runs of a one-node pattern, newest first: `values[0]` is the newest run's param. */
function runs(values: unknown[], options: { ok?: boolean[]; at?: number[] } = {}): MinedRun[] {
  return values.map((value, i) => ({
    trace: `t${i}`,
    at: options.at?.[i] ?? 1000 - i,
    ok: options.ok?.[i] ?? true,
    name: 'w',
    nodes: [{ id: `node${i}`, skill: 'csv-stats', params: value === undefined ? {} : { p: value } }],
    edges: [],
  }));
}
const learned = (values: unknown[], options?: Parameters<typeof runs>[1]) => learnDefaults(runs(values, options))[0]!.p;

describe('learnDefaults', () => {
  it('takes the median of numbers: the middle one of an odd count', () => {
    expect(learned([7, 1, 3])).toBe(3);
    expect(learned([5, 100, 1, 2, 4])).toBe(4);
  });

  it('takes the mean of the two middle numbers of an even count', () => {
    expect(learned([1.5, 10, 2, 3])).toBe(2.5);
    expect(learned([10, 20])).toBe(15);
    expect(learned([0.5, 0.25])).toBe(0.375);
  });

  it('keeps whole numbers whole: the lower middle value when the mean is not whole', () => {
    expect(learned([1, 2])).toBe(1);
    expect(learned([4, 1, 3, 2])).toBe(2);
  });

  it('takes the most frequent value of strings, booleans and objects (compared as canonical JSON)', () => {
    expect(learned(['price', 'qty', 'price'])).toBe('price');
    expect(learned([false, true, true])).toBe(true);
    expect(learned([{ b: 1, a: 2 }, { x: 1 }, { a: 2, b: 1 }])).toEqual({ a: 2, b: 1 });
    // Mixed types are not numbers: the most frequent value wins.
    expect(learned([3, 'auto', 'auto', 1])).toBe('auto');
  });

  it('breaks ties by the most recent run', () => {
    // Newest first: 'qty' (at 1000) is newer than 'price' (at 999).
    expect(learned(['qty', 'price', 'price', 'qty'])).toBe('qty');
    expect(learned(['a', 'b'], { at: [5, 9] })).toBe('b');
    // Same time: the one listed first (newest first) wins.
    expect(learned(['a', 'b'], { at: [5, 5] })).toBe('a');
  });

  it('learns from successful runs only', () => {
    expect(learned([100, 100, 1, 2, 3], { ok: [false, false, true, true, true] })).toBe(2);
    expect(learnDefaults(runs([1], { ok: [false] }))).toEqual([]);
  });

  it('matches params by node position, not id, and keeps params only some runs have', () => {
    const a: MinedRun = { trace: 'a', at: 2, ok: true, name: 'w', nodes: [{ id: 'load', skill: 'x', params: { path: 'a.csv' } }, { id: 'plot', skill: 'y', params: { width: 4 } }], edges: [] };
    const b: MinedRun = { trace: 'b', at: 1, ok: true, name: 'w', nodes: [{ id: 'reader', skill: 'x', params: { path: 'a.csv', sep: ';' } }, { id: 'chart', skill: 'y', params: { width: 8 } }], edges: [] };
    expect(learnDefaults([a, b])).toEqual([{ path: 'a.csv', sep: ';' }, { width: 6 }]);
  });
});
