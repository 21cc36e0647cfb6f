/**
 * How the tensor worker starts backends and reads what they run on: WASM through
 * `startWasmBackend` (threads when they work), the others with `tf.setBackend`, and the facts
 * `chooseBackend` needs from `backendFacts`. Everything browser-specific is passed in.
 */
import { probeBackendFacts, type GpuNavigatorLike } from './backendFacts';
import { startWasmBackend, type WasmScope } from './startWasmBackend';
import type { LoadOptions } from '../workerProtocol';
import type { TensorEngineDeps } from './tensorEngine';
import type { Tf } from './tf';

export interface TensorWorkerEnvironment {
  readonly scope: WasmScope;
  readonly navigator: GpuNavigatorLike;
  /** tfjs-backend-wasm's `setWasmPaths`, `setThreadsCount` and `getThreadsCount`. */
  readonly setWasmPaths: (prefix: string) => void;
  readonly setWasmThreadsCount: (count: number) => void;
  readonly wasmThreadsCount: () => number;
  /** Logical cores (`navigator.hardwareConcurrency`). */
  readonly cores: number;
  /** Where the .wasm binaries are served (public/tfjs/). */
  readonly wasmPrefix: string;
  /** The original threaded glue source (see startWasmBackend). */
  readonly threadedGlue?: string;
}

/**
 * The `init` and `probe` hooks of the tensor engine in a browser worker.
 * @example createTensorEngine({ tf, ...tensorWorkerHooks(tf, { scope: self, navigator, … }) })
 */
export function tensorWorkerHooks(tf: Tf, env: TensorWorkerEnvironment): Required<Pick<TensorEngineDeps, 'init' | 'probe'>> {
  const probe = probeBackendFacts(tf, env.navigator, env.wasmThreadsCount);
  let singleThreadReason: string | undefined;
  return {
    init: async (name, options) => {
      if (name !== 'wasm') return tf.setBackend(name);
      env.setWasmPaths(env.wasmPrefix);
      const { count, why } = wasmThreadsFor(options, env.cores);
      const start = await startWasmBackend(tf, env.scope, {
        ...(env.threadedGlue === undefined ? {} : { threadedGlue: env.threadedGlue }),
        threads: count > 1,
        threadsCount: count,
        setThreadsCount: env.setWasmThreadsCount,
      });
      singleThreadReason = count > 1 ? start.singleThreadReason : why;
      return start.started;
    },
    probe: async (name) => {
      const facts = await probe(name);
      if (name !== 'wasm' || !singleThreadReason) return facts;
      return { ...facts, details: { ...facts.details, wasmSingleThreadReason: singleThreadReason } };
    },
  };
}

/**
 * Threads for WASM: the `wasmThreads` load option, else what tfjs itself would take, half the logical
 * cores (two hyperthreads a core), at most 8. A single thread runs the plain SIMD build, which
 * spares the eight idle pthread workers of the threaded one. Measured on a busy 2-core machine,
 * 2 threads were slower than 1 at every size up to 1024².
 */
export function wasmThreadsFor(options: LoadOptions, cores: number): { count: number; why: string } {
  if (typeof options.wasmThreads === 'number' && options.wasmThreads >= 1) {
    const count = Math.min(8, Math.floor(options.wasmThreads));
    return { count, why: `the wasmThreads load option asks for ${count}` };
  }
  const count = Math.min(8, Math.max(1, Math.floor(cores / 2)));
  return { count, why: `${cores} logical core${cores === 1 ? '' : 's'}: tfjs runs one thread per two (set the wasmThreads load option to use more)` };
}
