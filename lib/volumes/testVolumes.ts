/** A `Volumes` over a temporary directory with Node's fs, a fake clock and an in-process lock. */
import { FakeClock } from '../core';
import { createLockMap } from './lockMap';
import { nodeFs, tempDir } from './testing';
import { VOLUMES_ROOT } from './volumeId';
import { Volumes, type VolumesDeps } from './volumes';
import type { GitFs } from './gitRepo';

/** Node's fs with every path moved under `root`, so `/volumes/...` lands in a temp dir. */
export function rootedFs(root: string): GitFs {
  const base = nodeFs.promises as unknown as Record<string, (...args: unknown[]) => unknown>;
  const promises = new Proxy(base, {
    get: (target, key: string) => {
      const fn = target[key];
      if (typeof fn !== 'function') return fn;
      return (path: unknown, ...rest: unknown[]) => fn.call(target, typeof path === 'string' ? root + path : path, ...rest);
    },
  });
  return { promises } as unknown as GitFs;
}

export function testVolumes(overrides: Partial<VolumesDeps> = {}) {
  const dir = tempDir();
  const clock = new FakeClock(Date.UTC(2026, 10, 21, 12, 0, 0));
  const commits: string[] = [];
  const volumes = new Volumes({
    fs: rootedFs(dir.path),
    clock,
    lock: createLockMap(),
    author: () => ({ name: 'Ada Lovelace', email: 'ada@example.org' }),
    user: 'ada',
    onCommit: (volume) => commits.push(volume),
    ...overrides,
  });
  return { volumes, clock, commits, root: dir.path, gitdir: (id: string) => `${dir.path}${VOLUMES_ROOT}/${id}`, remove: dir.remove };
}
