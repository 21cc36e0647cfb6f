import { describe, expect, it } from 'vitest';
import { cellText, columnWidths, compareCells, isNumericColumn, nextSort, sortedOrder, toTable } from './tableData';

describe('toTable', () => {
  it('reads columns + rows, and lists of plain objects in first-seen key order', () => {
    expect(toTable({ columns: ['a', 1], rows: [[1, 2]] })).toEqual({ columns: ['a', '1'], rows: [[1, 2]] });
    expect(toTable([{ name: 'x', n: 1 }, { n: 2, extra: true }])).toEqual({
      columns: ['name', 'n', 'extra'],
      rows: [['x', 1, undefined], [undefined, 2, true]],
    });
  });

  it('is null for what is not a table', () => {
    expect(toTable({ columns: ['a'], rows: [1, 2] })).toBeNull();
    expect(toTable([])).toBeNull();
    expect(toTable([1, 2])).toBeNull();
    expect(toTable([[1, 2]])).toBeNull();
    expect(toTable('a,b')).toBeNull();
    expect(toTable([new Date(0)])).toBeNull();
  });
});

describe('sorting', () => {
  it('cycles ascending, descending, none; another column starts ascending', () => {
    const asc = nextSort(null, 1);
    expect(asc).toEqual({ column: 1, direction: 'asc' });
    const desc = nextSort(asc, 1);
    expect(desc).toEqual({ column: 1, direction: 'desc' });
    expect(nextSort(desc, 1)).toBeNull();
    expect(nextSort(desc, 0)).toEqual({ column: 0, direction: 'asc' });
  });

  it('sorts numbers numerically, not as text', () => {
    const rows = [[10], [9], [100], [-1], [2.5]];
    expect(sortedOrder(rows, { column: 0, direction: 'asc' }).map((i) => rows[i]![0])).toEqual([-1, 2.5, 9, 10, 100]);
    expect(sortedOrder(rows, { column: 0, direction: 'desc' }).map((i) => rows[i]![0])).toEqual([100, 10, 9, 2.5, -1]);
  });

  it('sorts text naturally and case-insensitively, keeps ties stable, and leaves the order alone when unsorted', () => {
    const rows = [['item 10', 'a'], ['Item 2', 'b'], ['item 1', 'c'], ['item 2', 'd']];
    expect(sortedOrder(rows, { column: 0, direction: 'asc' }).map((i) => rows[i]![1])).toEqual(['c', 'b', 'd', 'a']);
    expect(sortedOrder(rows, null)).toEqual([0, 1, 2, 3]);
  });

  it('puts empty cells last in both directions, and numbers before text', () => {
    const rows = [[null], ['b'], [3], [undefined], [''], [1], [Number.NaN], ['a']];
    const asc = sortedOrder(rows, { column: 0, direction: 'asc' }).map((i) => rows[i]![0]);
    expect(asc.slice(0, 4)).toEqual([1, 3, 'a', 'b']);
    expect(asc.slice(4)).toEqual([null, undefined, '', Number.NaN]);
    const desc = sortedOrder(rows, { column: 0, direction: 'desc' }).map((i) => rows[i]![0]);
    expect(desc.slice(0, 4)).toEqual(['b', 'a', 3, 1]);
    expect(desc.slice(4)).toEqual([null, undefined, '', Number.NaN]);
  });

  it('compares mixed cells by kind first', () => {
    expect(compareCells(5, 'a')).toBeLessThan(0);
    expect(compareCells(true, false)).toBeGreaterThan(0);
    expect(compareCells('x', null)).toBeLessThan(0);
  });

  it('sorts 100,000 rows', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [(i * 7919) % 100_000, `row ${i}`]);
    const order = sortedOrder(rows, { column: 0, direction: 'asc' });
    expect(order).toHaveLength(100_000);
    expect(rows[order[0]!]![0]).toBe(0);
    expect(rows[order[99_999]!]![0]).toBe(99_999);
  });
});

describe('cells', () => {
  it('shows numbers formatted, empty cells blank, objects as JSON, typed arrays summarised', () => {
    expect(cellText(1234.5678)).toBe('1,234.57');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(false)).toBe('false');
    expect(cellText({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(cellText(new Float32Array([1, 2]))).toBe('Float32Array(2) [1, 2]');
    expect(cellText('x'.repeat(600))).toHaveLength(600);
    expect(cellText({ s: 'x'.repeat(600) })).toHaveLength(500);
  });

  it('right-aligns mostly numeric columns and sizes columns from their content', () => {
    const data = { columns: ['n', 'name'], rows: [[1, 'a long name here'], [2, 'b'], [null, 'c']] };
    expect(isNumericColumn(data.rows, 0)).toBe(true);
    expect(isNumericColumn(data.rows, 1)).toBe(false);
    const [n, name] = columnWidths(data);
    expect(n).toBe(64);
    expect(name).toBeGreaterThan(n!);
    expect(columnWidths({ columns: ['x'], rows: [['y'.repeat(1000)]] })[0]).toBe(320);
  });
});
