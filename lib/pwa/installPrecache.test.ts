import { describe, expect, it } from 'vitest';
import { precacheName } from './cacheNames';
import { fakeNetwork } from './fakeNetwork';
import { installPrecache } from './installPrecache';
import { MemoryCacheStorage } from './memoryCaches';
import { buildPrecacheManifest } from './precacheManifest';

const origin = 'https://weft.test';
const files = {
  '/': { body: '<!doctype html><title>Weft</title>', contentType: 'text/html' },
  '/workers/kernel.js': { body: 'kernel' },
  '/workers/spice.js': { body: 'spice, twenty megabytes of it' },
  '/pyodide/pyodide.asm.wasm': { body: 'wasm', contentType: 'application/wasm' },
  '/tfjs/tfjs-backend-wasm.wasm': { body: 'tfjs', contentType: 'application/wasm' },
  '/wllama/wllama.wasm': { body: 'wllama', contentType: 'application/wasm' },
};
const manifestOf = (revisions: Record<string, string> = {}) =>
  buildPrecacheManifest(Object.keys(files).map((url) => ({ url, revision: revisions[url] ?? 'r1' })));

describe('installPrecache', () => {
  it('downloads every file bypassing the HTTP cache and keeps whole responses, headers included', async () => {
    const manifest = await manifestOf();
    const caches = new MemoryCacheStorage();
    const network = fakeNetwork(origin, files);
    const report = await installPrecache({ manifest, caches, fetch: network.fetch, origin });

    expect(report).toEqual({ version: manifest.version, total: 6, fetched: 6, reused: 0, failed: [] });
    expect(network.requests.every((r) => r.cache === 'reload')).toBe(true);
    const cache = await caches.open(precacheName(manifest.version));
    const wasm = await cache.match(`${origin}/pyodide/pyodide.asm.wasm?__weft_rev=r1`);
    expect(await wasm?.text()).toBe('wasm');
    expect(wasm?.headers.get('Content-Type')).toBe('application/wasm');
    expect(wasm?.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });

  it('reports a file that fails and still keeps all the others', async () => {
    const manifest = await manifestOf();
    const caches = new MemoryCacheStorage();
    const network = fakeNetwork(origin, { ...files, '/tfjs/tfjs-backend-wasm.wasm': { body: 'gone', status: 503 } });
    network.broken.add('/workers/spice.js');
    const report = await installPrecache({ manifest, caches, fetch: network.fetch, origin });

    expect(report.failed).toEqual([
      { url: '/tfjs/tfjs-backend-wasm.wasm', reason: 'HTTP 503' },
      { url: '/workers/spice.js', reason: 'TypeError: Failed to fetch' },
    ]);
    expect(report.fetched).toBe(4);
    const cache = await caches.open(precacheName(manifest.version));
    expect((await cache.keys()).map((k) => new URL(k.url).pathname).sort()).toEqual(['/', '/pyodide/pyodide.asm.wasm', '/wllama/wllama.wasm', '/workers/kernel.js']);
  });

  it('copies unchanged files from the previous build’s cache and downloads only what changed', async () => {
    const caches = new MemoryCacheStorage();
    const first = await manifestOf();
    await installPrecache({ manifest: first, caches, fetch: fakeNetwork(origin, files).fetch, origin });

    const second = await manifestOf({ '/': 'r2', '/workers/kernel.js': 'r2' });
    const network = fakeNetwork(origin, files);
    const report = await installPrecache({ manifest: second, caches, fetch: network.fetch, origin });

    expect(network.requests.map((r) => r.url).sort()).toEqual(['/', '/workers/kernel.js']);
    expect(report).toMatchObject({ fetched: 2, reused: 4, failed: [] });
    const cache = await caches.open(precacheName(second.version));
    expect(await (await cache.match(`${origin}/wllama/wllama.wasm?__weft_rev=r1`))?.text()).toBe('wllama');
  });

  it('only fetches what is missing when run again (a refill)', async () => {
    const manifest = await manifestOf();
    const caches = new MemoryCacheStorage();
    const network = fakeNetwork(origin, files);
    network.broken.add('/workers/spice.js');
    await installPrecache({ manifest, caches, fetch: network.fetch, origin });
    network.broken.clear();
    network.requests.length = 0;

    const report = await installPrecache({ manifest, caches, fetch: network.fetch, origin });
    expect(network.requests.map((r) => r.url)).toEqual(['/workers/spice.js']);
    expect(report).toMatchObject({ fetched: 1, reused: 5, failed: [] });
  });

  it('keeps at most `concurrency` downloads in flight', async () => {
    const manifest = await manifestOf();
    const network = fakeNetwork(origin, files);
    await installPrecache({ manifest, caches: new MemoryCacheStorage(), fetch: network.fetch, origin, concurrency: 2 });
    expect(network.peak()).toBe(2);
  });

  it('refuses a redirected response (it could not answer a navigation)', async () => {
    const manifest = await buildPrecacheManifest([{ url: '/', revision: 'r1' }]);
    const redirected = new Response('login page', { status: 200 });
    Object.defineProperty(redirected, 'redirected', { value: true });
    const report = await installPrecache({ manifest, caches: new MemoryCacheStorage(), fetch: async () => redirected, origin });
    expect(report.failed).toEqual([{ url: '/', reason: expect.stringMatching(/^redirected/) }]);
  });
});
