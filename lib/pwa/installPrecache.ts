/**
 * Fills one build's precache: a few downloads at a time, each file on its own, so a file that
 * fails (a flaky connection, a full disk) is reported and the rest are still kept. Files already
 * in the cache (an earlier, interrupted attempt) are skipped; files unchanged since a previous
 * build are copied from that build's cache instead of downloaded again.
 */
import { isObsoletePrecache, precacheKey, precacheName } from './cacheNames';
import type { CacheLike, CacheStorageLike, FetchLike } from './cacheStorage';
import type { PrecacheEntry, PrecacheManifest } from './precacheManifest';

export interface PrecacheFailure {
  readonly url: string;
  readonly reason: string;
}

export interface InstallReport {
  readonly version: string;
  readonly total: number;
  /** Downloaded now. */
  readonly fetched: number;
  /** Already in this cache, or copied from a previous build's. */
  readonly reused: number;
  readonly failed: readonly PrecacheFailure[];
}

export interface InstallPrecacheOptions {
  readonly manifest: PrecacheManifest;
  readonly caches: CacheStorageLike;
  readonly fetch: FetchLike;
  /** The worker's origin; cache keys and requests are absolute URLs on it. */
  readonly origin: string;
  /** Downloads in flight at once. */
  readonly concurrency?: number;
  /** Only these entries (a refill of what is missing); all of them when absent. */
  readonly only?: readonly PrecacheEntry[];
}

/**
 * Downloads (or reuses) every entry into `weft-precache-<version>`; never rejects for a single file.
 * @example const report = await installPrecache({ manifest, caches: self.caches, fetch: self.fetch.bind(self), origin: self.location.origin });
 */
export async function installPrecache(options: InstallPrecacheOptions): Promise<InstallReport> {
  const { manifest, caches, origin } = options;
  const name = precacheName(manifest.version);
  const cache = await caches.open(name);
  const present = new Set((await cache.keys()).map((request) => request.url));
  const previous = await previousCaches(caches, name);
  const entries = options.only ?? manifest.entries;

  let fetched = 0;
  let reused = 0;
  const failed: PrecacheFailure[] = [];

  const one = async (entry: PrecacheEntry): Promise<void> => {
    const key = new URL(precacheKey(entry), origin).href;
    if (present.has(key)) {
      reused++;
      return;
    }
    try {
      for (const old of previous) {
        const hit = await old.match(key, { ignoreVary: true });
        if (hit) {
          await cache.put(key, hit);
          reused++;
          return;
        }
      }
      const response = await options.fetch(new URL(entry.url, origin).href, { cache: 'reload', credentials: 'same-origin' });
      const problem = unusable(response);
      if (problem) {
        failed.push({ url: entry.url, reason: problem });
        return;
      }
      // The whole response, headers included: COOP/COEP and Content-Type must survive for
      // the page, module workers and WebAssembly streaming to work when served from here.
      await cache.put(key, response);
      fetched++;
    } catch (error) {
      failed.push({ url: entry.url, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  };

  await pool(entries, Math.max(1, options.concurrency ?? 4), one);
  failed.sort((a, b) => (a.url < b.url ? -1 : 1));
  return { version: manifest.version, total: entries.length, fetched, reused, failed };
}

/** Why a response cannot be kept, or null when it can. */
export function unusable(response: Response): string | null {
  if (!response.ok) return `HTTP ${response.status}`;
  // A redirected response cannot answer a navigation, and an opaque one hides its status.
  if (response.redirected) return `redirected to ${response.url}`;
  if (response.type === 'opaque' || response.type === 'opaqueredirect') return 'opaque response';
  return null;
}

async function previousCaches(caches: CacheStorageLike, current: string): Promise<CacheLike[]> {
  const names = (await caches.keys()).filter((name) => isObsoletePrecache(name, current));
  // Newest last in creation order; look at the most recent first.
  return Promise.all(names.reverse().map((name) => caches.open(name)));
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}
