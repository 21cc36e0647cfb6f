/**
 * Verify and Replay for the open trace: each a syscall a person starts, with its pending
 * state, the kernel's error and its latest result. Results belong to this trace only: the view
 * is mounted afresh for another one.
 */
import { useCallback, useState } from 'react';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import type { WeftError } from '@/lib/core';
import type { ReplayReport, TraceVerification } from '@/lib/kernel/protocol';

export interface CheckState<T> {
  readonly pending: boolean;
  readonly error: WeftError | null;
  readonly result: T | null;
  /** When the latest request started (epoch ms), for "replaying… 4 s". */
  readonly startedAt: number | null;
  dismiss(): void;
}

export interface TraceChecks {
  readonly verify: CheckState<TraceVerification> & { run(): void };
  readonly replay: CheckState<ReplayReport> & { readonly recorded: boolean; run(recorded?: boolean): void };
}

export function useTraceChecks(path: string): TraceChecks {
  const verifyAction = useKernelAction();
  const replayAction = useKernelAction();
  const [verification, setVerification] = useState<{ result: TraceVerification | null; startedAt: number | null; shown: boolean }>({ result: null, startedAt: null, shown: false });
  const [replay, setReplay] = useState<{ result: ReplayReport | null; startedAt: number | null; recorded: boolean; shown: boolean }>({ result: null, startedAt: null, recorded: false, shown: false });
  const { run: runVerify, clearError: clearVerify } = verifyAction;
  const { run: runReplay, clearError: clearReplay } = replayAction;

  const verify = useCallback(() => {
    setVerification({ result: null, startedAt: Date.now(), shown: true });
    void runVerify({ op: 'trace.verify', path }).then((result) => result && setVerification((v) => ({ ...v, result })));
  }, [path, runVerify]);

  const replayRun = useCallback(
    (recorded = false) => {
      setReplay({ result: null, startedAt: Date.now(), recorded, shown: true });
      void runReplay(recorded ? { op: 'trace.replay', path, recorded: true } : { op: 'trace.replay', path }).then((result) => result && setReplay((r) => ({ ...r, result })));
    },
    [path, runReplay],
  );

  const dismissVerify = useCallback(() => {
    clearVerify();
    setVerification({ result: null, startedAt: null, shown: false });
  }, [clearVerify]);
  const dismissReplay = useCallback(() => {
    clearReplay();
    setReplay({ result: null, startedAt: null, recorded: false, shown: false });
  }, [clearReplay]);

  return {
    verify: {
      pending: verifyAction.pending,
      error: verification.shown ? verifyAction.error : null,
      result: verification.result,
      startedAt: verification.shown ? verification.startedAt : null,
      run: verify,
      dismiss: dismissVerify,
    },
    replay: {
      pending: replayAction.pending,
      error: replay.shown ? replayAction.error : null,
      result: replay.result,
      startedAt: replay.shown ? replay.startedAt : null,
      recorded: replay.recorded,
      run: replayRun,
      dismiss: dismissReplay,
    },
  };
}
