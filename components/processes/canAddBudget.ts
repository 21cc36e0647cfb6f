import type { Process } from '@/lib/kernel/protocol';

/**
 * Whether more tokens can be given to a process: it is still live, not the kernel's own, and
 * has a limit to raise (an unlimited budget stays unlimited).
 */
export function canAddBudget(p: Pick<Process, 'state' | 'protected' | 'budget'>): boolean {
  return p.state !== 'TERMINATED' && !p.protected && p.budget.tokens.allocated !== null;
}
