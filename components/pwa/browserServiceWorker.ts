/**
 * The real browser behind `ServiceWorkerClient`, and this tab's one client. Offline readiness is
 * published for people and tests alike: `window.weftOfflineReady` (true once the active worker
 * holds every precached file), `window.weftOfflineStatus` (its version and what is missing) and
 * `<html data-offline-ready="true" | "partial">`.
 */
import { isFromServiceWorker, PRECACHE_PREFIX, type PrecacheStatus } from '@/lib/pwa';
import {
  type ContainerLike,
  createServiceWorkerClient,
  type OfflineState,
  type ServiceWorkerClient,
  type ServiceWorkerEnvironment,
  type WorkerLike,
} from './serviceWorkerClient';

declare global {
  interface Window {
    /** True once this page's service worker holds everything the workbench needs offline. */
    weftOfflineReady?: boolean;
    /** The service worker's last precache report: version, total, missing URLs. */
    weftOfflineStatus?: PrecacheStatus;
  }
}

/** How long to wait for the worker's answer; it may first download files an install missed. */
const STATUS_TIMEOUT_MS = 5 * 60 * 1000;

function askStatus(worker: WorkerLike): Promise<PrecacheStatus> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => {
      channel.port1.close();
      reject(new Error('The service worker did not report its offline cache in time.'));
    }, STATUS_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent) => {
      if (!isFromServiceWorker(event.data) || event.data.type !== 'PRECACHE_STATUS') return;
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data.status);
    };
    worker.postMessage({ type: 'GET_STATUS' }, [channel.port2]);
  });
}

function publish(offline: OfflineState, status: PrecacheStatus): void {
  window.weftOfflineReady = offline === 'ready';
  window.weftOfflineStatus = status;
  document.documentElement.dataset.offlineReady = offline === 'ready' ? 'true' : 'partial';
  if (offline === 'partial') {
    console.warn(`Weft: ${status.missing.length} of ${status.total} files are not available offline yet; they are fetched again when online.`, status.missing);
  }
}

function browserEnvironment(): ServiceWorkerEnvironment {
  const container = typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? (navigator.serviceWorker satisfies ContainerLike) : undefined;
  return {
    container,
    production: process.env.NODE_ENV === 'production',
    afterLoad: (callback) => {
      if (document.readyState === 'complete') callback();
      else window.addEventListener('load', callback, { once: true });
    },
    onOnline: (callback) => window.addEventListener('online', callback),
    every: (ms, callback) => void setInterval(callback, ms),
    askStatus,
    publish,
    clearPrecaches: async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PRECACHE_PREFIX)).map((name) => caches.delete(name)));
    },
    reload: () => window.location.reload(),
  };
}

let client: ServiceWorkerClient | null = null;

/** This tab's client, created on first use in the browser (the server never starts it). */
export function serviceWorkerClient(): ServiceWorkerClient {
  client ??= createServiceWorkerClient(browserEnvironment());
  return client;
}
