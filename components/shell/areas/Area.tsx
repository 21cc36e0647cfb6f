import type { ReactNode } from 'react';
import { cx } from '@/components/ui/Button';
import styles from './Area.module.css';

/** One region of the workbench: a slim header row and a body that fills the rest. */
export function Area({ label, header, bodyClassName, children }: { label: string; header: ReactNode; bodyClassName?: string; children: ReactNode }) {
  return (
    <section aria-label={label} className={styles.area}>
      <div className={styles.header}>{header}</div>
      <div className={cx(styles.body, bodyClassName)}>{children}</div>
    </section>
  );
}

/** A plain area title, for areas without tabs. */
export function AreaTitle({ children }: { children: ReactNode }) {
  return <h2 className={styles.title}>{children}</h2>;
}
