/**
 * Times an n×n float32 matmul on one backend, read-back included (so asynchronous GPU backends are
 * measured by when the result is there, not by how fast work is queued). Used by the tensor
 * runtime's start-up calibration and by the benchmarks.
 */
import type { Tf, TensorBackend } from './tf';

export interface MatmulMeasurement {
  /** 2 n³ floating-point operations over the median time, in GFLOP/s. */
  readonly gflops: number;
  /** Median time of one matmul with its read-back, in milliseconds. */
  readonly ms: number;
  /** Every timed run, in milliseconds. */
  readonly times: number[];
  /** Largest absolute error of one entry against a plain JavaScript dot product. */
  readonly checkError: number;
}

export interface MeasureOptions {
  /** Untimed runs first (shader compilation, caches); default 1. */
  readonly warmup?: number;
  /** Stop timing once this many milliseconds were spent on timed runs (at least one run is always timed). */
  readonly budgetMs?: number;
  readonly now?: () => number;
}

/**
 * Measures `reps` timed n×n matmuls on `backend` (switched to for the measurement, then switched
 * back); throws when the backend does not initialise.
 * @example const { gflops } = await measureMatmul(tf, 'wasm', 512, 5)
 */
export async function measureMatmul(tf: Tf, backend: TensorBackend, n: number, reps: number, options: MeasureOptions = {}): Promise<MatmulMeasurement> {
  const { warmup = 1, budgetMs = Infinity, now = () => performance.now() } = options;
  const previous = tf.getBackend();
  if (previous !== backend && !(await tf.setBackend(backend))) {
    if (previous) await tf.setBackend(previous);
    throw new Error(`The ${backend} backend did not initialise.`);
  }
  const [a, b] = tf.tidy(() => [tf.randomUniform([n, n], -1, 1, 'float32', 1), tf.randomUniform([n, n], -1, 1, 'float32', 2)] as const);
  try {
    let result: Float32Array | null = null;
    for (let i = 0; i < warmup; i++) {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    }
    const times: number[] = [];
    let spent = 0;
    for (let i = 0; i < Math.max(1, reps) && (i === 0 || spent < budgetMs); i++) {
      const start = now();
      const c = tf.matMul(a, b);
      const data = (await c.data()) as Float32Array;
      const ms = now() - start;
      c.dispose();
      times.push(ms);
      spent += ms;
      result = data;
    }
    const checkError = await cornerError(a, b, result!, n);
    const ms = median(times);
    return { gflops: (2 * n ** 3) / (Math.max(ms, 1e-3) / 1000) / 1e9, ms, times, checkError };
  } finally {
    a.dispose();
    b.dispose();
    if (tf.getBackend() !== previous && previous) await tf.setBackend(previous);
  }
}

async function cornerError(a: { data(): Promise<unknown> }, b: { data(): Promise<unknown> }, c: Float32Array, n: number): Promise<number> {
  const av = (await a.data()) as Float32Array;
  const bv = (await b.data()) as Float32Array;
  let error = 0;
  for (const [row, col] of [[0, 0], [n - 1, n - 1]] as const) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += av[row * n + k]! * bv[k * n + col]!;
    error = Math.max(error, Math.abs(sum - c[row * n + col]!));
  }
  return error;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
