/**
 * An in-process lock per name: calls for the same name run one after another, in order.
 * The browser uses Web Locks (shared by every tab); tests and single-threaded hosts use this.
 */
export type LockFn = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

export function createLockMap(): LockFn {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return run;
  };
}
