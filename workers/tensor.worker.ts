/**
 * The tensor worker: TensorFlow.js (tfjs-core with the webgpu, webgl, wasm and cpu backends) behind
 * the tensor engine, served with `serveEngine`.
 * May import: lib/runtimes (engine, tensor, javascript/jsSandbox) and lib/core, the modular
 * @tensorflow/tfjs-* packages (never the @tensorflow/tfjs umbrella). Never React, Next.js or components.
 * Built as an ES module by scripts/build-workers.mjs into public/workers/tensor.js and started
 * with `new Worker('/workers/tensor.js', { type: 'module' })`; the .wasm binaries are in public/tfjs/.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The glue's own text, for the pthread workers (see lib/runtimes/tensor/startWasmBackend.ts).
import threadedGlue from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js' with { type: 'text' };
import { serveEngine, type EngineScope } from '../lib/runtimes/engine';
import { lockDown } from '../lib/runtimes/javascript/jsSandbox';
import { createTensorEngine, tensorWorkerHooks, type GpuNavigatorLike } from '../lib/runtimes/tensor';

const engine = createTensorEngine({
  tf,
  ...tensorWorkerHooks(tf, {
    scope: self,
    // WebGPU's types are not in TypeScript's DOM lib; the probe declares the little it reads.
    navigator: self.navigator as unknown as GpuNavigatorLike,
    setWasmPaths: (prefix) => setWasmPaths(prefix),
    setWasmThreadsCount: setThreadsCount,
    wasmThreadsCount: getThreadsCount,
    cores: self.navigator.hardwareConcurrency || 1,
    wasmPrefix: new URL('../tfjs/', import.meta.url).href,
    threadedGlue: threadedGlue as unknown as string,
  }),
  lockDown: (network) => lockDown(self, { network }),
  console,
});

serveEngine(self as unknown as EngineScope, engine);
