/**
 * The QuickJS WebAssembly instance a javascript worker runs untrusted code in, loaded on first
 * use. Its WebAssembly memory has a maximum (the run's limit plus room for QuickJS itself): the
 * runtime's own limit does not count every allocation (typed arrays' bytes escape it), the memory's
 * maximum bounds them all. After a run runs out of memory the instance is discarded and the next
 * run instantiates a fresh one (the compiled module is kept).
 */
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { QUICKJS_LIMITS } from './quickjsRun';

/** QuickJS's own structures beyond what skill code may use. */
const HEADROOM_BYTES = 32 * 2 ** 20;
const PAGE = 65_536;

export interface QuickJsModuleOptions {
  /** What skill code may take (default `QUICKJS_LIMITS.memoryBytes`). */
  readonly memoryBytes?: number;
  /** The compiled `emscripten-module.wasm` (the worker fetches it from /quickjs/); absent: the package finds it (Node). */
  readonly wasmModule?: () => Promise<WebAssembly.Module>;
}

export interface QuickJsModuleSource {
  readonly memoryBytes: number;
  get(): Promise<QuickJSWASMModule>;
  /** Drops the current instance (a run ran out of memory in it). */
  discard(): void;
}

export function quickjsModule(options: QuickJsModuleOptions = {}): QuickJsModuleSource {
  const memoryBytes = options.memoryBytes ?? QUICKJS_LIMITS.memoryBytes;
  let compiled: Promise<WebAssembly.Module> | null = null;
  let current: Promise<QuickJSWASMModule> | null = null;
  const variant = newVariant(releaseSync, {
    wasmMemory: async () => new WebAssembly.Memory({ initial: 256, maximum: Math.ceil((memoryBytes + HEADROOM_BYTES) / PAGE) }),
    ...(options.wasmModule ? { wasmModule: () => (compiled ??= options.wasmModule!()) } : {}),
  });
  return {
    memoryBytes,
    get: () => {
      current ??= newQuickJSWASMModuleFromVariant(variant).catch((error: unknown) => {
        current = null;
        throw error;
      });
      return current;
    },
    discard: () => {
      current = null;
    },
  };
}
