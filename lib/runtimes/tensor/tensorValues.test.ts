import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { WeftError } from '../../core';
import { fromTensorOutputs, looksLikeTensorDescriptor, toTensorInputs } from './tensorValues';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const codeOf = (fn: () => unknown): { code: string; message: string; data: Readonly<Record<string, unknown>> } => {
  try {
    fn();
  } catch (error) {
    if (error instanceof WeftError) return { code: error.code, message: error.message, data: error.data };
    throw error;
  }
  throw new Error('expected a WeftError');
};

describe('toTensorInputs', () => {
  it('turns descriptors into tensors of the right shape, dtype and values, and leaves other inputs alone', async () => {
    const inputs = toTensorInputs(tf, {
      w: { shape: [2, 2], dtype: 'float32', data: [1, 2, 3, 4] },
      ids: { shape: [3], dtype: 'int32', data: new Int32Array([7, 8, 9]) },
      mask: { shape: [2], dtype: 'bool', data: [true, false] },
      n: 3,
      label: 'x',
      plain: { shape: [1], dtype: 'float32' },
    });
    const w = inputs.w as tf.Tensor;
    expect(w).toBeInstanceOf(tf.Tensor);
    expect(w.shape).toEqual([2, 2]);
    expect(w.dtype).toBe('float32');
    expect(Array.from(await w.data())).toEqual([1, 2, 3, 4]);
    expect(Array.from(await (inputs.ids as tf.Tensor).data())).toEqual([7, 8, 9]);
    expect((inputs.ids as tf.Tensor).dtype).toBe('int32');
    expect(Array.from(await (inputs.mask as tf.Tensor).data())).toEqual([1, 0]);
    expect(inputs.n).toBe(3);
    expect(inputs.label).toBe('x');
    expect(inputs.plain).toEqual({ shape: [1], dtype: 'float32' });
    tf.dispose([w, inputs.ids as tf.Tensor, inputs.mask as tf.Tensor]);
  });

  it('converts descriptors nested in lists and objects', () => {
    const inputs = toTensorInputs(tf, { layers: [{ w: { shape: [1], dtype: 'float32', data: [0.5] }, name: 'a' }] });
    const layer = (inputs.layers as { w: tf.Tensor; name: string }[])[0]!;
    expect(layer.w).toBeInstanceOf(tf.Tensor);
    expect(layer.name).toBe('a');
    layer.w.dispose();
  });

  it('a scalar has shape [] and one value', async () => {
    const t = toTensorInputs(tf, { s: { shape: [], dtype: 'float32', data: [4] } }).s as tf.Tensor;
    expect(t.rank).toBe(0);
    expect(await t.data()).toEqual(new Float32Array([4]));
    t.dispose();
  });

  it('rejects malformed descriptors with RUNTIME_INPUT_INVALID naming the input', () => {
    const mismatch = codeOf(() => toTensorInputs(tf, { weights: { shape: [2, 3], dtype: 'float32', data: [1, 2, 3] } }));
    expect(mismatch.code).toBe('RUNTIME_INPUT_INVALID');
    expect(mismatch.message).toMatch(/input weights .*shape \[2, 3\] holds 6 values and its data has 3/);
    expect(mismatch.data).toEqual({ input: 'weights', path: 'inputs.weights' });

    const dtype = codeOf(() => toTensorInputs(tf, { x: { shape: [1], dtype: 'float64', data: [1] } }));
    expect(dtype.code).toBe('RUNTIME_INPUT_INVALID');
    expect(dtype.message).toMatch(/dtype is "float64"; use one of float32, int32, bool/);

    const nested = codeOf(() => toTensorInputs(tf, { model: { layers: [{ shape: [-1], dtype: 'float32', data: [] }] } }));
    expect(nested.data).toEqual({ input: 'model', path: 'inputs.model.layers[0]' });
    expect(nested.message).toMatch(/shape is not a list of whole numbers/);

    expect(codeOf(() => toTensorInputs(tf, { x: { shape: [2], dtype: 'float32', data: [1, 'a'] } })).message).toMatch(/data\[1\] is "a", not a number/);
    expect(codeOf(() => toTensorInputs(tf, { x: { shape: [1], dtype: 'int32', data: [1.5] } })).message).toMatch(/int32 but its data holds fractions/);
    expect(codeOf(() => toTensorInputs(tf, { x: { shape: [1], dtype: 'float32', data: 'abc' } })).message).toMatch(/data is not a list/);
  });

  it('creates no tensor when a descriptor is rejected', () => {
    const before = tf.memory().numTensors;
    expect(() => toTensorInputs(tf, { x: { shape: [1], dtype: 'float32', data: [1, 2] } })).toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('fromTensorOutputs', () => {
  it('reads tensors back as descriptors with typed-array data, at any depth', async () => {
    const a = tf.tensor2d([[1, 2], [3, 4]]);
    const b = tf.tensor1d([1, 2], 'int32');
    const c = tf.tensor1d([1, 0], 'bool');
    const out = (await fromTensorOutputs(tf, { a, nested: { list: [b, 5] }, c, text: 'ok' })) as Record<string, unknown>;
    expect(out.a).toEqual({ shape: [2, 2], dtype: 'float32', data: new Float32Array([1, 2, 3, 4]) });
    expect((out.a as { data: unknown }).data).toBeInstanceOf(Float32Array);
    expect((out.nested as { list: unknown[] }).list).toEqual([{ shape: [2], dtype: 'int32', data: new Int32Array([1, 2]) }, 5]);
    expect(out.c).toEqual({ shape: [2], dtype: 'bool', data: new Uint8Array([1, 0]) });
    expect(out.text).toBe('ok');
    tf.dispose([a, b, c]);
  });

  it('hands out a copy, not the backend storage', async () => {
    const a = tf.tensor1d([1, 2]);
    const out = (await fromTensorOutputs(tf, a)) as { data: Float32Array };
    out.data[0] = 99;
    expect(Array.from(await a.data())).toEqual([1, 2]);
    a.dispose();
  });

  it('round-trips: a descriptor that went in comes out equal', async () => {
    const descriptor = { shape: [2, 1], dtype: 'float32' as const, data: new Float32Array([0.25, -3]) };
    const t = toTensorInputs(tf, { t: descriptor }).t as tf.Tensor;
    expect(await fromTensorOutputs(tf, t)).toEqual(descriptor);
    t.dispose();
  });

  it('leaves a cycle in place instead of recursing forever', async () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const out = (await fromTensorOutputs(tf, cyclic)) as Record<string, unknown>;
    expect(out.self).toBe(cyclic);
  });
});

describe('looksLikeTensorDescriptor', () => {
  it('needs exactly shape, dtype and data on a plain object', () => {
    expect(looksLikeTensorDescriptor({ shape: [], dtype: 'float32', data: [1] })).toBe(true);
    expect(looksLikeTensorDescriptor({ shape: [], dtype: 'float32', data: [1], name: 'x' })).toBe(false);
    expect(looksLikeTensorDescriptor([1, 2, 3])).toBe(false);
    expect(looksLikeTensorDescriptor(null)).toBe(false);
  });
});
