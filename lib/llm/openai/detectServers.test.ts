import { describe, expect, it } from 'vitest';
import { detectLocalServers } from './detectServers';

describe('detectLocalServers', () => {
  it('lists the local servers that answer with a model list, and only those', async () => {
    const asked: string[] = [];
    const fetch = (async (url: string | URL | Request) => {
      const u = String(url);
      asked.push(u);
      if (u.startsWith('http://localhost:11434/')) return Response.json({ object: 'list', data: [{ id: 'qwen3:4b' }, { id: 'llama3.2' }] });
      if (u.startsWith('http://localhost:1234/')) return new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } });
      if (u.startsWith('http://localhost:8000/')) return new Response('nope', { status: 404 });
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    expect(await detectLocalServers(fetch)).toEqual([{ preset: 'ollama', label: 'Ollama', baseUrl: 'http://localhost:11434/v1', models: ['qwen3:4b', 'llama3.2'] }]);
    expect(asked.some((u) => u.includes('api.openai.com'))).toBe(false);
  });

  it('gives up on a server that never answers', async () => {
    const hang = ((_u: unknown, init?: RequestInit) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof globalThis.fetch;
    expect(await detectLocalServers(hang, 20)).toEqual([]);
  });
});
