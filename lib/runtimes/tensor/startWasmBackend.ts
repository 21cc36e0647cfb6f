/**
 * Starts tfjs-backend-wasm with threads when the page is cross-origin isolated, and without when
 * they do not work. Bundled (and minified), the threaded build cannot start its pthread workers:
 * tfjs hands each one `new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])`
 * to import, and once the bundler renamed the factory's free variables (`_scriptDir` became `r`)
 * that source throws `ReferenceError: r is not defined` in every pthread and the start hangs. While
 * the backend starts, that one Blob is given the emscripten glue's original source instead.
 */
import type { Tf } from './tf';

/** The global scope of the worker, as far as starting the backend needs it. */
export interface WasmScope {
  Blob: typeof Blob;
  readonly crossOriginIsolated?: boolean;
  /** The worker's navigator: tfjs sizes its thread pool from `hardwareConcurrency`. */
  readonly navigator?: { readonly hardwareConcurrency?: number };
}

export interface WasmStartOptions {
  /** The untouched text of tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js; without it threads are not tried. */
  readonly threadedGlue?: string;
  /** False to start single-threaded whatever the browser supports. */
  readonly threads?: boolean;
  /** A threaded start that has not finished by then is abandoned for a single-threaded one. */
  readonly threadsTimeoutMs?: number;
  /**
   * Threads XNNPACK runs with (at most 8, the pthread pool). By default tfjs takes half the logical
   * cores (assuming two hyperthreads a core), which is 1 on a 2-core machine; asking for more
   * presents the start with a `hardwareConcurrency` twice as large, so its cap lets them through.
   */
  readonly threadsCount?: number;
  /** tfjs-backend-wasm's `setThreadsCount`. */
  readonly setThreadsCount?: (count: number) => void;
}

export interface WasmStart {
  readonly started: boolean;
  /** Why the backend runs single-threaded, when it does. */
  readonly singleThreadReason?: string;
}

const THREADED_PREFIX = 'var WasmBackendModuleThreadedSimd = ';
const WASM_PRIORITY = 2;

/**
 * Starts and selects the `wasm` backend (registered by importing tfjs-backend-wasm), trying threads first.
 * @example await startWasmBackend(tf, self, { threadedGlue })
 */
export async function startWasmBackend(tf: Tf, scope: WasmScope, options: WasmStartOptions = {}): Promise<WasmStart> {
  const { threadedGlue, threads = true, threadsTimeoutMs = 5000 } = options;
  const factory = tf.findBackendFactory('wasm');
  if (!factory) return { started: false, singleThreadReason: 'the wasm backend is not registered' };
  const supported = scope.crossOriginIsolated === true && (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  const why = !threads
    ? 'threads were turned off'
    : !supported
      ? 'this page is not cross-origin isolated or WebAssembly threads are not supported'
      : !threadedGlue
        ? 'the threaded glue code was not bundled'
        : null;
  if (why === null) {
    const count = options.threadsCount && options.setThreadsCount ? Math.min(8, Math.max(1, Math.floor(options.threadsCount))) : 0;
    if (count) options.setThreadsCount!(count);
    const restoreBlob = substituteThreadedGlue(scope, threadedGlue!);
    const restoreCores = count ? presentCores(scope, count * 2) : () => {};
    let outcome: boolean | Error;
    try {
      outcome = await timeout(tf.setBackend('wasm'), threadsTimeoutMs).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    } finally {
      restoreBlob();
      restoreCores();
    }
    if (outcome === true) return { started: true };
    // Forget the threaded attempt (a hung start blocks every later op) and start again single-threaded.
    tf.removeBackend('wasm');
    tf.registerBackend('wasm', factory, WASM_PRIORITY);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const started = await tf.setBackend('wasm');
    return { started, singleThreadReason: `threads did not start (${outcome === false ? 'initialisation failed' : outcome.message})` };
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  return { started: await tf.setBackend('wasm'), singleThreadReason: why };
}

/** Makes `new Blob([THREADED_PREFIX + minifiedFactory])` hold the original glue; returns the undo. */
function substituteThreadedGlue(scope: WasmScope, glue: string): () => void {
  const Original = scope.Blob;
  scope.Blob = class extends Original {
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      const first = parts?.[0];
      super(parts?.length === 1 && typeof first === 'string' && first.startsWith(THREADED_PREFIX) ? [glue] : parts, options);
    }
  };
  return () => {
    scope.Blob = Original;
  };
}

/** Shadows `navigator.hardwareConcurrency` with at least `cores` while the backend starts; returns the undo. */
function presentCores(scope: WasmScope, cores: number): () => void {
  const nav = scope.navigator;
  if (!nav || (nav.hardwareConcurrency ?? 0) >= cores) return () => {};
  // In a browser the real value is a getter on the prototype; an own property (a test's fake) is put back as it was.
  const own = Object.getOwnPropertyDescriptor(nav, 'hardwareConcurrency');
  Object.defineProperty(nav, 'hardwareConcurrency', { get: () => cores, configurable: true });
  return () => {
    if (own) Object.defineProperty(nav, 'hardwareConcurrency', own);
    else Reflect.deleteProperty(nav, 'hardwareConcurrency');
  };
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
