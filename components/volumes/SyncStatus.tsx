'use client';

/** What the sync of one volume is doing now, or how it ended: a progress bar, then one result line or the error. */
import { Icon } from '@/components/ui/Icon';
import { ProgressBar } from '@/components/ui/ProgressBar';
import type { VolumeId } from '@/lib/volumes';
import { syncSummary } from './syncSummary';
import { type SyncState, useSyncStore } from './useSyncStore';
import styles from './SyncStatus.module.css';

export function SyncStatus({ volume, lastSync = null, onShowConflicts }: { volume: VolumeId; lastSync?: number | null; onShowConflicts?(): void }) {
  const state = useSyncStore((s) => s.byVolume[volume]);
  if (!state || !isCurrent(state, lastSync)) return null;

  if (state.status === 'running') {
    const p = state.progress;
    const percent = p?.total ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : null;
    return (
      <div className={styles.sync} role="status" aria-live="polite" data-sync="running">
        <div className={styles.syncLine}>
          <span>{p ? `${p.phase}…` : 'Connecting…'}</span>
          {p && <span className={styles.syncCount}>{p.total ? `${p.loaded} / ${p.total}` : p.loaded > 0 ? p.loaded : ''}</span>}
        </div>
        <ProgressBar percent={percent} label={`Sync of ${volume}`} />
      </div>
    );
  }

  if (state.status === 'failed') {
    return (
      <div className={styles.syncError} role="alert" data-sync="failed">
        <Icon name="alert" size={14} />
        <span>
          <span className={styles.syncCode}>{state.code}</span> {state.message}
        </span>
      </div>
    );
  }

  const conflicts = state.result.conflicts.length;
  return (
    <div className={conflicts > 0 ? styles.syncWarn : styles.syncOk} role="status" data-sync="done">
      <Icon name={conflicts > 0 ? 'alert' : 'check'} size={14} />
      <span className={styles.syncText}>{syncSummary(state.result)}</span>
      {conflicts > 0 && onShowConflicts && (
        <button type="button" className={styles.link} onClick={onShowConflicts}>
          Review
        </button>
      )}
    </div>
  );
}

/**
 * Whether the sync this tab saw is still the latest one: a later sync (from the console,
 * another tab, a promotion) moves the volume's `lastSync` past it, and the card then shows
 * that one's remembered outcome instead.
 */
export function isCurrent(state: SyncState, lastSync: number | null): boolean {
  return state.status !== 'done' || lastSync === null || state.at >= lastSync - 2000;
}
