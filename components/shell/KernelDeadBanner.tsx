'use client';

import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import styles from './KernelDeadBanner.module.css';

/** Shown while the kernel is dead: why, and a way back. */
export function KernelDeadBanner() {
  const message = useKernelStore((s) => (s.status.state === 'dead' ? s.status.error.message : null));
  const client = useKernelStore((s) => s.client);
  if (message === null || client === null) return null;
  return (
    <div role="alert" className={styles.banner}>
      <Icon name="alert" className={styles.icon} />
      <div className={styles.text}>
        <strong>The kernel stopped:</strong> <span className={styles.message}>{message.replace(/^The kernel stopped:?\s*/, '')}</span>
      </div>
      <Button variant="primary" size="sm" icon="refresh" onClick={() => client.restart()}>
        Restart kernel
      </Button>
    </div>
  );
}
