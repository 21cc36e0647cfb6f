import type { ContentHash } from '../core';
import type { RunDetails } from '../runtimes';
import type { Energy } from '../spans';

/** A node's cached result: its outputs and what the run that made them cost. */
export interface MemoEntry {
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly outputsHash: ContentHash;
  /** The energy of the run that produced these outputs (a cache hit itself costs none). */
  readonly energy: Energy;
  readonly details: RunDetails;
}

/**
 * Where node results are memoised, by cache key (see `nodeCacheKey`). Injected: the kernel
 * keeps one per tab (memory, or IndexedDB); tests use `memoryMemoStore`.
 */
export interface MemoStore {
  get(key: string): Promise<MemoEntry | null>;
  put(key: string, value: MemoEntry): Promise<void>;
}

/** A memo store in a Map, for tests and short sessions; `entries` exposes it for inspection. */
export function memoryMemoStore(): MemoStore & { readonly entries: Map<string, MemoEntry> } {
  const entries = new Map<string, MemoEntry>();
  return {
    entries,
    get: (key) => Promise.resolve(entries.get(key) ?? null),
    put: (key, value) => {
      entries.set(key, value);
      return Promise.resolve();
    },
  };
}
