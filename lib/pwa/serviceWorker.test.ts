import { beforeEach, describe, expect, it } from 'vitest';
import { precacheName } from './cacheNames';
import { fakeNetwork, type FakeNetwork } from './fakeNetwork';
import { MemoryCacheStorage } from './memoryCaches';
import type { FromServiceWorker } from './messages';
import { buildPrecacheManifest, type PrecacheManifest } from './precacheManifest';
import { type ExtendableMessageEventLike, serveServiceWorker, type ServiceWorkerScope } from './serviceWorker';

const origin = 'https://weft.test';
const files = {
  '/': { body: '<!doctype html><title>Weft</title>', contentType: 'text/html' },
  '/_next/static/chunks/app.js': { body: 'app' },
  '/workers/python.js': { body: 'python worker' },
  '/pyodide/pyodide.asm.wasm': { body: 'wasm', contentType: 'application/wasm' },
};

/** A service worker global scope with its events dispatched by hand. */
class FakeScope {
  readonly location = { origin };
  readonly caches = new MemoryCacheStorage();
  readonly listeners = new Map<string, (event: never) => void>();
  readonly broadcasts: FromServiceWorker[] = [];
  skipped = 0;
  claimed = 0;
  constructor(readonly network: FakeNetwork) {}
  fetch: ServiceWorkerScope['fetch'] = (input, init) => this.network.fetch(input, init);
  readonly clients = {
    claim: async () => void this.claimed++,
    matchAll: async () => [{ postMessage: (message: FromServiceWorker) => void this.broadcasts.push(message) }],
  };
  async skipWaiting() {
    this.skipped++;
  }
  addEventListener(type: string, listener: (event: never) => void) {
    this.listeners.set(type, listener);
  }

  /** Dispatches an extendable event and waits for everything it waits on. */
  async dispatch(type: 'install' | 'activate'): Promise<void> {
    const pending: Promise<unknown>[] = [];
    this.listeners.get(type)?.({ waitUntil: (p: Promise<unknown>) => pending.push(p) } as never);
    await Promise.all(pending);
  }

  /** A fetch event: the response the worker gave, or null when it left the request alone. */
  async request(path: string, init: RequestInit & { mode?: RequestMode } = {}): Promise<Response | null> {
    const url = path.startsWith('http') ? path : `${origin}${path}`;
    const request = new Request(url, { ...init, mode: init.mode === 'navigate' ? 'same-origin' : init.mode });
    // Node's Request refuses mode 'navigate'; the worker only reads it.
    if (init.mode === 'navigate') Object.defineProperty(request, 'mode', { value: 'navigate' });
    let response: Promise<Response> | null = null;
    const pending: Promise<unknown>[] = [];
    this.listeners.get('fetch')?.({ request, respondWith: (r: Promise<Response>) => (response = r), waitUntil: (p: Promise<unknown>) => pending.push(p) } as never);
    const result = response === null ? null : await (response as Promise<Response>);
    await Promise.all(pending);
    return result;
  }

  async message(data: unknown): Promise<FromServiceWorker[]> {
    const replies: FromServiceWorker[] = [];
    const pending: Promise<unknown>[] = [];
    const event: ExtendableMessageEventLike = { data, ports: [{ postMessage: (m) => void replies.push(m) }], waitUntil: (p) => void pending.push(p) };
    this.listeners.get('message')?.(event as never);
    await Promise.all(pending);
    return replies;
  }
}

let manifest: PrecacheManifest;
let network: FakeNetwork;
let scope: FakeScope;

beforeEach(async () => {
  manifest = await buildPrecacheManifest(Object.keys(files).map((url) => ({ url, revision: 'r1' })));
  network = fakeNetwork(origin, files);
  scope = new FakeScope(network);
  serveServiceWorker(scope as unknown as ServiceWorkerScope, manifest, { log: () => {} });
});

async function installAndActivate() {
  await scope.dispatch('install');
  await scope.dispatch('activate');
}

