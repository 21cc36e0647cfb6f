'use client';

/**
 * The outcome of Replay under the trace's header: progress while the workflow re-runs, then the
 * summary ("verified replay: 3/3 identical") and each node's result. Nondeterministic nodes are
 * marked as such, not as failures. When skills changed since the run, it says which and offers
 * to replay with the versions the trace recorded.
 */
import { useNow } from '@/components/processes/useNow';
import { Badge } from '@/components/ui/Badge';
import { Button, IconButton } from '@/components/ui/Button';
import { formatAge } from '@/components/ui/format';
import { Icon } from '@/components/ui/Icon';
import { ProgressBar } from '@/components/ui/ProgressBar';
import type { ReplayReport } from '@/lib/kernel/protocol';
import { REPLAY_STATUS, replayVerified, skillChangesText } from '../replayView';
import { shortHash } from '../traceFormat';
import styles from './TraceView.module.css';
import type { TraceChecks } from './useTraceChecks';

export function ReplayPanel({ check, nodeCount, spanOfNode, onSelect }: { check: TraceChecks['replay']; nodeCount: number; spanOfNode(nodeId: string): number | undefined; onSelect(index: number): void }) {
  if (check.startedAt === null) return null;
  if (check.pending || (!check.result && !check.error)) {
    return (
      <div className={styles.check} role="status" data-replay="running">
        <ProgressBar percent={null} label="Replaying" />
        <span>
          Replaying {nodeCount} {nodeCount === 1 ? 'node' : 'nodes'} with the same params and seeds, nothing from the cache
          {check.recorded ? ', with the recorded skill versions' : ''}… <Elapsed since={check.startedAt} />
        </span>
      </div>
    );
  }
  if (check.error) {
    return (
      <div className={`${styles.check} ${styles.checkFailed}`} role="alert" data-replay="error">
        <div className={styles.checkHead}>
          <Icon name="alert" size={14} />
          <span>The replay could not run: {check.error.message}</span>
          <div className={styles.spacer} />
          <IconButton icon="x" size="sm" label="Dismiss replay" onClick={check.dismiss} />
        </div>
      </div>
    );
  }
  const report = check.result!;
  const ok = replayVerified(report);
  return (
    <div className={`${styles.check} ${ok ? styles.checkOk : styles.checkFailed}`} role="status" data-replay={ok ? 'ok' : 'differs'}>
      <div className={styles.checkHead}>
        <Icon name={ok ? 'check' : 'alert'} size={14} />
        <strong data-replay-summary="">{report.summary}</strong>
        {report.status !== 'ok' && <Badge tone={report.status === 'error' ? 'danger' : 'warn'}>{`replay ${report.status}`}</Badge>}
        <div className={styles.spacer} />
        <IconButton icon="x" size="sm" label="Dismiss replay" onClick={check.dismiss} />
      </div>
      {check.recorded && <p className={styles.checkNote}>Replayed with the skill versions this trace recorded.</p>}
      {report.skillChanges.length > 0 && (
        <div className={styles.skillChanges}>
          <span>
            {skillChangesText(report.skillChanges)} {check.recorded ? '' : 'Differences may come from the new versions.'}
          </span>
          {!check.recorded && (
            <Button size="sm" icon="history" onClick={() => check.run(true)}>
              Replay with the recorded versions
            </Button>
          )}
        </div>
      )}
      <ReplayNodes report={report} spanOfNode={spanOfNode} onSelect={onSelect} />
      <p className={styles.checkNote}>The replay is a run of its own; its trace is in the list (run {report.runId}).</p>
    </div>
  );
}

function ReplayNodes({ report, spanOfNode, onSelect }: { report: ReplayReport; spanOfNode(nodeId: string): number | undefined; onSelect(index: number): void }) {
  if (report.nodes.length === 0) return null;
  return (
    <div className={styles.replayScroll}>
      <table className={styles.replayTable}>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Skill</th>
            <th scope="col">Result</th>
            <th scope="col">Why</th>
            <th scope="col">Recorded → replayed output</th>
          </tr>
        </thead>
        <tbody>
          {report.nodes.map((n) => {
            const span = spanOfNode(n.nodeId);
            const status = REPLAY_STATUS[n.status];
            return (
              <tr key={n.nodeId} data-replay-node={n.nodeId} data-replay-status={n.status}>
                <td>
                  {span === undefined ? (
                    n.nodeId
                  ) : (
                    <button type="button" className={styles.problemSpan} onClick={() => onSelect(span)} title="Select this node's span">
                      {n.nodeId}
                    </button>
                  )}
                </td>
                <td className={styles.mono}>{n.skill}</td>
                <td>
                  <Badge tone={status.tone} title={status.meaning}>
                    {n.status}
                  </Badge>
                </td>
                <td>{n.reason ?? status.meaning}</td>
                <td className={styles.mono} title={`${n.recordedHash ?? 'none'} → ${n.replayHash ?? 'none'}`}>
                  {shortHash(n.recordedHash, 8)} → {shortHash(n.replayHash, 8)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Elapsed({ since }: { since: number }) {
  const now = useNow();
  return <span className={styles.elapsed}>{now > since ? formatAge(now - since) : '0s'}</span>;
}
