'use client';

/**
 * One volume at a glance: what it is, where it syncs, when it last did and how that went,
 * with Sync and Remote… for the volumes that have remotes (everything but the system volume).
 */
import { useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { useNow } from '@/components/processes/useNow';
import { Badge } from '@/components/ui/Badge';
import { Button, cx } from '@/components/ui/Button';
import type { WorkspaceVolume } from '@/lib/volumes';
import { RemoteDialog } from './RemoteDialog';
import { fullTime, relativeTime, shortSha } from './relativeTime';
import { outcomeLabel } from './syncSummary';
import { isCurrent, SyncStatus } from './SyncStatus';
import { isSyncing, trackSync, useSyncStore } from './useSyncStore';
import { useKernelQuery } from './useKernelQuery';
import { KIND_LABEL, volumeKindOf } from './volumeLabel';
import { Icon, type IconName } from '@/components/ui/Icon';
import styles from './VolumeCard.module.css';

const KIND_ICON: Record<WorkspaceVolume['kind'], IconName> = { user: 'user', team: 'team', system: 'box' };

export function VolumeCard({ volume: v, onOpen }: { volume: WorkspaceVolume; onOpen?(): void }) {
  const client = useKernelStore((s) => s.client);
  const syncing = useSyncStore((s) => s.byVolume[v.id]?.status === 'running');
  // A sync of this session shows its own result line; the remembered outcome would repeat it.
  const lastSync = v.remote?.lastSync ?? null;
  const fresh = useSyncStore((s) => {
    const state = s.byVolume[v.id];
    return state !== undefined && isCurrent(state, lastSync);
  });
  const now = useNow();
  const [editingRemote, setEditingRemote] = useState(false);
  const kind = volumeKindOf(v.id);
  const conflicts = useKernelQuery(kind === 'system' ? null : { op: 'volume.conflicts', volume: v.id }).data?.length ?? 0;

  const sync = () => {
    // The card shows the outcome (or the kernel's error) from the sync store.
    if (client && !isSyncing(v.id)) trackSync(client, v.id, () => client.call({ op: 'volume.sync', volume: v.id }), (r) => r).catch(() => {});
  };

  return (
    <article className={cx(styles.card, onOpen && styles.clickable)} data-volume={v.id} aria-label={`Volume ${v.id}`}>
      <div className={styles.head}>
        <span className={styles.kindIcon} data-kind={kind}>
          <Icon name={KIND_ICON[kind]} size={15} />
        </span>
        <div className={styles.titles}>
          <h3 className={styles.title}>
            {onOpen ? (
              <button type="button" className={styles.titleButton} onClick={onOpen} title={`Open the history of ${v.id}`}>
                {v.title}
              </button>
            ) : (
              v.title
            )}
          </h3>
          <span className={styles.id}>
            {v.id}
            {v.head && <span title={`Head commit ${v.head}`}> · {shortSha(v.head)}</span>}
          </span>
        </div>
        {conflicts > 0 && (
          <Badge tone="warn" title="Files where this device and the remote both changed; both versions are kept until you choose">
            {conflicts} {conflicts === 1 ? 'conflict' : 'conflicts'}
          </Badge>
        )}
        <Badge tone={kind === 'user' ? 'accent' : kind === 'team' ? 'violet' : 'neutral'} outline={kind === 'system'}>
          {KIND_LABEL[kind]}
        </Badge>
      </div>

      {kind === 'system' ? (
        <p className={styles.meta}>The skills that ship with Weft. Read-only: it changes only when the app updates.</p>
      ) : (
        <dl className={styles.meta}>
          <div className={styles.metaRow}>
            <dt>
              <Icon name="link" size={13} />
              <span className="visually-hidden">Remote</span>
            </dt>
            <dd className={v.remote ? styles.url : styles.faint} title={v.remote?.url}>
              {v.remote ? v.remote.url : 'no remote'}
              {v.remote && v.hasToken && (
                <span className={styles.token} title="A token for this remote is saved in this browser">
                  <Icon name="lock" size={11} />
                  <span className="visually-hidden">token saved</span>
                </span>
              )}
            </dd>
          </div>
          {v.remote && (
            <div className={styles.metaRow}>
              <dt>
                <Icon name="sync" size={13} />
                <span className="visually-hidden">Last sync</span>
              </dt>
              <dd>
                {v.remote.lastSync === null ? (
                  <span className={styles.faint}>never synced</span>
                ) : (
                  <>
                    <span title={fullTime(v.remote.lastSync)}>synced {relativeTime(v.remote.lastSync, now)}</span>
                    {!fresh && <span className={styles.faint}> · {outcomeLabel(v.remote.lastOutcome)}</span>}
                  </>
                )}
              </dd>
            </div>
          )}
        </dl>
      )}

      <SyncStatus volume={v.id} lastSync={lastSync} {...(onOpen ? { onShowConflicts: onOpen } : {})} />

      <div className={styles.actions}>
        {kind !== 'system' && (
          <>
            <Button
              size="sm"
              aria-label={`Sync ${v.id}`}
              title={v.remote ? `Pull from and push to ${v.remote.url}` : 'Set a remote first'}
              disabled={!v.remote || syncing}
              onClick={sync}
            >
              <Icon name="sync" size={14} className={syncing ? styles.spin : undefined} />
              {syncing ? 'Syncing…' : 'Sync'}
            </Button>
            <Button size="sm" variant="ghost" aria-label={`Remote for ${v.id}`} onClick={() => setEditingRemote(true)}>
              Remote…
            </Button>
          </>
        )}
        <div className={styles.spacer} />
        {onOpen && (
          <Button size="sm" variant="ghost" aria-label={`History of ${v.id}`} onClick={onOpen}>
            <Icon name="history" size={14} />
            History
            <Icon name="chevronRight" size={12} />
          </Button>
        )}
      </div>
      {editingRemote && <RemoteDialog volume={v} onClose={() => setEditingRemote(false)} />}
    </article>
  );
}