describe('install and activate', () => {
  it('precaches everything, tells the pages, and waits for the page before taking over', async () => {
    await scope.dispatch('install');
    expect(scope.broadcasts).toEqual([{ type: 'PRECACHE_DONE', report: { version: manifest.version, total: 4, fetched: 4, reused: 0, failed: [] } }]);
    expect(scope.skipped).toBe(0);

    expect(await scope.message({ type: 'SKIP_WAITING' })).toEqual([]);
    expect(scope.skipped).toBe(1);
  });

  it('deletes other builds’ precaches on activation, keeps unrelated caches, and claims the pages', async () => {
    await scope.caches.open('weft-precache-0000000000000000');
    await scope.caches.open('weft-pyodide-snapshots');
    await installAndActivate();
    expect((await scope.caches.keys()).sort()).toEqual([precacheName(manifest.version), 'weft-pyodide-snapshots']);
    expect(scope.claimed).toBe(1);
  });
});

describe('fetch', () => {
  beforeEach(installAndActivate);

  it('serves precached files from the cache with their headers, even offline', async () => {
    network.offline = true;
    const response = await scope.request('/pyodide/pyodide.asm.wasm');
    expect(await response?.text()).toBe('wasm');
    expect(response?.headers.get('Content-Type')).toBe('application/wasm');
    expect(response?.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(response?.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
  });

  it('loads the page from the network when online and from the cache offline, for any path', async () => {
    const online = await scope.request('/', { mode: 'navigate' });
    expect(network.requests.at(-1)?.url).toBe('/');
    expect(await online?.text()).toContain('Weft');

    network.offline = true;
    const offline = await scope.request('/anything?x=1', { mode: 'navigate' });
    expect(await offline?.text()).toBe(files['/'].body);
    expect(offline?.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });

  it('fails a navigation offline when the page was never cached', async () => {
    const bare = new FakeScope(fakeNetwork(origin, files));
    serveServiceWorker(bare as unknown as ServiceWorkerScope, manifest, { log: () => {} });
    bare.network.offline = true;
    await expect(bare.request('/', { mode: 'navigate' })).rejects.toThrow('Failed to fetch');
  });

  it('never answers the git proxy or other origins: they go to the network (and fail offline)', async () => {
    network.offline = true;
    expect(await scope.request('/api/git/github.com/a/b.git/info/refs?service=git-upload-pack')).toBeNull();
    expect(await scope.request('/api/git/x', { method: 'POST', body: 'pack' })).toBeNull();
    expect(await scope.request('http://localhost:11434/v1/models')).toBeNull();
    expect(await scope.request('https://github.com/a/b.git/info/refs')).toBeNull();
  });

  it('fetches and keeps a precached file that is missing from the cache', async () => {
    const cache = await scope.caches.open(precacheName(manifest.version));
    cache.entries.delete(`${origin}/workers/python.js?__weft_rev=r1`);
    expect(await (await scope.request('/workers/python.js'))?.text()).toBe('python worker');

    network.offline = true;
    expect(await (await scope.request('/workers/python.js'))?.text()).toBe('python worker');
  });
});

describe('GET_STATUS', () => {
  it('reports a complete precache', async () => {
    await installAndActivate();
    expect(await scope.message({ type: 'GET_STATUS' })).toEqual([
      { type: 'PRECACHE_STATUS', status: { version: manifest.version, total: 4, missing: [], complete: true } },
    ]);
  });

  it('fetches what the install missed, and lists what is still missing', async () => {
    network.broken.add('/workers/python.js');
    network.broken.add('/pyodide/pyodide.asm.wasm');
    await installAndActivate();
    expect((scope.broadcasts[0] as Extract<FromServiceWorker, { type: 'PRECACHE_DONE' }>).report.failed.map((f) => f.url)).toEqual([
      '/pyodide/pyodide.asm.wasm',
      '/workers/python.js',
    ]);

    network.broken.delete('/workers/python.js');
    expect(await scope.message({ type: 'GET_STATUS' })).toEqual([
      { type: 'PRECACHE_STATUS', status: { version: manifest.version, total: 4, missing: ['/pyodide/pyodide.asm.wasm'], complete: false } },
    ]);

    network.broken.clear();
    const [reply] = await scope.message({ type: 'GET_STATUS' });
    expect(reply).toMatchObject({ status: { missing: [], complete: true } });
  });

  it('ignores messages it does not know', async () => {
    expect(await scope.message({ type: 'EVAL', code: '1' })).toEqual([]);
    expect(await scope.message('SKIP_WAITING')).toEqual([]);
    expect(scope.skipped).toBe(0);
  });
});
