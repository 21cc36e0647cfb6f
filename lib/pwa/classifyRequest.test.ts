import { describe, expect, it } from 'vitest';
import { classifyRequest } from './classifyRequest';
import type { PrecacheEntry } from './precacheManifest';

const origin = 'https://weft.test';
const precached = new Map<string, PrecacheEntry>(
  ['/', '/_next/static/chunks/a.js', '/workers/kernel.js', '/pyodide/pyodide.asm.wasm'].map((url) => [url, { url, revision: 'r1' }]),
);
const route = (url: string, init: { method?: string; mode?: string; range?: boolean } = {}) =>
  classifyRequest({ url, method: init.method ?? 'GET', mode: init.mode ?? 'cors', range: init.range ?? false }, origin, precached).route;

describe('classifyRequest', () => {
  it('serves precached files from the cache, whatever their query string', () => {
    expect(route(`${origin}/_next/static/chunks/a.js`)).toBe('precached');
    expect(route(`${origin}/workers/kernel.js`, { mode: 'same-origin' })).toBe('precached');
    expect(route(`${origin}/pyodide/pyodide.asm.wasm?v=1`)).toBe('precached');
  });

  it('loads a runtime worker for network skills from the server, whose policy lets it connect out', () => {
    expect(route(`${origin}/workers/kernel.js?network=1`, { mode: 'same-origin' })).toBe('network');
  });

  it('treats page loads as navigations (network first, cached page offline)', () => {
    expect(route(`${origin}/`, { mode: 'navigate' })).toBe('navigation');
    expect(route(`${origin}/some/deep/link?x=1`, { mode: 'navigate' })).toBe('navigation');
  });

  it('never answers the router’s own fetches of the page from the cache', () => {
    expect(route(`${origin}/?_rsc=abc`)).toBe('network');
  });

  it('leaves the git proxy, other origins, other methods and range requests to the network', () => {
    expect(route(`${origin}/api/git/github.com/a/b/info/refs`)).toBe('network');
    expect(route(`${origin}/api/git/x`, { mode: 'navigate' })).toBe('network');
    expect(route('http://localhost:11434/v1/chat/completions', { method: 'POST' })).toBe('network');
    expect(route('https://api.openai.com/v1/models')).toBe('network');
    expect(route('https://weft.test.evil.example/workers/kernel.js')).toBe('network');
    expect(route(`${origin}/workers/kernel.js`, { method: 'HEAD' })).toBe('network');
    expect(route(`${origin}/pyodide/pyodide.asm.wasm`, { range: true })).toBe('network');
  });

  it('leaves same-origin files it does not hold to the network', () => {
    expect(route(`${origin}/_next/static/chunks/from-a-newer-build.js`)).toBe('network');
    expect(route(`${origin}/sw.js`)).toBe('network');
  });
});
