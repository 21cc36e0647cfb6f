/**
 * Runs a syscall that changes something (write, sync, resolve…) on a person's request, and
 * keeps what a form needs around it: whether it is running and the kernel's error, if any.
 * After it settles, views of volumes refetch (a sync that changes nothing still updates its
 * "last synced" line, which no `volume.changed` event announces).
 */
import { useCallback, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { WeftError } from '@/lib/core';
import type { Op, SyscallOf, SyscallResult } from '@/lib/kernel/protocol';

export interface Action {
  readonly pending: boolean;
  readonly error: WeftError | null;
  /** Resolves with the result, or with null when it failed (the error is then in `error`). */
  run<K extends Op>(call: SyscallOf<K>): Promise<SyscallResult<K> | null>;
  clearError(): void;
}

export function useKernelAction(): Action {
  const client = useKernelStore((s) => s.client);
  const bump = useKernelStore((s) => s.bumpVolumes);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<WeftError | null>(null);

  const run = useCallback(
    async <K extends Op>(call: SyscallOf<K>): Promise<SyscallResult<K> | null> => {
      if (client === null) {
        setError(new WeftError('KERNEL_DEAD', 'The kernel is not running. Restart it from the banner at the top, then try again.'));
        return null;
      }
      setPending(true);
      setError(null);
      try {
        return await client.call(call);
      } catch (thrown) {
        setError(WeftError.from(thrown));
        return null;
      } finally {
        setPending(false);
        bump();
      }
    },
    [client, bump],
  );

  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, clearError };
}
