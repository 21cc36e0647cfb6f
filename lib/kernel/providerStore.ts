/**
 * The configured language-model providers: their settings in the workspace's settings store,
 * each API key in the secrets store under the provider's id. A key never leaves this file
 * except to build that provider's client (`providerClient`), which sends it to its own server only.
 */
import { type Clock, newTraceId, WeftError } from '../core';
import { checkModelUrl, findPreset, type LocalModelStatus, modelNameOf, openAiProvider, type Provider } from '../llm';
import type { Workspace } from '../volumes';
import { LOCAL_CONTEXT_LENGTH, type LocalModels } from './localModels';

/** A provider as the settings show it: never the key, only whether there is one. */
export interface ProviderInfo {
  readonly id: string;
  /** `openai-compatible`: a server at `baseUrl`; `wllama`: a GGUF file at `modelUrl`, run in this browser. */
  readonly kind: ProviderKind;
  readonly label: string;
  /** The server's base URL ('' for an in-browser model). */
  readonly baseUrl: string;
  readonly modelUrl?: string;
  readonly model: string;
  readonly hasKey: boolean;
  readonly contextLength?: number;
  /** The longest answer, in tokens (in-browser models default to LOCAL_MAX_TOKENS). */
  readonly maxTokens?: number;
  /** The provider `chat.send` uses when it is given none. */
  readonly isDefault: boolean;
  /** An in-browser model's download and load state, once the kernel has opened it. */
  readonly local?: LocalModelStatus;
}

export type ProviderKind = 'openai-compatible' | 'wllama';

export interface ProviderInput {
  readonly id?: string;
  readonly kind?: ProviderKind;
  /** The GGUF file of an in-browser (`wllama`) model. */
  readonly modelUrl?: string;
  readonly preset?: string;
  readonly label?: string;
  readonly baseUrl?: string;
  /** The model name (for `wllama`, defaults to the file name). */
  readonly model?: string;
  /** A new key; `null` removes the stored one; absent keeps it. */
  readonly apiKey?: string | null;
  readonly contextLength?: number;
  /** null removes the limit; absent keeps it. */
  readonly maxTokens?: number | null;
}

type StoredProvider = Omit<ProviderInfo, 'hasKey' | 'isDefault' | 'local'>;

