/** What the kernel checks about the platform it runs on; the scope is the worker's global. */
import type { KernelEnvironment } from './protocol';

interface ProbeScope {
  readonly crossOriginIsolated?: boolean;
  readonly SharedArrayBuffer?: unknown;
  readonly WebAssembly?: unknown;
  readonly indexedDB?: unknown;
  readonly navigator?: { readonly userAgent?: string; readonly gpu?: { requestAdapter(): Promise<unknown> } };
}

/** Probes `scope` (a worker's `self`, or `globalThis` in Node); WebGPU counts only if an adapter is granted. */
export async function probeEnvironment(scope: ProbeScope = globalThis as ProbeScope): Promise<KernelEnvironment> {
  const webGpu = await hasGpuAdapter(scope);
  return {
    crossOriginIsolated: scope.crossOriginIsolated === true,
    sharedArrayBuffer: typeof scope.SharedArrayBuffer === 'function',
    webAssembly: typeof scope.WebAssembly === 'object',
    webGpu,
    indexedDb: scope.indexedDB !== undefined,
    userAgent: scope.navigator?.userAgent ?? 'unknown',
  };
}

async function hasGpuAdapter(scope: ProbeScope): Promise<boolean> {
  try {
    return scope.navigator?.gpu ? (await scope.navigator.gpu.requestAdapter()) != null : false;
  } catch {
    return false;
  }
}
