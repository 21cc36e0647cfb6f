'use client';

/**
 * Adds a team volume (`volume.create`). With a remote URL it is filled from that repository
 * (or, if the repository is empty, published to it), with the sync's progress shown here.
 */
import { useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { WeftError } from '@/lib/core';
import type { VolumeId } from '@/lib/volumes';
import { Dialog } from './Dialog';
import { Field, FormError } from './Field';
import forms from './forms.module.css';
import { SyncStatus } from './SyncStatus';
import { TokenNote } from './TokenNote';
import { trackSync } from './useSyncStore';

const SYNC_CODES = new Set(['REMOTE_AUTH', 'REMOTE_NOT_FOUND', 'REMOTE_UNREACHABLE', 'REMOTE_REJECTED', 'SYNC_FAILED', 'GIT_PROXY_REFUSED']);

export function AddTeamDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: VolumeId): void }) {
  const client = useKernelStore((s) => s.client);
  const [team, setTeam] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<WeftError | null>(null);
  const slug = team.trim().replace(/^teams\//, '');
  const id = `teams/${slug}` as VolumeId;

  const create = async () => {
    if (!client) return;
    setPending(true);
    setError(null);
    const call = {
      op: 'volume.create',
      team: slug,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(url.trim() ? { url: url.trim(), ...(token ? { token } : {}) } : {}),
    } as const;
    try {
      const created = await trackSync(client, id, () => client.call(call), (r) => r.sync, (e) => SYNC_CODES.has(e.code));
      onCreated(created.volume);
    } catch (thrown) {
      setError(WeftError.from(thrown));
    } finally {
      setPending(false);
    }
  };

  const teamError = error && (error.code === 'VOLUME_EXISTS' || error.code === 'VOLUME_NOT_FOUND' || error.data.field === 'team') ? error.message : null;
  const urlError = error && !teamError && (error.code === 'REMOTE_URL_INVALID' || error.code === 'GIT_PROXY_REFUSED') ? error.message : null;

  return (
    <Dialog
      title="Add a team volume"
      description="A team volume holds skills and workflows you share. Skills reach it when someone promotes theirs; a sync brings in everyone else’s."
      onClose={onClose}
      onSubmit={() => void create()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending || slug === ''}>
            {pending ? (url.trim() ? 'Syncing…' : 'Adding…') : url.trim() ? 'Add and sync' : 'Add volume'}
          </Button>
        </>
      }
    >
      <div className={forms.row}>
        <Field label="Team name" error={teamError} hint={teamError ? undefined : <>Becomes <code>{slug ? id : 'teams/<name>'}</code></>}>
          <input className={forms.input} value={team} onChange={(e) => setTeam(e.target.value.toLowerCase())} placeholder="lab" spellCheck={false} autoFocus />
        </Field>
        <Field label="Title" hint="Optional, shown in lists">
          <input className={forms.input} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Lab" />
        </Field>
      </div>
      <Field label="Remote URL" error={urlError} hint="Optional: a git repository to share through. You can set it later.">
        <input className={forms.input} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://github.com/acme/lab-skills.git" spellCheck={false} />
      </Field>
      {url.trim() !== '' && (
        <Field label="Access token" hint={<TokenNote />}>
          <input className={forms.input} type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder="Only for private repositories" autoComplete="off" />
        </Field>
      )}
      {pending && url.trim() !== '' && <SyncStatus volume={id} />}
      {error && !teamError && !urlError && <FormError>{error.message}</FormError>}
    </Dialog>
  );
}
