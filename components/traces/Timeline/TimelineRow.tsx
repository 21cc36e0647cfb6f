/**
 * One span of the timeline: its name (indented by causal depth, pinned while the chart scrolls
 * sideways) and its bar on the time axis. Everything it shows was computed with the layout, so
 * a row costs a few style values, and rows whose props did not change skip rendering.
 */
import { memo } from 'react';
import { cx } from '@/components/ui/Button';
import { formatMs } from '@/components/ui/format';
import type { Span } from '@/lib/spans';
import type { TimelineRow as Row } from '../timelineLayout';
import { NAME_WIDTH } from '../timelineZoom';
import styles from './Timeline.module.css';

export const ROW_HEIGHT = 22;
const MIN_BAR = 2;
const MAX_INDENT = 16;

export interface TimelineRowProps {
  readonly id: string;
  readonly span: Span;
  readonly row: Row;
  readonly y: number;
  readonly pxPerMs: number;
  readonly critical: boolean;
  readonly tampered: boolean;
  readonly selected: boolean;
  onSelect(spanIndex: number): void;
}

export const TimelineRow = memo(function TimelineRow({ id, span, row, y, pxPerMs, critical, tampered, selected, onSelect }: TimelineRowProps) {
  const left = NAME_WIDTH + row.offset * pxPerMs;
  const width = Math.max(MIN_BAR, row.duration * pxPerMs);
  const duration = formatMs(row.duration);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      data-span-id={span.id}
      data-kind={span.kind}
      data-status={span.status}
      data-critical={critical ? 'true' : undefined}
      data-tampered={tampered ? 'true' : undefined}
      className={cx(styles.row, selected && styles.selected)}
      style={{ transform: `translateY(${y}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(row.span)}
    >
      <div className={styles.label} style={{ paddingLeft: 10 + Math.min(row.depth, MAX_INDENT) * 12 }} title={`${span.kind} · ${span.name}`}>
        <span className={styles.kindDot} aria-hidden="true" />
        <span className={styles.name}>{span.name}</span>
        {span.status !== 'ok' && <span className={styles.status}>{span.status}</span>}
        {critical && <span className="visually-hidden">, on the critical path</span>}
        {tampered && <span className="visually-hidden">, failed verification</span>}
      </div>
      <div className={styles.bar} style={{ left, width }} title={`${span.name}: ${duration}${critical ? ' (critical path)' : ''}`} />
      <span className={styles.duration} style={{ left: left + width + 6 }}>
        {duration}
      </span>
    </div>
  );
});
