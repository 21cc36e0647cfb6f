'use client';

/** A provider's token limits: its context window and the longest answer; empty means the default. */
import { Field } from '@/components/volumes/Field';
import forms from '@/components/volumes/forms.module.css';
import styles from './ChatPanel.module.css';
import type { ProviderDraft } from './providerDraft';

export function LimitFields({ draft, onChange, error, defaults }: { draft: ProviderDraft; onChange(draft: ProviderDraft): void; error?: { field?: unknown; message: string } | null; defaults: { context: string; answer: string } }) {
  const fieldError = (name: string) => (error && error.field === name ? error.message : null);
  return (
    <div className={styles.limits}>
      <Field label="Context window (tokens)" error={fieldError('contextLength')}>
        <input className={forms.input} inputMode="numeric" value={draft.contextLength} placeholder={defaults.context} onChange={(e) => onChange({ ...draft, contextLength: e.target.value })} />
      </Field>
      <Field label="Longest answer (tokens)" error={fieldError('maxTokens')}>
        <input className={forms.input} inputMode="numeric" value={draft.maxTokens} placeholder={defaults.answer} onChange={(e) => onChange({ ...draft, maxTokens: e.target.value })} />
      </Field>
    </div>
  );
}
