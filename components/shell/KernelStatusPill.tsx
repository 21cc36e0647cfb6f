'use client';

import { useKernelStore } from '@/components/kernel/useKernelStore';
import styles from './KernelStatusPill.module.css';

const LABEL = { starting: 'Starting kernel…', ready: 'Kernel ready', dead: 'Kernel stopped' } as const;

/** The kernel's state in a word, with its version and boot time on hover. */
export function KernelStatusPill() {
  const state = useKernelStore((s) => s.status.state);
  const detail = useKernelStore((s) =>
    s.status.state === 'ready'
      ? `Weft kernel ${s.status.info.version}, started ${new Date(s.status.info.bootedAt).toLocaleTimeString()}`
      : s.status.state === 'dead'
        ? s.status.error.message
        : 'The kernel worker is starting',
  );
  return (
    <span className={styles.pill} data-state={state} role="status" title={detail}>
      <span className={styles.dot} aria-hidden="true" />
      {LABEL[state]}
    </span>
  );
}
