import { memo } from 'react';
import type { TrackedProcess } from '@/components/kernel/useKernelStore';
import { cx, IconButton } from '@/components/ui/Button';
import type { Pid } from '@/lib/core';
import { LiveAge, LiveWait } from './LiveDuration';
import { formatMs } from '@/components/ui/format';
import { PriorityControl } from './PriorityControl';
import styles from './ProcessList.module.css';
import { StateBadge } from './StateBadge';
import { TokenMeter } from './TokenMeter';
import { tokenUse } from './tokenUse';
import { canAddBudget } from './canAddBudget';
import type { ProcessActions } from './useProcessActions';

/** One row of the process table. */
export const ProcessRow = memo(function ProcessRow({
  process: p,
  actions,
  selected,
  onSelect,
  onAddBudget,
}: {
  process: TrackedProcess;
  actions: ProcessActions;
  selected: boolean;
  onSelect(pid: Pid): void;
  /** Opens the add-budget form for this process. */
  onAddBudget(pid: Pid): void;
}) {
  const finished = p.state === 'TERMINATED';
  const kernel = p.protected;
  const locked = finished || kernel;
  const lockedWhy = kernel ? 'The kernel’s own process cannot be suspended, reniced or killed' : undefined;
  const waiting = p.state === 'READY' || p.state === 'BLOCKED';
  const tokens = tokenUse(p.budget.tokens);

  return (
    <tr
      data-pid={p.pid}
      data-state={p.state}
      aria-label={`Process ${p.pid} ${p.name}`}
      className={cx(finished && styles.finished, selected && styles.selected)}
    >
      <td className={styles.num}>{p.pid}</td>
      <td className={styles.name}>
        <button type="button" className={styles.nameButton} aria-pressed={selected} title={`Inspect process ${p.pid}`} onClick={() => onSelect(p.pid)}>
          {p.name}
        </button>
      </td>
      <td className={styles.kind}>{p.kind}</td>
      <td className={cx(p.note && styles.stateWithNote)}>
        <div className={styles.state}>
          <StateBadge state={p.state} />
          {p.exit && (
            <span className={styles.exit} data-status={p.exit.status} title={`${p.exit.status}: ${p.exit.reason}`}>
              {p.exit.status}: {p.exit.reason}
            </span>
          )}
        </div>
        {p.note && (
          <div className={styles.note} data-note={p.note} title={p.note}>
            {p.note}
          </div>
        )}
      </td>
      <td>
        <PriorityControl pid={p.pid} priority={p.priority} locked={locked} lockedWhy={lockedWhy} onChange={actions.setPriority} />
      </td>
      <td className={styles.num}>
        <LiveAge since={p.createdAt} until={p.exit?.at ?? null} />
      </td>
      <td className={styles.num}>{formatMs(p.energy.cpuMs)}</td>
      <td className={styles.num}>
        <LiveWait waitMs={p.waitMs} seenAt={p.seenAt} growing={waiting} />
      </td>
      <td className={styles.num} data-tokens={tokens.key} data-level={tokens.level ?? undefined} title={tokens.summary}>
        <div className={styles.tokens}>
          <span>
            {tokens.used}
            {tokens.allocated === null ? (
              <span className={styles.unlimited}>
                {' / ∞'}
                <span className="visually-hidden"> (no limit)</span>
              </span>
            ) : (
              ` / ${tokens.allocated}`
            )}
          </span>
          <TokenMeter use={tokens} />
        </div>
      </td>
      <td className={styles.command} title={p.command}>
        {p.command}
      </td>
      <td>
        {!finished && (
          <div className={styles.actions} title={lockedWhy}>
            {canAddBudget(p) && (
              <IconButton icon="plus" size="sm" label={`Add budget to process ${p.pid}`} title="Add tokens to its budget" onClick={() => onAddBudget(p.pid)} />
            )}
            {p.state === 'SUSPENDED' ? (
              <IconButton icon="play" size="sm" label={`Resume process ${p.pid}`} disabled={locked} onClick={() => actions.resume(p.pid)} />
            ) : (
              <IconButton icon="pause" size="sm" label={`Suspend process ${p.pid}`} disabled={locked} onClick={() => actions.suspend(p.pid)} />
            )}
            <IconButton icon="stop" size="sm" variant="danger" label={`Kill process ${p.pid}`} disabled={locked} onClick={() => actions.kill(p.pid)} />
          </div>
        )}
      </td>
    </tr>
  );
});
