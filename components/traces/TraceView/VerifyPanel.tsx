/**
 * The outcome of Verify under the trace's header: "Verified: …" or every problem, span by
 * span, each span a link that selects it (the timeline marks those spans too).
 */
import { IconButton } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { formatCount } from '../traceFormat';
import { groupProblems, verifyHeadline } from '../verifyView';
import styles from './TraceView.module.css';
import type { TraceChecks } from './useTraceChecks';

/** A badly tampered trace can have a problem per span; the first ones say enough. */
const MAX_GROUPS = 200;

export function VerifyPanel({ check, spanCount, spanOf, nameOf, onSelect }: { check: TraceChecks['verify']; spanCount: number; spanOf(id: string): number | undefined; nameOf(index: number): string; onSelect(index: number): void }) {
  if (check.startedAt === null) return null;
  if (check.pending || (!check.result && !check.error)) {
    return (
      <div className={styles.check} role="status">
        <ProgressBar percent={null} label="Verifying" />
        <span>Verifying {formatCount(spanCount)} spans: ids, causal links, root hash…</span>
      </div>
    );
  }
  if (check.error) {
    return (
      <div className={`${styles.check} ${styles.checkFailed}`} role="alert">
        <div className={styles.checkHead}>
          <Icon name="alert" size={14} />
          <span>Verification could not run: {check.error.message}</span>
          <div className={styles.spacer} />
          <IconButton icon="x" size="sm" label="Dismiss verification" onClick={check.dismiss} />
        </div>
      </div>
    );
  }
  const result = check.result!;
  const groups = groupProblems(result);
  return (
    <div className={`${styles.check} ${result.ok ? styles.checkOk : styles.checkFailed}`} data-verify={result.ok ? 'ok' : 'failed'} role="status">
      <div className={styles.checkHead}>
        <Icon name={result.ok ? 'check' : 'alert'} size={14} />
        <strong>{verifyHeadline(result)}</strong>
        <div className={styles.spacer} />
        <IconButton icon="x" size="sm" label="Dismiss verification" onClick={check.dismiss} />
      </div>
      {!result.ok && (
        <ul className={styles.problems}>
          {groups.slice(0, MAX_GROUPS).map((g) => {
            const index = g.spanId === null ? undefined : spanOf(g.spanId);
            return (
              <li key={g.spanId ?? 'trace'} data-problem-span={g.spanId ?? undefined}>
                {index !== undefined ? (
                  <button type="button" className={styles.problemSpan} onClick={() => onSelect(index)} title="Select this span">
                    {nameOf(index)}
                  </button>
                ) : (
                  <span className={styles.problemWhole}>{g.spanId === null ? 'The whole trace' : `Span ${g.spanId.slice(0, 12)}`}</span>
                )}
                <ul>
                  {g.problems.map((p, i) => (
                    <li key={i}>
                      <code>{p.code}</code> {p.message}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
          {groups.length > MAX_GROUPS && <li className={styles.more}>…and problems in {formatCount(groups.length - MAX_GROUPS)} more spans.</li>}
        </ul>
      )}
    </div>
  );
}
