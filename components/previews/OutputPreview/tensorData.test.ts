import { describe, expect, it } from 'vitest';
import { isTensorDescriptor, tensorStats, tensorTable, toTensor } from './tensorData';

describe('toTensor', () => {
  it('reads descriptors whose data fills the shape', () => {
    const t = { shape: [2, 3], dtype: 'float32', data: new Float32Array(6) };
    expect(isTensorDescriptor(t)).toBe(true);
    expect(toTensor(t)).toBe(t);
    expect(isTensorDescriptor({ shape: [2, 3], dtype: 'float32', data: new Float32Array(5) })).toBe(false);
    expect(isTensorDescriptor({ shape: [], dtype: 'float32', data: [4] })).toBe(true);
  });

  it('reads typed arrays and rectangular nested lists', () => {
    expect(toTensor(new Int32Array([1, 2]))).toEqual({ shape: [2], dtype: 'int32', data: new Int32Array([1, 2]) });
    expect(toTensor([[1, 2], [3, 4.5]])).toEqual({ shape: [2, 2], dtype: 'float32', data: [1, 2, 3, 4.5] });
    expect(toTensor([[[1], [2]], [[3], [4]]])).toMatchObject({ shape: [2, 2, 1], dtype: 'int32' });
    expect(toTensor([true, false])).toMatchObject({ shape: [2], data: [1, 0] });
  });

  it('is null for ragged lists, non-numbers and empty lists', () => {
    expect(toTensor([[1, 2], [3]])).toBeNull();
    expect(toTensor([1, 'a'])).toBeNull();
    expect(toTensor([])).toBeNull();
    expect(toTensor([[]])).toBeNull();
    expect(toTensor({ a: 1 })).toBeNull();
  });
});

describe('tensor summaries', () => {
  it('computes statistics, skipping values that are not finite', () => {
    expect(tensorStats({ shape: [4], dtype: 'float32', data: [1, 2, Number.NaN, 6] })).toEqual({ count: 4, min: 1, max: 6, mean: 3, nonFinite: 1 });
  });

  it('shows vectors as a column, matrices as they are, and the first matrix of higher ranks', () => {
    expect(tensorTable({ shape: [3], dtype: 'int32', data: [1, 2, 3] })).toEqual({ table: { columns: ['value'], rows: [[1], [2], [3]] }, slice: null });
    expect(tensorTable({ shape: [2, 2], dtype: 'int32', data: [1, 2, 3, 4] })).toEqual({ table: { columns: ['0', '1'], rows: [[1, 2], [3, 4]] }, slice: null });
    const cube = tensorTable({ shape: [2, 2, 3], dtype: 'int32', data: Array.from({ length: 12 }, (_, i) => i) });
    expect(cube.table.rows).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(cube.slice).toBe('[0, :, :]');
    const wide = tensorTable({ shape: [5, 100], dtype: 'float32', data: new Float32Array(500) }, 3, 10);
    expect(wide.table.rows).toHaveLength(3);
    expect(wide.table.columns).toHaveLength(10);
    expect(wide.slice).toBe('[:3, :10]');
    expect(tensorTable({ shape: [], dtype: 'float32', data: [7] }).table.rows).toEqual([[7]]);
  });
});
