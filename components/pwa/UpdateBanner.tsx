'use client';

import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import styles from './UpdateBanner.module.css';
import { useServiceWorker } from './useServiceWorker';

/**
 * "New version available — Reload" when a newer build's service worker is waiting. Mounting it
 * registers the service worker (see useServiceWorker).
 */
export function UpdateBanner() {
  const { updateReady, applyUpdate } = useServiceWorker();
  if (!updateReady) return null;
  return (
    <div role="alert" className={styles.banner}>
      <Icon name="refresh" className={styles.icon} />
      <div className={styles.text}>
        <strong>New version available</strong> <span className={styles.detail}>— reload this tab to start it.</span>
      </div>
      <Button variant="primary" size="sm" icon="refresh" onClick={applyUpdate}>
        Reload
      </Button>
    </div>
  );
}
