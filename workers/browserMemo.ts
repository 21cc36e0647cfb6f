/**
 * The workflow memo cache in IndexedDB (its own database, `weft-memo`, not a volume): a node's
 * outputs by cache key, so re-running a workflow in this browser skips unchanged nodes, also
 * after a reload. Entries are plain data (typed arrays included) stored by structured clone.
 */
import { createStore, get, set } from 'idb-keyval';
import type { MemoEntry, MemoStore } from '../lib/workflow';

export function browserMemoStore(): MemoStore {
  const store = createStore('weft-memo', 'results');
  return {
    get: async (key) => ((await get<MemoEntry>(key, store)) ?? null),
    put: (key, value) => set(key, value, store),
  };
}
