/**
 * The TensorFlow.js the tensor runtime drives: the `@tensorflow/tfjs-core` namespace, passed in
 * (the worker passes the real one with its backends registered; tests pass tfjs-core with cpu).
 */
import type * as TfCore from '@tensorflow/tfjs-core';

export type Tf = typeof TfCore;

/** The backends the runtime knows, in the order it prefers them when nothing was measured. */
export const TENSOR_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type TensorBackend = (typeof TENSOR_BACKENDS)[number];

/** What the user may ask for in settings: a backend, or `auto` (the fastest one measured). */
export type BackendOverride = 'auto' | TensorBackend;

export const isTensorBackend = (value: unknown): value is TensorBackend => (TENSOR_BACKENDS as readonly unknown[]).includes(value);

/** The GPU backends, whose calibration is latency-bound at small sizes. */
export const isGpuBackend = (name: TensorBackend): boolean => name === 'webgpu' || name === 'webgl';
