import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WeftError } from '../../core';
import type { EngineJob } from '../engine';
import type { LogStream } from '../types';
import { createTensorEngine, type TensorEngineDeps } from './tensorEngine';

beforeAll(() => {
  tf.env().set('IS_TEST', true);
});

interface Harness {
  engine: ReturnType<typeof createTensorEngine>;
  events: string[];
  logs: { stream: LogStream; text: string }[];
}

function harness(overrides: Partial<TensorEngineDeps> = {}): Harness {
  const events: string[] = [];
  const logs: { stream: LogStream; text: string }[] = [];
  const engine = createTensorEngine({
    tf,
    backends: ['cpu'],
    console,
    lockDown: (network) => events.push(`lockDown network=${network}`),
    init: async (name) => {
      events.push(`init ${name}`);
      return tf.setBackend(name);
    },
    calibration: { n: 64, reps: 2 },
    ...overrides,
  });
  return { engine, events, logs };
}

let nextId = 1;
const job = (h: Harness, code: string, inputs: Record<string, unknown> = {}, seed = 1): EngineJob => ({
  id: nextId++,
  code,
  inputs,
  seed,
  permissions: [],
  log: (stream, text) => h.logs.push({ stream, text }),
});

async function loaded(overrides: Partial<TensorEngineDeps> = {}, options: Record<string, unknown> = {}): Promise<Harness> {
  const h = harness(overrides);
  await h.engine.load(options, () => {});
  return h;
}

async function failure(promise: Promise<unknown>): Promise<WeftError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WeftError) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}

describe('tensor engine: load', () => {
  it('starts and calibrates the backends, reports progress, then locks the worker down', async () => {
    const h = harness();
    const progress: string[] = [];
    const details = await h.engine.load({ backend: 'auto' }, (phase, loaded, total) => progress.push(`${phase} ${loaded}/${total}`));
    expect(progress).toEqual(['backends 1/4', 'starting cpu 0/2', 'calibrating cpu 1/2', 'calibrated 2/2']);
    expect(h.events).toEqual(['init cpu', 'lockDown network=false']);
    expect(details.backend).toBe('cpu');
    expect(details['gflops.cpu'] as number).toBeGreaterThan(0);
    expect(details.tfVersion).toBe(tf.version_core);
    expect(details.backendReason).toMatch(/cpu was fastest/);
    expect(typeof details.loadMs).toBe('number');
  });

  it('leaves the network globals alone only with the network option', async () => {
    const h = harness();
    await h.engine.load({ network: true }, () => {});
    expect(h.events).toContain('lockDown network=true');
  });

  it('fails with RUNTIME_LOAD_FAILED, saying why, when no backend starts', async () => {
    const h = harness({ init: async () => false });
    const error = await failure(h.engine.load({}, () => {}));
    expect(error.code).toBe('RUNTIME_LOAD_FAILED');
    expect(error.message).toMatch(/cpu: it did not initialise/);
    expect(h.events).not.toContain('lockDown network=false');
  });

  it('refuses to run before it loaded', async () => {
    const h = harness();
    expect((await failure(h.engine.run(job(h, 'function execute() { return {} }')))).code).toBe('RUNTIME_LOAD_FAILED');
  });
});

