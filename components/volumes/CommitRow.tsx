import { memo, type MouseEvent } from 'react';
import { cx } from '@/components/ui/Button';
import { Badge } from '@/components/ui/Badge';
import type { CommitInfo, LogEntry } from '@/lib/volumes';
import { fullTime, relativeTime, shortSha } from './relativeTime';
import styles from './History.module.css';

const MERGED_IN = 'Made elsewhere (a teammate, another device) and brought in by a sync merge';

/**
 * One history entry: message, author, when, short sha. A toggle: pressed while it is selected
 * for the diff. A merge is marked; a commit that came in through a merge sits on a second lane.
 */
export const CommitRow = memo(function CommitRow({
  commit: c,
  now,
  selected,
  onSelect,
}: {
  commit: LogEntry;
  now: number;
  selected: boolean;
  onSelect(commit: CommitInfo, add: boolean): void;
}) {
  const [subject] = c.message.split('\n');
  const merge = c.parents.length > 1;
  const mergedIn = !c.mainline;
  const click = (e: MouseEvent) => onSelect(c, e.shiftKey || e.metaKey || e.ctrlKey);
  const note = mergedIn ? `\n${MERGED_IN}` : merge ? `\nMerge of ${c.parents.length} lines: diffs show what it brought in` : '';
  return (
    <li className={cx(styles.row, selected && styles.selected, mergedIn && styles.mergedIn, merge && styles.merge)} data-commit={c.oid} data-lane={mergedIn ? 'merged-in' : 'main'}>
      <button type="button" className={styles.rowButton} aria-pressed={selected} onClick={click} title={`${c.message.trim()}\n\n${c.author.name} <${c.author.email}>\n${fullTime(c.at)}\n${c.oid}${note}`}>
        <span className={styles.dot} aria-hidden="true" />
        <span className={styles.rowMain}>
          <span className={styles.message}>{subject}</span>
          <span className={styles.byline}>
            {merge && <Badge tone="info" outline className={styles.mark}>merge</Badge>}
            {mergedIn && <Badge tone="violet" outline className={styles.mark} title={MERGED_IN}>merged in</Badge>}
            {c.author.name} · <time dateTime={new Date(c.at).toISOString()}>{relativeTime(c.at, now)}</time>
          </span>
        </span>
        <span className={styles.sha}>{shortSha(c.oid)}</span>
      </button>
    </li>
  );
});
