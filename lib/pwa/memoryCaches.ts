/**
 * An in-memory Cache Storage for tests, close enough to the browser's for what the service
 * worker does: keys are absolute URLs, `put` consumes the body, `match` returns a fresh copy.
 */
import type { CacheLike, CacheStorageLike } from './cacheStorage';

export class MemoryCache implements CacheLike {
  readonly entries = new Map<string, Response>();

  async match(key: string, options: { ignoreSearch?: boolean } = {}): Promise<Response | undefined> {
    const wanted = options.ignoreSearch ? withoutSearch(key) : key;
    for (const [stored, response] of this.entries) {
      if ((options.ignoreSearch ? withoutSearch(stored) : stored) === wanted) return response.clone();
    }
    return undefined;
  }

  async put(key: string, response: Response): Promise<void> {
    if (!/^https?:\/\//.test(key)) throw new TypeError(`MemoryCache keys are absolute URLs, got ${key}`);
    if (response.bodyUsed) throw new TypeError('Response body is already used');
    const body = await response.arrayBuffer();
    this.entries.set(key, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
  }

  async keys(): Promise<{ url: string }[]> {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
}

export class MemoryCacheStorage implements CacheStorageLike {
  readonly caches = new Map<string, MemoryCache>();

  async open(name: string): Promise<MemoryCache> {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new MemoryCache()));
    return cache;
  }

  async keys(): Promise<string[]> {
    return [...this.caches.keys()];
  }

  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }
}

function withoutSearch(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  return parsed.href;
}
