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
import { pythonEngine } from '../lib/runtimes/python/pythonEngine';

const CACHE = 'weft-pyodide-snapshots';
const snapshotUrl = (key: string) => new URL(`/pyodide/${key}.snapshot`, self.location.origin).href;

const snapshots: SnapshotStore | undefined = self.caches
  ? {
      async get(key) {
        const response = await (await caches.open(CACHE)).match(snapshotUrl(key));
        return response ? new Uint8Array(await response.arrayBuffer()) : null;
      },
      async put(key, bytes) {
        await (await caches.open(CACHE)).put(snapshotUrl(key), new Response(bytes as Uint8Array<ArrayBuffer>));
      },
      async delete(key) {
        await (await caches.open(CACHE)).delete(snapshotUrl(key));
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

serveEngine(self as unknown as EngineScope, pythonEngine({ loadPyodide: loader.load, loadDetails: loader.details }));
