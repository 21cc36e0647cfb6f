import { describe, expect, it } from 'vitest';
import { WeftError } from '../core';
import { buildPrecacheManifest, isPrecacheable, servedUrl } from './precacheManifest';

describe('isPrecacheable', () => {
  it('keeps built files and leaves out source maps and dotfiles', () => {
    expect(isPrecacheable('chunks/0cz1d0mv5g_q7.js')).toBe(true);
    expect(isPrecacheable('pyodide.asm.wasm')).toBe(true);
    expect(isPrecacheable('kernel.js.map')).toBe(false);
    expect(isPrecacheable('chunks/.DS_Store')).toBe(false);
  });
});

describe('servedUrl', () => {
  it('joins a prefix and a relative path the way the browser writes the request URL', () => {
    expect(servedUrl('/_next/static', 'chunks/a.js')).toBe('/_next/static/chunks/a.js');
    expect(servedUrl('/workers/', '/kernel.js')).toBe('/workers/kernel.js');
    expect(servedUrl('/_next/static', 'media/a b.svg')).toBe('/_next/static/media/a%20b.svg');
    expect(servedUrl('/_next/static', 'chunks/app/[slug]/page.js')).toBe('/_next/static/chunks/app/[slug]/page.js');
  });
});

describe('buildPrecacheManifest', () => {
  const entries = [
    { url: '/workers/kernel.js', revision: 'aaaa' },
    { url: '/', revision: 'page1' },
    { url: '/pyodide/pyodide.asm.wasm', revision: 'bbbb' },
  ];

  it('sorts the entries by URL and names a 16-hex version', async () => {
    const manifest = await buildPrecacheManifest(entries);
    expect(manifest.entries.map((e) => e.url)).toEqual(['/', '/pyodide/pyodide.asm.wasm', '/workers/kernel.js']);
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the same version whatever the order, and a new one when any file changes', async () => {
    const a = await buildPrecacheManifest(entries);
    const b = await buildPrecacheManifest([...entries].reverse());
    const changed = await buildPrecacheManifest(entries.map((e) => (e.url === '/workers/kernel.js' ? { ...e, revision: 'cccc' } : e)));
    expect(b.version).toBe(a.version);
    expect(changed.version).not.toBe(a.version);
  });

  it('lists a URL once', async () => {
    const manifest = await buildPrecacheManifest([...entries, { url: '/', revision: 'page1' }]);
    expect(manifest.entries).toHaveLength(3);
  });

  it.each([
    [{ url: '/workers/kernel.js.map', revision: 'aa' }, 'source map'],
    [{ url: 'workers/kernel.js', revision: 'aa' }, 'same-origin path'],
    [{ url: '//cdn.example/x.js', revision: 'aa' }, 'same-origin path'],
    [{ url: '/a b.js', revision: 'aa' }, 'not normalised'],
    [{ url: '/x.js', revision: '' }, 'revision'],
  ])('refuses %o with PRECACHE_INVALID', async (entry, why) => {
    const error = await buildPrecacheManifest([entry]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeftError);
    expect((error as WeftError).code).toBe('PRECACHE_INVALID');
    expect((error as WeftError).message).toContain(why);
  });

  it('refuses one URL with two revisions', async () => {
    const error = await buildPrecacheManifest([...entries, { url: '/', revision: 'page2' }]).catch((e: unknown) => e);
    expect((error as WeftError).code).toBe('PRECACHE_INVALID');
    expect((error as WeftError).data).toEqual({ url: '/', revisions: ['page1', 'page2'] });
  });
});
