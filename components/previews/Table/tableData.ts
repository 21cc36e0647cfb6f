/**
 * Tables as the previews read them: `{ columns, rows }` (the `table` I/O type) or a list of plain
 * objects, normalised to columns + rows; sorting by a column (numbers as numbers, empty cells
 * last); and cells as text.
 */
import { formatNumber, isTypedArray, summarizeTypedArray } from '../shared/formatValue';

export interface TableData {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  readonly column: number;
  readonly direction: SortDirection;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isTypedArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * The value as a table, or null when it is not one: `{ columns: string[], rows: unknown[][] }`
 * (every row a list; short rows are padded when shown) or a non-empty list of plain objects
 * (columns in first-seen key order).
 */
export function toTable(value: unknown): TableData | null {
  if (isPlainObject(value) && Array.isArray(value.columns) && Array.isArray(value.rows)) {
    if (!value.rows.every(Array.isArray)) return null;
    return { columns: value.columns.map((c) => String(c)), rows: value.rows as unknown[][] };
  }
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) {
    const index = new Map<string, number>();
    for (const row of value) for (const key of Object.keys(row)) if (!index.has(key)) index.set(key, index.size);
    const columns = [...index.keys()];
    return { columns, rows: value.map((row) => columns.map((c) => row[c])) };
  }
  return null;
}

/** Header clicks cycle ascending → descending → unsorted; another column starts ascending. */
export function nextSort(current: SortState | null, column: number): SortState | null {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Sort rank: numbers, then booleans, then text, then anything else; empty cells always last. */
function rank(v: unknown): number {
  if (typeof v === 'number' && !Number.isNaN(v)) return 0;
  if (typeof v === 'bigint') return 0;
  if (typeof v === 'boolean') return 1;
  if (typeof v === 'string') return v === '' ? 4 : 2;
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return 4;
  return 3;
}

/** Orders two cells ascending: numbers numerically, text naturally ("item 2" before "item 10"). */
export function compareCells(a: unknown, b: unknown): number {
  return compareRanked(a, rank(a), b, rank(b));
}

function compareRanked(a: unknown, ra: number, b: unknown, rb: number): number {
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return Number(a) - Number(b);
    case 1:
      return Number(a) - Number(b);
    case 2:
      return collator.compare(a as string, b as string);
    case 3:
      return collator.compare(cellText(a), cellText(b));
    default:
      return 0;
  }
}

/**
 * Row indices in display order (stable; empty cells stay last in both directions).
 * @example sortedOrder([[2], [1], [null]], { column: 0, direction: 'desc' }) // [0, 1, 2]
 */
export function sortedOrder(rows: readonly (readonly unknown[])[], sort: SortState | null): number[] {
  const order = Array.from(rows, (_, i) => i);
  if (!sort) return order;
  const { column } = sort;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keys = rows.map((row) => row[column]);
  const ranks = keys.map(rank);
  return order.sort((i, j) => {
    const ri = ranks[i]!;
    const rj = ranks[j]!;
    if (ri === 4 || rj === 4) return ri === rj ? i - j : ri === 4 ? 1 : -1;
    return sign * compareRanked(keys[i], ri, keys[j], rj) || i - j;
  });
}

/** One cell as text: numbers formatted, empty cells blank, objects as compact JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (isTypedArray(value)) return summarizeTypedArray(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 500 ? `${json.slice(0, 499)}…` : json;
  } catch {
    return String(value);
  }
}

/** Whether a column holds numbers (so it is right-aligned): most of its first non-empty cells are. */
export function isNumericColumn(rows: readonly (readonly unknown[])[], column: number, sample = 200): boolean {
  let numbers = 0;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < sample; i++) {
    const v = rows[i]![column];
    if (v === null || v === undefined || v === '') continue;
    seen++;
    if (typeof v === 'number' || typeof v === 'bigint') numbers++;
  }
  return seen > 0 && numbers / seen >= 0.8;
}

/** Column widths in pixels from the header (bold, with a sort arrow) and a sample of cells, clamped to 64–320. */
export function columnWidths(data: TableData, sample = 200): number[] {
  return data.columns.map((name, c) => {
    let cells = 0;
    for (let i = 0; i < Math.min(sample, data.rows.length); i++) cells = Math.max(cells, cellText(data.rows[i]![c]).length);
    const px = Math.max(name.length * 7.6 + 40, cells * 7 + 22);
    return Math.round(Math.min(320, Math.max(64, px)));
  });
}
