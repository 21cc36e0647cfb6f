'use client';

/**
 * The fields of one model provider. A server: a preset (which fills the base URL), the server's
 * base URL, the model (typed, or picked from what the saved server lists), and an optional API
 * key; a saved key is never shown again, only that there is one. An in-browser model: see
 * LocalModelFields.
 */
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/volumes/Field';
import forms from '@/components/volumes/forms.module.css';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { OPENAI_PRESETS } from '@/lib/llm/openai/presets';
import styles from './ChatPanel.module.css';
import { LimitFields } from './LimitFields';
import { LocalModelFields } from './LocalModelFields';
import type { ProviderDraft, ProviderInfo } from './providerDraft';

type FieldsProps = { draft: ProviderDraft; onChange(draft: ProviderDraft): void; saved?: ProviderInfo; error?: { field?: unknown; message: string } | null };

export function ProviderFields(props: FieldsProps) {
  return props.draft.kind === 'wllama' ? <LocalModelFields {...props} /> : <ServerFields {...props} />;
}

function ServerFields({ draft, onChange, saved, error }: FieldsProps) {
  const models = useKernelAction();
  const [listed, setListed] = useState<readonly string[] | null>(null);
  const preset = OPENAI_PRESETS.find((p) => p.id === draft.preset);
  const fieldError = (name: string) => (error && error.field === name ? error.message : null);

  const pickPreset = (id: string) => {
    const next = OPENAI_PRESETS.find((p) => p.id === id);
    onChange({ ...draft, preset: id, baseUrl: next ? next.baseUrl : draft.baseUrl });
  };
  const listModels = async () => {
    if (!saved) return;
    const found = await models.run({ op: 'llm.models', id: saved.id });
    if (found) setListed(found.map((m) => m.id));
  };

  return (
    <>
      {draft.id === undefined && (
        <Field label="Server" hint={preset?.hint ?? 'Any server that speaks the OpenAI chat completions API.'}>
          <select className={forms.select} value={draft.preset} onChange={(e) => pickPreset(e.target.value)}>
            {OPENAI_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            <option value="custom">Other OpenAI-compatible server</option>
          </select>
        </Field>
      )}
      {(draft.id !== undefined || draft.preset === 'custom') && (
        <Field label="Name">
          <input className={forms.input} value={draft.label} placeholder="My server" autoComplete="off" onChange={(e) => onChange({ ...draft, label: e.target.value })} />
        </Field>
      )}
      <Field label="Base URL" error={fieldError('baseUrl')}>
        <input className={forms.input} value={draft.baseUrl} inputMode="url" autoComplete="off" spellCheck={false} onChange={(e) => onChange({ ...draft, baseUrl: e.target.value })} />
      </Field>
      <Field
        label="Model"
        error={fieldError('model') ?? models.error?.message ?? null}
        hint={saved ? undefined : 'Save first to list the models the server offers.'}
        aside={
          saved && (
            <Button size="sm" variant="ghost" icon="list" onClick={() => void listModels()} disabled={models.pending}>
              {models.pending ? 'Listing…' : 'List models'}
            </Button>
          )
        }
      >
        {listed && listed.length > 0 ? (
          <select className={forms.select} value={draft.model} onChange={(e) => onChange({ ...draft, model: e.target.value })}>
            {!listed.includes(draft.model) && <option value={draft.model}>{draft.model || 'Pick a model'}</option>}
            {listed.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        ) : (
          <input className={forms.input} value={draft.model} placeholder="llama3.2, gpt-4o-mini…" autoComplete="off" spellCheck={false} onChange={(e) => onChange({ ...draft, model: e.target.value })} />
        )}
      </Field>
      <Field
        label={preset?.needsKey ? 'API key' : 'API key (optional)'}
        hint={saved?.hasKey && !draft.removeKey ? 'Key saved. Type a new one to replace it.' : 'Kept in this browser, sent only to this server.'}
        aside={
          saved?.hasKey && (
            <label className={styles.inlineCheck}>
              <input type="checkbox" checked={draft.removeKey} onChange={(e) => onChange({ ...draft, removeKey: e.target.checked })} /> Remove key
            </label>
          )
        }
      >
        <input className={forms.input} type="password" value={draft.apiKey} placeholder={saved?.hasKey ? '••••••••' : ''} autoComplete="off" onChange={(e) => onChange({ ...draft, apiKey: e.target.value })} />
      </Field>
      {saved && <LimitFields draft={draft} onChange={onChange} error={error} defaults={{ context: '8192', answer: 'server default' }} />}
    </>
  );
}
