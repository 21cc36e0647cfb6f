import { precacheKey, precacheName } from './cacheNames';
import type { CacheStorageLike } from './cacheStorage';
import type { PrecacheStatus } from './messages';
import type { PrecacheEntry, PrecacheManifest } from './precacheManifest';

/** The entries of `manifest` not (or no longer: the browser may evict) in its cache. */
export async function missingEntries(caches: CacheStorageLike, manifest: PrecacheManifest, origin: string): Promise<PrecacheEntry[]> {
  const cache = await caches.open(precacheName(manifest.version));
  const present = new Set((await cache.keys()).map((request) => request.url));
  return manifest.entries.filter((entry) => !present.has(new URL(precacheKey(entry), origin).href));
}

/** What the page is told: complete when nothing is missing. */
export function precacheStatus(manifest: PrecacheManifest, missing: readonly PrecacheEntry[]): PrecacheStatus {
  return { version: manifest.version, total: manifest.entries.length, missing: missing.map((entry) => entry.url), complete: missing.length === 0 };
}