const PROVIDERS = 'llm:providers';
const DEFAULT = 'llm:default';
const keyOf = (id: string) => `llm-key:${id}`;
/** Provider ids become settings keys and span attributes: keep them plain. */
export const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class ProviderStore {
  constructor(
    private readonly workspace: () => Workspace,
    private readonly local?: LocalModels,
  ) {}

  async list(): Promise<ProviderInfo[]> {
    const ws = this.workspace();
    const stored = await this.stored();
    const def = await ws.settings.get<string>(DEFAULT);
    return Promise.all(
      stored.map(async (p) => {
        const local = p.modelUrl ? this.local?.status(p.modelUrl) : undefined;
        return { ...p, hasKey: (await ws.secrets.get<string>(keyOf(p.id))) !== undefined, isDefault: p.id === def, ...(local ? { local } : {}) };
      }),
    );
  }

  async get(id: string): Promise<ProviderInfo> {
    const found = (await this.list()).find((p) => p.id === id);
    if (!found) throw new WeftError('LLM_NO_PROVIDER', `There is no language-model provider "${id}". Add it in the model settings (llm.setProvider), or pick one of llm.providers.`, { providerId: id });
    return found;
  }

  /** The provider to use: the one named, else the default; a coded error says how to add one when there is none. */
  async resolve(id: string | undefined): Promise<ProviderInfo> {
    if (id !== undefined) return this.get(id);
    const all = await this.list();
    const chosen = all.find((p) => p.isDefault) ?? all[0];
    if (!chosen) {
      throw new WeftError('LLM_NO_PROVIDER', 'No language model is set up yet. Add a provider in the model settings (an OpenAI key, or a local server such as Ollama at http://localhost:11434/v1), then send the message again.', { reason: 'no-provider' });
    }
    return chosen;
  }

  /** Adds or updates a provider; the first one becomes the default. */
  async set(input: ProviderInput): Promise<ProviderInfo> {
    if (input.kind === 'wllama' || (input.kind === undefined && input.modelUrl !== undefined)) return this.setLocal(input);
    const ws = this.workspace();
    const preset = input.preset === undefined ? undefined : findPreset(input.preset);
    if (input.preset !== undefined && !preset) throw new WeftError('SYSCALL_INVALID', `There is no preset "${input.preset}". Presets: openai, ollama, llama-cpp, lm-studio, vllm.`, { field: 'preset' });
    const baseUrl = (input.baseUrl ?? preset?.baseUrl ?? '').trim().replace(/\/+$/, '');
    if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) throw new WeftError('SYSCALL_INVALID', `"${baseUrl}" is not an http(s) URL. Give the server's base URL, like http://localhost:11434/v1.`, { field: 'baseUrl' });
    const model = (input.model ?? '').trim();
    if (!model) throw new WeftError('SYSCALL_INVALID', 'Give the model to use (llm.models lists what the server offers).', { field: 'model' });
    const stored = await this.stored();
    const id = input.id ?? uniqueId(input.preset ?? input.label ?? 'provider', stored);
    if (!PROVIDER_ID.test(id)) throw new WeftError('SYSCALL_INVALID', `"${id}" is not a provider id: use 1–64 of a-z, 0-9 and -.`, { field: 'id' });
    const previous = stored.find((p) => p.id === id);
    const contextLength = input.contextLength ?? previous?.contextLength;
    const maxTokens = input.maxTokens === null ? undefined : (input.maxTokens ?? previous?.maxTokens);
    const next: StoredProvider = {
      id,
      kind: 'openai-compatible',
      label: input.label?.trim() || previous?.label || preset?.label || baseUrl,
      baseUrl,
      model,
      ...(contextLength ? { contextLength } : {}),
      ...(maxTokens ? { maxTokens } : {}),
    };
    await ws.settings.set(PROVIDERS, previous ? stored.map((p) => (p.id === id ? next : p)) : [...stored, next]);
    if (input.apiKey === null || input.apiKey === '') await ws.secrets.delete(keyOf(id));
    else if (input.apiKey !== undefined) await ws.secrets.set(keyOf(id), input.apiKey);
    if (!(await ws.settings.get<string>(DEFAULT))) await ws.settings.set(DEFAULT, id);
    return this.get(id);
  }

  /** An in-browser model: its URL is checked here; the file is checked and downloaded on `llm.load`. */
  private async setLocal(input: ProviderInput): Promise<ProviderInfo> {
    if (input.apiKey) throw new WeftError('SYSCALL_INVALID', 'An in-browser model takes no API key.', { field: 'apiKey' });
    const modelUrl = checkModelUrl(input.modelUrl ?? '');
    const stored = await this.stored();
    const id = input.id ?? uniqueId(input.label ?? `local-${modelNameOf(modelUrl).replace(/\.gguf$/i, '')}`, stored);
    if (!PROVIDER_ID.test(id)) throw new WeftError('SYSCALL_INVALID', `"${id}" is not a provider id: use 1–64 of a-z, 0-9 and -.`, { field: 'id' });
    const previous = stored.find((p) => p.id === id);
    const contextLength = input.contextLength ?? previous?.contextLength;
    // A new file or context window means a new engine: free the old one's memory.
    if (previous?.modelUrl && (previous.modelUrl !== modelUrl || previous.contextLength !== contextLength)) await this.local?.forget(previous.modelUrl);
    const maxTokens = input.maxTokens === null ? undefined : (input.maxTokens ?? previous?.maxTokens);
    const next: StoredProvider = {
      id,
      kind: 'wllama',
      label: input.label?.trim() || previous?.label || `In-browser: ${modelNameOf(modelUrl)}`,
      baseUrl: '',
      modelUrl,
      model: input.model?.trim() || modelNameOf(modelUrl),
      ...(contextLength ? { contextLength } : {}),
      ...(maxTokens ? { maxTokens } : {}),
    };
    const ws = this.workspace();
    await ws.settings.set(PROVIDERS, previous ? stored.map((p) => (p.id === id ? next : p)) : [...stored, next]);
    if (!(await ws.settings.get<string>(DEFAULT))) await ws.settings.set(DEFAULT, id);
    return this.get(id);
  }

  async remove(id: string): Promise<{ removed: boolean }> {
    const ws = this.workspace();
    const stored = await this.stored();
    const rest = stored.filter((p) => p.id !== id);
    await ws.secrets.delete(keyOf(id));
    if (rest.length === stored.length) return { removed: false };
    const gone = stored.find((p) => p.id === id);
    if (gone?.modelUrl && !rest.some((p) => p.modelUrl === gone.modelUrl)) await this.local?.forget(gone.modelUrl);
    await ws.settings.set(PROVIDERS, rest);
    if ((await ws.settings.get<string>(DEFAULT)) === id) {
      if (rest[0]) await ws.settings.set(DEFAULT, rest[0].id);
      else await ws.settings.delete(DEFAULT);
    }
    return { removed: true };
  }

  async setDefault(id: string): Promise<ProviderInfo> {
    await this.get(id);
    await this.workspace().settings.set(DEFAULT, id);
    return this.get(id);
  }

  /** The key, for redacting it from what the kernel writes down (undefined when there is none). */
  async key(id: string): Promise<string | undefined> {
    return this.workspace().secrets.get<string>(keyOf(id));
  }

  /** The provider's client; its key goes to its own base URL only. */
  async client(info: ProviderInfo, deps: { fetch: typeof globalThis.fetch; clock: Clock }): Promise<Provider> {
    if (info.kind === 'wllama') {
      if (!this.local || !info.modelUrl) throw new WeftError('LLM_MODEL_FILE', 'In-browser models are not available here.', { providerId: info.id });
      return this.local.model(info.modelUrl, contextLengthOf(info));
    }
    const apiKey = await this.key(info.id);
    return openAiProvider({ baseUrl: info.baseUrl, fetch: deps.fetch, clock: deps.clock, ...(apiKey ? { apiKey } : {}) });
  }

  private async stored(): Promise<StoredProvider[]> {
    return (await this.workspace().settings.get<StoredProvider[]>(PROVIDERS)) ?? [];
  }
}

/** The context window the chat plans for: the provider's setting, else the kind's default. */
export function contextLengthOf(info: ProviderInfo): number {
  return info.contextLength ?? (info.kind === 'wllama' ? LOCAL_CONTEXT_LENGTH : DEFAULT_CONTEXT_LENGTH);
}

/** The longest answer per model call: the provider's setting; in-browser models (slow on a CPU, and
 * small ones ramble) default to LOCAL_MAX_TOKENS; servers to their own default. */
export function maxTokensOf(info: ProviderInfo): { maxTokens?: number } {
  const max = info.maxTokens ?? (info.kind === 'wllama' ? LOCAL_MAX_TOKENS : undefined);
  return max === undefined ? {} : { maxTokens: max };
}

export const LOCAL_MAX_TOKENS = 1024;

/** The context window assumed for a server whose settings give none. */
export const DEFAULT_CONTEXT_LENGTH = 8192;

function uniqueId(base: string, stored: readonly StoredProvider[]): string {
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'provider';
  if (!stored.some((p) => p.id === slug)) return slug;
  return `${slug}-${newTraceId().slice(0, 6)}`;
}
