/** Offline support: the precache manifest, request routing and the service worker itself (injected scope). */
export { buildPrecacheManifest, isPrecacheable, normalisePath, servedUrl, NAVIGATION_FALLBACK, type PrecacheEntry, type PrecacheManifest } from './precacheManifest';
export { PRECACHE_PREFIX, precacheName, precacheKey, isObsoletePrecache } from './cacheNames';
export { classifyRequest, type RequestFacts, type RequestRoute } from './classifyRequest';
export type { CacheLike, CacheStorageLike, FetchLike } from './cacheStorage';
export { installPrecache, unusable, type InstallPrecacheOptions, type InstallReport, type PrecacheFailure } from './installPrecache';
export { missingEntries, precacheStatus } from './precacheStatus';
export { isFromServiceWorker, isToServiceWorker, type FromServiceWorker, type PrecacheStatus, type ToServiceWorker } from './messages';
export {
  createFetchHandler,
  serveServiceWorker,
  type ExtendableEventLike,
  type ExtendableMessageEventLike,
  type FetchEventLike,
  type FetchHandlerDeps,
  type MessagePortLike,
  type ServeOptions,
  type ServiceWorkerScope,
} from './serviceWorker';
