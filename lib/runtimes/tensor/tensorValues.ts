/**
 * Tensors cross the worker boundary as descriptors `{ shape, dtype, data }`: inputs that look like
 * one become `tf.Tensor`s before `execute` runs, and tensors in what it returns become descriptors
 * again (read back with `await t.data()`), at any depth inside arrays and plain objects.
 */
import { WeftError } from '../../core';
import { isTypedArray } from '../outputs';
import type { Tf } from './tf';

export const TENSOR_DTYPES = ['float32', 'int32', 'bool'] as const;
export type TensorDtype = (typeof TENSOR_DTYPES)[number];

/** A tensor as plain data; `data` is row-major with `shape`'s product elements. */
export interface TensorDescriptor {
  readonly shape: readonly number[];
  readonly dtype: TensorDtype;
  readonly data: readonly number[] | readonly boolean[] | Float32Array | Int32Array | Uint8Array;
}

/** What a tensor output becomes: its data always a typed array (strings for a `string` tensor). */
export interface TensorOutput {
  readonly shape: number[];
  readonly dtype: string;
  readonly data: Float32Array | Int32Array | Uint8Array | string[];
}


const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isTypedArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** An object with exactly the keys `shape`, `dtype` and `data` is meant as a tensor (and must be a valid one). */
export function looksLikeTensorDescriptor(value: unknown): value is Record<'shape' | 'dtype' | 'data', unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 3 && 'shape' in value && 'dtype' in value && 'data' in value;
}

/**
 * Replaces every tensor descriptor in `inputs` (at any depth) by a `tf.Tensor`; the rest is kept as it is.
 * Throws RUNTIME_INPUT_INVALID naming the input when a descriptor is malformed.
 * @example toTensorInputs(tf, { w: { shape: [2], dtype: 'float32', data: [1, 2] } }).w.shape // [2]
 */
export function toTensorInputs(tf: Tf, inputs: Record<string, unknown>): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(inputs)) converted[name] = convertIn(tf, value, name, `inputs.${name}`);
  return converted;
}

function convertIn(tf: Tf, value: unknown, input: string, path: string): unknown {
  if (looksLikeTensorDescriptor(value)) return descriptorToTensor(tf, value, input, path);
  if (Array.isArray(value)) return value.map((item, i) => convertIn(tf, item, input, `${path}[${i}]`));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = convertIn(tf, item, input, `${path}.${key}`);
    return out;
  }
  return value;
}

function descriptorToTensor(tf: Tf, value: Record<'shape' | 'dtype' | 'data', unknown>, input: string, path: string) {
  const { shape, dtype, data } = value;
  const invalid = (what: string) =>
    new WeftError('RUNTIME_INPUT_INVALID', `The input ${input} is a tensor ({ shape, dtype, data }) but ${what} (at ${path}). Fix the value bound to ${input}.`, { input, path });
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && (d as number) >= 0)) {
    throw invalid('its shape is not a list of whole numbers ≥ 0');
  }
  if (!(TENSOR_DTYPES as readonly unknown[]).includes(dtype)) {
    throw invalid(`its dtype is ${JSON.stringify(dtype) ?? String(dtype)}; use one of ${TENSOR_DTYPES.join(', ')}`);
  }
  if (!Array.isArray(data) && !isTypedArray(data)) throw invalid('its data is not a list of numbers or a typed array');
  const values = data as ArrayLike<unknown>;
  const size = (shape as number[]).reduce((product, d) => product * d, 1);
  if (values.length !== size) {
    throw invalid(`its shape [${(shape as number[]).join(', ')}] holds ${size} values and its data has ${values.length}`);
  }
  if (Array.isArray(data)) {
    const ok = dtype === 'bool' ? (v: unknown) => typeof v === 'boolean' || v === 0 || v === 1 : (v: unknown) => typeof v === 'number';
    const bad = data.findIndex((v) => !ok(v));
    if (bad >= 0) throw invalid(`data[${bad}] is ${JSON.stringify(data[bad]) ?? String(data[bad])}, not a ${dtype === 'bool' ? 'boolean' : 'number'}`);
    if (dtype === 'int32' && !data.every((v) => Number.isInteger(v))) throw invalid('its dtype is int32 but its data holds fractions');
  }
  const flat = Array.isArray(data) ? (dtype === 'bool' ? data.map((v) => (v ? 1 : 0)) : (data as number[])) : (data as Float32Array | Int32Array | Uint8Array);
  return tf.tensor(flat, shape as number[], dtype as TensorDtype);
}

/**
 * Replaces every `tf.Tensor` in `value` (at any depth in arrays and plain objects) by a descriptor
 * whose data was read back with `await t.data()`; the tensors themselves are left to the caller's scope.
 */
export async function fromTensorOutputs(tf: Tf, value: unknown, seen: Set<object> = new Set()): Promise<unknown> {
  if (value instanceof tf.Tensor) {
    const data = await value.data();
    // The cpu backend hands out its own storage; a copy cannot change under the caller.
    const copy = Array.isArray(data) ? [...(data as unknown as string[])] : (data as Float32Array | Int32Array | Uint8Array).slice();
    return { shape: [...value.shape], dtype: value.dtype, data: copy } satisfies TensorOutput;
  }
  // A cycle is left in place for checkOutputs to name.
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  try {
    if (Array.isArray(value)) return await Promise.all(value.map((item) => fromTensorOutputs(tf, item, seen)));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = await fromTensorOutputs(tf, item, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}
