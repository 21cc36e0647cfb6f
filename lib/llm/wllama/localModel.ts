/**
 * The in-browser provider: a GGUF model run by llama.cpp compiled to WebAssembly (wllama) in
 * its own worker, with no server. The model file is checked (`probeModel`), downloaded once with
 * progress and kept in the browser's cache (OPFS, by wllama), so the next start works offline.
 *
 * The engine is injected (`createEngine`), so this file is plain TypeScript: the kernel worker
 * passes the real `Wllama`; tests pass a fake. Chunks come out of wllama in the OpenAI format
 * and go through the same `createOpenAiDeltas` as the HTTP provider.
 */
import { type Clock, systemClock, WeftError, type WeftErrorData } from '../../core';
import { createOpenAiDeltas } from '../openai/openAiDeltas';
import { createRequestGuard } from '../openai/requestGuard';
import { toOpenAiBody } from '../openai/toOpenAiBody';
import type { ChatDelta, ChatRequest, Provider } from '../types';
import { checkModelUrl, probeModel } from './probeModel';

/** The part of `@wllama/wllama`'s `Wllama` this provider uses. */
export interface WllamaEngine {
  loadModelFromUrl(url: string, params: { n_ctx?: number; progressCallback?: (p: { loaded: number; total: number }) => void; signal?: AbortSignal }): Promise<void>;
  createChatCompletion(options: Record<string, unknown> & { stream: true; abortSignal?: AbortSignal }): Promise<AsyncIterable<unknown>>;
  getChatTemplate?(): string | null;
  /** The context window llama.cpp allocated (it may be less than asked: a model's training length caps it). */
  getLoadedContextInfo?(): { n_ctx: number };
  exit(): Promise<void>;
}

export type LocalModelState = 'idle' | 'checking' | 'downloading' | 'loading' | 'ready' | 'error';

export interface LocalModelStatus {
  readonly url: string;
  readonly state: LocalModelState;
  /** Bytes downloaded so far and in all (0 when unknown). */
  readonly loaded: number;
  readonly total: number;
  /** Whether the file came from the browser's cache (no download). */
  readonly cached: boolean;
  /** Once loaded: the context window llama.cpp allocated, in tokens. */
  readonly contextLength?: number;
  readonly error?: WeftErrorData;
}

export interface LocalModelOptions {
  readonly url: string;
  /** Context window to allocate, in tokens. */
  readonly contextLength: number;
  readonly createEngine: () => WllamaEngine;
  readonly fetch: typeof globalThis.fetch;
  /** Whether the file is already in the browser's model cache (then no network is needed). */
  readonly isCached?: (url: string) => Promise<boolean>;
  readonly onStatus?: (status: LocalModelStatus) => void;
  readonly clock?: Clock;
  /** A download that makes no progress for this long fails (default 60 s). */
  readonly stallTimeoutMs?: number;
  /** Silence allowed between two tokens, and before the first (default 120 s: a long prompt on a CPU is slow). */
  readonly idleTimeoutMs?: number;
}

export interface LocalModel extends Provider {
  readonly status: LocalModelStatus;
  /** Downloads (or opens from the cache) and loads the model; concurrent calls share one load. */
  load(signal?: AbortSignal): Promise<void>;
  /** Frees the model's memory; the next call loads it again (from the cache). */
  unload(): Promise<void>;
}

/** The file name, which stands for the model in spans and the UI. */
export const modelNameOf = (url: string): string => decodeURIComponent(new URL(url).pathname.split('/').pop() || 'model.gguf');

