import { useSyncExternalStore } from 'react';

const noop = () => () => {};

/**
 * False during server rendering and hydration, true afterwards. For UI that depends on
 * browser-only state (saved panel sizes, the platform), rendered once the page is live.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

/** Whether shortcuts use ⌘ (Apple platforms) rather than Ctrl. False on the server. */
export function useIsApple(): boolean {
  return useSyncExternalStore(
    noop,
    () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent),
    () => false,
  );
}
