import { memo, type MouseEvent } from 'react';
import { cx } from '@/components/ui/Button';
import type { CommitInfo } from '@/lib/volumes';
import { fullTime, relativeTime, shortSha } from './relativeTime';
import styles from './History.module.css';

/** One history entry: message, author, when, short sha. A toggle: pressed while it is selected for the diff. */
export const CommitRow = memo(function CommitRow({
  commit: c,
  now,
  selected,
  onSelect,
}: {
  commit: CommitInfo;
  now: number;
  selected: boolean;
  onSelect(commit: CommitInfo, add: boolean): void;
}) {
  const [subject] = c.message.split('\n');
  const click = (e: MouseEvent) => onSelect(c, e.shiftKey || e.metaKey || e.ctrlKey);
  return (
    <li className={cx(styles.row, selected && styles.selected)} data-commit={c.oid}>
      <button type="button" className={styles.rowButton} aria-pressed={selected} onClick={click} title={`${c.message.trim()}\n\n${c.author.name} <${c.author.email}>\n${fullTime(c.at)}\n${c.oid}`}>
        <span className={styles.dot} aria-hidden="true" />
        <span className={styles.rowMain}>
          <span className={styles.message}>{subject}</span>
          <span className={styles.byline}>
            {c.author.name} · <time dateTime={new Date(c.at).toISOString()}>{relativeTime(c.at, now)}</time>
          </span>
        </span>
        <span className={styles.sha}>{shortSha(c.oid)}</span>
      </button>
    </li>
  );
});
