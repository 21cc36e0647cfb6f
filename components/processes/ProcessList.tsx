'use client';

/**
 * The process table, like `top`: every process the kernel runs, live. Rows come from the
 * kernel store (a `proc.list` on ready, then `proc.state` events); actions are syscalls.
 */
import { useCallback, useMemo, useState } from 'react';
import { useSelection } from '@/components/inspector/useSelection';
import { type TrackedProcess, useKernelStore } from '@/components/kernel/useKernelStore';
import { IconButton } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { Icon } from '@/components/ui/Icon';
import styles from './ProcessList.module.css';
import { AddBudgetDialog } from './AddBudgetDialog';
import { ProcessRow } from './ProcessRow';
import { useProcessActions } from './useProcessActions';
import { useProcessView } from './useProcessView';
import type { Pid } from '@/lib/core';

/** Column titles and widths (fixed layout: the command column takes what is left). */
const COLUMNS: readonly { title: string; width?: string; numeric?: boolean; hidden?: boolean }[] = [
  { title: 'PID', width: '64px', numeric: true },
  { title: 'Name', width: '15%' },
  { title: 'Kind', width: '84px' },
  { title: 'State', width: '22%' },
  { title: 'Priority', width: '96px' },
  { title: 'Age', width: '76px', numeric: true },
  { title: 'CPU', width: '84px', numeric: true },
  { title: 'Wait', width: '84px', numeric: true },
  { title: 'Tokens', width: '124px', numeric: true },
  { title: 'Command' },
  { title: 'Actions', width: '104px', hidden: true },
];

export function ProcessList() {
  const kernelState = useKernelStore((s) => s.status.state);
  const processes = useKernelStore((s) => s.processes);
  const showFinished = useProcessView((s) => s.showFinished);
  const setShowFinished = useProcessView((s) => s.setShowFinished);
  const { actions, error, dismiss } = useProcessActions();
  const selectedPid = useSelection((s) => (s.selection?.kind === 'process' ? s.selection.pid : null));
  const select = useSelection((s) => s.select);
  const onSelect = useCallback((pid: Pid) => select({ kind: 'process', pid }), [select]);
  // Which process the add-budget form is open for (ephemeral).
  const [budgetFor, setBudgetFor] = useState<Pid | null>(null);

  const { rows, live, finished } = useMemo(() => split(processes, showFinished), [processes, showFinished]);

  if (kernelState !== 'ready' && processes.size === 0) {
    return (
      <EmptyState icon="list" title={kernelState === 'dead' ? 'The kernel is not running' : 'Waiting for the kernel…'} compact>
        {kernelState === 'dead' ? 'Restart the kernel to see its processes.' : 'Its processes will be listed here once it has started.'}
      </EmptyState>
    );
  }

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <span className={styles.summary}>
          {live} {live === 1 ? 'process' : 'processes'}
          {finished > 0 && ` · ${finished} finished`}
        </span>
        <label className={styles.toggle}>
          <input type="checkbox" checked={showFinished} onChange={(e) => setShowFinished(e.target.checked)} />
          Show finished
        </label>
      </div>
      <div className={styles.scroll}>
        <table className={styles.table} aria-label="Processes">
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.title} style={c.width ? { width: c.width } : undefined} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.title} scope="col" className={c.numeric ? styles.num : undefined}>
                  {c.hidden ? <span className="visually-hidden">{c.title}</span> : c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <ProcessRow
                key={p.pid}
                process={p}
                actions={actions}
                selected={p.pid === selectedPid}
                onSelect={onSelect}
                onAddBudget={setBudgetFor}
              />
            ))}
          </tbody>
        </table>
        {live <= 1 && (
          <p className={styles.hint}>
            Only the kernel is running. Workflows, agents and enzymes will appear here as they run; to try the controls now, start
            a process from the console: <code>weft.spawn({'{'} type: &apos;sleep&apos;, ms: 60000 {'}'})</code>
          </p>
        )}
      </div>
      {error && (
        <div role="alert" className={styles.error} key={error.id}>
          <Icon name="alert" size={14} />
          <span className={styles.errorCode}>{error.code}</span>
          <span className={styles.errorMessage}>{error.message}</span>
          <IconButton icon="x" size="sm" label="Dismiss error" onClick={dismiss} />
        </div>
      )}
      {budgetFor !== null && <AddBudgetDialog pid={budgetFor} onAdd={actions.addBudget} onClose={() => setBudgetFor(null)} />}
    </div>
  );
}

function split(processes: ReadonlyMap<unknown, TrackedProcess>, showFinished: boolean) {
  const all = [...processes.values()].sort((a, b) => a.pid - b.pid);
  const finished = all.filter((p) => p.state === 'TERMINATED').length;
  return { rows: showFinished ? all : all.filter((p) => p.state !== 'TERMINATED'), live: all.length - finished, finished };
}
