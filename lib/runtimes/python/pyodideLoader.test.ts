import type { PyodideAPI } from 'pyodide';
import { describe, expect, it } from 'vitest';
import { pyodideLoader, type SnapshotStore } from './pyodideLoader';

const FILES = { 'pyodide.mjs': 100, 'pyodide.asm.wasm': 6000, 'python_stdlib.zip': 3000, 'pyodide-lock.json': 900 };

function setup(options: { snapshot?: Uint8Array; restoreFails?: boolean; missing?: string } = {}) {
  const fetched: string[] = [];
  const progress: number[] = [];
  const loads: Record<string, unknown>[] = [];
  const stored = new Map<string, Uint8Array>(options.snapshot ? [['pyodide-314.0.7', options.snapshot]] : []);
  const fetch = async (input: RequestInfo | URL) => {
    const url = String(input);
    fetched.push(url);
    if (url.endsWith('weft-manifest.json')) return new Response(JSON.stringify({ version: '314.0.7', files: FILES }));
    const file = url.slice('/pyodide/'.length) as keyof typeof FILES;
    if (file === options.missing) return new Response('gone', { status: 404 });
    return new Response(new Uint8Array(FILES[file]));
  };
  const snapshots: SnapshotStore = {
    get: async (key) => stored.get(key) ?? null,
    put: async (key, bytes) => void stored.set(key, bytes),
    delete: async (key) => void stored.delete(key),
  };
  const fakePyodide = { makeMemorySnapshot: () => new Uint8Array([1, 2, 3]) } as unknown as PyodideAPI;
  const loader = pyodideLoader({
    baseUrl: '/pyodide/',
    scope: { fetch },
    importPyodide: async () => ({
      loadPyodide: async (o) => {
        loads.push(o);
        if (o._loadSnapshot && options.restoreFails) throw new Error('bad snapshot');
        return fakePyodide;
      },
    }),
    snapshots,
    now: () => 0,
  });
  const load = () => loader.load({}, (_phase, loaded, total) => progress.push(loaded / total));
  return { load, loader, fetched, progress, loads, stored };
}

describe('pyodideLoader', () => {
  it('downloads every file first with a progress bar that only moves forward, then starts Pyodide from this app', async () => {
    const { load, fetched, progress, loads, loader, stored } = setup();
    await load();
    expect(fetched.slice(1).sort()).toEqual(Object.keys(FILES).map((f) => `/pyodide/${f}`).sort());
    expect(progress.at(-1)).toBeCloseTo(0.8);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
    expect(loads[0]).toMatchObject({ indexURL: '/pyodide/', packageBaseUrl: 'https://cdn.jsdelivr.net/pyodide/v314.0.7/full/', _makeSnapshot: true });
    expect(loader.details()).toMatchObject({ snapshot: 'saved', snapshotBytes: 3 });
    await Promise.resolve();
    expect(stored.get('pyodide-314.0.7')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('restores from the saved snapshot on the next load', async () => {
    const { load, loads, loader } = setup({ snapshot: new Uint8Array([9]) });
    await load();
    expect(loads).toHaveLength(1);
    expect(loads[0]!._loadSnapshot).toEqual(new Uint8Array([9]));
    expect(loader.details()).toMatchObject({ snapshot: 'restored' });
  });

  it('drops a snapshot that does not restore and starts normally', async () => {
    const { load, loads, loader, stored } = setup({ snapshot: new Uint8Array([9]), restoreFails: true });
    await load();
    expect(loads).toHaveLength(2);
    expect(loads[1]!._loadSnapshot).toBeUndefined();
    expect(loader.details()).toMatchObject({ snapshot: 'saved' });
    expect(stored.get('pyodide-314.0.7')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('says which file is missing when the install did not copy Pyodide', async () => {
    const { load } = setup({ missing: 'pyodide.asm.wasm' });
    await expect(load()).rejects.toMatchObject({ code: 'RUNTIME_LOAD_FAILED', message: expect.stringMatching(/\/pyodide\/pyodide\.asm\.wasm answered 404\. Reinstall/) });
  });
});
