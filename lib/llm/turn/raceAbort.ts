import { WeftError } from '../../core';

/** The error a turn records when the person stops it. */
export function cancelledError(what = 'The chat turn'): WeftError {
  return new WeftError('LLM_CANCELLED', `${what} was stopped. Send the message again to retry.`);
}

/**
 * Settles with `promise`, or rejects with `LLM_CANCELLED` as soon as `signal` aborts, so a
 * provider or tool that ignores its signal cannot hold the turn open.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal, what?: string): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {}); // settles later, unobserved
    return Promise.reject(cancelledError(what));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError(what));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
