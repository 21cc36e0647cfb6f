/**
 * The browser's offer to install Weft: `beforeinstallprompt` is kept (and the browser's own
 * banner suppressed) so the header's Install button can show it later; `appinstalled` ends it.
 */

/** Chromium's `BeforeInstallPromptEvent` (not in TypeScript's DOM types). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ readonly outcome: 'accepted' | 'dismissed' }>;
}

export type InstallOutcome = 'accepted' | 'dismissed' | 'unavailable';

export interface InstallPrompt {
  subscribe(listener: () => void): () => void;
  /** Whether the browser has offered installation (and it has not happened yet). */
  getSnapshot(): boolean;
  /** Shows the browser's install dialog; an offer can be used once. */
  install(): Promise<InstallOutcome>;
}

/** Listens on `target` (the window) for the browser's offer. */
export function createInstallPrompt(target: Pick<EventTarget, 'addEventListener'>): InstallPrompt {
  let offer: BeforeInstallPromptEvent | null = null;
  const listeners = new Set<() => void>();
  const set = (next: BeforeInstallPromptEvent | null) => {
    offer = next;
    for (const listener of listeners) listener();
  };
  target.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    set(event as BeforeInstallPromptEvent);
  });
  target.addEventListener('appinstalled', () => set(null));
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => offer !== null,
    async install() {
      const event = offer;
      if (!event) return 'unavailable';
      set(null);
      await event.prompt();
      return (await event.userChoice).outcome;
    },
  };
}
