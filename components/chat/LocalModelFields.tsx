'use client';

/**
 * The fields of an in-browser model: the URL of a GGUF file and a check of it before anything
 * is downloaded (is it a GGUF, how big, already in this browser?). Large files get a warning.
 */
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { Field } from '@/components/volumes/Field';
import forms from '@/components/volumes/forms.module.css';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { formatBytes } from '@/components/previews/shared/formatValue';
import styles from './ChatPanel.module.css';
import { LimitFields } from './LimitFields';
import { type ProviderDraft, type ProviderInfo, SUGGESTED_MODEL_URL } from './providerDraft';

export function LocalModelFields({ draft, onChange, saved, error }: { draft: ProviderDraft; onChange(draft: ProviderDraft): void; saved?: ProviderInfo; error?: { field?: unknown; message: string } | null }) {
  const check = useKernelAction();
  const url = draft.modelUrl.trim();
  const probe = draft.probe?.url === url ? draft.probe : null;
  const fieldError = error && error.field === 'modelUrl' ? error.message : (check.error?.message ?? null);

  const run = async () => {
    const found = await check.run({ op: 'llm.probe', url });
    if (found) onChange({ ...draft, modelUrl: found.url, probe: found });
  };

  return (
    <>
      {draft.id !== undefined && (
        <Field label="Name">
          <input className={forms.input} value={draft.label} autoComplete="off" onChange={(e) => onChange({ ...draft, label: e.target.value })} />
        </Field>
      )}
      <Field
        label="Model file (GGUF URL)"
        error={fieldError}
        hint={
          <>
            Runs in this browser with llama.cpp (WebAssembly): no server, no key. A small instruct model works best, such as{' '}
            <button type="button" className={styles.linkButton} onClick={() => onChange({ ...draft, modelUrl: SUGGESTED_MODEL_URL, probe: null })}>
              Qwen2.5 0.5B Instruct (Q4_K_M)
            </button>
            .
          </>
        }
        aside={
          <Button size="sm" variant="ghost" icon="search" onClick={() => void run()} disabled={check.pending || url === ''}>
            {check.pending ? 'Checking…' : 'Check file'}
          </Button>
        }
      >
        <input
          className={forms.input}
          value={draft.modelUrl}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://…/model-q4_k_m.gguf"
          onChange={(e) => {
            check.clearError();
            onChange({ ...draft, modelUrl: e.target.value, probe: null });
          }}
        />
      </Field>
      {probe && <ProbeNote probe={probe} />}
      {!probe && saved?.modelUrl !== url && url !== '' && <p className={styles.setupText}>Check the file first: Weft looks at its size and format before downloading it.</p>}
      {saved && <LimitFields draft={draft} onChange={onChange} error={error} defaults={{ context: '4096', answer: '1024' }} />}
    </>
  );
}

function ProbeNote({ probe }: { probe: NonNullable<ProviderDraft['probe']> }) {
  const name = decodeURIComponent(probe.url.split('/').pop() ?? probe.url);
  if (probe.cached) {
    return (
      <p className={styles.probeOk} data-probe="cached">
        <Icon name="check" size={14} /> {name} is already in this browser: it starts without a download, offline too.
      </p>
    );
  }
  const size = probe.size === null ? 'size unknown' : formatBytes(probe.size);
  return (
    <p className={probe.large ? styles.probeWarn : styles.probeOk} data-probe={probe.large ? 'large' : 'ok'}>
      <Icon name={probe.large ? 'alert' : 'check'} size={14} /> {name}: a GGUF model, {size}.{' '}
      {probe.large ? 'This is a large download: make sure your connection and this device can take it. ' : ''}
      It is downloaded once and kept in this browser, so the next start works offline.
    </p>
  );
}
