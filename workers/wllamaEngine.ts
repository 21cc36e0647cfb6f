/**
 * The real in-browser model engine for the kernel: wllama (llama.cpp in WebAssembly), its
 * binary served from /wllama/ (copied there at install), model files cached in OPFS by wllama's
 * CacheManager so a model downloaded once loads offline. Layers go to WebGPU only on a real
 * GPU; a software adapter (SwiftShader) or none means the CPU build, which is faster there.
 * The library itself (380 KB, mostly its embedded worker code) is imported on first use from
 * /wllama/index.js, so the kernel does not pay for it at start.
 */
import type * as WllamaModule from '@wllama/wllama/esm/index.js'; // the package has no "exports"; this is its built ES module
import type { WllamaEngine } from '../lib/llm';
import type { InBrowserModelsDeps } from '../lib/kernel';

const quiet = { debug: () => {}, log: () => {}, warn: console.warn.bind(console), error: console.error.bind(console) };

async function hasRealGpu(): Promise<boolean> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string } } | null> } }).gpu;
  if (!gpu) return false;
  try {
    const adapter = await gpu.requestAdapter();
    const info = adapter?.info;
    if (!adapter || info?.isFallbackAdapter) return false;
    return !/swiftshader/i.test(`${info?.vendor ?? ''} ${info?.architecture ?? ''}`);
  } catch {
    return false;
  }
}

const LIBRARY = '/wllama/index.js';

export function wllamaModels(): InBrowserModelsDeps {
  let library: Promise<{ lib: typeof WllamaModule; cache: WllamaModule.CacheManager }> | null = null;
  const open = () =>
    (library ??= (import(/* runtime URL, not bundled */ LIBRARY) as Promise<typeof WllamaModule>).then((lib) => ({ lib, cache: new lib.CacheManager() })));
  const gpu = hasRealGpu();
  return {
    createEngine(): WllamaEngine {
      let wllama: WllamaModule.Wllama | null = null;
      const engine = () => {
        if (!wllama) throw new Error('the model is not loaded');
        return wllama;
      };
      return {
        async loadModelFromUrl(url, params) {
          const { lib, cache } = await open();
          wllama = new lib.Wllama({ default: '/wllama/wllama.wasm' }, { allowOffline: true, cacheManager: cache, logger: quiet, suppressNativeLog: true });
          await wllama.loadModelFromUrl(url, { ...params, useCache: true, ...((await gpu) ? {} : { n_gpu_layers: 0 }) });
        },
        createChatCompletion: (options) => engine().createChatCompletion(options as unknown as Parameters<WllamaModule.Wllama['createChatCompletion']>[0] & { stream: true }),
        getChatTemplate: () => engine().getChatTemplate(),
        getLoadedContextInfo: () => engine().getLoadedContextInfo(),
        exit: async () => {
          await wllama?.exit();
        },
      };
    },
    async isCached(url) {
      const { cache } = await open();
      const entries = await cache.list();
      return entries.some((e) => e.metadata.originalURL === url);
    },
  };
}
