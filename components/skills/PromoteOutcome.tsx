import { Icon } from '@/components/ui/Icon';
import { syncSummary } from '@/components/volumes/syncSummary';
import type { WeftError } from '@/lib/core';
import type { PromoteResult, VolumeId } from '@/lib/volumes';
import styles from './PromoteOutcome.module.css';
import { notPushedLine, promotedLine } from './promoteForm';

/** What a promotion did: the commit in the team volume, and whether (and how) it was pushed. */
export function PromoteOutcome({ name, team, result, notPushed }: { name: string; team: VolumeId; result: PromoteResult; notPushed?: WeftError }) {
  const conflicts = result.sync?.conflicts ?? [];
  return (
    <div className={styles.outcome} role="status" data-promoted={team}>
      <p className={styles.outcomeLine}>
        <Icon name="check" size={14} className={styles.ok} />
        <span>{promotedLine(name, team, result)}</span>
      </p>
      <p className={styles.outcomeLine}>
        <Icon name={result.sync ? (conflicts.length ? 'alert' : 'check') : notPushed ? 'alert' : 'minus'} size={14} className={result.sync ? (conflicts.length ? styles.warn : styles.ok) : notPushed ? styles.warn : styles.faint} />
        {notPushed ? (
          <span data-pushed="false">{notPushedLine(team, notPushed)}</span>
        ) : result.sync ? (
          <span>Synced with the team’s remote: {lowerFirst(syncSummary(result.sync))}.</span>
        ) : (
          <span>Not pushed: {team} has no remote yet. Set one in the Volumes panel, then sync to share it.</span>
        )}
      </p>
      {conflicts.length > 0 && (
        <ul className={styles.outcomeConflicts}>
          {conflicts.map((c) => (
            <li key={c.path}>
              <code>{c.path}</code> — {c.kind === 'both-changed' ? 'changed on both sides; both versions kept' : c.kind === 'deleted-here' ? 'deleted here, changed there' : 'deleted there, changed here'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
