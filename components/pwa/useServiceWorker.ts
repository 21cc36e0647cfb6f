import { useEffect, useSyncExternalStore } from 'react';
import { serviceWorkerClient } from './browserServiceWorker';
import type { ServiceWorkerSnapshot } from './serviceWorkerClient';

const SERVER_SNAPSHOT: ServiceWorkerSnapshot = { updateReady: false, offline: 'unsupported' };

/**
 * The service worker's state for this tab; the first component using it registers the worker
 * (production builds only, after the page has loaded).
 */
export function useServiceWorker(): ServiceWorkerSnapshot & { applyUpdate(): void } {
  const client = serviceWorkerClient();
  useEffect(() => client.start(), [client]);
  const snapshot = useSyncExternalStore(client.subscribe, client.getSnapshot, () => SERVER_SNAPSHOT);
  return { ...snapshot, applyUpdate: client.applyUpdate };
}
