import * as fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type GitFs, GitRepo } from './gitRepo';
import { nativeGit, tempDir } from './testing';
import { TreeCache } from './treeCache';

const author = { name: 'T', email: 't@example.org' };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** Node's fs that "dies" at the n-th file write: that write and every later one fail. */
function dyingFs(dieAt: number): { fs: GitFs; writes: () => number } {
  let writes = 0;
  const promises = new Proxy(fs.promises, {
    get(target, key: string) {
      const fn = (target as unknown as Record<string, unknown>)[key];
      if (key !== 'writeFile' || typeof fn !== 'function') return fn;
      return async (...args: unknown[]) => {
        if (++writes >= dieAt) throw Object.assign(new Error('the tab was closed'), { code: 'EIO' });
        return (fn as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
  return { fs: { promises } as unknown as GitFs, writes: () => writes };
}

describe('a commit cut off at any point', () => {
  // A commit writes: the pack, its index, the ref. Dying before each of them must leave the
  // repository as it was before that commit, readable and clean for native git.
  it.each([1, 2, 3])('dying at write %i of the commit leaves the previous commit intact and fsck clean', async (dieAt) => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const gitdir = `${dir.path}/repo`;
    const healthy = new GitRepo({ fs: fs as unknown as GitFs, cache: {}, trees: new TreeCache() }, gitdir);
    await healthy.init();
    const before = await healthy.commit([{ path: 'skills/a/SKILL.md', content: 'v1' }], 'v1', author, 0);

    const dying = dyingFs(dieAt);
    const crashed = new GitRepo({ fs: dying.fs, cache: {}, trees: new TreeCache() }, gitdir);
    await expect(crashed.commit([{ path: 'skills/a/SKILL.md', content: 'v2' }, { path: 'traces/2026/11/t.json', content: '{}' }], 'v2', author, 1000)).rejects.toThrow('the tab was closed');

    // Reopened after the crash: the last finished commit is the head, git itself finds nothing wrong.
    const reopened = new GitRepo({ fs: fs as unknown as GitFs, cache: {}, trees: new TreeCache() }, gitdir);
    expect(await reopened.head()).toBe(before.oid);
    expect(await reopened.readText('skills/a/SKILL.md')).toBe('v1');
    nativeGit(gitdir, 'fsck', '--full', '--strict');
    // And work goes on.
    const after = await reopened.commit([{ path: 'skills/a/SKILL.md', content: 'v2' }], 'v2 again', author, 2000);
    expect(nativeGit(gitdir, 'log', '--format=%s', 'main').trim().split('\n')).toEqual(['v2 again', 'v1']);
    expect(after.changed).toBe(true);
  });
});
