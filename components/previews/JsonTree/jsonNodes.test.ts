import { describe, expect, it } from 'vitest';
import { branchSummary, childCount, childEntries, isBranch, keyText, leafText, nodeKind } from './jsonNodes';

describe('jsonNodes', () => {
  it('tells kinds apart, typed arrays included', () => {
    expect([null, [], {}, new Float32Array(2), 's', 1, 2n, true, undefined, () => 0].map(nodeKind)).toEqual([
      'null', 'array', 'object', 'typed', 'string', 'number', 'bigint', 'boolean', 'undefined', 'other',
    ]);
    expect(isBranch({})).toBe(true);
    expect(isBranch(new Uint8Array(3))).toBe(false);
  });

  it('summarises branches with counts and pages through children', () => {
    expect(branchSummary([1, 2, 3])).toBe('[3 items]');
    expect(branchSummary({ a: 1 })).toBe('{1 key}');
    const big = Array.from({ length: 250 }, (_, i) => i * 2);
    expect(childCount(big)).toBe(250);
    expect(childEntries(big, 200, 100)).toHaveLength(50);
    expect(childEntries(big, 200, 100)[0]).toEqual([200, 400]);
    expect(childEntries({ a: 1, b: 2 }, 1, 5)).toEqual([['b', 2]]);
  });

  it('writes leaves: cut strings, numbers exactly, typed arrays on one line', () => {
    expect(leafText('hi')).toBe('"hi"');
    expect(leafText('x'.repeat(200), 10)).toBe(`"${'x'.repeat(10)}…"`);
    expect(leafText('x'.repeat(200), Infinity)).toHaveLength(202);
    expect(leafText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(leafText(12345678)).toBe('12345678');
    expect(leafText(new Float32Array(1024).fill(0.5))).toBe('Float32Array(1,024) [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, …]');
    expect(leafText(null)).toBe('null');
    expect(leafText(3n)).toBe('3n');
  });

  it('quotes keys that are not plain names', () => {
    expect(keyText('name')).toBe('name');
    expect(keyText('v(out)')).toBe('"v(out)"');
    expect(keyText(3)).toBe('3');
  });
});
