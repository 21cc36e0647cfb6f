/**
 * Weft's service worker, on an injected scope (the real `self` in public/sw.js, a fake in tests).
 *   install   fill this build's precache (never `skipWaiting()` here: a new version waits until
 *             the page sends `SKIP_WAITING`, after the user chose "Reload")
 *   activate  delete other builds' precaches, take control of open pages
 *   fetch     precached files cache-first; navigations network-first with the cached page as the
 *             offline fallback; everything else (`/api/`, other origins) untouched
 *   message   `SKIP_WAITING`; `GET_STATUS` (refills missing files first when it can)
 */
import { isObsoletePrecache, precacheKey, precacheName } from './cacheNames';
import type { CacheStorageLike, FetchLike } from './cacheStorage';
import { classifyRequest } from './classifyRequest';
import { installPrecache, type InstallReport, unusable } from './installPrecache';
import { type FromServiceWorker, isToServiceWorker } from './messages';
import { NAVIGATION_FALLBACK, type PrecacheEntry, type PrecacheManifest } from './precacheManifest';
import { missingEntries, precacheStatus } from './precacheStatus';

export interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void;
}

export interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

export interface MessagePortLike {
  postMessage(message: FromServiceWorker): void;
}

export interface ExtendableMessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
  readonly ports: readonly MessagePortLike[];
  readonly source?: MessagePortLike | null;
}

/** The part of `ServiceWorkerGlobalScope` the worker uses. */
export interface ServiceWorkerScope {
  readonly location: { readonly origin: string };
  readonly caches: CacheStorageLike;
  fetch: FetchLike;
  skipWaiting(): Promise<void>;
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { includeUncontrolled: boolean; type: 'window' }): Promise<readonly MessagePortLike[]>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEventLike) => void): void;
}

export interface ServeOptions {
  /** Where failed downloads are reported (the worker's console). */
  readonly log?: (message: string) => void;
  readonly concurrency?: number;
}

/**
 * Wires the worker's events to the precache of `manifest`.
 * @example serveServiceWorker(self as unknown as ServiceWorkerScope, __WEFT_PRECACHE__);
 */
export function serveServiceWorker(scope: ServiceWorkerScope, manifest: PrecacheManifest, options: ServeOptions = {}): void {
  const origin = scope.location.origin;
  const cacheName = precacheName(manifest.version);
  const fetch: FetchLike = (input, init) => scope.fetch(input, init);
  const log = options.log ?? ((message: string) => console.warn(message));
  const install = (only?: readonly PrecacheEntry[]) =>
    installPrecache({ manifest, caches: scope.caches, fetch, origin, ...(only ? { only } : {}), ...(options.concurrency ? { concurrency: options.concurrency } : {}) });
  const respond = createFetchHandler({ manifest, caches: scope.caches, fetch, origin });
  let refilling: Promise<InstallReport> | null = null;

  scope.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        const report = await install();
        if (report.failed.length > 0) log(describeFailures(report));
        const pages = await scope.clients.matchAll({ includeUncontrolled: true, type: 'window' });
        for (const page of pages) page.postMessage({ type: 'PRECACHE_DONE', report });
      })(),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        const names = await scope.caches.keys();
        await Promise.all(names.filter((name) => isObsoletePrecache(name, cacheName)).map((name) => scope.caches.delete(name)));
        await scope.clients.claim();
      })(),
    );
  });

  scope.addEventListener('fetch', (event) => {
    const response = respond(event.request, (promise) => event.waitUntil(promise));
    if (response) event.respondWith(response);
  });

  scope.addEventListener('message', (event) => {
    const message = event.data;
    if (!isToServiceWorker(message)) return;
    if (message.type === 'SKIP_WAITING') {
      event.waitUntil(scope.skipWaiting());
      return;
    }
    const reply = event.ports[0] ?? event.source;
    event.waitUntil(
      (async () => {
        let missing = await missingEntries(scope.caches, manifest, origin);
        if (missing.length > 0) {
          refilling ??= install(missing).finally(() => (refilling = null));
          const report = await refilling;
          if (report.failed.length > 0) log(describeFailures(report));
          missing = await missingEntries(scope.caches, manifest, origin);
        }
        reply?.postMessage({ type: 'PRECACHE_STATUS', status: precacheStatus(manifest, missing) });
      })(),
    );
  });
}

export interface FetchHandlerDeps {
  readonly manifest: PrecacheManifest;
  readonly caches: CacheStorageLike;
  readonly fetch: FetchLike;
  readonly origin: string;
}

/**
 * The fetch strategy alone: the response to give, or null to leave the request to the browser.
 * `waitUntil` keeps the worker alive for work after the response (storing a late download).
 */
export function createFetchHandler(deps: FetchHandlerDeps): (request: Request, waitUntil: (promise: Promise<unknown>) => void) => Promise<Response> | null {
  const { manifest, caches, fetch, origin } = deps;
  const byUrl = new Map(manifest.entries.map((entry) => [entry.url, entry] as const));
  const cacheName = precacheName(manifest.version);
  const fallback = byUrl.get(NAVIGATION_FALLBACK);
  const keyOf = (entry: PrecacheEntry) => new URL(precacheKey(entry), origin).href;

  const fromPrecache = async (entry: PrecacheEntry, request: Request, waitUntil: (promise: Promise<unknown>) => void) => {
    const cache = await caches.open(cacheName);
    const hit = await cache.match(keyOf(entry), { ignoreVary: true });
    if (hit) return hit;
    // Missing (its download failed at install, or the browser evicted it): fetch and keep it.
    const response = await fetch(request);
    if (unusable(response) === null) waitUntil(cache.put(keyOf(entry), response.clone()).catch(() => undefined));
    return response;
  };

  const navigate = async (request: Request) => {
    try {
      return await fetch(request);
    } catch (error) {
      // Offline: the page this build precached. It is never replaced by a fresher network copy,
      // since that copy could name chunks this build's cache does not hold.
      const hit = fallback ? await (await caches.open(cacheName)).match(keyOf(fallback), { ignoreVary: true }) : undefined;
      if (hit) return hit;
      throw error;
    }
  };

  return (request, waitUntil) => {
    const route = classifyRequest({ url: request.url, method: request.method, mode: request.mode, range: request.headers.has('range') }, origin, byUrl);
    switch (route.route) {
      case 'precached':
        return fromPrecache(route.entry, request, waitUntil);
      case 'navigation':
        return navigate(request);
      case 'network':
        return null;
    }
  };
}

function describeFailures(report: InstallReport): string {
  const lines = report.failed.map((failure) => `  ${failure.url}: ${failure.reason}`);
  return `Weft offline cache ${report.version}: ${report.failed.length} of ${report.total} file(s) could not be stored; they will be fetched when next needed.\n${lines.join('\n')}`;
}
