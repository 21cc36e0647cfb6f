'use client';

/** The model settings: the providers there are (edit, remove, make default) and a form to add one. */
import { useState } from 'react';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/volumes/Dialog';
import { FormError } from '@/components/volumes/Field';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import styles from './ChatPanel.module.css';
import { canSave, draftOf, firstDraft, localDraft, type ProviderDraft, type ProviderInfo, setProviderArgs } from './providerDraft';
import { ProviderFields } from './ProviderFields';

export function ModelSettings({ providers, onChanged, onClose }: { providers: readonly ProviderInfo[]; onChanged(): void; onClose(): void }) {
  const [draft, setDraft] = useState<ProviderDraft | null>(null);
  const action = useKernelAction();
  const editing = draft?.id === undefined ? undefined : providers.find((p) => p.id === draft.id);
  const error = action.error ? { field: action.error.data.field, message: action.error.message } : null;

  const run = async (call: Parameters<typeof action.run>[0]) => {
    const done = await action.run(call);
    onChanged();
    return done;
  };
  const save = async () => {
    if (draft && (await run({ op: 'llm.setProvider', ...setProviderArgs(draft) }))) setDraft(null);
  };
  const edit = (next: ProviderDraft | null) => {
    action.clearError();
    setDraft(next);
  };

  return (
    <Dialog
      title="Model settings"
      description="The language models the chat can use. Keys stay in this browser."
      wide
      onClose={onClose}
      onSubmit={() => void (draft ? save() : onClose())}
      footer={
        draft ? (
          <>
            <Button onClick={() => edit(null)}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={action.pending || !canSave(draft, editing)}>
              {editing ? 'Save' : 'Add provider'}
            </Button>
          </>
        ) : (
          <>
            <Button icon="plus" onClick={() => edit(firstDraft())}>
              Add server
            </Button>
            <Button icon="box" onClick={() => edit(localDraft())}>
              Add in-browser model
            </Button>
            <Button type="submit" variant="primary">
              Done
            </Button>
          </>
        )
      }
    >
      {draft ? (
        <ProviderFields key={draft.id ?? 'new'} draft={draft} onChange={setDraft} saved={editing} error={error} />
      ) : (
        <ul className={styles.providers} aria-label="Providers">
          {providers.map((p) => (
            <li key={p.id} className={styles.provider}>
              <div className={styles.providerText}>
                <span className={styles.providerName}>
                  {p.label} {p.isDefault && <Badge tone="accent">default</Badge>} {p.hasKey && <Badge outline>key saved</Badge>}
                </span>
                <span className={styles.providerMeta}>
                  {p.model} · {p.kind === 'wllama' ? 'in this browser' : p.baseUrl}
                </span>
              </div>
              {!p.isDefault && (
                <Button size="sm" variant="ghost" onClick={() => void run({ op: 'llm.setDefault', id: p.id })}>
                  Make default
                </Button>
              )}
              <Button size="sm" variant="ghost" icon="pencil" onClick={() => edit(draftOf(p))} aria-label={`Edit ${p.label}`}>
                Edit
              </Button>
              <Button size="sm" variant="ghost" icon="trash" onClick={() => void run({ op: 'llm.removeProvider', id: p.id })} aria-label={`Remove ${p.label}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (draft === null || error.field === undefined) && <FormError>{error.message}</FormError>}
    </Dialog>
  );
}
