import { WeftError } from './errors';

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped,
 * so equal values always give byte-identical text (and so identical hashes) in Node and browsers.
 * Rejects what JSON cannot represent faithfully (NaN, Infinity, functions, bigints, cycles).
 * @example canonicalJson({ b: 1, a: [true, null] }) === '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  try {
    return writeFast(value, new Set());
  } catch (e) {
    if (e !== NOT_JSON) throw e;
    return write(value, '$', new Set()); // again, keeping the path, to say where the value went wrong
  }
}

const NOT_JSON = Symbol('not JSON');

/**
 * `write` without the path of every member (building those strings was most of the cost of
 * hashing a span): throws NOT_JSON where `write` would throw, and `write` then says where.
 */
function writeFast(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw NOT_JSON;
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw NOT_JSON;
  }
  const obj = value as object;
  if (seen.has(obj)) throw NOT_JSON;
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = '[';
    for (let i = 0; i < obj.length; i++) out += (i > 0 ? ',' : '') + (obj[i] === undefined ? 'null' : writeFast(obj[i], seen));
    out += ']';
  } else {
    const record = obj as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = '{';
    for (const k of keys) {
      const member = record[k];
      if (member === undefined) continue;
      out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + writeFast(member, seen);
    }
    out += '}';
  }
  seen.delete(obj);
  return out;
}

function write(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw invalid(path, `${value} is not a finite number`);
      return JSON.stringify(value); // -0 becomes 0, as in JSON.stringify
    case 'object':
      break;
    default:
      throw invalid(path, `a ${typeof value} cannot be written as JSON`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw invalid(path, 'the value refers to itself (a cycle)');
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = '[' + obj.map((item, i) => (item === undefined ? 'null' : write(item, `${path}[${i}]`, seen))).join(',') + ']';
  } else {
    const record = obj as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    out = '{' + keys.map((k) => JSON.stringify(k) + ':' + write(record[k], `${path}.${k}`, seen)).join(',') + '}';
  }
  seen.delete(obj);
  return out;
}

function invalid(path: string, why: string): WeftError {
  return new WeftError('CANONICAL_JSON', `Cannot hash this value: at ${path}, ${why}. Use plain JSON data (finite numbers, strings, booleans, null, arrays, objects).`, { path });
}
