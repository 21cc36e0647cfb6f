'use client';

/**
 * The volumes panel (side area): who signs commits, every volume with its remote and sync,
 * and, for the volume you open, its conflicts and history.
 */
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { EmptyState } from '@/components/ui/EmptyState';
import { AuthorBar } from './AuthorBar';
import { useKernelQuery } from './useKernelQuery';
import { useVolumesUi } from './useVolumesUi';
import { VolumeDetails } from './VolumeDetails';
import { VolumeList } from './VolumeList';
import styles from './VolumesPanel.module.css';

export function VolumesPanel() {
  const kernel = useKernelStore((s) => s.status.state);
  const volumes = useKernelQuery({ op: 'volume.list' });
  const openId = useVolumesUi((s) => s.openVolume);
  const setOpen = useVolumesUi((s) => s.setOpenVolume);

  if (!volumes.data) {
    if (volumes.error) {
      return (
        <EmptyState icon="alert" title="The volumes could not be opened" compact>
          {volumes.error.message}
        </EmptyState>
      );
    }
    return (
      <EmptyState icon="list" title={kernel === 'dead' ? 'The kernel is not running' : 'Opening volumes…'} compact>
        {kernel === 'dead'
          ? 'Restart the kernel to see your volumes.'
          : 'Your skills, workflows and traces live in git repositories in this browser; they appear here once the kernel has opened them.'}
      </EmptyState>
    );
  }

  const open = volumes.data.find((v) => v.id === openId);
  return (
    <div className={styles.panel}>
      <AuthorBar quiet={open !== undefined} />
      {open ? <VolumeDetails volume={open} onBack={() => setOpen(null)} /> : <VolumeList volumes={volumes.data} onOpen={setOpen} />}
    </div>
  );
}
