/**
 * How the JSON tree reads a value: its kind, a one-line summary for when it is collapsed, and
 * its children a page at a time (so a list of 100,000 items opens instantly).
 */
import { isTypedArray, plural, summarizeTypedArray } from '../shared/formatValue';

export type NodeKind = 'object' | 'array' | 'typed' | 'string' | 'number' | 'bigint' | 'boolean' | 'null' | 'undefined' | 'other';

/** Children shown per "show more". */
export const PAGE = 100;
/** Branches with more children than this start closed (except the root). */
export const LONG_BRANCH = 50;
/** Strings longer than this are cut, with a button to show them whole. */
export const STRING_PREVIEW = 160;

export function nodeKind(value: unknown): NodeKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (isTypedArray(value)) return 'typed';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'bigint':
      return 'bigint';
    case 'boolean':
      return 'boolean';
    case 'undefined':
      return 'undefined';
    default:
      return 'other';
  }
}

/** Whether the node opens to show children (typed arrays are summarised on one line instead). */
export const isBranch = (value: unknown): value is object => nodeKind(value) === 'object' || nodeKind(value) === 'array';

export function childCount(value: object): number {
  return Array.isArray(value) ? value.length : Object.keys(value).length;
}

/** Children `start` to `start + count` as [key, value] pairs. */
export function childEntries(value: object, start: number, count: number): [string | number, unknown][] {
  if (Array.isArray(value)) return value.slice(start, start + count).map((v, i) => [start + i, v]);
  return Object.entries(value).slice(start, start + count);
}

/**
 * A collapsed branch in one line.
 * @example branchSummary([1, 2, 3]) === '[3 items]'; branchSummary({ a: 1 }) === '{1 key}'
 */
export function branchSummary(value: object): string {
  return Array.isArray(value) ? `[${plural(value.length, 'item')}]` : `{${plural(Object.keys(value).length, 'key')}}`;
}

/** A leaf as text; strings quoted (and cut to `limit` characters unless `limit` is Infinity). */
export function leafText(value: unknown, limit = STRING_PREVIEW): string {
  switch (nodeKind(value)) {
    case 'string': {
      const s = value as string;
      return JSON.stringify(s.length > limit ? `${s.slice(0, limit)}…` : s);
    }
    case 'number':
      // Exactly as JSON holds it: this view is for reading the value, not a summary of it.
      return String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'typed':
      return summarizeTypedArray(value as Parameters<typeof summarizeTypedArray>[0]);
    case 'undefined':
      return 'undefined';
    case 'other':
      return String(value);
    default:
      return String(value);
  }
}

/** A key as shown: array indices bare, object keys as written (quoted when not a plain name). */
export function keyText(key: string | number): string {
  if (typeof key === 'number') return String(key);
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}
