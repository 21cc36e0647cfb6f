/** A thin progress bar: `percent` 0–100, or null for "working, amount unknown" (a sliding fill). */
import styles from './ProgressBar.module.css';

export function ProgressBar({ percent, label }: { percent: number | null; label: string }) {
  return (
    <div
      className={styles.bar}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      data-indeterminate={percent === null || undefined}
    >
      <div className={styles.barFill} style={percent === null ? undefined : { width: `${Math.min(100, Math.max(0, percent))}%` }} />
    </div>
  );
}
