/**
 * lightning-fs holds its store exclusively (a Web Lock named `<fs name>_lock`) while this tab
 * keeps using it, and lets go only after 500 ms without an operation. A tab committing run after
 * run never pauses that long, so every other tab's file operations would wait (up to 10 minutes,
 * then fail). `fairFs` puts a gate in front of the store: `handOver()` holds new operations,
 * lets the ones in flight finish, releases the store, then opens the gate; the held operations
 * take the store back in turn, after the tab that was waiting, and see what it wrote.
 */
import type { GitFs } from '../lib/volumes';

interface LightningStore {
  readonly _operations?: Set<unknown>;
  _deactivate?(): Promise<void>;
}

export interface FairFs {
  readonly fs: GitFs;
  /** Hands the store to another tab if one is waiting for it. */
  handOverIfWanted(): Promise<void>;
}

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

  async function drained(): Promise<void> {
    while ((store._operations?.size ?? 0) > 0) await new Promise((r) => setTimeout(r, 2));
  }

  return {
    fs: { promises } as unknown as GitFs,
    async handOverIfWanted() {
      if (gate || store._deactivate === undefined) return;
      const { pending = [] } = await navigator.locks.query();
      if (!pending.some((lock) => lock.name === `${name}_lock`)) return;
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      try {
        await drained();
        await store._deactivate();
      } finally {
        gate = null;
        open();
      }
    },
  };
}
