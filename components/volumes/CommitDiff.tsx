'use client';

/**
 * What changed in one file between two commits (or in one commit, against its parent), and a
 * way back: Restore puts the file as it was at the chosen commit, as a new commit (user volume only).
 */
import { useState } from 'react';
import { Badge, type Tone } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import type { CommitInfo, FileDiff, VolumeId } from '@/lib/volumes';
import { ConfirmDialog } from './ConfirmDialog';
import { DiffView } from './DiffView';
import styles from './History.module.css';
import { fullTime, shortSha } from './relativeTime';
import { useKernelAction } from './useKernelAction';
import { useKernelQuery } from './useKernelQuery';
import { Icon } from '@/components/ui/Icon';

const STATUS: Record<FileDiff['status'], { label: string; tone: Tone }> = {
  added: { label: 'added', tone: 'ok' },
  deleted: { label: 'deleted', tone: 'danger' },
  modified: { label: 'modified', tone: 'info' },
  unchanged: { label: 'unchanged', tone: 'neutral' },
};

export function CommitDiff({
  volume,
  path,
  from,
  to,
  restoreAt,
  compare = false,
}: {
  volume: VolumeId;
  path: string;
  /** The older side, or null for "as if absent" (a root commit). */
  from: string | null;
  to: CommitInfo;
  /** The commit whose version Restore brings back; null where restoring is not offered. */
  restoreAt: CommitInfo | null;
  /** Two chosen commits rather than one commit against its parent. */
  compare?: boolean;
}) {
  const diff = useKernelQuery({ op: 'volume.diff', volume, path, from, to: to.oid });
  const [confirming, setConfirming] = useState(false);
  const restore = useKernelAction();
  const d = diff.data;

  return (
    <section className={styles.diffPanel} aria-label={`Changes to ${path}`}>
      <div className={styles.diffHead}>
        <Icon name="file" size={14} className={styles.faintIcon} />
        <span className={styles.diffPath} title={path}>
          {path}
        </span>
        {d && <Badge tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Badge>}
      </div>
      <div className={styles.diffRange}>
        <span className={styles.sha}>{from ? shortSha(from) : 'empty'}</span>
        <span aria-hidden="true">→</span>
        <span className={styles.sha}>{shortSha(to.oid)}</span>
        <div className={styles.spacer} />
        {restoreAt && (
          <Button size="sm" onClick={() => setConfirming(true)} aria-label={`Restore ${path} as of ${shortSha(restoreAt.oid)}`}>
            <Icon name="restore" size={14} />
            Restore {shortSha(restoreAt.oid)}
          </Button>
        )}
      </div>
      {diff.error ? (
        <p className={styles.error}>{diff.error.message}</p>
      ) : !d ? (
        <p className={styles.muted}>Loading the changes…</p>
      ) : d.status === 'unchanged' ? (
        <p className={styles.muted}>
          {compare ? 'The file is the same in both versions.' : 'This commit did not change this file. Pick another file, or another commit.'}
        </p>
      ) : (
        <DiffView hunks={d.hunks} label={`Diff of ${path}`} />
      )}
      {restore.error && !confirming && <p className={styles.error}>{restore.error.message}</p>}
      {confirming && restoreAt && (
        <ConfirmDialog
          title={`Restore ${path}?`}
          confirmLabel="Restore"
          pending={restore.pending}
          error={restore.error}
          onClose={() => {
            restore.clearError();
            setConfirming(false);
          }}
          onConfirm={async () => {
            if (await restore.run({ op: 'volume.restore', volume, path, at: restoreAt.oid })) setConfirming(false);
          }}
        >
          <p>
            The file goes back to how it was at <code>{shortSha(restoreAt.oid)}</code> ({restoreAt.message.split('\n')[0]},{' '}
            {fullTime(restoreAt.at)}).
          </p>
          <p>This is a new commit: today’s version stays in the history, so you can come back to it.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
