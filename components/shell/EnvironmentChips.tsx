'use client';

import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Icon } from '@/components/ui/Icon';
import type { KernelEnvironment, RuntimeInfo } from '@/lib/kernel/protocol';
import styles from './EnvironmentChips.module.css';

const FEATURES: readonly { key: keyof Omit<KernelEnvironment, 'userAgent'>; label: string; why: string }[] = [
  { key: 'crossOriginIsolated', label: 'Cross-origin isolated', why: 'needed for Python interrupts and threaded WebAssembly' },
  { key: 'webAssembly', label: 'WebAssembly', why: 'runs Python (Pyodide) and circuit simulation' },
  { key: 'webGpu', label: 'WebGPU', why: 'fast tensor work; without it Weft falls back to WebGL or the CPU' },
  { key: 'sharedArrayBuffer', label: 'SharedArrayBuffer', why: 'lets the kernel interrupt a running runtime' },
];

const EMPTY: readonly RuntimeInfo[] = [];

/** What the kernel found about this browser, and which runtimes are installed. */
export function EnvironmentChips() {
  const environment = useKernelStore((s) => (s.status.state === 'ready' ? s.status.info.environment : null));
  const runtimes = useKernelStore((s) => (s.status.state === 'ready' ? s.status.info.runtimes : EMPTY));
  if (!environment) return null;
  return (
    <div className={styles.row}>
      <ul className={styles.chips} aria-label="Browser capabilities">
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
      {runtimes.length === 0 ? (
        <span className={styles.muted} title="Runtimes (Python, JavaScript, tensor, 3D, circuits) are added in later releases">
          No runtimes installed yet
        </span>
      ) : (
        <ul className={styles.chips} aria-label="Runtimes">
          {runtimes.map((runtime) => (
            <li key={runtime.name} className={styles.chip} data-ok={runtime.state !== 'failed'} title={runtime.detail ?? runtime.state}>
              {runtime.name}
              <span className={styles.runtimeState}>{runtime.state}</span>
            </li>
          ))}
        </ul>
      )}
      <span className={styles.divider} aria-hidden="true" />
    </div>
  );
}
