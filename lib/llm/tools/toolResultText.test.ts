import { describe, expect, it } from 'vitest';
import { toolResultText } from './toolResultText';

describe('toolResultText', () => {
  it('writes small outputs as plain JSON', () => {
    expect(toolResultText({ mean: 2.5, label: 'x' })).toBe('{"mean":2.5,"label":"x"}');
  });

  it('keeps the first items of a long array and notes how many were left out', () => {
    const text = toolResultText({ xs: Array.from({ length: 1000 }, (_, i) => i) });
    const parsed = JSON.parse(text) as { xs: unknown[] };
    expect(parsed.xs.slice(0, 3)).toEqual([0, 1, 2]);
    expect(parsed.xs.at(-1)).toBe('… 980 more items (1000 in all)');
  });

  it('truncates table rows and stays within maxChars', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [i, `row ${i}`, i * 2.5]);
    const text = toolResultText({ table: { columns: ['a', 'b', 'c'], rows } }, 600);
    expect(text.length).toBeLessThanOrEqual(600);
    expect(text).toMatch(/more items \(5000 in all\)/);
  });

  it('cuts text that cannot shrink any further, saying so', () => {
    const text = toolResultText({ a: 'x'.repeat(100), b: 'y'.repeat(100), c: 'z'.repeat(100) }, 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/truncated/);
  });

  it('writes non-finite numbers and typed arrays readably', () => {
    expect(toolResultText({ x: NaN, v: new Float32Array([1, 2]) })).toBe('{"x":"NaN","v":[1,2]}');
  });
});
