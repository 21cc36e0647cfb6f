/** The provider form's state, and the `llm.setProvider` call it makes. */
import type { SyscallResult } from '@/lib/kernel/protocol';
import { OPENAI_PRESETS } from '@/lib/llm/openai/presets';

export type ProviderInfo = SyscallResult<'llm.providers'>[number];

export interface ProviderDraft {
  readonly id?: string;
  /** A preset id, or 'custom'. */
  readonly preset: string;
  readonly label: string;
  readonly baseUrl: string;
  readonly model: string;
  /** A new key typed in; empty keeps the saved one. */
  readonly apiKey: string;
  readonly removeKey: boolean;
}

export const firstDraft = (): ProviderDraft => ({ preset: 'ollama', label: '', baseUrl: OPENAI_PRESETS.find((p) => p.id === 'ollama')!.baseUrl, model: '', apiKey: '', removeKey: false });

export const draftOf = (p: ProviderInfo): ProviderDraft => ({ id: p.id, preset: 'custom', label: p.label, baseUrl: p.baseUrl, model: p.model, apiKey: '', removeKey: false });

/** The arguments of `llm.setProvider` for a draft. */
export function setProviderArgs(d: ProviderDraft) {
  const preset = d.preset === 'custom' ? undefined : d.preset;
  const label = d.label.trim() || OPENAI_PRESETS.find((p) => p.id === d.preset)?.label || 'Custom server';
  return {
    ...(d.id === undefined ? {} : { id: d.id }),
    ...(preset === undefined || d.id !== undefined ? {} : { preset }),
    label,
    baseUrl: d.baseUrl.trim(),
    model: d.model.trim(),
    ...(d.apiKey.trim() ? { apiKey: d.apiKey.trim() } : d.removeKey ? { apiKey: null } : {}),
  };
}
