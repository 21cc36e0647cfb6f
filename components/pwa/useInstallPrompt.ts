import { useSyncExternalStore } from 'react';
import { createInstallPrompt, type InstallPrompt } from './installPrompt';

// Listening from the moment this module loads: the browser may offer installation before any
// component has mounted.
const prompt: InstallPrompt | null = typeof window === 'undefined' ? null : createInstallPrompt(window);
const never = () => () => {};

/** Whether Weft can be installed now, and the function that asks the browser to do it. */
export function useInstallPrompt(): { canInstall: boolean; install: InstallPrompt['install'] } {
  const canInstall = useSyncExternalStore(
    prompt?.subscribe ?? never,
    () => prompt?.getSnapshot() ?? false,
    () => false,
  );
  return { canInstall, install: prompt?.install ?? (async () => 'unavailable') };
}
