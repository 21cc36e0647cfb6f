/** Time, injected: production passes `systemClock`, tests a fake one they advance by hand. */
export type TimerHandle = { readonly __timer: unique symbol } | number | object;

export interface Clock {
  /** Unix epoch milliseconds, fractional (sub-millisecond where the platform allows). */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms) as TimerHandle,
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};
