'use client';

/**
 * "Promote to team…": copies one of your skills into a team volume with a reason (one commit),
 * then pushes it if the team has a remote. The result says what happened to the push.
 */
import { useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/volumes/Dialog';
import { Field, FormError } from '@/components/volumes/Field';
import forms from '@/components/volumes/forms.module.css';
import { SyncStatus } from '@/components/volumes/SyncStatus';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { trackSync } from '@/components/volumes/useSyncStore';
import { useVolumesUi } from '@/components/volumes/useVolumesUi';
import { WeftError } from '@/lib/core';
import type { PromoteResult, VolumeId } from '@/lib/volumes';
import { PromoteOutcome } from './PromoteOutcome';

const SYNC_CODES = new Set(['REMOTE_AUTH', 'REMOTE_NOT_FOUND', 'REMOTE_UNREACHABLE', 'REMOTE_REJECTED', 'SYNC_FAILED', 'GIT_PROXY_REFUSED']);

export function PromoteDialog({ name, onClose }: { name: string; onClose(): void }) {
  const client = useKernelStore((s) => s.client);
  const reveal = useVolumesUi((s) => s.reveal);
  const teams = (useKernelQuery({ op: 'volume.list' }).data ?? []).filter((v) => v.kind === 'team');
  const [picked, setPicked] = useState<VolumeId | null>(null);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<WeftError | null>(null);
  const [result, setResult] = useState<{ team: VolumeId; value: PromoteResult } | null>(null);
  const team = teams.find((t) => t.id === picked) ?? teams[0];

  const promote = async () => {
    if (result) return onClose();
    if (!client || !team) return;
    setPending(true);
    setError(null);
    try {
      const call = { op: 'skill.promote', name, team: team.id, reason } as const;
      const value = await trackSync(client, team.id, () => client.call(call), (r) => r.sync, (e) => SYNC_CODES.has(e.code));
      setResult({ team: team.id, value });
    } catch (thrown) {
      setError(WeftError.from(thrown));
    } finally {
      setPending(false);
    }
  };

  if (teams.length === 0) {
    return (
      <Dialog
        title={`Promote ${name}`}
        description="Promoting copies a skill into a team volume, where your team gets it on their next sync. There is no team volume on this device yet."
        onClose={onClose}
        onSubmit={() => {
          reveal(null);
          onClose();
        }}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary">
              Add a team volume…
            </Button>
          </>
        }
      />
    );
  }

  const reasonError = error && (error.data.field === 'reason' || error.code === 'PROMOTE_INVALID') ? error.message : null;
  return (
    <Dialog
      title={`Promote ${name} to a team`}
      description="A copy goes into the team volume as one commit, with your reason in its message, and is pushed if the team has a remote. Your own copy stays."
      onClose={onClose}
      onSubmit={() => void promote()}
      footer={
        <>
          {!result && <Button onClick={onClose}>Cancel</Button>}
          <Button type="submit" variant="primary" disabled={pending}>
            {result ? 'Done' : pending ? 'Promoting…' : 'Promote'}
          </Button>
        </>
      }
    >
      {result ? (
        <PromoteOutcome name={name} team={result.team} result={result.value} />
      ) : (
        <>
          <Field label="Team volume" hint={team?.remote ? `Pushed to ${team.remote.url}` : 'This team has no remote: the copy stays on this device until you set one and sync.'}>
            <select className={forms.select} value={team?.id ?? ''} onChange={(e) => setPicked(e.target.value as VolumeId)}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title} ({t.id})
                </option>
              ))}
            </select>
          </Field>
          <Field label="Reason" error={reasonError} hint="Goes into the team’s history, so say why the team needs it.">
            <input className={forms.input} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="The lab runs this on every dataset" autoFocus />
          </Field>
          {pending && team && <SyncStatus volume={team.id} />}
          {error && !reasonError && <FormError>{error.message}</FormError>}
        </>
      )}
    </Dialog>
  );
}