describe('tensor engine: run', () => {
  it('passes tensor descriptors in as tensors and returns tensors as descriptors, on the chosen backend', async () => {
    const h = await loaded();
    const code = `
      function execute({ a, b, scale }) {
        return { product: tf.matMul(a, b).mul(scale), parts: [a.sum(), { rank: a.rank }], backend: tf.getBackend() };
      }`;
    const result = await h.engine.run(
      job(h, code, { a: { shape: [1, 2], dtype: 'float32', data: [1, 2] }, b: { shape: [2, 1], dtype: 'float32', data: [3, 4] }, scale: 2 }),
    );
    expect(result.details).toEqual({ backend: 'cpu' });
    expect(result.outputs.product).toEqual({ shape: [1, 1], dtype: 'float32', data: new Float32Array([22]) });
    expect(result.outputs.parts).toEqual([{ shape: [], dtype: 'float32', data: new Float32Array([3]) }, { rank: 2 }]);
    expect(result.outputs.backend).toBe('cpu');
  });

  it('awaits an async execute', async () => {
    const h = await loaded();
    const result = await h.engine.run(job(h, 'async function execute() { const t = tf.tensor1d([1, 2, 3]); return { total: (await t.sum().data())[0] }; }'));
    expect(result.outputs).toEqual({ total: 6 });
  });

  it('leaks no tensor or variable across runs, however the code leaves them', async () => {
    const h = await loaded();
    const before = tf.memory().numTensors;
    const code = `
      async function execute({ x }) {
        tf.tensor1d([1, 2, 3]).square();                       // never disposed
        tf.keep(tf.scalar(1));                                 // kept on purpose
        tf.tidy(() => tf.keep(tf.ones([4])));                  // kept inside a tidy
        const v = tf.variable(tf.zeros([2]));                  // a variable
        tf.engine().startScope();                              // a scope never closed
        tf.ones([3]);
        const opt = tf.train.adam(0.1);
        opt.minimize(() => v.sub(x).square().sum());           // the optimiser's own variables
        return { y: v.add(1) };
      }`;
    const result = await h.engine.run(job(h, code, { x: { shape: [2], dtype: 'float32', data: [1, 2] } }));
    expect(result.outputs.y).toMatchObject({ shape: [2], dtype: 'float32' });
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(tf.engine().registeredVariables)).toHaveLength(0);
    // The engine is still usable: its own scope was closed, not a random one.
    await h.engine.run(job(h, 'function execute() { return { ok: tf.scalar(1) } }'));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaks nothing when execute throws, and reports the error as the code’s', async () => {
    const h = await loaded();
    const before = tf.memory().numTensors;
    const error = await failure(
      h.engine.run(job(h, "async function execute({ x }) { tf.keep(x.square()); tf.variable(tf.ones([2])); throw new TypeError('bad shape'); }", { x: { shape: [1], dtype: 'float32', data: [2] } })),
    );
    expect(error.code).toBe('RUNTIME_ERROR');
    expect(error.message).toBe('The code raised TypeError: bad shape');
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(tf.engine().registeredVariables)).toHaveLength(0);
  });

  it('reports a tfjs error (incompatible shapes) as a RUNTIME_ERROR and leaks nothing', async () => {
    const h = await loaded();
    const before = tf.memory().numTensors;
    const error = await failure(h.engine.run(job(h, 'function execute() { return { y: tf.matMul(tf.ones([2, 3]), tf.ones([2, 3])) } }')));
    expect(error.code).toBe('RUNTIME_ERROR');
    expect(error.message).toMatch(/inner shapes/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the same output for the same seed (Math.random and unseeded tf.random*)', async () => {
    const h = await loaded();
    const code = 'function execute() { return { r: Math.random(), t: tf.randomNormal([3]) } }';
    const first = await h.engine.run(job(h, code, {}, 42));
    const again = await h.engine.run(job(h, code, {}, 42));
    const other = await h.engine.run(job(h, code, {}, 43));
    expect(again.outputs).toEqual(first.outputs);
    expect(other.outputs.r).not.toBe(first.outputs.r);
    expect(other.outputs.t).not.toEqual(first.outputs.t);
  });

  it('maps code errors to coded WeftErrors', async () => {
    const h = await loaded();
    const codeOf = async (code: string, inputs: Record<string, unknown> = {}) => (await failure(h.engine.run(job(h, code, inputs)))).code;
    expect(await codeOf('function execute( {')).toBe('RUNTIME_SYNTAX');
    expect(await codeOf('const x = 1;')).toBe('RUNTIME_EXECUTE_MISSING');
    expect(await codeOf('function execute() { return new Map() }')).toBe('RUNTIME_OUTPUT_INVALID');
    expect(await codeOf('function execute() { return { m: new Map() } }')).toBe('RUNTIME_OUTPUT_INVALID');
    expect(await codeOf('function execute() { return {} }', { w: { shape: [3], dtype: 'float32', data: [1] } })).toBe('RUNTIME_INPUT_INVALID');
    const before = tf.memory().numTensors;
    expect(await codeOf('function execute() { return {} }', { ok: { shape: [1], dtype: 'float32', data: [1] }, bad: { shape: [1], dtype: 'int8', data: [1] } })).toBe(
      'RUNTIME_INPUT_INVALID',
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('routes console.log to stdout and console.warn/error to stderr during the run only', async () => {
    const h = await loaded();
    const original = { ...console };
    const code = `function execute() {
      console.log('loss', 0.5, { step: 3 });
      console.warn('careful');
      console.error(new Error('boom').message);
      tf.tensor1d([1, 2]).print();
      return {};
    }`;
    await h.engine.run(job(h, code));
    expect(h.logs).toEqual([
      { stream: 'stdout', text: 'loss 0.5 {"step":3}\n' },
      { stream: 'stderr', text: 'careful\n' },
      { stream: 'stderr', text: 'boom\n' },
      { stream: 'stdout', text: 'Tensor\n    [1, 2]\n' },
    ]);
    expect(console.log).toBe(original.log);
    await failure(h.engine.run(job(h, "function execute() { console.warn('x'); throw new Error('no') }")));
    expect(h.logs.at(-1)).toEqual({ stream: 'stderr', text: 'x\n' });
    expect([console.log, console.info, console.debug, console.warn, console.error]).toEqual([original.log, original.info, original.debug, original.warn, original.error]);
  });

  it('starts every run on the chosen backend even if the last one switched', async () => {
    tf.registerBackend('wasm', () => tf.findBackend('cpu')!, 0);
    try {
      const h = await loaded();
      await h.engine.run(job(h, "async function execute() { await tf.setBackend('wasm'); return {} }"));
      expect(tf.getBackend()).toBe('wasm');
      const result = await h.engine.run(job(h, 'function execute() { return { b: tf.getBackend() } }'));
      expect(result.outputs.b).toBe('cpu');
    } finally {
      await tf.setBackend('cpu');
      tf.removeBackend('wasm');
    }
  });
});

describe('tensor engine: several backends', () => {
  // Stand-ins: "wasm" is a second cpu backend, "webgl" throws while starting, "webgpu" never finishes
  // starting (and is removed from the registry when given up, so each test registers it again).
  beforeAll(() => {
    tf.registerBackend('wasm', () => new MathBackendCPU(), 0);
    for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'wasm' });
    tf.registerBackend('webgl', () => {
      throw new Error('no WebGL2 here');
    }, 0);
  });
  beforeEach(() => {
    if (!tf.findBackendFactory('webgpu')) tf.registerBackend('webgpu', () => new Promise<never>(() => {}), 0);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
    for (const name of ['wasm', 'webgl', 'webgpu']) if (tf.findBackendFactory(name)) tf.removeBackend(name);
  });

  const several = { backends: ['webgpu', 'webgl', 'wasm', 'cpu'] as const, calibration: { n: 64, reps: 2, initTimeoutMs: 50 } };

  it('measures every backend that starts and records why the others did not', async () => {
    const h = harness(several);
    const details = await h.engine.load({}, () => {});
    expect(h.events).toEqual(['init webgpu', 'init webgl', 'init wasm', 'init cpu', 'lockDown network=false']);
    expect(details['unavailable.webgpu']).toBe('timed out after 50 ms');
    expect(tf.findBackendFactory('webgpu')).toBeNull();
    expect(details['unavailable.webgl']).toBe('it did not initialise');
    expect(details['gflops.wasm'] as number).toBeGreaterThan(0);
    expect(details['gflops.cpu'] as number).toBeGreaterThan(0);
    expect(['wasm', 'cpu']).toContain(details.backend);
    const result = await h.engine.run(job(h, 'function execute() { return { b: tf.getBackend() } }'));
    expect(result.outputs.b).toBe(details.backend);
    expect(result.details).toEqual({ backend: details.backend });
  });

  it('starts only the backend chosen in settings when it is available', async () => {
    const h = harness(several);
    const details = await h.engine.load({ backend: 'wasm' }, () => {});
    expect(h.events).toEqual(['init wasm', 'lockDown network=false']);
    expect(details).toMatchObject({ backend: 'wasm', backendOverride: 'wasm', backendReason: 'wasm was chosen in settings.' });
  });

  it('falls back to the fastest backend when the one chosen in settings does not start, and says why', async () => {
    const h = harness(several);
    const details = await h.engine.load({ backend: 'webgpu' }, () => {});
    expect(h.events).toEqual(['init webgpu', 'init webgl', 'init wasm', 'init cpu', 'lockDown network=false']);
    expect(['wasm', 'cpu']).toContain(details.backend);
    expect(details.backendReason).toMatch(/^webgpu was chosen in settings but is not available \(timed out after 50 ms\); (wasm|cpu) was fastest/);
  });

  it('treats an unknown backend option as auto', async () => {
    const h = harness(several);
    const details = await h.engine.load({ backend: 'tpu' }, () => {});
    expect(details.backendOverride).toBeUndefined();
    expect(['wasm', 'cpu']).toContain(details.backend);
  });
});
