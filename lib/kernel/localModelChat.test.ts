import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeftError } from '../core';
import type { LocalModelStatus, WllamaEngine } from '../llm';
import type { Trace } from '../spans';
import type { ChatSendResult } from './chatTurn';
import type { Kernel } from './kernel';
import type { ModelProbeResult } from './localModels';
import type { KernelEvent } from './protocol';
import type { ProviderInfo } from './providerStore';
import { kernelWithRuntimes } from './testRuntimes';

// In-browser models through the kernel: the provider settings, llm.probe, llm.load with progress
// events, and a chat turn answered by the engine. The engine here is a fake with wllama's
// interface (the real llama.cpp in WebAssembly is exercised in Chromium by e2e/chat.spec.ts).
const MODEL = 'http://models.test/weft-tiny-q8.gguf';
const HTML = 'http://models.test/login.gguf';
const GGUF = new Uint8Array([0x47, 0x47, 0x55, 0x46, 3, 0, 0, 0]);

const fetchFiles = (async (url: string | URL | Request) => {
  const u = String(url);
  if (u === MODEL) return new Response(GGUF, { status: 206, headers: { 'content-range': 'bytes 0-7/900000000' } });
  if (u === HTML) return new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
  return new Response('not found', { status: 404 });
}) as typeof fetch;

let loads = 0;
const requests: Record<string, unknown>[] = [];
const engine = (): WllamaEngine => ({
  async loadModelFromUrl(_url, params) {
    loads++;
    params.progressCallback?.({ loaded: 450_000_000, total: 900_000_000 });
    params.progressCallback?.({ loaded: 900_000_000, total: 900_000_000 });
  },
  async createChatCompletion(options) {
    requests.push(options);
    return (async function* () {
      yield { choices: [{ index: 0, delta: { role: 'assistant', content: null }, finish_reason: null }] };
      yield { choices: [{ index: 0, delta: { content: 'tiny ' }, finish_reason: null }] };
      yield { choices: [{ index: 0, delta: { content: 'words' }, finish_reason: null }] };
      yield { choices: [{ index: 0, delta: {}, finish_reason: 'length' }], timings: { prompt_n: 40, cache_n: 0, predicted_n: 2 } };
    })();
  },
  getChatTemplate: () => null,
  async exit() {},
});

let kernel: Kernel;
let cleanup = () => {};
const events: KernelEvent[] = [];
const call = <T,>(op: string, args: Record<string, unknown> = {}) => kernel.dispatch({ op, ...args }) as Promise<T>;

beforeAll(async () => {
  ({ kernel, cleanup } = await kernelWithRuntimes(['writing-clear-prompts'], { fetch: fetchFiles, inBrowserModels: { createEngine: engine, isCached: async () => false } }));
  kernel.on((e) => events.push(e));
}, 60_000);
afterAll(() => cleanup());

describe('in-browser models', () => {
  it('checks a model file before download: size, large-file flag, and "not a GGUF" refused', async () => {
    expect(await call<ModelProbeResult>('llm.probe', { url: MODEL })).toEqual({ url: MODEL, size: 900_000_000, cached: false, large: true });
    const error = (await call('llm.probe', { url: HTML }).catch((e: unknown) => e)) as WeftError;
    expect(error.code).toBe('LLM_MODEL_FILE');
    expect(error.message).toMatch(/not a GGUF model file/);
  });

  it('adds an in-browser provider named after the file, and refuses a URL that is not http(s)', async () => {
    const saved = await call<ProviderInfo>('llm.setProvider', { kind: 'wllama', modelUrl: MODEL });
    expect(saved).toMatchObject({ id: 'local-weft-tiny-q8', kind: 'wllama', baseUrl: '', modelUrl: MODEL, model: 'weft-tiny-q8.gguf', label: 'In-browser: weft-tiny-q8.gguf', isDefault: true, hasKey: false });
    const bad = (await call('llm.setProvider', { kind: 'wllama', modelUrl: 'file:///models/x.gguf' }).catch((e: unknown) => e)) as WeftError;
    expect(bad).toMatchObject({ code: 'SYSCALL_INVALID', data: { field: 'modelUrl' } });
  });

  it('loads with progress events, once, and the provider list shows it ready', async () => {
    const status = await call<LocalModelStatus>('llm.load', { id: 'local-weft-tiny-q8' });
    expect(status).toMatchObject({ state: 'ready', url: MODEL, cached: false });
    const states = events.filter((e): e is Extract<KernelEvent, { type: 'llm.model' }> => e.type === 'llm.model').map((e) => e.status.state);
    expect(states).toContain('downloading');
    expect(states.at(-1)).toBe('ready');
    await call('llm.load', { id: 'local-weft-tiny-q8' });
    expect(loads).toBe(1);
    const [listed] = await call<ProviderInfo[]>('llm.providers');
    expect(listed?.local).toMatchObject({ state: 'ready' });
  });

  it('answers a chat turn, counts its tokens, and records an llm span from the wllama provider', async () => {
    const result = await call<ChatSendResult>('chat.send', { text: 'Say something' });
    expect(result.status).toBe('ok');
    expect(result.messages.at(-1)).toEqual({ role: 'assistant', content: 'tiny words' });
    expect(result.usage).toMatchObject({ inputTokens: 40, outputTokens: 2 });
    expect(requests.at(-1)).not.toHaveProperty('tools'); // its template takes no tools
    const trace = JSON.parse((await call<{ content: string }>('volume.read', { volume: 'users/me', path: result.trace!.path })).content) as Trace;
    const llm = trace.spans.find((s) => s.kind === 'llm')!;
    expect(llm.attributes).toMatchObject({ 'gen_ai.provider.name': 'wllama', 'gen_ai.request.model': 'weft-tiny-q8.gguf', 'gen_ai.usage.output_tokens': 2 });
  });

  it('says that a server provider has nothing to load', async () => {
    await call('llm.setProvider', { id: 'srv', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' });
    await expect(call('llm.load', { id: 'srv' })).rejects.toMatchObject({ code: 'SYSCALL_INVALID' });
  });
});
