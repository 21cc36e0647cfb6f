/**
 * Tensors as the preview reads them: a descriptor `{ shape, dtype, data }` (what the tensor
 * runtime returns), a typed array, or nested lists of numbers; summarised by shape, dtype and
 * statistics, with the first matrix shown as a table.
 */
import { isTypedArray } from '../shared/formatValue';
import type { TableData } from '../Table/tableData';

export interface Tensor {
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly data: ArrayLike<number>;
}

const isShape = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0);
const isNumberList = (v: unknown): v is ArrayLike<number> => (Array.isArray(v) && v.every((n) => typeof n === 'number')) || (isTypedArray(v) && !(v instanceof BigInt64Array || v instanceof BigUint64Array));
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A `{ shape, dtype, data }` descriptor whose data fills its shape. */
export function isTensorDescriptor(value: unknown): value is Tensor {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return isShape(t.shape) && typeof t.dtype === 'string' && isNumberList(t.data) && t.data.length === size(t.shape);
}

const DTYPES: Record<string, string> = { Float32Array: 'float32', Float64Array: 'float64', Int32Array: 'int32', Uint8Array: 'uint8', Uint8ClampedArray: 'uint8', Int16Array: 'int16', Uint16Array: 'uint16', Int8Array: 'int8', Uint32Array: 'uint32' };

/** The value as a tensor, or null: a descriptor, a typed array (1-D), or rectangular nested lists of numbers (booleans count as 0/1). */
export function toTensor(value: unknown): Tensor | null {
  if (isTensorDescriptor(value)) return value;
  if (isNumberList(value) && isTypedArray(value)) return { shape: [value.length], dtype: DTYPES[value.constructor.name] ?? 'float32', data: value };
  if (!Array.isArray(value) || value.length === 0) return null;
  const shape: number[] = [];
  for (let level: unknown = value; Array.isArray(level); level = level[0]) shape.push(level.length);
  const data: number[] = [];
  let allInts = true;
  const walk = (node: unknown, depth: number): boolean => {
    if (depth === shape.length) {
      const n = typeof node === 'boolean' ? Number(node) : node;
      if (typeof n !== 'number') return false;
      if (!Number.isInteger(n)) allInts = false;
      data.push(n);
      return true;
    }
    return Array.isArray(node) && node.length === shape[depth] && node.every((child) => walk(child, depth + 1));
  };
  if (!walk(value, 0) || data.length === 0) return null;
  return { shape, dtype: allInts ? 'int32' : 'float32', data };
}

export interface TensorStats {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Values that are NaN or infinite. */
  readonly nonFinite: number;
}

export function tensorStats(t: Tensor): TensorStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let finite = 0;
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i]!;
    if (!Number.isFinite(v)) continue;
    finite++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count: t.data.length, min: finite ? min : Number.NaN, max: finite ? max : Number.NaN, mean: finite ? sum / finite : Number.NaN, nonFinite: t.data.length - finite };
}

/**
 * The first matrix of a tensor as a table (a vector is one column; a scalar one cell), at most
 * `maxRows` rows and `maxColumns` columns; `slice` says which part it is when it is not all.
 */
export function tensorTable(t: Tensor, maxRows = 10_000, maxColumns = 64): { table: TableData; slice: string | null } {
  const rank = t.shape.length;
  if (rank === 0) return { table: { columns: ['value'], rows: [[t.data[0]]] }, slice: null };
  const rows = rank === 1 ? t.shape[0]! : t.shape[rank - 2]!;
  const cols = rank === 1 ? 1 : t.shape[rank - 1]!;
  const shownRows = Math.min(rows, maxRows);
  const shownCols = Math.min(cols, maxColumns);
  const table: TableData = {
    columns: rank === 1 ? ['value'] : Array.from({ length: shownCols }, (_, c) => String(c)),
    rows: Array.from({ length: shownRows }, (_, r) => Array.from({ length: shownCols }, (_, c) => t.data[r * cols + c])),
  };
  const lead = t.shape.slice(0, Math.max(0, rank - 2)).map(() => '0');
  const cut = shownRows < rows || shownCols < cols;
  const slice = lead.length > 0 || cut ? `[${[...lead, cut && shownRows < rows ? `:${shownRows}` : ':', ...(rank > 1 ? [shownCols < cols ? `:${shownCols}` : ':'] : [])].join(', ')}]` : null;
  return { table, slice };
}
