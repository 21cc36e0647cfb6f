'use client';

/**
 * Hosts the open trace over an area (the canvas): the area stays mounted underneath, so its
 * state survives, but is inert while the trace covers it.
 */
import type { ReactNode } from 'react';
import { useTraceStore } from '../useTraceStore';
import styles from './TraceView.module.css';
import { TraceView } from './TraceView';

export function TraceOverlay({ children }: { children: ReactNode }) {
  const path = useTraceStore((s) => s.openPath);
  return (
    <div className={styles.host}>
      <div className={styles.under} inert={path !== null}>
        {children}
      </div>
      {path !== null && (
        <div className={styles.overlay}>
          <TraceView key={path} path={path} />
        </div>
      )}
    </div>
  );
}
