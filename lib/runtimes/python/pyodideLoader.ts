/**
 * Loads Pyodide from this app's own files (`/pyodide/`, copied from the npm package at install),
 * downloading them first so the progress bar counts real bytes, and restores it from a memory snapshot kept in the browser's cache
 * when there is one: a warm start then skips Python's whole initialisation.
 * Browser objects (fetch, the module import, the snapshot store) are injected.
 */
import type { PyodideAPI } from 'pyodide';
import { WeftError } from '../../core';
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
  /** Where the files are fetched from (the worker's scope). */
  readonly scope: { fetch: Fetch };
  readonly importPyodide: (url: string) => Promise<{ loadPyodide: LoadPyodide }>;
  readonly snapshots?: SnapshotStore;
  readonly now: () => number;
}

/** Bytes to download when the manifest cannot be read (Pyodide 314's five files). */
const FALLBACK_TOTAL = 13_500_000;

/** Share of the bar for downloading; the rest is Python starting (which reports nothing until it is done). */
const DOWNLOAD_SHARE = 0.8;

export function pyodideLoader(deps: PyodideLoaderDeps) {
  let details: RunDetails = {};

  async function load(_options: LoadOptions, progress: (phase: string, loaded: number, total: number) => void): Promise<PyodideAPI> {
    const started = deps.now();
    const fetch = deps.scope.fetch;
    const manifest = await readManifest(fetch, deps.baseUrl);
    await prefetch(fetch, deps.baseUrl, manifest, progress);
    const scale = (manifest ? total(manifest) : FALLBACK_TOTAL) / DOWNLOAD_SHARE;
    progress('start', scale * DOWNLOAD_SHARE, scale);
    const { loadPyodide } = await deps.importPyodide(`${deps.baseUrl}pyodide.mjs`);
    const version = manifest?.version ?? 'unknown';
    const common = { indexURL: deps.baseUrl, packageBaseUrl: `https://cdn.jsdelivr.net/pyodide/v${version}/full/`, checkAPIVersion: true };
    const key = `pyodide-${version}`;
    const snapshots = manifest ? deps.snapshots : undefined;
    const snapshot = snapshots ? await snapshots.get(key).catch(() => null) : null;
    if (snapshot) {
      try {
        const pyodide = await loadPyodide({ ...common, _loadSnapshot: snapshot });
        details = { loadMs: Math.round(deps.now() - started), snapshot: 'restored', snapshotBytes: snapshot.byteLength };
        return pyodide;
      } catch {
        await snapshots!.delete(key).catch(() => {});
      }
    }
    const pyodide = await loadPyodide({ ...common, ...(snapshots ? { _makeSnapshot: true } : {}) });
    details = { loadMs: Math.round(deps.now() - started), snapshot: 'none' };
    if (snapshots) {
      const bytes = pyodide.makeMemorySnapshot();
      // Saved in the background: the first run need not wait for the cache.
      void snapshots.put(key, bytes).catch(() => {});
      details = { ...details, snapshot: 'saved', snapshotBytes: bytes.byteLength };
    }
    return pyodide;
  }

  return { load, details: () => details };
}

const total = (manifest: Manifest) => Object.values(manifest.files).reduce((a, b) => a + b, 0);

/**
 * Downloads Pyodide's files first, counting bytes for the progress bar; Pyodide then finds them in
 * the HTTP cache (a revalidation at most). Without a manifest there is nothing to count: skipped.
 */
async function prefetch(fetch: Fetch, baseUrl: string, manifest: Manifest | null, progress: (phase: string, loaded: number, total: number) => void): Promise<void> {
  if (!manifest) return;
  const scale = total(manifest) / DOWNLOAD_SHARE;
  let loaded = 0;
  let shown = -1;
  const counting = countingFetch(fetch, (bytes) => {
    loaded += bytes;
    const percent = Math.floor((loaded / scale) * 100);
    if (percent !== shown) progress('download', Math.min(loaded, scale * DOWNLOAD_SHARE), scale);
    shown = percent;
  });
  await Promise.all(
    Object.keys(manifest.files).map(async (file) => {
      const response = await counting(`${baseUrl}${file}`);
      if (!response.ok) throw new WeftError('RUNTIME_LOAD_FAILED', `Python could not be loaded: ${baseUrl}${file} answered ${response.status}. Reinstall (npm install copies Pyodide into public/pyodide) and reload.`, { file, status: response.status });
      await response.arrayBuffer();
    }),
  );
}

interface Manifest {
  readonly version: string;
  readonly files: Record<string, number>;
}

async function readManifest(fetch: Fetch, baseUrl: string): Promise<Manifest | null> {
  try {
    const response = await fetch(`${baseUrl}weft-manifest.json`);
    return response.ok ? ((await response.json()) as Manifest) : null;
  } catch {
    return null;
  }
}
