import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { GitRepo } from './gitRepo';
import { nativeGit, nodeFs, tempDir } from './testing';
import { TreeCache } from './treeCache';

const author = { name: 'Ada Lovelace', email: 'ada@example.org' };
const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

async function newRepo() {
  const dir = tempDir();
  dirs.push(dir);
  const repo = new GitRepo({ fs: nodeFs, cache: {}, trees: new TreeCache() }, `${dir.path}/repo`);
  await repo.init();
  return repo;
}

describe('GitRepo (bare, written through objects)', () => {
  it('commits nested files that native git reads back, with a clean fsck', async () => {
    const repo = await newRepo();
    expect(await repo.head()).toBeNull();
    const first = await repo.commit([{ path: 'volume.json', content: '{"kind":"user"}\n' }, { path: 'skills/csv-stats/SKILL.md', content: '# csv\n' }], 'Create volume', author, 1_700_000_000_000);
    const second = await repo.commit([{ path: 'traces/2026/11/abc.json', content: '{}' }], 'Run demo: ok, 1 spans', author, 1_700_000_060_000);
    expect(second.changed).toBe(true);
    expect(await repo.head()).toBe(second.oid);
    expect(nativeGit(repo.gitdir, 'show', 'main:skills/csv-stats/SKILL.md')).toBe('# csv\n');
    expect(nativeGit(repo.gitdir, 'log', '--format=%H %an <%ae> %s', 'main').trim().split('\n')).toEqual([
      `${second.oid} Ada Lovelace <ada@example.org> Run demo: ok, 1 spans`,
      `${first.oid} Ada Lovelace <ada@example.org> Create volume`,
    ]);
    expect(nativeGit(repo.gitdir, 'ls-tree', '-r', '--name-only', 'main').trim().split('\n')).toEqual(['skills/csv-stats/SKILL.md', 'traces/2026/11/abc.json', 'volume.json']);
    nativeGit(repo.gitdir, 'fsck', '--full', '--strict');
  });

  it('reads files and folders at the head or at any earlier commit', async () => {
    const repo = await newRepo();
    const v1 = await repo.commit([{ path: 'a/b.txt', content: 'one' }], 'v1', author, 0);
    await repo.commit([{ path: 'a/b.txt', content: 'two' }, { path: 'a/c.txt', content: 'c' }], 'v2', author, 1000);
    expect(await repo.readText('a/b.txt')).toBe('two');
    expect(await repo.readText('a/b.txt', v1.oid)).toBe('one');
    expect(await repo.readText('a/missing.txt')).toBeNull();
    expect(await repo.readText('a')).toBeNull(); // a folder is not a file
    expect((await repo.listDir('a')).map((e) => e.path)).toEqual(['b.txt', 'c.txt']);
    expect(await repo.listFiles('')).toEqual(['a/b.txt', 'a/c.txt']);
  });

  it('deletes files, and a folder left empty disappears as in git', async () => {
    const repo = await newRepo();
    await repo.commit([{ path: 'skills/x/SKILL.md', content: 'x' }, { path: 'keep.txt', content: 'k' }], 'add', author, 0);
    await repo.commit([{ path: 'skills/x/SKILL.md', content: null }], 'delete', author, 1000);
    expect(await repo.listDir('')).toMatchObject([{ path: 'keep.txt' }]);
    nativeGit(repo.gitdir, 'fsck', '--full', '--strict');
  });

  it('writes each commit as one pack and merges small packs, without losing an object', async () => {
    const repo = await newRepo();
    for (let i = 0; i < 70; i++) await repo.commit([{ path: `traces/2026/11/t${i}.json`, content: `{"n":${i}}` }], `Run ${i}`, author, i * 1000);
    const packs = readdirSync(`${repo.gitdir}/objects/pack`).filter((f) => f.endsWith('.pack'));
    expect(packs.length).toBeLessThan(40); // merged at 32 small packs
    expect(readdirSync(`${repo.gitdir}/objects`).filter((d) => /^[0-9a-f]{2}$/.test(d))).toEqual([]); // no loose objects
    const fresh = new GitRepo({ fs: nodeFs, cache: {}, trees: new TreeCache() }, repo.gitdir); // nothing cached
    expect(await fresh.readText('traces/2026/11/t0.json')).toBe('{"n":0}');
    expect((await fresh.log({ limit: 100 })).length).toBe(70);
    expect(nativeGit(repo.gitdir, 'rev-list', '--count', 'main').trim()).toBe('70');
    nativeGit(repo.gitdir, 'fsck', '--full', '--strict');
  });

  it('makes no commit when nothing changes', async () => {
    const repo = await newRepo();
    const first = await repo.commit([{ path: 'f', content: 'same' }], 'add', author, 0);
    const again = await repo.commit([{ path: 'f', content: 'same' }], 'add again', author, 1000);
    expect(again).toEqual({ oid: first.oid, changed: false });
  });

  it('pages through history and filters it by file', async () => {
    const repo = await newRepo();
    for (let i = 0; i < 5; i++) await repo.commit([{ path: i % 2 ? 'odd.txt' : 'even.txt', content: String(i) }], `commit ${i}`, author, i * 1000);
    const page1 = await repo.log({ limit: 2 });
    expect(page1.map((c) => c.message)).toEqual(['commit 4', 'commit 3']);
    const page2 = await repo.log({ from: page1[1]!.parents[0]!, limit: 2 });
    expect(page2.map((c) => c.message)).toEqual(['commit 2', 'commit 1']);
    expect((await repo.log({ limit: 10, path: 'odd.txt' })).map((c) => c.message)).toEqual(['commit 3', 'commit 1']);
    expect(page1[0]).toMatchObject({ author, at: 4000 });
  });
});
