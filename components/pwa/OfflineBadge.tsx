'use client';

import styles from './OfflineBadge.module.css';
import { useOnline } from './useOnline';

export const OFFLINE_EXPLANATION = 'Working offline: skills, volumes, traces and the canvas work; sync and remote models need the network';

/** The header's "Offline" badge, shown only while the browser has no network. */
export function OfflineBadge() {
  const online = useOnline();
  if (online) return null;
  return (
    <span role="status" className={styles.badge} title={OFFLINE_EXPLANATION}>
      <span className={styles.dot} aria-hidden="true" />
      Offline
    </span>
  );
}
