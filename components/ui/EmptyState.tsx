import type { ReactNode } from 'react';
import styles from './EmptyState.module.css';
import { Icon, type IconName } from './Icon';

/** What an empty area will hold, and how to get started. */
export function EmptyState({ icon, title, children, compact = false }: { icon?: IconName; title: string; children?: ReactNode; compact?: boolean }) {
  return (
    <div className={compact ? `${styles.empty} ${styles.compact}` : styles.empty}>
      {icon && (
        <div className={styles.icon}>
          <Icon name={icon} size={compact ? 16 : 20} />
        </div>
      )}
      <p className={styles.title}>{title}</p>
      {children && <div className={styles.body}>{children}</div>}
    </div>
  );
}
