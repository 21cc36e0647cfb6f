import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWasmBackend, type WasmScope } from './startWasmBackend';

// A stand-in for tfjs-backend-wasm's registration: its factory builds the pthread script Blob the
// way tfjs does (prefix + the bundled factory's source) and records what the Blob holds and how
// many cores the start saw; `hangs` makes the threaded start never finish.
const seen: { blobText?: string; cores?: number; threadedStarts: number } = { threadedStarts: 0 };
let hangs = false;
let scope: WasmScope & { navigator: { hardwareConcurrency: number } };

function register(): void {
  tf.registerBackend(
    'wasm',
    async () => {
      if (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) {
        seen.threadedStarts++;
        seen.blobText = await new scope.Blob(['var WasmBackendModuleThreadedSimd = function(t){return r}'], { type: 'text/javascript' }).text();
        seen.cores = scope.navigator.hardwareConcurrency;
        if (hangs) await new Promise<never>(() => {});
      }
      return new MathBackendCPU();
    },
    2,
  );
}

beforeAll(() => {
  tf.env().set('IS_TEST', true);
  // Registered by tfjs-backend-wasm's flags module in the worker.
  tf.env().registerFlag('WASM_HAS_MULTITHREAD_SUPPORT', () => false);
  for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'wasm' });
});

afterEach(async () => {
  await tf.setBackend('cpu');
  if (tf.findBackendFactory('wasm')) tf.removeBackend('wasm');
});

function setUp(isolated: boolean): void {
  scope = { Blob, crossOriginIsolated: isolated, navigator: { hardwareConcurrency: 2 } };
  seen.blobText = undefined;
  seen.cores = undefined;
  seen.threadedStarts = 0;
  hangs = false;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  register();
}

describe('startWasmBackend', () => {
  it('gives the pthread script the original glue instead of the minified factory, and presents enough cores for the threads asked', async () => {
    setUp(true);
    const counts: number[] = [];
    const start = await startWasmBackend(tf, scope, { threadedGlue: 'var WasmBackendModuleThreadedSimd = (() => {/* original */})();', threadsCount: 2, setThreadsCount: (n) => counts.push(n) });
    expect(start).toEqual({ started: true });
    expect(tf.getBackend()).toBe('wasm');
    expect(seen.blobText).toBe('var WasmBackendModuleThreadedSimd = (() => {/* original */})();');
    expect(counts).toEqual([2]);
    // tfjs caps threads at half the cores it sees; during the start it saw 4, afterwards the truth again.
    expect(seen.cores).toBe(4);
    expect(scope.navigator.hardwareConcurrency).toBe(2);
    expect(scope.Blob).toBe(Blob);
    expect(await new scope.Blob(['var WasmBackendModuleThreadedSimd = x']).text()).toBe('var WasmBackendModuleThreadedSimd = x');
  });

  it('starts single-threaded, saying why, when the page is not cross-origin isolated', async () => {
    setUp(false);
    const start = await startWasmBackend(tf, scope, { threadedGlue: 'glue' });
    expect(start.started).toBe(true);
    expect(start.singleThreadReason).toMatch(/not cross-origin isolated/);
    expect(seen.threadedStarts).toBe(0);
    expect(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
  });

  it('starts single-threaded when threads are turned off or the glue is missing', async () => {
    setUp(true);
    expect((await startWasmBackend(tf, scope, { threadedGlue: 'glue', threads: false })).singleThreadReason).toBe('threads were turned off');
    await tf.setBackend('cpu');
    tf.removeBackend('wasm');
    setUp(true);
    expect((await startWasmBackend(tf, scope, {})).singleThreadReason).toBe('the threaded glue code was not bundled');
    expect(seen.threadedStarts).toBe(0);
  });

  it('abandons a threaded start that hangs and starts again single-threaded', async () => {
    setUp(true);
    hangs = true;
    const start = await startWasmBackend(tf, scope, { threadedGlue: 'glue', threadsTimeoutMs: 50 });
    expect(start).toEqual({ started: true, singleThreadReason: 'threads did not start (no answer after 50 ms)' });
    expect(seen.threadedStarts).toBe(1);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.sum(tf.tensor1d([1, 2])).dataSync()[0]).toBe(3);
    expect(scope.Blob).toBe(Blob);
  });

  it('reports a backend that is not registered', async () => {
    setUp(true);
    tf.removeBackend('wasm');
    expect(await startWasmBackend(tf, scope, { threadedGlue: 'glue' })).toEqual({ started: false, singleThreadReason: 'the wasm backend is not registered' });
  });
});
