'use client';

/** One volume opened: its card (remote, sync), the conflicts a sync left, and its history. */
import { Button } from '@/components/ui/Button';
import type { WorkspaceVolume } from '@/lib/volumes';
import { NetworkGrants } from '@/components/security/NetworkGrants';
import { ConflictList } from './ConflictList';
import { HistoryPanel } from './HistoryPanel';
import { VolumeCard } from './VolumeCard';
import { VolumeCheck } from './VolumeCheck';
import { Icon } from '@/components/ui/Icon';
import styles from './VolumesPanel.module.css';

export function VolumeDetails({ volume: v, onBack }: { volume: WorkspaceVolume; onBack(): void }) {
  return (
    <div className={styles.section} data-open-volume={v.id}>
      <div className={styles.sectionHead}>
        <Button size="sm" variant="ghost" onClick={onBack} className={styles.back}>
          <Icon name="chevronLeft" size={14} />
          All volumes
        </Button>
      </div>
      <VolumeCard volume={v} />
      <ConflictList volume={v.id} />
      <NetworkGrants volume={v.id} />
      <VolumeCheck volume={v.id} />
      <h3 className={styles.sectionTitle}>History</h3>
      <HistoryPanel volume={v.id} canRestore={v.writable} />
    </div>
  );
}
