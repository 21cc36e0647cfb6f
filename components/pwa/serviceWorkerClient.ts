/**
 * The page's side of the service worker: registers /sw.js (production only, after load), notices
 * a new version waiting, applies it when the user asks (`SKIP_WAITING`, reload on
 * `controllerchange`), and publishes whether this build is ready to work offline. The browser
 * (navigator.serviceWorker, MessageChannel, window) is injected, so tests drive it with fakes.
 */
import type { PrecacheStatus, ToServiceWorker } from '@/lib/pwa';

export interface WorkerLike {
  readonly state: string;
  postMessage(message: ToServiceWorker, transfer: Transferable[]): void;
  addEventListener(type: 'statechange', listener: () => void): void;
}

export interface RegistrationLike {
  readonly installing: WorkerLike | null;
  readonly waiting: WorkerLike | null;
  readonly active: WorkerLike | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
  update(): Promise<unknown>;
}

export interface ContainerLike {
  readonly controller: WorkerLike | null;
  readonly ready: Promise<RegistrationLike>;
  /** Resolves with nothing when registration is blocked (Playwright's `serviceWorkers: 'block'`). */
  register(url: string, options: { scope: string }): Promise<RegistrationLike | undefined>;
  getRegistrations(): Promise<readonly { readonly active: { readonly scriptURL: string } | null; unregister(): Promise<boolean> }[]>;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

/** `unsupported`: no worker here (development, old browser); `partial`: some files could not be stored. */
export type OfflineState = 'unsupported' | 'pending' | 'ready' | 'partial';

export interface ServiceWorkerSnapshot {
  /** A new version is installed and waiting (or another tab already switched to it). */
  readonly updateReady: boolean;
  readonly offline: OfflineState;
}

export interface ServiceWorkerEnvironment {
  readonly container: ContainerLike | undefined;
  readonly production: boolean;
  /** Runs `callback` once the page has loaded, so the precache does not compete with it. */
  afterLoad(callback: () => void): void;
  /** Runs `callback` whenever the browser comes back online. */
  onOnline(callback: () => void): void;
  /** Runs `callback` every `ms` (update checks for a tab left open for days). */
  every(ms: number, callback: () => void): void;
  /** Asks a worker whether its precache is complete (`GET_STATUS` over a MessageChannel). */
  askStatus(worker: WorkerLike): Promise<PrecacheStatus>;
  /** Publishes readiness to the page (`window.weftOfflineReady`, `<html data-offline-ready>`). */
  publish(offline: OfflineState, status: PrecacheStatus): void;
  /** Deletes Weft's precaches (development: what a production worker left behind). */
  clearPrecaches(): Promise<void>;
  reload(): void;
}

export interface ServiceWorkerClient {
  /** Registers the worker (once; later calls do nothing). */
  start(): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): ServiceWorkerSnapshot;
  /** Activates the waiting version and reloads this tab when it has taken over. */
  applyUpdate(): void;
}

export const SERVICE_WORKER_URL = '/sw.js';
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * The client over `env`.
 * @example const client = createServiceWorkerClient(browserEnvironment()); client.start();
 */
export function createServiceWorkerClient(env: ServiceWorkerEnvironment): ServiceWorkerClient {
  const container = env.container;
  let snapshot: ServiceWorkerSnapshot = { updateReady: false, offline: container && env.production ? 'pending' : 'unsupported' };
  const listeners = new Set<() => void>();
  let started = false;
  let registration: RegistrationLike | null = null;
  let reloadRequested = false;

  const set = (patch: Partial<ServiceWorkerSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    for (const listener of listeners) listener();
  };

  const checkStatus = async (reg: RegistrationLike) => {
    if (!reg.active) return;
    try {
      const status = await env.askStatus(reg.active);
      const offline: OfflineState = status.complete ? 'ready' : 'partial';
      set({ offline });
      env.publish(offline, status);
    } catch {
      // No answer (the worker is being replaced): the next controllerchange or online event asks again.
    }
  };

  const watch = (worker: WorkerLike, containerNow: ContainerLike) => {
    worker.addEventListener('statechange', () => {
      // With no controller this is the first install, not an update.
      if (worker.state === 'installed' && containerNow.controller) set({ updateReady: true });
    });
  };

  const register = async (c: ContainerLike) => {
    let controlled = c.controller !== null;
    c.addEventListener('controllerchange', () => {
      if (reloadRequested) {
        reloadRequested = false;
        env.reload();
      } else if (controlled) {
        // Another tab chose "Reload": this one still runs the old code.
        set({ updateReady: true });
      } else {
        // The first install took control of this page.
        controlled = true;
        void c.ready.then(checkStatus);
      }
    });
    const reg = await c.register(SERVICE_WORKER_URL, { scope: '/' });
    if (!reg) return;
    registration = reg;
    if (reg.waiting && c.controller) set({ updateReady: true });
    if (reg.installing) watch(reg.installing, c);
    reg.addEventListener('updatefound', () => {
      if (reg.installing) watch(reg.installing, c);
    });
    env.every(UPDATE_CHECK_MS, () => void reg.update().catch(() => undefined));
    env.onOnline(() => {
      if (snapshot.offline === 'partial' || snapshot.offline === 'pending') void c.ready.then(checkStatus);
    });
    await checkStatus(await c.ready);
  };

  const removeStale = async (c: ContainerLike) => {
    // A worker left by `npm start` on this origin would serve that build's files to `next dev`.
    const stale = (await c.getRegistrations()).filter((r) => r.active?.scriptURL.endsWith(SERVICE_WORKER_URL));
    if (stale.length === 0) return;
    await Promise.all(stale.map((r) => r.unregister()));
    await env.clearPrecaches();
  };

  return {
    start() {
      if (started || !container) return;
      started = true;
      const failed = (error: unknown) => console.warn('Weft: the offline service worker could not be set up.', error);
      if (!env.production) {
        removeStale(container).catch(failed);
        return;
      }
      env.afterLoad(() => void register(container).catch(failed));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    applyUpdate() {
      const waiting = registration?.waiting;
      if (!waiting) {
        env.reload();
        return;
      }
      reloadRequested = true;
      waiting.postMessage({ type: 'SKIP_WAITING' }, []);
    },
  };
}
