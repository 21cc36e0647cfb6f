import { describe, expect, it } from 'vitest';
import { countingFetch } from './countingFetch';

describe('countingFetch', () => {
  it('passes the body through unchanged and counts its bytes as they are read', async () => {
    const data = new Uint8Array(100_000).map((_, i) => i % 251);
    const counted: number[] = [];
    const fetch = countingFetch(async () => new Response(data, { headers: { 'content-type': 'application/wasm' } }), (n) => counted.push(n));
    const response = await fetch('/pyodide/pyodide.asm.wasm');
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(data);
    expect(counted.reduce((a, b) => a + b, 0)).toBe(100_000);
  });

  it('keeps the status of a failed response', async () => {
    const fetch = countingFetch(async () => new Response('missing', { status: 404, statusText: 'Not Found' }), () => {});
    const response = await fetch('/nope');
    expect([response.ok, response.status, await response.text()]).toEqual([false, 404, 'missing']);
  });
});
