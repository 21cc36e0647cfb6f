/**
 * The in-browser models the kernel has open: one `LocalModel` per GGUF URL, shared by every
 * provider and chat that uses it, so a model is downloaded and loaded once. The engine factory
 * is injected (the kernel worker passes wllama; Node has none and says so).
 */
import { type Clock, WeftError } from '../core';
import { LARGE_MODEL_BYTES, localModel, type LocalModel, type LocalModelStatus, probeModel, type WllamaEngine } from '../llm';

export interface InBrowserModelsDeps {
  readonly createEngine: () => WllamaEngine;
  /** Whether a model file is already in the browser's cache. */
  readonly isCached: (url: string) => Promise<boolean>;
}

export interface ModelProbeResult {
  readonly url: string;
  readonly size: number | null;
  readonly cached: boolean;
  /** Larger than LARGE_MODEL_BYTES: the UI asks before downloading. */
  readonly large: boolean;
}

/** The context window allocated for an in-browser model when its settings give none. */
export const LOCAL_CONTEXT_LENGTH = 4096;

export class LocalModels {
  private readonly open = new Map<string, LocalModel>();

  constructor(
    private readonly deps: {
      readonly engine: InBrowserModelsDeps | undefined;
      readonly fetch: typeof globalThis.fetch;
      readonly clock: Clock;
      readonly onStatus: (status: LocalModelStatus) => void;
    },
  ) {}

  /** The model at `url` (opened on first use; loading happens on its first call or `load`). */
  model(url: string, contextLength = LOCAL_CONTEXT_LENGTH): LocalModel {
    const engine = this.deps.engine;
    if (!engine) throw new WeftError('LLM_MODEL_FILE', 'In-browser models run only in the browser (the kernel here has no WebAssembly model engine). Use an OpenAI-compatible server instead.');
    const key = `${url}#${contextLength}`;
    let found = this.open.get(key);
    if (!found) {
      found = localModel({ url, contextLength, createEngine: engine.createEngine, isCached: engine.isCached, fetch: this.deps.fetch, clock: this.deps.clock, onStatus: this.deps.onStatus });
      this.open.set(key, found);
    }
    return found;
  }

  status(url: string): LocalModelStatus | undefined {
    for (const [key, m] of this.open) if (key.startsWith(`${url}#`)) return m.status;
    return undefined;
  }

  /** Size and cache state of a model file, checked before asking the person to download it. */
  async probe(url: string): Promise<ModelProbeResult> {
    const cached = (await this.deps.engine?.isCached(url).catch(() => false)) ?? false;
    if (cached) return { url, size: null, cached, large: false };
    const p = await probeModel(url, this.deps.fetch);
    return { url: p.url, size: p.size, cached: false, large: (p.size ?? 0) > LARGE_MODEL_BYTES };
  }

  /** Frees every model that is no longer configured. */
  async forget(url: string): Promise<void> {
    for (const [key, m] of [...this.open]) {
      if (!key.startsWith(`${url}#`)) continue;
      this.open.delete(key);
      await m.unload().catch(() => undefined);
    }
  }
}
