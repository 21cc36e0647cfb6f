/**
 * Loads Pyodide from this app's own files (`/pyodide/`, copied from the npm package at install),
 * reporting download progress, and restores it from a memory snapshot kept in the browser's cache
 * when there is one: a warm start then skips Python's whole initialisation.
 * Browser objects (fetch, the module import, the snapshot store) are injected.
 */
import type { PyodideAPI } from 'pyodide';
import type { LoadOptions } from '../workerProtocol';
import type { RunDetails } from '../types';
import { countingFetch, type Fetch } from './countingFetch';

export interface SnapshotStore {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  delete(key: string): Promise<void>;
}

type LoadPyodide = (options: Record<string, unknown>) => Promise<PyodideAPI>;

export interface PyodideLoaderDeps {
  /** Where the interpreter's files are served, ending in `/`. */
  readonly baseUrl: string;
  /** The scope whose `fetch` Pyodide uses; it is wrapped while loading to count bytes. */
  readonly scope: { fetch: Fetch };
  readonly importPyodide: (url: string) => Promise<{ loadPyodide: LoadPyodide }>;
  readonly snapshots?: SnapshotStore;
  readonly now: () => number;
}

/** Bytes to download when the manifest cannot be read (Pyodide 314's five files). */
const FALLBACK_TOTAL = 13_500_000;

export function pyodideLoader(deps: PyodideLoaderDeps) {
  let details: RunDetails = {};

  async function load(_options: LoadOptions, progress: (phase: string, loaded: number, total: number) => void): Promise<PyodideAPI> {
    const started = deps.now();
    const original = deps.scope.fetch;
    const manifest = await readManifest(original, deps.baseUrl);
    const total = manifest ? Object.values(manifest.files).reduce((a, b) => a + b, 0) : FALLBACK_TOTAL;
    let loaded = 0;
    let shown = -1;
    const onBytes = (bytes: number) => {
      loaded += bytes;
      const percent = Math.floor((Math.min(loaded, total) / total) * 100);
      if (percent !== shown) progress('download', Math.min(loaded, total), total);
      shown = percent;
    };
    deps.scope.fetch = countingFetch(original, onBytes);
    try {
      const { loadPyodide } = await deps.importPyodide(`${deps.baseUrl}pyodide.mjs`);
      const version = manifest?.version ?? 'unknown';
      const common = { indexURL: deps.baseUrl, packageBaseUrl: `https://cdn.jsdelivr.net/pyodide/v${version}/full/`, checkAPIVersion: true };
      const key = `pyodide-${version}`;
      const snapshot = manifest && deps.snapshots ? await deps.snapshots.get(key).catch(() => null) : null;
      if (snapshot) {
        try {
          const pyodide = await loadPyodide({ ...common, _loadSnapshot: snapshot });
          details = { loadMs: Math.round(deps.now() - started), snapshot: 'restored', snapshotBytes: snapshot.byteLength };
          return pyodide;
        } catch {
          await deps.snapshots!.delete(key).catch(() => {});
        }
      }
      const pyodide = await loadPyodide({ ...common, ...(manifest && deps.snapshots ? { _makeSnapshot: true } : {}) });
      details = { loadMs: Math.round(deps.now() - started), snapshot: 'none' };
      if (manifest && deps.snapshots) {
        const bytes = pyodide.makeMemorySnapshot();
        // Saved in the background: the first run need not wait for the cache.
        void deps.snapshots.put(key, bytes).catch(() => {});
        details = { ...details, snapshot: 'saved', snapshotBytes: bytes.byteLength };
      }
      return pyodide;
    } finally {
      deps.scope.fetch = original;
      progress('start', total, total);
    }
  }

  return { load, details: () => details };
}

async function readManifest(fetch: Fetch, baseUrl: string): Promise<{ version: string; files: Record<string, number> } | null> {
  try {
    const response = await fetch(`${baseUrl}weft-manifest.json`);
    return response.ok ? ((await response.json()) as { version: string; files: Record<string, number> }) : null;
  } catch {
    return null;
  }
}
