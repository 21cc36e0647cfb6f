/**
 * One request's cancellation and timeouts: the caller's AbortSignal, a first-byte timeout and
 * a silence timeout, folded into one internal AbortSignal for `fetch`, plus `race` so waits end
 * promptly even with a `fetch` that ignores its signal. Timers go through the injected clock.
 */
import { type Clock, type TimerHandle, WeftError } from '../../core';

export type GuardReason = 'cancelled' | 'first-byte' | 'idle';

export interface RequestGuard {
  readonly signal: AbortSignal;
  /** Starts (or restarts) the timer: if it fires before `disarm`, the request ends with LLM_TIMEOUT. */
  arm(ms: number, kind: 'first-byte' | 'idle'): void;
  disarm(): void;
  /** Waits for `promise`, or rejects with the guard's error as soon as the request is aborted. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** The error for why the request was stopped (null while it is not). */
  error(): WeftError | null;
  dispose(): void;
}

export function createRequestGuard(outer: AbortSignal | undefined, clock: Clock, baseUrl: string): RequestGuard {
  const controller = new AbortController();
  let reason: GuardReason | null = null;
  let timer: TimerHandle | null = null;
  let timerMs = 0;
  const stop = (why: GuardReason) => {
    reason ??= why;
    controller.abort();
  };
  const onOuterAbort = () => stop('cancelled');
  if (outer?.aborted) stop('cancelled');
  else outer?.addEventListener('abort', onOuterAbort, { once: true });

  const error = (): WeftError | null => {
    if (reason === 'cancelled') return new WeftError('LLM_CANCELLED', 'The model call was cancelled.', { baseUrl });
    if (reason === 'first-byte') {
      return new WeftError('LLM_TIMEOUT', `${baseUrl} did not start answering within ${timerMs / 1000} s. The model may still be loading; try again, or check the server.`, { baseUrl, timeoutMs: timerMs, phase: reason });
    }
    if (reason === 'idle') {
      return new WeftError('LLM_TIMEOUT', `${baseUrl} went silent for ${timerMs / 1000} s mid-answer. Try again, or check the server.`, { baseUrl, timeoutMs: timerMs, phase: reason });
    }
    return null;
  };
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(error()), { once: true });
  });
  aborted.catch(() => undefined); // handled by whoever races it; never an unhandled rejection

  const disarm = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  return {
    signal: controller.signal,
    arm(ms, kind) {
      disarm();
      timerMs = ms;
      if (Number.isFinite(ms) && ms > 0) timer = clock.setTimeout(() => stop(kind), ms);
    },
    disarm,
    race(promise) {
      const e = error();
      if (e) {
        promise.catch(() => undefined);
        return Promise.reject(e);
      }
      return Promise.race([promise, aborted]);
    },
    error,
    dispose() {
      disarm();
      outer?.removeEventListener('abort', onOuterAbort);
      controller.abort();
    },
  };
}
