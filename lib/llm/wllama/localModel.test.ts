import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core';
import type { ChatDelta } from '../types';
import { localModel, type LocalModelStatus, type WllamaEngine } from './localModel';
import { probeModel } from './probeModel';

const URL_ = 'http://models.test/tiny-q8_0.gguf';
const GGUF = new Uint8Array([0x47, 0x47, 0x55, 0x46, 3, 0, 0, 0, 9, 9, 9, 9]);

/** Serves `body` at any URL, honouring `Range: bytes=0-7` like a static file server. */
function fileFetch(body: Uint8Array, status = 200): typeof fetch {
  return (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range');
    if (status !== 200) return new Response('not here', { status });
    if (range) return new Response(body.slice(0, 8) as Uint8Array<ArrayBuffer>, { status: 206, headers: { 'content-range': `bytes 0-7/${body.length}` } });
    return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'content-length': String(body.length) } });
  }) as typeof fetch;
}

const chunk = (content: string | null, finish: string | null = null, extra: object = {}) => ({ choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }], ...extra });

interface FakeOptions {
  chunks?: unknown[];
  loadError?: Error;
  template?: string;
  /** Resolves chunk i only when the test says. */
  gate?: Promise<void>;
}

function fakeEngine(opts: FakeOptions = {}) {
  const calls: { loads: number; requests: Record<string, unknown>[]; exits: number } = { loads: 0, requests: [], exits: 0 };
  const engine: WllamaEngine = {
    async loadModelFromUrl(_url, params) {
      calls.loads++;
      params.progressCallback?.({ loaded: 6, total: 12 });
      params.progressCallback?.({ loaded: 12, total: 12 });
      if (opts.loadError) throw opts.loadError;
    },
    async createChatCompletion(options) {
      calls.requests.push(options);
      const chunks = opts.chunks ?? [chunk('Hel'), chunk('lo'), chunk(null, 'stop', { timings: { prompt_n: 7, cache_n: 0, predicted_n: 2 } })];
      return (async function* () {
        for (const c of chunks) {
          if (opts.gate) await opts.gate;
          if (options.abortSignal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
          yield c;
        }
      })();
    },
    getChatTemplate: () => opts.template ?? null,
    async exit() {
      calls.exits++;
    },
  };
  return { engine, calls };
}

async function collect(it: AsyncIterable<ChatDelta>): Promise<ChatDelta[]> {
  const out: ChatDelta[] = [];
  for await (const d of it) out.push(d);
  return out;
}

describe('probeModel', () => {
  it('reads the size from Content-Range and checks the GGUF magic', async () => {
    expect(await probeModel(URL_, fileFetch(GGUF))).toEqual({ url: URL_, size: 12 });
  });
  it('refuses a file that is not a GGUF, saying what it starts with', async () => {
    const html = new TextEncoder().encode('<!doctype html><p>login');
    await expect(probeModel(URL_, fileFetch(html))).rejects.toMatchObject({ code: 'LLM_MODEL_FILE', message: expect.stringContaining('not a GGUF model file (it starts with "<!doctyp")') });
  });
  it('reports a 404 and an unreachable host with what to check', async () => {
    await expect(probeModel(URL_, fileFetch(GGUF, 404))).rejects.toMatchObject({ code: 'LLM_MODEL_FILE', message: expect.stringContaining('answered 404') });
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(probeModel(URL_, refused)).rejects.toMatchObject({ code: 'LLM_UNREACHABLE' });
  });
  it('refuses what is not an http(s) URL before any request', async () => {
    await expect(probeModel('file:///etc/passwd', fileFetch(GGUF))).rejects.toMatchObject({ code: 'SYSCALL_INVALID', data: { field: 'modelUrl' } });
    await expect(probeModel('tiny.gguf', fileFetch(GGUF))).rejects.toMatchObject({ code: 'SYSCALL_INVALID' });
  });
});

describe('localModel', () => {
  it('downloads with progress, loads once, streams text and counts tokens from llama.cpp timings', async () => {
    const { engine, calls } = fakeEngine();
    const seen: LocalModelStatus[] = [];
    const model = localModel({ url: URL_, contextLength: 2048, createEngine: () => engine, fetch: fileFetch(GGUF), onStatus: (s) => seen.push(s) });
    const deltas = await collect(model.chat({ model: 'tiny', messages: [{ role: 'user', content: 'hi' }] }));
    expect(deltas).toEqual([
      { type: 'text', text: 'Hel' },
      { type: 'text', text: 'lo' },
      { type: 'end', finishReason: 'stop', usage: { inputTokens: 7, outputTokens: 2 }, model: 'tiny' },
    ]);
    expect(seen.map((s) => s.state)).toEqual(['checking', 'checking', 'downloading', 'downloading', 'loading', 'ready']);
    expect(seen.find((s) => s.loaded === 6)).toMatchObject({ total: 12, state: 'downloading' });
    await collect(model.chat({ model: 'tiny', messages: [{ role: 'user', content: 'again' }] }));
    expect(calls.loads).toBe(1);
    expect(calls.requests[0]).toMatchObject({ messages: [{ role: 'user', content: 'hi' }], stream: true });
  });

  it("asks llama.cpp for prompt progress and passes it on while a long prompt is read", async () => {
    const progress = { choices: [], prompt_progress: { total: 3000, cache: 0, processed: 1500, time_ms: 900 } };
    const { engine, calls } = fakeEngine({ chunks: [progress, chunk('Hi'), chunk(null, 'stop')] });
    const model = localModel({ url: URL_, contextLength: 16384, createEngine: () => engine, fetch: fileFetch(GGUF) });
    const deltas = await collect(model.chat({ model: 'tiny', messages: [{ role: 'user', content: 'Go on' }] }));
    expect(calls.requests[0]).toMatchObject({ return_progress: true, stream: true });
    expect(deltas.slice(0, 2)).toEqual([
      { type: 'progress', processed: 1500, total: 3000 },
      { type: 'text', text: 'Hi' },
    ]);
  });

  it('opens a cached model without touching the network', async () => {
    const { engine } = fakeEngine();
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const model = localModel({ url: URL_, contextLength: 512, createEngine: () => engine, fetch: offline, isCached: async () => true });
    await model.load();
    expect(model.status).toMatchObject({ state: 'ready', cached: true });
  });

  it('a load failure is a coded error shown in the status, and the next call may try again', async () => {
    const { engine } = fakeEngine({ loadError: Object.assign(new Error('unknown model architecture: foo'), { type: 'load_error' }) });
    const model = localModel({ url: URL_, contextLength: 512, createEngine: () => engine, fetch: fileFetch(GGUF) });
    await expect(model.load()).rejects.toMatchObject({ code: 'LLM_MODEL_FILE', message: expect.stringContaining('unknown model architecture: foo') });
    expect(model.status.state).toBe('error');
    expect(model.status.error?.code).toBe('LLM_MODEL_FILE');
    await expect(model.load()).rejects.toBeInstanceOf(WeftError);
  });

  it('refuses a URL that is not a GGUF before creating the engine', async () => {
    let created = 0;
    const model = localModel({ url: URL_, contextLength: 512, createEngine: () => (created++, fakeEngine().engine), fetch: fileFetch(new TextEncoder().encode('<html>')) });
    await expect(collect(model.chat({ model: 'x', messages: [{ role: 'user', content: 'hi' }] }))).rejects.toMatchObject({ code: 'LLM_MODEL_FILE' });
    expect(created).toBe(0);
  });

  it('stops mid-stream when the signal aborts', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const { engine } = fakeEngine({ gate, chunks: [chunk('a'), chunk('b'), chunk(null, 'stop')] });
    const model = localModel({ url: URL_, contextLength: 512, createEngine: () => engine, fetch: fileFetch(GGUF) });
    await model.load();
    const controller = new AbortController();
    const it = model.chat({ model: 'x', messages: [{ role: 'user', content: 'hi' }], signal: controller.signal })[Symbol.asyncIterator]();
    const first = it.next();
    controller.abort();
    open();
    await expect(first).rejects.toMatchObject({ code: 'LLM_CANCELLED' });
  });

  it('offers tools only to a model whose chat template takes them', async () => {
    const tools = [{ name: 'csv-stats', description: 'stats', parameters: { type: 'object', properties: {} } }];
    const plain = fakeEngine({ template: '{{ messages }}' });
    const m1 = localModel({ url: URL_, contextLength: 512, createEngine: () => plain.engine, fetch: fileFetch(GGUF) });
    await collect(m1.chat({ model: 'x', messages: [{ role: 'user', content: 'hi' }], tools }));
    expect(plain.calls.requests[0]).not.toHaveProperty('tools');
    const toolish = fakeEngine({ template: '{% if tools %}…{% endif %}' });
    const m2 = localModel({ url: URL_, contextLength: 512, createEngine: () => toolish.engine, fetch: fileFetch(GGUF) });
    await collect(m2.chat({ model: 'x', messages: [{ role: 'user', content: 'hi' }], tools }));
    expect(toolish.calls.requests[0]).toMatchObject({ tools: [{ type: 'function', function: { name: 'csv-stats' } }] });
  });

  it('maps a full context window to LLM_CONTEXT_FULL', async () => {
    const { engine } = fakeEngine();
    engine.createChatCompletion = async () => {
      throw Object.assign(new Error('the request exceeds the available context size'), { type: 'inference_error' });
    };
    const model = localModel({ url: URL_, contextLength: 512, createEngine: () => engine, fetch: fileFetch(GGUF) });
    await expect(collect(model.chat({ model: 'x', messages: [{ role: 'user', content: 'x'.repeat(10_000) }] }))).rejects.toMatchObject({ code: 'LLM_CONTEXT_FULL' });
  });
});
