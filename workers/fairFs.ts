/**
 * lightning-fs holds its store exclusively (a Web Lock named `<fs name>_lock`) while this tab
 * keeps using it, and lets go only after 500 ms without an operation. A tab that keeps the store
 * busy (committing run after run, or answering its page's reads) would starve every other tab;
 * worse, a tab holding a volume's lock and waiting for the store, while the other holds the store
 * and waits for that volume, would wait for each other. So the store is time-sliced: every 100 ms
 * (and after each commit), if this tab holds it and another waits, `handOver()` holds new
 * operations at a gate, lets the ones in flight finish, releases the store, and opens the gate;
 * the held operations take the store back in turn, after the waiting tab, and see what it wrote.
 */
import type { GitFs } from '../lib/volumes';

interface LightningStore {
  readonly _operations?: Set<unknown>;
  readonly _backend?: { readonly _mutex?: { readonly _has?: boolean } };
  _deactivate?(): Promise<void>;
}

export interface FairFs {
  readonly fs: GitFs;
  /** Hands the store to another tab if this one holds it and another is waiting for it. */
  handOverIfWanted(): Promise<void>;
}

/** How often a tab that holds the store checks whether another waits for it. */
const SLICE_MS = 100;

export function fairFs(inner: GitFs, name: string): FairFs {
  const store = inner.promises as unknown as LightningStore & Record<string, unknown>;
  let gate: Promise<void> | null = null;
  const promises = new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== 'function' || typeof key !== 'string' || key.startsWith('_')) return value;
      return async (...args: unknown[]) => {
        while (gate) await gate;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });

  const holding = () => store._backend?._mutex?._has === true;

  async function drained(): Promise<void> {
    while ((store._operations?.size ?? 0) > 0) await new Promise((r) => setTimeout(r, 2));
  }

  async function handOverIfWanted(): Promise<void> {
    if (gate || store._deactivate === undefined || !holding()) return;
    const { pending = [] } = await navigator.locks.query();
    if (gate || !holding() || !pending.some((lock) => lock.name === `${name}_lock`)) return;
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    try {
      await drained();
      await store._deactivate();
    } finally {
      gate = null;
      open();
    }
  }

  setInterval(() => void handOverIfWanted().catch(() => undefined), SLICE_MS);
  return { fs: { promises } as unknown as GitFs, handOverIfWanted };
}
