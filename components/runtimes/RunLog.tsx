/**
 * What the run printed, as it prints it: stdout in the text colour, stderr in the warning colour.
 * It follows new output unless the person scrolled up to read.
 */
import { useRef } from 'react';
import { useStickToBottom } from '@/components/events/useStickToBottom';
import styles from './RunPanel.module.css';
import type { RunRecord } from './useRunStore';

export function RunLog({ run }: { run: RunRecord }) {
  const ref = useRef<HTMLPreElement>(null);
  const { onScroll } = useStickToBottom(ref, run.log);
  const empty = run.log.length === 0;
  return (
    <pre ref={ref} className={styles.log} role="log" aria-label="Output" tabIndex={0} onScroll={onScroll} data-empty={empty || undefined}>
      {run.dropped > 0 && <span className={styles.logNote}>… {run.dropped.toLocaleString('en')} earlier characters not kept{'\n'}</span>}
      {empty ? (
        <span className={styles.logNote}>Nothing printed yet.</span>
      ) : (
        run.log.map((chunk, i) => (
          <span key={i} data-stream={chunk.stream} className={chunk.stream === 'stderr' ? styles.stderr : undefined}>
            {chunk.text}
          </span>
        ))
      )}
    </pre>
  );
}
