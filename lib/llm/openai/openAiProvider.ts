/**
 * The OpenAI-compatible HTTP provider (OpenAI, Ollama, llama.cpp server, LM Studio, vLLM):
 * `POST {baseUrl}/chat/completions` streamed as SSE, `GET {baseUrl}/models`. All I/O is
 * injected (`fetch`, `clock`); every failure is a coded `WeftError` (LLM_*) that never
 * contains the API key.
 */
import { type Clock, systemClock, WeftError } from '../../core';
import { createSseParser } from '../sse/sseParser';
import type { ChatDelta, ChatRequest, ModelInfo, Provider } from '../types';
import { badResponse, errorFromStatus, type ErrorContext, looksLikeHtml, unreachable } from './httpErrors';
import { createOpenAiDeltas } from './openAiDeltas';
import { createRequestGuard, type RequestGuard } from './requestGuard';
import { toOpenAiBody } from './toOpenAiBody';

export interface OpenAiProviderOptions {
  /** E.g. `http://localhost:11434/v1` (trailing slashes are ignored). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer …`, to this base URL only. */
  readonly apiKey?: string;
  readonly fetch: typeof globalThis.fetch;
  /** Both timeouts at once (ms); the specific options below win. */
  readonly timeoutMs?: number;
  /** How long to wait for the answer to start (default 60 s; local models may load first). */
  readonly firstByteTimeoutMs?: number;
  /** How long the stream may stay silent between chunks (default 60 s). */
  readonly idleTimeoutMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly clock?: Clock;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * @example
 * const provider = openAiProvider({ baseUrl: 'http://localhost:11434/v1', fetch: globalThis.fetch.bind(globalThis) });
 * for await (const d of provider.chat({ model: 'qwen3:4b', messages })) if (d.type === 'text') show(d.text);
 */
export function openAiProvider(options: OpenAiProviderOptions): Provider {
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(baseUrl)) {
    throw new WeftError('LLM_UNREACHABLE', `"${options.baseUrl}" is not an http(s) URL. Use something like http://localhost:11434/v1.`, { baseUrl: options.baseUrl });
  }
  const clock = options.clock ?? systemClock;
  const firstByteMs = options.firstByteTimeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const idleMs = options.idleTimeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers = (extra: Record<string, string>): Record<string, string> => ({
    ...extra,
    ...options.headers,
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
  });
  const context = (what: 'chat' | 'models', model?: string): ErrorContext => ({ baseUrl, apiKey: options.apiKey, now: clock.now(), what, model });

  /** Sends a request under the guard's first-byte timer; maps transport failures. */
  async function send(guard: RequestGuard, url: string, init: RequestInit, ctx: () => ErrorContext): Promise<Response> {
    guard.arm(firstByteMs, 'first-byte');
    try {
      return await guard.race(options.fetch(url, { ...init, signal: guard.signal }));
    } catch (e) {
      throw guard.error() ?? (e instanceof WeftError ? e : unreachable(e, ctx()));
    }
  }

  async function readText(guard: RequestGuard, response: Response): Promise<string> {
    guard.arm(idleMs, 'idle');
    try {
      return await guard.race(response.text());
    } catch (e) {
      throw guard.error() ?? (e instanceof WeftError ? e : unreachable(e, context('chat')));
    }
  }

  async function* chat(request: ChatRequest): AsyncGenerator<ChatDelta> {
    const ctx = () => context('chat', request.model);
    const guard = createRequestGuard(request.signal, clock, baseUrl);
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    try {
      const response = await send(
        guard,
        `${baseUrl}/chat/completions`,
        { method: 'POST', headers: headers({ 'content-type': 'application/json', accept: 'text/event-stream' }), body: JSON.stringify(toOpenAiBody(request)) },
        ctx,
      );
      if (!response.ok) throw errorFromStatus(response.status, response.headers, await readText(guard, response), ctx());
      const deltas = createOpenAiDeltas(request.model);
      const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
      if (!contentType.includes('text/event-stream')) {
        const text = await readText(guard, response);
        yield* nonStreamed(text, contentType, deltas, ctx());
        return;
      }
      if (!response.body) throw badResponse(contentType, '', ctx());
      reader = response.body.getReader();
      const parser = createSseParser();
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await guard.race(reader.read());
        } catch (e) {
          const stopped = guard.error();
          if (stopped) throw stopped;
          if (e instanceof WeftError) throw e;
          const why = e instanceof Error ? e.message : String(e);
          throw new WeftError('LLM_BAD_RESPONSE', `The server closed the stream mid-answer (connection lost: ${why}). Try again; if it keeps happening, check the server log.`, { baseUrl });
        }
        guard.arm(idleMs, 'idle');
        const events = chunk.done ? parser.end() : parser.push(chunk.value);
        for (const event of events) {
          for (const delta of deltas.push(event.data)) yield delta;
          const stopped = guard.error();
          if (stopped) throw stopped;
        }
        if (chunk.done || deltas.done) break;
      }
      guard.disarm();
      yield* deltas.finish();
    } finally {
      guard.dispose();
      reader?.cancel().catch(() => undefined);
    }
  }

  async function listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    const ctx = () => context('models');
    const guard = createRequestGuard(signal, clock, baseUrl);
    try {
      const response = await send(guard, `${baseUrl}/models`, { method: 'GET', headers: headers({ accept: 'application/json' }) }, ctx);
      const text = await readText(guard, response);
      if (!response.ok) throw errorFromStatus(response.status, response.headers, text, ctx());
      let json: { data?: unknown };
      try {
        json = JSON.parse(text);
      } catch {
        throw badResponse(response.headers.get('content-type') ?? '', text, ctx());
      }
      if (!json || !Array.isArray(json.data)) throw badResponse(response.headers.get('content-type') ?? '', text, ctx());
      return (json.data as { id?: unknown; context_length?: unknown; max_model_len?: unknown }[])
        .filter((m) => typeof m?.id === 'string')
        .map((m) => {
          const length = Number(m.context_length ?? m.max_model_len);
          return Number.isFinite(length) && length > 0 ? { id: m.id as string, contextLength: length } : { id: m.id as string };
        });
    } finally {
      guard.dispose();
    }
  }

  return { kind: 'openai-compatible', chat, listModels };
}

/** A server that ignored `stream: true` and sent one JSON completion: replay it as a one-chunk stream. */
function nonStreamed(text: string, contentType: string, deltas: ReturnType<typeof createOpenAiDeltas>, ctx: ErrorContext): ChatDelta[] {
  if (!contentType.includes('json') || looksLikeHtml(text)) throw badResponse(contentType, text, ctx);
  let json: { choices?: { message?: unknown; finish_reason?: unknown }[]; model?: unknown; usage?: unknown; error?: unknown };
  try {
    json = JSON.parse(text);
  } catch {
    throw badResponse(contentType, text, ctx);
  }
  if (json?.error) return deltas.push(text);
  if (!Array.isArray(json?.choices)) throw badResponse(contentType, text, ctx);
  const choices = json.choices.map((c) => ({ delta: c.message, finish_reason: c.finish_reason ?? 'stop' }));
  return [...deltas.push(JSON.stringify({ model: json.model, usage: json.usage, choices })), ...deltas.push('[DONE]'), ...deltas.finish()];
}