export function localModel(options: LocalModelOptions): LocalModel {
  const url = checkModelUrl(options.url);
  const clock = options.clock ?? systemClock;
  const stallMs = options.stallTimeoutMs ?? 60_000;
  const idleMs = options.idleTimeoutMs ?? 120_000;
  const label = `The in-browser model ${modelNameOf(url)}`;
  let status: LocalModelStatus = { url, state: 'idle', loaded: 0, total: 0, cached: false };
  let engine: WllamaEngine | null = null;
  let loading: Promise<void> | null = null;
  /** One generation at a time: calls queue behind each other. */
  let queue: Promise<unknown> = Promise.resolve();

  const set = (next: Partial<LocalModelStatus>) => {
    status = { ...status, ...next };
    if (next.state && next.state !== 'error') delete (status as { error?: unknown }).error;
    options.onStatus?.(status);
  };

  async function doLoad(signal?: AbortSignal): Promise<void> {
    set({ state: 'checking', loaded: 0, total: 0 });
    const cached = (await options.isCached?.(url).catch(() => false)) ?? false;
    if (!cached) {
      const probe = await probeModel(url, options.fetch, signal);
      set({ total: probe.size ?? 0 });
    }
    set({ state: cached ? 'loading' : 'downloading', cached });
    const next = options.createEngine();
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let stalled = false;
    let timer = clock.setTimeout(() => ((stalled = true), controller.abort()), stallMs);
    const progress = ({ loaded, total }: { loaded: number; total: number }) => {
      clock.clearTimeout(timer);
      timer = clock.setTimeout(() => ((stalled = true), controller.abort()), stallMs);
      set({ loaded, total, ...(total > 0 && loaded >= total ? { state: 'loading' } : {}) });
    };
    try {
      await next.loadModelFromUrl(url, { n_ctx: options.contextLength, progressCallback: progress, signal: controller.signal });
      clock.clearTimeout(timer);
      engine = next;
      const allocated = next.getLoadedContextInfo?.().n_ctx;
      set({ state: 'ready', ...(allocated ? { contextLength: allocated } : {}) });
    } catch (e) {
      clock.clearTimeout(timer);
      next.exit().catch(() => undefined);
      if (signal?.aborted) throw new WeftError('LLM_CANCELLED', `Loading ${modelNameOf(url)} was stopped.`, { url });
      if (stalled) throw new WeftError('LLM_TIMEOUT', `The download of ${modelNameOf(url)} made no progress for ${stallMs / 1000} s. Check your connection and try again; what was downloaded is not kept.`, { url });
      throw loadError(e, url);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  function load(signal?: AbortSignal): Promise<void> {
    if (engine) return Promise.resolve();
    loading ??= doLoad(signal).catch((e: unknown) => {
      const error = e instanceof WeftError ? e : new WeftError('LLM_MODEL_FILE', String(e), { url });
      set({ state: 'error', error: error.toJSON() });
      throw error;
    }).finally(() => {
      loading = null;
    });
    return loading;
  }

  async function* generate(request: ChatRequest): AsyncGenerator<ChatDelta> {
    await load(request.signal);
    const current = engine;
    if (!current) throw new WeftError('LLM_MODEL_FILE', `${label} is not loaded.`, { url });
    const body = toOpenAiBody(request);
    // A chat template that knows no tools would make llama.cpp force a generic JSON format on
    // the model: offer tools only to models whose template takes them.
    const template = current.getChatTemplate?.() ?? '';
    const tools = template.includes('tools') ? body.tools : undefined;
    const guard = createRequestGuard(request.signal, clock, label);
    guard.arm(idleMs, 'first-byte');
    const deltas = createOpenAiDeltas(request.model || modelNameOf(url));
    let iterator: AsyncIterator<unknown> | undefined;
    try {
      const stream = await guard.race(
        current.createChatCompletion({
          messages: body.messages,
          ...(tools ? { tools } : {}),
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
          stream: true,
          // llama.cpp then streams `prompt_progress` while it reads a long prompt: the chat shows "n of m tokens".
          return_progress: true,
          abortSignal: guard.signal,
        }),
      );
      iterator = stream[Symbol.asyncIterator]();
      for (;;) {
        const next = await guard.race(iterator.next());
        guard.arm(idleMs, 'idle');
        if (next.done) break;
        for (const delta of deltas.push(JSON.stringify(withUsage(next.value)))) yield delta;
      }
      guard.disarm();
      yield* deltas.finish();
    } catch (e) {
      throw guard.error() ?? (e instanceof WeftError ? e : inferenceError(e, url));
    } finally {
      guard.dispose();
      void iterator?.return?.().catch(() => undefined);
    }
  }

  async function* chat(request: ChatRequest): AsyncGenerator<ChatDelta> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = queue;
    queue = before.then(() => mine);
    try {
      await before;
      yield* generate(request);
    } finally {
      release();
    }
  }

  return {
    kind: 'wllama',
    get status() {
      return status;
    },
    load,
    chat,
    async listModels() {
      return [{ id: modelNameOf(url), contextLength: options.contextLength }];
    },
    async unload() {
      const current = engine;
      engine = null;
      set({ state: 'idle', loaded: 0, total: 0 });
      await current?.exit();
    },
  };
}

/** llama.cpp's server reports usage as `timings`; the OpenAI format calls it `usage`. */
function withUsage(chunk: unknown): unknown {
  if (!chunk || typeof chunk !== 'object') return chunk;
  const c = chunk as { usage?: unknown; timings?: { prompt_n?: number; predicted_n?: number; cache_n?: number } };
  if (c.usage || !c.timings) return chunk;
  const input = (c.timings.prompt_n ?? 0) + (c.timings.cache_n ?? 0);
  return { ...c, usage: { prompt_tokens: input, completion_tokens: c.timings.predicted_n ?? 0 } };
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function loadError(e: unknown, url: string): WeftError {
  if (e instanceof WeftError) return e;
  const type = (e as { type?: string } | null)?.type;
  const why = errorText(e);
  if (type === 'download_error' || /fetch|network|download/i.test(why)) {
    return new WeftError('LLM_MODEL_FILE', `Downloading ${modelNameOf(url)} failed (${why}). Check your connection and the URL, then try again.`, { url });
  }
  return new WeftError(
    'LLM_MODEL_FILE',
    `llama.cpp could not load ${modelNameOf(url)} (${why}). The file may be damaged, or its architecture or quantisation is not supported; try another GGUF (Q4_K_M or Q8_0 of a small instruct model).`,
    { url },
  );
}

function inferenceError(e: unknown, url: string): WeftError {
  const why = errorText(e);
  if ((e as { name?: string } | null)?.name === 'AbortError') return new WeftError('LLM_CANCELLED', 'The model call was cancelled.', { url });
  if (/context|kv.?cache/i.test(why)) {
    return new WeftError('LLM_CONTEXT_FULL', `The conversation does not fit into ${modelNameOf(url)}'s context window (${why}). Start a new conversation, or raise the context length in the model settings.`, { url });
  }
  return new WeftError('LLM_SERVER', `${modelNameOf(url)} failed while answering: ${why}`, { url });
}
