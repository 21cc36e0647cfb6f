import type { ReactNode } from 'react';
import styles from './Badge.module.css';
import { cx } from './Button';

export type Tone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger' | 'info' | 'violet';

/** A small label: a state, a type, a count. */
export function Badge({
  tone = 'neutral',
  mono = false,
  outline = false,
  className,
  title,
  children,
}: {
  tone?: Tone;
  mono?: boolean;
  /** Quieter: a border instead of a filled background. */
  outline?: boolean;
  className?: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <span className={cx(styles.badge, styles[tone], mono && styles.mono, outline && styles.outline, className)} title={title}>
      {children}
    </span>
  );
}
