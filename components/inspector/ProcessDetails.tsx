'use client';

import type { ReactNode } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { LiveAge, LiveWait } from '@/components/processes/LiveDuration';
import { RefusedCalls } from '@/components/processes/RefusedCalls';
import { StateBadge } from '@/components/processes/StateBadge';
import { TokenMeter } from '@/components/processes/TokenMeter';
import { formatBytes } from '@/components/previews/shared/formatValue';
import { formatTokens, tokenUse } from '@/components/processes/tokenUse';
import { Badge } from '@/components/ui/Badge';
import { IconButton } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { formatMs } from '@/components/ui/format';
import type { Pid } from '@/lib/core';
import type { Budget } from '@/lib/kernel/protocol';
import styles from './Inspector.module.css';

/** Everything the kernel reports about one process: what it runs, what it may spend, what it was refused. */
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
  const tokens = tokenUse(p.budget.tokens);
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
        {p.note && <p className={styles.note}>{p.note}</p>}
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
        <Field label="Waited">
          <LiveWait waitMs={p.waitMs} seenAt={p.seenAt} growing={p.state === 'READY' || p.state === 'BLOCKED'} />
        </Field>
      </dl>

      <Section title="Token budget">
        {tokens.percent !== null && (
          <div className={styles.meter} title={tokens.summary}>
            <TokenMeter use={tokens} />
          </div>
        )}
        <dl className={styles.fields}>
          <Field label="Allocated">{tokens.allocated ?? 'no limit'}</Field>
          <Field label="Used">{tokens.used}</Field>
          <Field label="Remaining">{tokens.remaining ?? 'no limit'}</Field>
          <Field label="CPU budget">{budget(p.budget.cpuMs, formatMs)}</Field>
        </dl>
      </Section>

      <Section title="Energy">
        <dl className={styles.fields}>
          <Field label="Tokens in">{formatTokens(p.energy.tokensIn)}</Field>
          <Field label="Tokens out">{formatTokens(p.energy.tokensOut)}</Field>
          <Field label="CPU">{formatMs(p.energy.cpuMs)}</Field>
          <Field label="Bytes">{formatBytes(p.energy.bytes)}</Field>
        </dl>
      </Section>

      <Section title="Capabilities">
        {p.permissions.length === 0 ? (
          <p className={styles.muted}>None: it may make no call that needs one.</p>
        ) : (
          <ul className={styles.chips}>
            {p.permissions.map((permission) => (
              <li key={permission}>
                <Badge mono>{permission}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Refused calls" count={p.denials.length}>
        <RefusedCalls denials={p.denials} />
      </Section>
    </div>
  );
}

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section className={styles.section}>
      <div className={styles.sectionHead}>
        <h4 className={styles.sectionTitle}>{title}</h4>
        {count !== undefined && count > 0 && <Badge tone="danger">{count}</Badge>}
      </div>
      {children}
    </section>
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
