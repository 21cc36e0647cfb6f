'use client';

import { useKernelStore } from '@/components/kernel/useKernelStore';
import { RuntimeChips } from '@/components/runtimes/RuntimeChips';
import { Icon } from '@/components/ui/Icon';
import type { KernelEnvironment } from '@/lib/kernel/protocol';
import styles from './EnvironmentChips.module.css';

const FEATURES: readonly { key: keyof Omit<KernelEnvironment, 'userAgent'>; label: string; why: string }[] = [
  { key: 'crossOriginIsolated', label: 'Cross-origin isolated', why: 'needed for Python interrupts and threaded WebAssembly' },
  { key: 'webAssembly', label: 'WebAssembly', why: 'runs Python (Pyodide) and circuit simulation' },
  { key: 'webGpu', label: 'WebGPU', why: 'fast tensor work; without it Weft falls back to WebGL or the CPU' },
  { key: 'sharedArrayBuffer', label: 'SharedArrayBuffer', why: 'lets the kernel interrupt a running runtime' },
];

/** What the kernel found about this browser, and how each runtime stands (live). */
export function EnvironmentChips() {
  const environment = useKernelStore((s) => (s.status.state === 'ready' ? s.status.info.environment : null));
  if (!environment) return null;
  const missing = FEATURES.filter(({ key }) => !environment[key]);
  const summary = FEATURES.map(({ key, label, why }) => `${environment[key] ? '✓' : '✗'} ${label}: ${why}`).join('\n');
  return (
    <div className={styles.row}>
      {/* Narrower windows get one chip for all four, so the runtimes keep their room. */}
      <span className={styles.summary} data-ok={missing.length === 0} title={summary}>
        <Icon name={missing.length === 0 ? 'check' : 'x'} size={12} />
        {missing.length === 0 ? 'Browser' : `Browser: ${missing.length} missing`}
      </span>
      <ul className={`${styles.chips} ${styles.features}`} aria-label="Browser capabilities">
        {FEATURES.map(({ key, label, why }) => {
          const ok = environment[key];
          return (
            <li
              key={key}
              className={styles.chip}
              data-ok={ok}
              aria-label={`${label}: ${ok ? 'available' : 'not available'}`}
              title={`${label}: ${ok ? 'available' : 'not available'} — ${why}`}
            >
              <Icon name={ok ? 'check' : 'x'} size={12} />
              {label}
            </li>
          );
        })}
      </ul>
      <span className={styles.divider} aria-hidden="true" />
      <RuntimeChips />
      <span className={styles.divider} aria-hidden="true" />
    </div>
  );
}
