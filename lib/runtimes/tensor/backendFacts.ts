/**
 * What each backend runs on, read in the tensor worker after the backend started: the WebGPU
 * adapter (a fallback adapter is CPU emulation), the WebGL renderer (SwiftShader and llvmpipe are
 * software), and whether WASM has SIMD and threads. The browser objects are passed in.
 */
import type { BackendFacts } from './calibrateBackends';
import type { Tf, TensorBackend } from './tf';

/** Renderer or adapter names of GPUs emulated on the CPU. */
export const SOFTWARE_GPU = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render/i;

interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}

/** `navigator`, as far as the WebGPU probe needs it. */
export interface GpuNavigatorLike {
  readonly gpu?: { requestAdapter(options?: { powerPreference?: string }): Promise<{ readonly info?: AdapterInfoLike; readonly isFallbackAdapter?: boolean } | null> };
}

interface WebGlLike {
  readonly RENDERER: number;
  getExtension(name: string): { readonly UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(name: number): unknown;
}

/** The adapter tfjs-backend-webgpu gets (it asks for high performance too). */
export async function webgpuFacts(nav: GpuNavigatorLike): Promise<BackendFacts> {
  const adapter = await nav.gpu?.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { details: { webgpuAdapter: 'none' } };
  const info = adapter.info ?? {};
  const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  const description = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  const software = fallback || SOFTWARE_GPU.test(description);
  return {
    software,
    details: { webgpuAdapter: fallback ? 'fallback' : software ? `software (${description})` : description || 'hardware', ...(description ? { webgpuAdapterInfo: description } : {}) },
  };
}

/** The renderer of the WebGL context the active webgl backend draws with. */
export function webglFacts(tf: Tf): BackendFacts {
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGlLike } }).gpgpu?.gl;
  if (!gl) return { details: { webglRenderer: 'unknown' } };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown');
  return { software: SOFTWARE_GPU.test(renderer), details: { webglRenderer: renderer } };
}

/** SIMD and the number of threads XNNPACK runs with (1 = single-threaded). */
export async function wasmFacts(tf: Tf, threadsCount: () => number): Promise<BackendFacts> {
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  return { details: { wasmSimd: simd, wasmThreads: threadsCount() } };
}

/** The probe the tensor worker passes to the engine. */
export function probeBackendFacts(tf: Tf, nav: GpuNavigatorLike, wasmThreadsCount: () => number): (name: TensorBackend) => Promise<BackendFacts> {
  return async (name) => {
    switch (name) {
      case 'webgpu':
        return webgpuFacts(nav);
      case 'webgl':
        return webglFacts(tf);
      case 'wasm':
        return wasmFacts(tf, wasmThreadsCount);
      case 'cpu':
        return {};
    }
  };
}
