/**
 * scripts/build-sw.mjs on a scratch build: the generated public/sw.js is run in a fake service
 * worker scope, installed, and asked which files it fetched.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCacheStorage } from '../../lib/pwa/memoryCaches';

const run = promisify(execFile);
const script = new URL('../../scripts/build-sw.mjs', import.meta.url).pathname;
const origin = 'https://weft.test';

const FILES: Record<string, string> = {
  '.next/BUILD_ID': 'build-1',
  '.next/server/app/index.html': '<!doctype html><script src="/_next/static/chunks/app.js"></script>',
  '.next/server/app/manifest.webmanifest.body': '{"name":"Weft"}',
  '.next/static/chunks/app.js': 'app',
  '.next/static/chunks/app.js.map': '{}',
  '.next/static/build-1/_buildManifest.js': 'self.__BUILD_MANIFEST={}',
  '.next/static/media/icon.abc.svg': '<svg/>',
  'public/workers/kernel.js': 'kernel',
  'public/workers/kernel.js.map': '{}',
  'public/pyodide/pyodide.asm.wasm': 'wasm',
  'public/pyodide/python_stdlib.zip': 'zip',
  'public/tfjs/tfjs-backend-wasm.wasm': 'tfjs',
  'public/wllama/wllama.wasm': 'wllama',
  'public/quickjs/emscripten-module.wasm': 'quickjs',
  'public/icons/icon-192.png': 'png',
  'public/other/not-needed.txt': 'x',
};

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'weft-build-sw-'));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function build(): Promise<string> {
  await run(process.execPath, [script, '--root', root]);
  return readFileSync(join(root, 'public', 'sw.js'), 'utf8');
}

/** Runs the worker, installs it against a server holding every file, and returns what it did. */
async function install(code: string) {
  const listeners = new Map<string, (event: unknown) => void>();
  const fetched: string[] = [];
  const caches = new MemoryCacheStorage();
  const self = {
    location: { origin },
    caches,
    fetch: async (input: string) => {
      fetched.push(new URL(input).pathname);
      return new Response('body', { headers: { 'Cross-Origin-Embedder-Policy': 'require-corp' } });
    },
    skipWaiting: async () => {},
    clients: { claim: async () => {}, matchAll: async () => [] },
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  runInNewContext(code, { self, URL, Request, Response, Headers, console, TextEncoder, crypto, setTimeout });
  const pending: Promise<unknown>[] = [];
  listeners.get('install')?.({ waitUntil: (p: Promise<unknown>) => pending.push(p) });
  await Promise.all(pending);
  return { fetched: fetched.sort(), cacheNames: await caches.keys(), events: [...listeners.keys()].sort() };
}

describe('scripts/build-sw.mjs', () => {
  it('precaches the page, the Next build and the runtimes, never source maps', async () => {
    const result = await install(await build());
    expect(result.events).toEqual(['activate', 'fetch', 'install', 'message']);
    expect(result.fetched).toEqual([
      '/',
      '/_next/static/build-1/_buildManifest.js',
      '/_next/static/chunks/app.js',
      '/_next/static/media/icon.abc.svg',
      '/icons/icon-192.png',
      '/manifest.webmanifest',
      '/pyodide/pyodide.asm.wasm',
      '/pyodide/python_stdlib.zip',
      '/quickjs/emscripten-module.wasm',
      '/tfjs/tfjs-backend-wasm.wasm',
      '/wllama/wllama.wasm',
      '/workers/kernel.js',
    ]);
    expect(result.cacheNames).toEqual([expect.stringMatching(/^weft-precache-[0-9a-f]{16}$/)]);
  });

  it('names a new cache when any precached file changes, and the same one when nothing did', async () => {
    const first = (await install(await build())).cacheNames[0];
    const again = (await install(await build())).cacheNames[0];
    writeFileSync(join(root, 'public/workers/kernel.js'), 'kernel, version 2');
    const changed = (await install(await build())).cacheNames[0];
    expect(again).toBe(first);
    expect(changed).not.toBe(first);
  });

  it('refuses to run before next build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'weft-build-sw-empty-'));
    try {
      const error = await run(process.execPath, [script, '--root', empty]).catch((e: { code: number; stderr: string }) => e);
      expect(error).toMatchObject({ code: 1, stderr: expect.stringContaining('run `next build` first') });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
