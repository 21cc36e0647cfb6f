import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, documentFor } from './csp';

/** The sources of one directive of a policy. */
function directive(policy: string, name: string): string[] {
  const found = policy.split('; ').find((d) => d.split(' ')[0] === name);
  if (found === undefined) throw new Error(`${name} is missing from ${policy}`);
  return found.split(' ').slice(1);
}

describe('the page policy', () => {
  const page = contentSecurityPolicy({ kind: 'page', nonce: 'abc123' });

  it('runs scripts only from the app, with the nonce, plus WebAssembly — never inline or eval', () => {
    expect(directive(page, 'script-src')).toEqual(["'self'", "'nonce-abc123'", "'wasm-unsafe-eval'"]);
    expect(page).not.toContain("'unsafe-inline' 'wasm");
    expect(directive(page, 'script-src')).not.toContain("'unsafe-eval'");
  });

  it('connects only to the app itself (providers and remotes are reached from workers)', () => {
    expect(directive(page, 'connect-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('cannot be framed, has no plugins and no base tag', () => {
    expect(directive(page, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(page, 'object-src')).toEqual(["'none'"]);
    expect(directive(page, 'base-uri')).toEqual(["'none'"]);
  });

  it('lets next dev evaluate code and reach its hot-reload socket, only in dev', () => {
    const dev = contentSecurityPolicy({ kind: 'page', nonce: 'n' }, { dev: true });
    expect(directive(dev, 'script-src')).toContain("'unsafe-eval'");
    expect(directive(dev, 'connect-src')).toContain('ws:');
  });
});

describe('worker policies', () => {
  it('lets runtime workers compile skill code but, without the network permission, reach only the app', () => {
    const js = contentSecurityPolicy({ kind: 'runtime', runtime: 'javascript', network: false });
    expect(directive(js, 'script-src')).toContain("'unsafe-eval'");
    expect(directive(js, 'connect-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('opens https and this device to runtime workers for skills with the network permission', () => {
    const js = contentSecurityPolicy({ kind: 'runtime', runtime: 'javascript', network: true });
    expect(directive(js, 'connect-src')).toEqual(expect.arrayContaining(['https:', 'http://localhost:*', 'http://127.0.0.1:*']));
  });

  it('lets Python fetch packages from the Pyodide CDN and nothing else', () => {
    const py = contentSecurityPolicy({ kind: 'runtime', runtime: 'python', network: false });
    expect(directive(py, 'connect-src')).toEqual(["'self'", 'data:', 'blob:', 'https://cdn.jsdelivr.net']);
  });

  it('never lets the kernel evaluate code, but lets it reach model servers', () => {
    const kernel = contentSecurityPolicy({ kind: 'kernel' });
    expect(directive(kernel, 'script-src')).not.toContain("'unsafe-eval'");
    expect(directive(kernel, 'connect-src')).toEqual(expect.arrayContaining(["'self'", 'https:', 'http://localhost:*']));
    expect(directive(kernel, 'connect-src')).not.toContain('http:');
  });
});

describe('documentFor', () => {
  const nonce = () => 'n';
  it('gives pages, workers and the service worker their own policy and leaves other files alone', () => {
    expect(documentFor('/', '', nonce)).toEqual({ kind: 'page', nonce: 'n' });
    expect(documentFor('/workers/kernel.js', '', nonce)).toEqual({ kind: 'kernel' });
    expect(documentFor('/workers/python.js', '?network=1', nonce)).toEqual({ kind: 'runtime', runtime: 'python', network: true });
    expect(documentFor('/workers/javascript.js', '?network=yes', nonce)).toEqual({ kind: 'runtime', runtime: 'javascript', network: false });
    expect(documentFor('/sw.js', '', nonce)).toEqual({ kind: 'service-worker' });
    expect(documentFor('/pyodide/pyodide.asm.wasm', '', nonce)).toBeNull();
    expect(documentFor('/_next/static/chunks/a.js', '', nonce)).toBeNull();
    expect(documentFor('/workers/kernel.js.map', '', nonce)).toBeNull();
  });
});
