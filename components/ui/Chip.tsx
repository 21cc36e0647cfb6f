import type { ReactNode } from 'react';
import { cx } from './Button';
import styles from './Chip.module.css';

/** A toggle chip (`aria-pressed`), for filters. */
export function Chip({ pressed, onToggle, title, children }: { pressed: boolean; onToggle(): void; title?: string; children: ReactNode }) {
  return (
    <button type="button" aria-pressed={pressed} title={title} className={cx(styles.chip, pressed && styles.on)} onClick={onToggle}>
      {children}
    </button>
  );
}
