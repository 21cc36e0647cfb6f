/** One trace in the Traces list: a button over the whole row that opens it over the canvas. */
import type { CSSProperties } from 'react';
import { cx } from '@/components/ui/Button';
import { formatMs } from '@/components/ui/format';
import type { TraceEntry } from '@/lib/kernel/protocol';
import { StatusBadge, TRACE_KIND_WORDS, TraceKindBadge } from '../TraceBadges';
import { formatCount, formatStart } from '../traceFormat';
import styles from './TracesPanel.module.css';

export function TraceRow({ entry, now, current, onOpen, style }: { entry: TraceEntry; now: number; current: boolean; onOpen(entry: TraceEntry): void; style?: CSSProperties }) {
  const { tokensIn, tokensOut } = entry.energy;
  const tokens = tokensIn + tokensOut;
  return (
    <div role="listitem" data-trace-path={entry.path} aria-current={current || undefined} className={cx(styles.item, current && styles.current)} style={style}>
      <button type="button" className={cx(styles.grid, styles.rowButton)} onClick={() => onOpen(entry)} title={`Open this ${TRACE_KIND_WORDS[entry.kind]} (${entry.path})`}>
        <span>
          <TraceKindBadge kind={entry.kind} />
        </span>
        <span className={styles.name}>{entry.name}</span>
        <span>
          <StatusBadge status={entry.status} />
        </span>
        <span className={styles.num}>{formatStart(entry.start, now)}</span>
        <span className={styles.num}>{formatMs(entry.durationMs)}</span>
        <span className={styles.num}>{formatCount(entry.spans)}</span>
        <span className={styles.num} title={`${formatCount(tokensIn)} tokens in, ${formatCount(tokensOut)} out`}>
          {tokens > 0 ? `${formatCount(tokensIn)} / ${formatCount(tokensOut)}` : '—'}
        </span>
        <span className={styles.num}>{entry.cacheHits > 0 ? formatCount(entry.cacheHits) : '—'}</span>
        <span className={styles.skills} title={entry.skills.join(', ')}>
          {entry.skills.join(', ')}
        </span>
      </button>
    </div>
  );
}

/** The column heads above the rows (decorative: each row's cells read in order). */
export function TraceColumns() {
  return (
    <div className={cx(styles.grid, styles.columns)} aria-hidden="true">
      <span>Kind</span>
      <span>Name</span>
      <span>Status</span>
      <span className={styles.num}>Started</span>
      <span className={styles.num}>Duration</span>
      <span className={styles.num}>Spans</span>
      <span className={styles.num}>Tokens in / out</span>
      <span className={styles.num}>Cache</span>
      <span>Skills</span>
    </div>
  );
}
