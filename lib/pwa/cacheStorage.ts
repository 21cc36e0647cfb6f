/**
 * The parts of the Cache API the service worker uses, so tests pass an in-memory fake and the
 * worker passes `self.caches`. Keys are absolute URLs, as the real Cache API stores them.
 */

export interface CacheLike {
  match(key: string, options?: { ignoreVary?: boolean; ignoreSearch?: boolean }): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  keys(): Promise<readonly { readonly url: string }[]>;
}

export interface CacheStorageLike {
  open(name: string): Promise<CacheLike>;
  keys(): Promise<readonly string[]>;
  delete(name: string): Promise<boolean>;
}

/** `fetch` as the worker calls it. */
export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;
