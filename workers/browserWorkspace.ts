/**
 * The browser side of the volumes, for the kernel worker: lightning-fs over IndexedDB, Web
 * Locks per volume (shared by every tab), a BroadcastChannel telling other tabs about new
 * commits, IndexedDB stores for settings and tokens, and the choice between going direct to a
 * git remote (it answers CORS) or through the app's git proxy.
 * May import: lib/volumes, lib/kernel types, and browser-only libraries.
 */
import LightningFS from '@isomorphic-git/lightning-fs';
import { createStore, del, get, keys, set } from 'idb-keyval';
import http from 'isomorphic-git/http/web';
import builtins from 'weft:builtin-skills';
import type { Clock } from '../lib/core';
import type { WorkspaceHooks } from '../lib/kernel';
import { fairFs } from './fairFs';
import { type GitFs, type KeyValueStore, type LockFn, type VolumeId, Workspace } from '../lib/volumes';

const CHANNEL = 'weft-volumes';
const FS_NAME = 'weft';

function idbStore(db: string): KeyValueStore {
  const store = createStore(db, 'kv');
  return { get: (key) => get(key, store), set: (key, value) => set(key, value, store), delete: (key) => del(key, store), keys: async () => (await keys(store)).map(String) };
}

/** Web Locks are shared by every tab and worker of this origin: one writer per volume at a time. */
const webLock: LockFn = (name, fn) => navigator.locks.request(`weft-volume:${name}`, fn) as Promise<Awaited<ReturnType<typeof fn>>>;

/**
 * Each kernel holds a Web Lock named after it while it runs; the browser lets go when its worker
 * ends, however it ends. A journal entry whose kernel's lock can be taken is an interrupted commit.
 * The wait allows for a crashed tab's worker still being torn down while the new one starts.
 */
const KERNEL_LOCK = 'weft-kernel:';

function holdKernelLock(owner: string): void {
  void navigator.locks.request(`${KERNEL_LOCK}${owner}`, () => new Promise<never>(() => {}));
}

async function kernelAlive(owner: string): Promise<boolean> {
  try {
    await navigator.locks.request(`${KERNEL_LOCK}${owner}`, { signal: AbortSignal.timeout(5000) }, async () => undefined);
    return false;
  } catch {
    return true;
  }
}

/** Remotes that answer CORS are used directly; the others through /api/git (decided once per origin). */
function corsRoute(): (url: string) => Promise<string | null> {
  const decided = new Map<string, Promise<string | null>>();
  const proxy = `${self.location.origin}/api/git`;
  return (url) => {
    const origin = new URL(url).origin;
    if (origin === self.location.origin) return Promise.resolve(null);
    if (!decided.has(origin)) {
      decided.set(
        origin,
        fetch(`${url}/info/refs?service=git-upload-pack`, { mode: 'cors', credentials: 'omit' }).then(
          () => null,
          () => proxy,
        ),
      );
    }
    return decided.get(origin)!;
  };
}

/** Opens the workspace and connects it to the other tabs. */
export async function openBrowserWorkspace(hooks: WorkspaceHooks, clock: Clock, announce: (volume: VolumeId, head: string) => void): Promise<Workspace> {
  const { fs, handOverIfWanted } = fairFs(new LightningFS(FS_NAME) as unknown as GitFs, FS_NAME);
  const channel = new BroadcastChannel(CHANNEL);
  const owner = crypto.randomUUID();
  holdKernelLock(owner);
  channel.onmessage = (event: MessageEvent<{ volume: VolumeId; head: string }>) => announce(event.data.volume, event.data.head);
  return Workspace.open({
    fs,
    clock,
    lock: webLock,
    http,
    settings: idbStore('weft-settings'),
    secrets: idbStore('weft-secrets'),
    corsProxyFor: corsRoute(),
    builtins,
    onCommit: (volume, head) => {
      hooks.committed(volume, head);
      channel.postMessage({ volume, head });
      void handOverIfWanted();
    },
    onProgress: hooks.progress,
    checkpoint: hooks.checkpoint,
    owner,
    isAlive: kernelAlive,
    online: () => navigator.onLine,
  });
}
