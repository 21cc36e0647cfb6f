'use client';

/**
 * One chip per runtime in the header, live from `runtime.status` events: muted until it loads,
 * a progress bar while it loads, a check when ready, danger (reason in the tooltip) when it failed.
 * The tensor chip also opens the backend menu.
 */
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Icon } from '@/components/ui/Icon';
import { type RuntimeChipView, runtimeChip } from './runtimeChip';
import styles from './RuntimeChips.module.css';
import { TensorBackendMenu } from './TensorBackendMenu';
import { useTensorBackend } from './useTensorBackend';

export function RuntimeChips() {
  const runtimes = useKernelStore((s) => s.runtimes);
  const choice = useTensorBackend((s) => s.choice);
  if (runtimes.length === 0) {
    return <span className={styles.none}>No runtimes</span>;
  }
  return (
    <ul className={styles.chips} aria-label="Runtimes">
      {runtimes.map((status) => {
        const view = runtimeChip(status, choice);
        return (
          <li key={status.kind} className={styles.item} data-runtime={status.kind} data-state={status.state}>
            {status.kind === 'tensor' ? (
              <TensorBackendMenu view={view} className={styles.chip}>
                <ChipContent view={view} />
              </TensorBackendMenu>
            ) : (
              <span className={styles.chip} title={view.title}>
                <ChipContent view={view} />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One runtime's chip, not interactive (the Run tab shows its runtime with it). */
export function RuntimeChip({ view, kind }: { view: RuntimeChipView; kind: string }) {
  return (
    <span className={styles.item} data-runtime={kind} data-state={view.state}>
      <span className={styles.chip} title={view.title}>
        <ChipContent view={view} />
      </span>
    </span>
  );
}

function ChipContent({ view }: { view: RuntimeChipView }) {
  return (
    <>
      {view.state === 'failed' && <Icon name="alert" size={12} />}
      <span className={styles.label}>{view.label}</span>
      {view.state === 'ready' && <Icon name="check" size={12} className={styles.check} />}
      {view.state === 'ready' && <span className="visually-hidden"> ready</span>}
      {view.state === 'failed' && <span className="visually-hidden"> failed to load</span>}
      {view.progress !== null && (
        <span className={styles.bar} aria-hidden="true">
          <span className={styles.fill} style={{ width: `${Math.round(view.progress * 100)}%` }} />
        </span>
      )}
    </>
  );
}
