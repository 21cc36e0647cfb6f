/**
 * The python worker: Pyodide, loaded from this app's /pyodide/ files (no CDN) and restored from a
 * memory snapshot in Cache Storage after the first load, behind the python engine.
 * May import: lib/runtimes and lib/core; Pyodide itself is imported at run time from /pyodide/.
 * Never React, Next.js or components.
 * Built as an ES module by scripts/build-workers.mjs into public/workers/python.js and started with
 * `new Worker('/workers/python.js', { type: 'module' })` (Pyodide refuses classic workers).
 */
import type { PyodideAPI } from 'pyodide';
import { type EngineScope, serveEngine } from '../lib/runtimes/engine';
import { pyodideLoader, type SnapshotStore } from '../lib/runtimes/python/pyodideLoader';
import { lockDown } from '../lib/runtimes/javascript/jsSandbox';
import { pythonEngine } from '../lib/runtimes/python/pythonEngine';

const CACHE = 'weft-pyodide-snapshots';
const snapshotUrl = (key: string) => new URL(`/pyodide/${key}.snapshot`, self.location.origin).href;

// Kept before the lock-down takes `caches` away from skill code.
const cacheStorage: CacheStorage | undefined = self.caches;
const snapshots: SnapshotStore | undefined = cacheStorage
  ? {
      async get(key) {
        const response = await (await cacheStorage.open(CACHE)).match(snapshotUrl(key));
        return response ? new Uint8Array(await response.arrayBuffer()) : null;
      },
      async put(key, bytes) {
        await (await cacheStorage.open(CACHE)).put(snapshotUrl(key), new Response(bytes as Uint8Array<ArrayBuffer>));
      },
      async delete(key) {
        await (await cacheStorage.open(CACHE)).delete(snapshotUrl(key));
      },
    }
  : undefined;

const loader = pyodideLoader({
  baseUrl: '/pyodide/',
  scope: { fetch: (input, init) => self.fetch(input, init) },
  // A variable URL, so esbuild leaves the import to the browser (the file is not bundled).
  importPyodide: (url) => import(/* webpackIgnore: true */ url) as Promise<{ loadPyodide: (options: Record<string, unknown>) => Promise<PyodideAPI> }>,
  ...(snapshots ? { snapshots } : {}),
  now: () => performance.now(),
});

// The network stays (Pyodide fetches packages; the worker's Content-Security-Policy decides where to).
serveEngine(self as unknown as EngineScope, pythonEngine({ loadPyodide: loader.load, loadDetails: loader.details, lockDown: () => lockDown(self, { network: true }) }));
