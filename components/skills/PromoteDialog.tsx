'use client';

/**
 * "Promote to team…": copies one of your skills into a team volume with a reason (one commit),
 * then pushes it if the team has a remote. A blank reason is refused here, before the kernel
 * is asked; afterwards the dialog says what was committed and what happened to the push.
 */
import { useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/volumes/Dialog';
import { Field, FormError } from '@/components/volumes/Field';
import forms from '@/components/volumes/forms.module.css';
import { SyncStatus } from '@/components/volumes/SyncStatus';
import { trackSync } from '@/components/volumes/useSyncStore';
import { WeftError } from '@/lib/core';
import type { PromoteResult, VolumeId, WorkspaceVolume } from '@/lib/volumes';
import { PromoteOutcome } from './PromoteOutcome';
import { keptPromotion, reasonProblem, remoteNote } from './promoteForm';

const SYNC_CODES = new Set(['REMOTE_AUTH', 'REMOTE_NOT_FOUND', 'REMOTE_UNREACHABLE', 'REMOTE_REJECTED', 'SYNC_FAILED', 'GIT_PROXY_REFUSED']);

export function PromoteDialog({ name, teams, onClose }: { name: string; teams: readonly WorkspaceVolume[]; onClose(): void }) {
  const client = useKernelStore((s) => s.client);
  const [picked, setPicked] = useState<VolumeId | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<WeftError | null>(null);
  const [result, setResult] = useState<{ team: VolumeId; value: PromoteResult; notPushed?: WeftError } | null>(null);
  const team = teams.find((t) => t.id === picked) ?? teams[0];

  const promote = async () => {
    if (result) return onClose();
    setTried(true);
    if (!team || reasonProblem(reason) !== null) return;
    if (!client) return setError(new WeftError('KERNEL_DEAD', 'The kernel is not running. Restart it from the banner at the top, then try again.'));
    setPending(true);
    setError(null);
    try {
      // Like a sync: its progress shows here and on the team's card, and views of volumes refetch after.
      const call = { op: 'skill.promote', name, team: team.id, reason } as const;
      const value = await trackSync(client, team.id, () => client.call(call), (r) => r.sync, (e) => SYNC_CODES.has(e.code));
      setResult({ team: team.id, value });
    } catch (thrown) {
      const failed = WeftError.from(thrown);
      // The commit was made and only the push failed: show what was committed, and why it is not out yet.
      const kept = keptPromotion(failed);
      if (kept) setResult({ team: team.id, value: { ...kept, sync: null }, notPushed: failed });
      else setError(failed);
    } finally {
      setPending(false);
    }
  };

  const kernelReasonError = error && (error.data.field === 'reason' || error.code === 'PROMOTE_INVALID') ? error.message : null;
  const reasonError = (tried ? reasonProblem(reason) : null) ?? kernelReasonError;
  return (
    <Dialog
      title="Promote to team"
      description={`A copy of ${name} goes into the team volume as one commit, with your reason in its message. Your own copy stays.`}
      onClose={onClose}
      onSubmit={() => void promote()}
      footer={
        <>
          {!result && <Button onClick={onClose}>Cancel</Button>}
          <Button type="submit" variant="primary" disabled={pending || !team}>
            {result ? 'Done' : pending ? 'Promoting…' : 'Promote'}
          </Button>
        </>
      }
    >
      {result ? (
        <PromoteOutcome name={name} team={result.team} result={result.value} {...(result.notPushed ? { notPushed: result.notPushed } : {})} />
      ) : (
        <>
          <Field label="Team" hint={team ? remoteNote(team) : undefined}>
            <select className={forms.select} value={team?.id ?? ''} onChange={(e) => setPicked(e.target.value as VolumeId)} disabled={pending}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title} ({t.id})
                </option>
              ))}
            </select>
          </Field>
          <Field label="Reason" error={reasonError} hint="Goes into the team’s history: say why the team needs it.">
            <textarea
              className={forms.textarea}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="The lab runs this on every dataset"
              aria-required
              disabled={pending}
              autoFocus
            />
          </Field>
          {!team && <FormError>There is no team volume to promote to any more. Add one in the Volumes panel.</FormError>}
          {pending && team && <SyncStatus volume={team.id} />}
          {error && !kernelReasonError && <FormError>{error.message}</FormError>}
        </>
      )}
    </Dialog>
  );
}
