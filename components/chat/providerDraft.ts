/** The provider form's state, and the `llm.setProvider` call it makes. */
import type { SyscallResult } from '@/lib/kernel/protocol';
import { OPENAI_PRESETS } from '@/lib/llm/openai/presets';

export type ProviderInfo = SyscallResult<'llm.providers'>[number];
export type ModelProbe = SyscallResult<'llm.probe'>;

export interface ProviderDraft {
  readonly id?: string;
  /** A server (OpenAI-compatible) or a GGUF model run in this browser (wllama). */
  readonly kind: 'openai-compatible' | 'wllama';
  /** A preset id, or 'custom'. */
  readonly preset: string;
  readonly label: string;
  readonly baseUrl: string;
  readonly model: string;
  /** A new key typed in; empty keeps the saved one. */
  readonly apiKey: string;
  readonly removeKey: boolean;
  /** The GGUF file of an in-browser model. */
  readonly modelUrl: string;
  /** What `llm.probe` said about `modelUrl` (size, cached); the form asks for it before saving a new URL. */
  readonly probe: ModelProbe | null;
  /** Token limits as typed ('' = the default). */
  readonly contextLength: string;
  readonly maxTokens: string;
}

/** A small instruct model that runs on a laptop CPU and knows tool calling (about 400 MB). */
export const SUGGESTED_MODEL_URL = 'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf';

export const firstDraft = (): ProviderDraft => ({
  kind: 'openai-compatible',
  preset: 'ollama',
  label: '',
  baseUrl: OPENAI_PRESETS.find((p) => p.id === 'ollama')!.baseUrl,
  model: '',
  apiKey: '',
  removeKey: false,
  modelUrl: '',
  probe: null,
  contextLength: '',
  maxTokens: '',
});

export const localDraft = (): ProviderDraft => ({ ...firstDraft(), kind: 'wllama', preset: 'custom', baseUrl: '', modelUrl: SUGGESTED_MODEL_URL });

export const draftOf = (p: ProviderInfo): ProviderDraft => ({
  id: p.id,
  kind: p.kind,
  preset: 'custom',
  label: p.label,
  baseUrl: p.baseUrl,
  model: p.model,
  apiKey: '',
  removeKey: false,
  modelUrl: p.modelUrl ?? '',
  probe: null,
  contextLength: p.contextLength ? String(p.contextLength) : '',
  maxTokens: p.maxTokens ? String(p.maxTokens) : '',
});

/** Whether the form may be saved: a server needs a model; a new model URL must have been checked. */
export function canSave(d: ProviderDraft, saved?: ProviderInfo): boolean {
  if (d.kind === 'wllama') return d.modelUrl.trim() !== '' && (d.probe?.url === d.modelUrl.trim() || saved?.modelUrl === d.modelUrl.trim());
  return d.model.trim() !== '';
}

/** A typed token limit: a whole number, or undefined for '' (anything else is left to the kernel to refuse). */
const limit = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

function limitsOf(d: ProviderDraft) {
  const contextLength = limit(d.contextLength);
  const maxTokens = limit(d.maxTokens);
  return {
    ...(contextLength === undefined ? {} : { contextLength }),
    // Clearing the field on a saved provider removes its limit.
    ...(maxTokens === undefined ? (d.id === undefined ? {} : { maxTokens: null }) : { maxTokens }),
  };
}

/** The arguments of `llm.setProvider` for a draft. */
export function setProviderArgs(d: ProviderDraft) {
  if (d.kind === 'wllama') {
    return { ...(d.id === undefined ? {} : { id: d.id }), kind: 'wllama' as const, modelUrl: d.modelUrl.trim(), ...(d.label.trim() ? { label: d.label.trim() } : {}), ...limitsOf(d) };
  }
  const preset = d.preset === 'custom' ? undefined : d.preset;
  const label = d.label.trim() || OPENAI_PRESETS.find((p) => p.id === d.preset)?.label || 'Custom server';
  return {
    ...(d.id === undefined ? {} : { id: d.id }),
    ...(preset === undefined || d.id !== undefined ? {} : { preset }),
    label,
    baseUrl: d.baseUrl.trim(),
    model: d.model.trim(),
    ...(d.apiKey.trim() ? { apiKey: d.apiKey.trim() } : d.removeKey ? { apiKey: null } : {}),
    ...limitsOf(d),
  };
}
