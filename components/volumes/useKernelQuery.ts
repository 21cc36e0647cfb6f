/**
 * Reads from the kernel for a view: one syscall, re-sent whenever its arguments change, the
 * kernel (re)starts, `volumesVersion` grows (a `volume.changed` from this tab or another), or
 * the caller's own version (`also`) does.
 * The last answer stays on screen while a refresh is in flight, so views do not flicker.
 */
import { useCallback, useEffect, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { WeftError } from '@/lib/core';
import type { Op, SyscallOf, SyscallResult } from '@/lib/kernel/protocol';

export interface Query<T> {
  /** The latest answer for these arguments (kept while a refresh is in flight). */
  readonly data: T | undefined;
  /** Why the latest request failed, as the kernel said it. */
  readonly error: WeftError | null;
  /** True until the first answer (or failure) for these arguments arrives. */
  readonly loading: boolean;
  /** Asks again now. */
  reload(): void;
}

interface Answer {
  readonly key: string;
  readonly stamp: string;
  readonly data?: unknown;
  readonly error?: WeftError;
}

/**
 * @example const volumes = useKernelQuery({ op: 'volume.list' });
 * Pass `null` to ask nothing (e.g. while nothing is selected). `also`: another version the
 * answer depends on (e.g. the store's `providersVersion`); when it grows, the call is re-sent.
 */
export function useKernelQuery<K extends Op>(call: SyscallOf<K> | null, also = 0): Query<SyscallResult<K>> {
  const client = useKernelStore((s) => s.client);
  const ready = useKernelStore((s) => s.status.state === 'ready');
  const version = useKernelStore((s) => s.volumesVersion);
  const [nonce, setNonce] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);

  const key = call === null ? null : JSON.stringify(call);
  const stamp = `${version}:${nonce}:${also}`;

  useEffect(() => {
    if (key === null || client === null || !ready) return;
    let current = true;
    client.request(JSON.parse(key)).then(
      (data) => current && setAnswer({ key, stamp, data }),
      (error: unknown) => current && setAnswer({ key, stamp, error: WeftError.from(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, stamp, client, ready]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const mine = answer !== null && answer.key === key ? answer : null;
  return {
    data: mine?.data as SyscallResult<K> | undefined,
    error: mine?.error ?? null,
    loading: key !== null && mine === null,
    reload,
  };
}
