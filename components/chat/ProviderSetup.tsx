'use client';

/** First run: no model provider yet, so the chat panel asks for one. */
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { FormError } from '@/components/volumes/Field';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import styles from './ChatPanel.module.css';
import { firstDraft, setProviderArgs } from './providerDraft';
import { ProviderFields } from './ProviderFields';

export function ProviderSetup({ onSaved }: { onSaved(): void }) {
  const [draft, setDraft] = useState(firstDraft);
  const save = useKernelAction();
  const error = save.error ? { field: save.error.data.field, message: save.error.message } : null;

  const submit = async () => {
    if (await save.run({ op: 'llm.setProvider', ...setProviderArgs(draft) })) onSaved();
  };

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
        <p className={styles.setupText}>Chat with a language model that knows your skills and can run them as tools. Point Weft at a local server or an OpenAI-compatible API.</p>
      </div>
      <ProviderFields draft={draft} onChange={setDraft} error={error} />
      {error && error.field === undefined && <FormError>{error.message}</FormError>}
      <Button type="submit" variant="primary" icon="check" disabled={save.pending || !draft.model.trim()}>
        {save.pending ? 'Saving…' : 'Save and start chatting'}
      </Button>
    </form>
  );
}
