import { afterEach, describe, expect, it } from 'vitest';
import { GitRepo } from './gitRepo';
import { type MergeConflict, mergeTrees } from './mergeTrees';
import { nativeGit, nodeFs, tempDir } from './testing';
import { TreeCache } from './treeCache';

const author = { name: 'T', email: 't@example.org' };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** Builds base, ours and theirs as three commits from the same base, and merges them. */
async function merge(base: Record<string, string>, ours: Record<string, string | null>, theirs: Record<string, string | null>) {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const trees = new TreeCache();
  const repo = new GitRepo({ fs: nodeFs, cache: {}, trees }, `${dir.path}/r`);
  await repo.init();
  const files = (r: Record<string, string | null>) => Object.entries(r).map(([path, content]) => ({ path, content }));
  const b = await repo.commit(files(base), 'base', author, 0);
  const o = await repo.commit(files(ours), 'ours', author, 1000);
  await repo.setHead(b.oid);
  const t = await repo.commit(files(theirs), 'theirs', author, 2000);
  const treeOf = async (oid: string) => (await repo.readCommit(oid as never)).tree;
  const conflicts: MergeConflict[] = [];
  const store = { read: (oid: string) => trees.read(nodeFs, repo.gitdir, oid), write: (e: readonly never[]) => trees.write(nodeFs, repo.gitdir, e) };
  const merged = await mergeTrees(store, await treeOf(b.oid), await treeOf(o.oid), await treeOf(t.oid), 'abc1234', conflicts);
  const listing = nativeGit(repo.gitdir, 'ls-tree', '-r', merged!).trim().split('\n').map((l) => l.split('\t')[1]);
  const show = (path: string) => nativeGit(repo.gitdir, 'cat-file', '-p', `${merged}:${path}`);
  return { listing, show, conflicts };
}

describe('mergeTrees', () => {
  it('takes changes from both sides to different files without conflict', async () => {
    const m = await merge({ 'a.txt': 'a', 'skills/x/SKILL.md': 'x' }, { 'a.txt': 'a2' }, { 'skills/y/SKILL.md': 'y', 'traces/2026/11/t2.json': '{}' });
    expect(m.conflicts).toEqual([]);
    expect(m.listing).toEqual(['a.txt', 'skills/x/SKILL.md', 'skills/y/SKILL.md', 'traces/2026/11/t2.json']);
    expect(m.show('a.txt')).toBe('a2');
  });

  it('keeps ours in place and theirs beside it when both changed the same file', async () => {
    const m = await merge({ 'skills/x/SKILL.md': 'base' }, { 'skills/x/SKILL.md': 'mine' }, { 'skills/x/SKILL.md': 'theirs' });
    expect(m.conflicts).toEqual([{ path: 'skills/x/SKILL.md', kind: 'both-changed', theirs: 'skills/x/SKILL.md.remote-abc1234' }]);
    expect(m.show('skills/x/SKILL.md')).toBe('mine');
    expect(m.show('skills/x/SKILL.md.remote-abc1234')).toBe('theirs');
  });

  it('treats the same change on both sides as no conflict', async () => {
    const m = await merge({ f: 'base' }, { f: 'same' }, { f: 'same' });
    expect(m.conflicts).toEqual([]);
    expect(m.show('f')).toBe('same');
  });

  it('keeps a file one side deleted and the other changed, and says so', async () => {
    const here = await merge({ f: 'base', g: 'g' }, { f: null }, { f: 'changed there' });
    expect(here.conflicts).toEqual([{ path: 'f', kind: 'deleted-here' }]);
    expect(here.show('f')).toBe('changed there');
    const there = await merge({ f: 'base', g: 'g' }, { f: 'changed here' }, { f: null });
    expect(there.conflicts).toEqual([{ path: 'f', kind: 'deleted-there' }]);
    expect(there.show('f')).toBe('changed here');
  });

  it('applies a deletion the other side did not touch', async () => {
    const m = await merge({ f: 'f', g: 'g' }, { g: 'g2' }, { f: null });
    expect(m.listing).toEqual(['g']);
    expect(m.conflicts).toEqual([]);
  });
});
