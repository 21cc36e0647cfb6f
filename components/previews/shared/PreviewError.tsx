import type { ReactNode } from 'react';
import { Icon } from '@/components/ui/Icon';
import styles from './Preview.module.css';

/** What went wrong with one output, in place of its preview; the rest of the page carries on. */
export function PreviewError({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={styles.error} role="alert">
      <Icon name="alert" size={14} className={styles.errorIcon} />
      <div className={styles.errorText}>
        <p className={styles.errorTitle}>{title}</p>
        {children && <div className={styles.errorBody}>{children}</div>}
      </div>
    </div>
  );
}

/** A quiet line while a renderer loads. */
export function PreviewLoading({ children }: { children: ReactNode }) {
  return (
    <p className={styles.loading} role="status">
      {children}
    </p>
  );
}
