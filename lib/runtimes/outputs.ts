/**
 * Outputs leave a runtime as plain data: JSON values plus typed arrays (bytes, tensor data).
 * `checkOutputs` says exactly which value is not, so the message can name it.
 */
import { WeftError } from '../core';

/** A typed array (not a DataView): bytes, tensor data. */
export const isTypedArray = (value: unknown): value is ArrayBufferView => ArrayBuffer.isView(value) && !(value instanceof DataView);

/** Throws RUNTIME_OUTPUT_INVALID naming the first value that is not plain data (path like `outputs.rows[3]`). */
export function checkOutputs(value: unknown, runtime: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isTypedArray(value)) {
    const found = value === null ? 'None/null' : Array.isArray(value) ? 'a list' : typeof value;
    throw new WeftError('RUNTIME_OUTPUT_INVALID', `execute(inputs) must return a ${runtime === 'python' ? 'dict' : 'object'} of outputs by name, but it returned ${found}.`, { path: 'outputs', found });
  }
  walk(value, 'outputs', new Set());
  return value as Record<string, unknown>;
}

function walk(value: unknown, path: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw invalid(path, `is ${value}, which JSON cannot hold; return null (None) or a finite number instead`);
      return;
    case 'object':
      break;
    default:
      throw invalid(path, `is a ${typeof value}, which cannot be an output; return plain data (numbers, strings, lists, dicts, bytes)`);
  }
  if (value === null || isTypedArray(value)) return;
  if (seen.has(value)) throw invalid(path, 'refers to itself (a cycle)');
  seen.add(value);
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, seen));
  else {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw invalid(path, `is a ${(value as object).constructor?.name ?? 'class instance'}, not plain data; convert it to a dict/object or list`);
    for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`, seen);
  }
  seen.delete(value);
}

function invalid(path: string, what: string): WeftError {
  return new WeftError('RUNTIME_OUTPUT_INVALID', `The output ${path} ${what}.`, { path });
}

/** Approximate encoded size in bytes: UTF-8 strings, 8 per number, typed arrays by their byte length, plus JSON punctuation. */
export function byteSize(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return new TextEncoder().encode(value).length + 2;
    case 'number':
      return 8;
    case 'boolean':
      return 5;
    case 'object':
      if (isTypedArray(value)) return value.byteLength;
      if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + byteSize(item) + 1, 2);
      return Object.entries(value).reduce((sum, [key, item]) => sum + key.length + 3 + byteSize(item) + 1, 2);
    default:
      return 0;
  }
}

/**
 * The same value with every typed array replaced by `{ $typed, base64 }`, so it can be written as
 * canonical JSON and hashed (span input and output hashes) without a million-key object per image.
 */
export function toHashable(value: unknown): unknown {
  if (isTypedArray(value)) return { $typed: value.constructor.name, base64: base64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  if (Array.isArray(value)) return value.map(toHashable);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toHashable(v)]));
  return value;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
