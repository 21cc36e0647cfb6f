/** The process table as `/ps` prints it. */
import { formatAge, formatMs } from '@/components/ui/format';
import type { Budget, Process } from '@/lib/kernel/protocol';
import type { OutputBlock } from './commandOutput';

export const PS_HEAD = ['PID', 'NAME', 'KIND', 'STATE', 'PRI', 'TOKENS', 'WAIT'] as const;

/**
 * One row a process, by pid, with its note (why it waits, why it was suspended) under it.
 * @example psTable([architect]) → rows [{ cells: ['7', 'architect', 'agent', 'THINKING', '10', '1,200/∞', '0 ms'], note: null }]
 */
export function psTable(processes: readonly Process[]): OutputBlock {
  const rows = [...processes]
    .sort((a, b) => a.pid - b.pid)
    .map((p) => ({ cells: [String(p.pid), p.name, p.kind, p.state, String(p.priority), formatTokens(p.budget.tokens), formatWait(p.waitMs)], note: p.note }));
  return { kind: 'table', head: PS_HEAD, rows };
}

/** `used/allocated`, or `used/∞` when there is no limit. */
export function formatTokens(tokens: Budget): string {
  return `${count(tokens.used)}/${tokens.allocated === null ? '∞' : count(tokens.allocated)}`;
}

export function formatWait(ms: number): string {
  return ms >= 1000 ? formatAge(ms) : formatMs(ms);
}

export function count(n: number): string {
  return n.toLocaleString('en');
}
