/**
 * Numbers and sizes as previews show them: readable at a glance, exact on hover (`title`).
 */

// Cached: `toLocaleString` builds a new formatter on every call, which dominates a scrolling table.
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** An integer with thousands separators: `100,000`. */
export function formatInteger(n: number): string {
  return grouped.format(n);
}

/**
 * A number for display: integers with thousands separators, others to `digits` significant digits,
 * exponents for the very large and very small.
 * @example formatNumber(1234567) === '1,234,567'; formatNumber(0.000012345) === '1.2345e-5'; formatNumber(Math.PI) === '3.14159'
 */
export function formatNumber(n: number, digits = 6): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞';
  if (Object.is(n, -0)) return '0';
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e15) return grouped.format(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-4)) return trimExponent(n.toExponential(digits - 1));
  return decimal.format(Number(n.toPrecision(digits)));
}

function trimExponent(text: string): string {
  return text.replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/**
 * A byte count with a binary unit.
 * @example formatBytes(1536) === '1.5 KiB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(value < 10 ? 1 : 0))} ${units[unit]}`;
}

/** `3 rows`, `1 row`, `100,000 rows`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${grouped.format(count)} ${count === 1 ? one : many}`;
}

export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

export function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/**
 * A typed array in one line, its first few values shown.
 * @example summarizeTypedArray(new Float32Array([0.5, 1, 2])) === 'Float32Array(3) [0.5, 1, 2]'
 */
export function summarizeTypedArray(array: TypedArray, shown = 8): string {
  const items: string[] = [];
  for (let i = 0; i < Math.min(shown, array.length); i++) {
    const v = array[i]!;
    items.push(typeof v === 'bigint' ? `${v}n` : formatNumber(v, 4));
  }
  const more = array.length > shown ? ', …' : '';
  return `${array.constructor.name}(${grouped.format(array.length)}) [${items.join(', ')}${more}]`;
}
