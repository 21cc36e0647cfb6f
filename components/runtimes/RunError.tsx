/**
 * Why a run did not finish: its error code as a badge, the message (which says what to do),
 * where in the code it happened, and the Python traceback or JavaScript stack, folded away.
 * A stopped run says so in the warning colour rather than as a failure.
 */
import { Badge } from '@/components/ui/Badge';
import { Icon } from '@/components/ui/Icon';
import type { WeftErrorData } from '@/lib/core';
import { errorLocation, errorTrace } from './runFacts';
import styles from './RunPanel.module.css';

export function RunError({ error, codeLine, stopped }: { error: WeftErrorData; codeLine: number | null; stopped: boolean }) {
  const location = errorLocation(error, codeLine);
  const trace = errorTrace(error);
  return (
    <div className={styles.error} data-stopped={stopped || undefined} role="alert" data-run-error={error.code}>
      <div className={styles.errorHead}>
        <Icon name={stopped ? 'stop' : 'alert'} size={14} />
        <Badge tone={stopped ? 'warn' : 'danger'} mono>
          {error.code}
        </Badge>
        {location && <span className={styles.errorWhere}>at {location}</span>}
      </div>
      <p className={styles.errorMessage}>{error.message}</p>
      {trace && (
        <details className={styles.trace}>
          <summary>{trace.label}</summary>
          <pre tabIndex={0}>{trace.text}</pre>
        </details>
      )}
    </div>
  );
}
