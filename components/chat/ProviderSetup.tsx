'use client';

/**
 * First run: no model provider yet, so the chat panel helps pick one. A local server that
 * answers right now (Ollama, LM Studio, llama.cpp, vLLM) is offered at the top; otherwise a
 * server or API by hand, or a model that runs in this browser (checked, then downloaded once).
 */
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { FormError } from '@/components/volumes/Field';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import type { SyscallResult } from '@/lib/kernel/protocol';
import { formatBytes } from '@/components/previews/shared/formatValue';
import styles from './ChatPanel.module.css';
import { canSave, firstDraft, localDraft, type ProviderDraft, setProviderArgs } from './providerDraft';
import { ProviderFields } from './ProviderFields';

type Detected = SyscallResult<'llm.detect'>[number];

export function ProviderSetup({ onSaved }: { onSaved(): void }) {
  const [draft, setDraft] = useState<ProviderDraft>(firstDraft);
  const save = useKernelAction();
  const detected = useDetectedServers();
  const client = useKernelStore((s) => s.client);
  const error = save.error ? { field: save.error.data.field, message: save.error.message } : null;
  const local = draft.kind === 'wllama';

  const submit = async () => {
    const saved = await save.run({ op: 'llm.setProvider', ...setProviderArgs(draft) });
    if (!saved) return;
    // The download runs on in the kernel; the chat panel shows its progress and any error.
    if (saved.kind === 'wllama') client?.call({ op: 'llm.load', id: saved.id }).catch(() => undefined);
    onSaved();
  };
  const pickServer = (s: Detected) => setDraft({ ...firstDraft(), preset: s.preset, baseUrl: s.baseUrl, model: s.models[0] ?? '' });

  const size = draft.probe?.url === draft.modelUrl.trim() && !draft.probe.cached && draft.probe.size !== null ? formatBytes(draft.probe.size) : null;
  return (
    <form
      className={styles.setup}
      aria-label="Connect a model"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className={styles.setupHead}>
        <span className={styles.setupIcon}>
          <Icon name="chat" size={18} />
        </span>
        <h3 className={styles.setupTitle}>Connect a model</h3>
        <p className={styles.setupText}>Chat with a language model that knows your skills and can run them as tools: a local server, an OpenAI-compatible API, or a model that runs right here in the browser.</p>
      </div>
      {detected.length > 0 && !local && (
        <ul className={styles.detected} aria-label="Servers found on this computer">
          {detected.map((s) => (
            <li key={s.preset} className={styles.detectedRow}>
              <Icon name="pulse" size={14} />
              <span className={styles.detectedText}>
                <strong>{s.label}</strong> is running at {s.baseUrl.replace(/^http:\/\//, '')}
                {s.models.length > 0 ? ` with ${s.models.length} model${s.models.length === 1 ? '' : 's'}` : ''}
              </span>
              <Button size="sm" onClick={() => pickServer(s)}>
                Use it
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.modeSwitch} role="radiogroup" aria-label="Where the model runs">
        <button type="button" role="radio" aria-checked={!local} className={styles.mode} onClick={() => setDraft(firstDraft())}>
          Server or API
        </button>
        <button type="button" role="radio" aria-checked={local} className={styles.mode} onClick={() => setDraft(localDraft())}>
          In this browser
        </button>
      </div>
      <ProviderFields draft={draft} onChange={setDraft} error={error} />
      {error && error.field === undefined && <FormError>{error.message}</FormError>}
      <Button type="submit" variant="primary" icon={local ? 'box' : 'check'} disabled={save.pending || !canSave(draft)}>
        {save.pending ? 'Saving…' : local ? (size ? `Download ${size} and start` : 'Load and start chatting') : 'Save and start chatting'}
      </Button>
    </form>
  );
}

/** Local servers that answer now, asked once when the setup opens. */
function useDetectedServers(): readonly Detected[] {
  const client = useKernelStore((s) => s.client);
  const [found, setFound] = useState<readonly Detected[]>([]);
  useEffect(() => {
    if (!client) return;
    let live = true;
    client.call({ op: 'llm.detect' }).then(
      (servers) => live && setFound(servers),
      () => undefined, // detection is a convenience: silence is fine
    );
    return () => {
      live = false;
    };
  }, [client]);
  return found;
}
