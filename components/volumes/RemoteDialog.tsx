'use client';

/** Where a volume syncs: the remote URL and, for private hosts, a token that stays in this browser. */
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import type { WorkspaceVolume } from '@/lib/volumes';
import { Dialog } from './Dialog';
import { Field, FormError } from './Field';
import forms from './forms.module.css';
import { TokenNote } from './TokenNote';
import { useKernelAction } from './useKernelAction';

export function RemoteDialog({ volume: v, onClose }: { volume: WorkspaceVolume; onClose(): void }) {
  const [url, setUrl] = useState(v.remote?.url ?? '');
  const [token, setToken] = useState('');
  const { run, pending, error } = useKernelAction();
  const urlError = error?.code.startsWith('REMOTE_URL') || error?.code === 'GIT_PROXY_REFUSED' ? error.message : null;

  const save = async () => {
    // An empty token field keeps the saved token; "Remove remote" forgets both.
    const done = await run({ op: 'volume.setRemote', volume: v.id, url: url.trim(), ...(token ? { token } : {}) });
    if (done) onClose();
  };
  const remove = async () => {
    if (await run({ op: 'volume.setRemote', volume: v.id, url: null, token: null })) onClose();
  };

  return (
    <Dialog
      title={`Remote for ${v.title}`}
      description={
        <>
          <code>{v.id}</code> pulls from and pushes to this git repository when you sync.
        </>
      }
      onClose={onClose}
      onSubmit={() => void save()}
      footer={
        <>
          {v.remote && (
            <Button variant="danger" onClick={() => void remove()} disabled={pending} style={{ marginRight: 'auto' }}>
              Remove remote
            </Button>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending || url.trim() === ''}>
            {pending ? 'Saving…' : 'Save remote'}
          </Button>
        </>
      }
    >
      <Field label="Remote URL" error={urlError} hint="An HTTPS git URL, like https://github.com/acme/weft-skills.git">
        <input className={forms.input} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/skills.git" spellCheck={false} autoFocus />
      </Field>
      <Field label="Access token" hint={<TokenNote saved={v.hasToken} />}>
        <input
          className={forms.input}
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder={v.hasToken ? '•••••••• (saved — leave empty to keep it)' : 'Only for private repositories'}
          autoComplete="off"
        />
      </Field>
      {error && !urlError && <FormError>{error.message}</FormError>}
    </Dialog>
  );
}
