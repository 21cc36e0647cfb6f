import { useCallback, useMemo, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { type Pid, WeftError } from '@/lib/core';
import type { Syscall } from '@/lib/kernel/protocol';

/** The last action that failed, as the kernel explained it. */
export interface ActionError {
  readonly id: number;
  readonly pid: Pid;
  readonly code: string;
  readonly message: string;
}

export interface ProcessActions {
  kill(pid: Pid): void;
  suspend(pid: Pid): void;
  resume(pid: Pid): void;
  setPriority(pid: Pid, priority: number): void;
  /** Raises its token budget by `tokens` (≥ 1); one suspended for want of tokens goes on. */
  addBudget(pid: Pid, tokens: number): void;
}

/**
 * Process actions as syscalls. The table itself updates from the `proc.state` events the
 * kernel sends; here only failures are kept, to show them under the table.
 */
export function useProcessActions(): { actions: ProcessActions; error: ActionError | null; dismiss(): void } {
  const client = useKernelStore((s) => s.client);
  const [error, setError] = useState<ActionError | null>(null);

  const run = useCallback(
    (pid: Pid, call: Syscall) => {
      if (!client) return;
      client.request(call).then(
        () => setError((e) => (e?.pid === pid ? null : e)),
        (thrown: unknown) => {
          const { code, message } = WeftError.from(thrown);
          setError({ id: Date.now(), pid, code, message });
        },
      );
    },
    [client],
  );

  const actions = useMemo<ProcessActions>(
    () => ({
      kill: (pid) => run(pid, { op: 'proc.kill', pid, reason: 'from the process list' }),
      suspend: (pid) => run(pid, { op: 'proc.suspend', pid }),
      resume: (pid) => run(pid, { op: 'proc.resume', pid }),
      setPriority: (pid, priority) => run(pid, { op: 'proc.setPriority', pid, priority }),
      addBudget: (pid, tokens) => run(pid, { op: 'proc.addBudget', pid, tokens }),
    }),
    [run],
  );

  const dismiss = useCallback(() => setError(null), []);
  return { actions, error, dismiss };
}
