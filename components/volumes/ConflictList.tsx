'use client';

/** The conflicts a sync left in one volume, refreshed whenever the volume changes. */
import { Icon } from '@/components/ui/Icon';
import type { VolumeId } from '@/lib/volumes';
import { ConflictRow } from './ConflictRow';
import { useKernelQuery } from './useKernelQuery';
import styles from './VolumeDetails.module.css';

export function ConflictList({ volume }: { volume: VolumeId }) {
  const conflicts = useKernelQuery(volume === 'system' ? null : { op: 'volume.conflicts', volume });
  const list = conflicts.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className={styles.conflicts} aria-label={`Conflicts in ${volume}`}>
      <h3 className={styles.conflictsTitle}>
        <Icon name="alert" size={14} />
        {list.length === 1 ? '1 conflict' : `${list.length} conflicts`} to resolve
      </h3>
      <p className={styles.conflictsText}>
        This device and the remote both changed these files. Nothing was lost: their version is kept beside yours until you
        choose.
      </p>
      <ul className={styles.conflictList}>
        {list.map((c) => (
          <ConflictRow key={c.theirs} volume={volume} conflict={c} />
        ))}
      </ul>
    </section>
  );
}
