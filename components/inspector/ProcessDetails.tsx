'use client';

import type { ReactNode } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { LiveAge, LiveWait } from '@/components/processes/LiveDuration';
import { StateBadge } from '@/components/processes/StateBadge';
import { IconButton } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { formatMs } from '@/components/ui/format';
import type { Pid } from '@/lib/core';
import type { Budget } from '@/lib/kernel/protocol';
import styles from './Inspector.module.css';

/** Everything the kernel reports about one process. */
export function ProcessDetails({ pid, onClose }: { pid: Pid; onClose(): void }) {
  const p = useKernelStore((s) => s.processes.get(pid));
  if (!p) {
    return (
      <EmptyState icon="inspect" title={`Process ${pid} is gone`} compact>
        It is no longer in the kernel’s process table (finished processes are dropped after a while, and a restarted kernel
        starts afresh).
      </EmptyState>
    );
  }
  return (
    <div className={styles.details}>
      <div className={styles.head}>
        <div className={styles.titleRow}>
          <h3 className={styles.title}>{p.name}</h3>
          <span className={styles.pid}>pid {p.pid}</span>
          <div className={styles.spacer} />
          <IconButton icon="x" size="sm" label="Close the inspector" onClick={onClose} />
        </div>
        <div className={styles.titleRow}>
          <StateBadge state={p.state} />
          {p.exit && <span className={styles.muted}>{`${p.exit.status}: ${p.exit.reason}`}</span>}
        </div>
      </div>
      <dl className={styles.fields}>
        <Field label="Command" mono>
          {p.command}
        </Field>
        <Field label="Kind">{p.kind}</Field>
        <Field label="Priority">{p.priority}</Field>
        <Field label="Parent">{p.parent === null ? '—' : `pid ${p.parent}`}</Field>
        <Field label="Children">{p.children.length === 0 ? 'none' : p.children.map((c) => `pid ${c}`).join(', ')}</Field>
        <Field label="Started">{new Date(p.createdAt).toLocaleTimeString()}</Field>
        <Field label="Age">
          <LiveAge since={p.createdAt} until={p.exit?.at ?? null} />
        </Field>
        <Field label="CPU">{formatMs(p.energy.cpuMs)}</Field>
        <Field label="Waited">
          <LiveWait waitMs={p.waitMs} seenAt={p.seenAt} growing={p.state === 'READY' || p.state === 'BLOCKED'} />
        </Field>
        <Field label="Tokens">{`${p.energy.tokensIn} in · ${p.energy.tokensOut} out`}</Field>
        <Field label="Bytes">{p.energy.bytes}</Field>
        <Field label="Token budget">{budget(p.budget.tokens, String)}</Field>
        <Field label="CPU budget">{budget(p.budget.cpuMs, formatMs)}</Field>
        <Field label="Permissions">{p.permissions.length === 0 ? 'none' : p.permissions.join(', ')}</Field>
      </dl>
    </div>
  );
}

function Field({ label, mono = false, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={mono ? styles.mono : undefined}>{children}</dd>
    </>
  );
}

function budget(b: Budget, format: (n: number) => string): string {
  return b.allocated === null ? `${format(b.used)} used · unlimited` : `${format(b.used)} of ${format(b.allocated)} used`;
}
