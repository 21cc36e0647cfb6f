import type * as TfCore from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { probeBackendFacts, webglFacts, webgpuFacts, type GpuNavigatorLike } from './backendFacts';
import type { Tf } from './tf';

const withAdapter = (adapter: unknown): GpuNavigatorLike => ({ gpu: { requestAdapter: async () => adapter as never } });

describe('webgpuFacts', () => {
  it('marks the fallback adapter (SwiftShader in headless Chromium) as software', async () => {
    expect(await webgpuFacts(withAdapter({ info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true } }))).toEqual({
      software: true,
      details: { webgpuAdapter: 'fallback', webgpuAdapterInfo: 'google swiftshader' },
    });
    // Older Chromium: the flag is on the adapter, not its info.
    expect((await webgpuFacts(withAdapter({ isFallbackAdapter: true, info: {} }))).software).toBe(true);
  });

  it('marks a software adapter that is not flagged fallback by its name', async () => {
    const facts = await webgpuFacts(withAdapter({ info: { vendor: 'mesa', architecture: 'llvmpipe', isFallbackAdapter: false } }));
    expect(facts.software).toBe(true);
    expect(facts.details?.webgpuAdapter).toBe('software (mesa llvmpipe)');
  });

  it('describes a hardware adapter', async () => {
    expect(await webgpuFacts(withAdapter({ info: { vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false } }))).toEqual({
      software: false,
      details: { webgpuAdapter: 'nvidia ampere', webgpuAdapterInfo: 'nvidia ampere' },
    });
    expect((await webgpuFacts(withAdapter({ info: {} }))).details).toEqual({ webgpuAdapter: 'hardware' });
  });

  it('says when there is no adapter or no WebGPU', async () => {
    expect(await webgpuFacts(withAdapter(null))).toEqual({ details: { webgpuAdapter: 'none' } });
    expect(await webgpuFacts({})).toEqual({ details: { webgpuAdapter: 'none' } });
  });
});

const tfWithGl = (renderer: string | null, debugInfo = true): Tf =>
  ({
    backend: () => ({
      gpgpu: {
        gl: {
          RENDERER: 0x1f01,
          getExtension: (name: string) => (debugInfo && name === 'WEBGL_debug_renderer_info' ? { UNMASKED_RENDERER_WEBGL: 0x9246 } : null),
          getParameter: (p: number) => (p === 0x9246 ? renderer : 'WebKit WebGL'),
        },
      },
    }),
  }) as unknown as Tf;

describe('webglFacts', () => {
  it('reads the unmasked renderer and recognises SwiftShader and llvmpipe as software', () => {
    const swiftshader = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
    expect(webglFacts(tfWithGl(swiftshader))).toEqual({ software: true, details: { webglRenderer: swiftshader } });
    expect(webglFacts(tfWithGl('llvmpipe (LLVM 15.0.6, 256 bits)')).software).toBe(true);
    expect(webglFacts(tfWithGl('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)'))).toMatchObject({ software: false });
  });

  it('falls back to the masked renderer without the debug extension, and copes with no context', () => {
    expect(webglFacts(tfWithGl('x', false)).details).toEqual({ webglRenderer: 'WebKit WebGL' });
    expect(webglFacts({ backend: () => ({}) } as unknown as Tf)).toEqual({ details: { webglRenderer: 'unknown' } });
  });
});

describe('probeBackendFacts', () => {
  it('reports SIMD and the thread count for wasm, nothing for cpu', async () => {
    const tf = { env: () => ({ getAsync: async (flag: string) => flag === 'WASM_HAS_SIMD_SUPPORT' }) } as unknown as typeof TfCore;
    const probe = probeBackendFacts(tf, {}, () => 3);
    expect(await probe('wasm')).toEqual({ details: { wasmSimd: true, wasmThreads: 3 } });
    expect(await probe('cpu')).toEqual({});
  });
});
