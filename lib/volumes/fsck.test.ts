import * as fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { asCommitOid } from '../core';
import { fsckRepository } from './fsck';
import { concat, deflate, encodeBlob, encodeCommit, sha1, writeObjects } from './gitObjects';
import { type GitFs, GitRepo } from './gitRepo';
import { writePack } from './packWriter';
import { nativeGit, nodeFs, tempDir } from './testing';
import { TreeCache } from './treeCache';

const author = { name: 'T', email: 't@example.org' };
const sig = { ...author, timestamp: 0 };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function newRepo(commits: number): Promise<{ repo: GitRepo; gitdir: string; packs: () => string[] }> {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const gitdir = `${dir.path}/repo.git`;
  const repo = new GitRepo({ fs: nodeFs, cache: {}, trees: new TreeCache() }, gitdir);
  await repo.init();
  for (let i = 0; i < commits; i++) {
    await repo.commit([{ path: `traces/2026/11/t${i}.json`, content: `{"i":${i}}` }, { path: 'skills/a/SKILL.md', content: `v${i % 3}` }], `c${i}`, author, i * 1000);
  }
  const packs = () => fs.readdirSync(`${gitdir}/objects/pack`).filter((n) => n.endsWith('.idx')).map((n) => `${gitdir}/objects/pack/${n.slice(0, -4)}`);
  return { repo, gitdir, packs };
}

const fsck = (gitdir: string) => fsckRepository(nodeFs, gitdir);
const nativeOk = (gitdir: string) => nativeGit(gitdir, 'fsck', '--full', '--strict');
const kinds = (r: { problems: readonly { kind: string }[] }) => [...new Set(r.problems.map((p) => p.kind))].sort();

/** A loose object written byte for byte as given: trees git would never write. */
async function writeRaw(gitdir: string, type: 'tree', content: Uint8Array): Promise<string> {
  const wrapped = concat([new TextEncoder().encode(`${type} ${content.byteLength}\0`), content]);
  const oid = [...(await sha1(wrapped))].map((b) => b.toString(16).padStart(2, '0')).join('');
  await writeObjects(nodeFs, gitdir, [{ oid, type, wrapped }]);
  return oid;
}

describe('fsckRepository on a healthy volume', () => {
  it('agrees with git that a volume of 40 commits, consolidated packs, loose and merge commits is sound, and counts every object', async () => {
    const { repo, gitdir, packs } = await newRepo(40);
    const head = (await repo.head())!;
    const side = await repo.commitTree(await repo.treeOf(head), 'side', author, 50_000, [head]); // loose commit
    await repo.commit([{ path: 'skills/a/SKILL.md', content: null }], 'merge', author, 60_000, [side, head]);
    expect(packs().length).toBeLessThan(40); // consolidation ran

    nativeOk(gitdir);
    const report = await fsck(gitdir);
    expect(report).toEqual({ ok: true, objects: report.objects, problems: [], garbage: [] });
    const stored = nativeGit(gitdir, 'cat-file', '--batch-all-objects', '--batch-check').trim().split('\n');
    expect(report.objects).toBe(stored.length);
  });

  it('tries each object once (one read of its loose path) and reads each pack at most twice (its checksum, then its objects): no repeated work', async () => {
    const { repo, gitdir } = await newRepo(10);
    const head = (await repo.head())!;
    await repo.commitTree(await repo.treeOf(head), 'loose', author, 20_000, [head]);
    const reads = new Map<string, number>();
    const counting = new Proxy(fs.promises, {
      get: (target, key) =>
        key === 'readFile'
          ? (path: unknown, ...rest: unknown[]) => {
              reads.set(String(path), (reads.get(String(path)) ?? 0) + 1);
              return (fs.promises.readFile as (...a: unknown[]) => unknown)(path, ...rest);
            }
          : (target as unknown as Record<string | symbol, unknown>)[key],
    });
    const report = await fsckRepository({ promises: counting } as unknown as GitFs, gitdir);
    expect(report.ok).toBe(true);
    const loose = [...reads].filter(([p]) => /objects\/[0-9a-f]{2}\//.test(p));
    expect(loose.length).toBeGreaterThan(0);
    expect(loose.filter(([, n]) => n > 1)).toEqual([]);
    expect([...reads].filter(([p, n]) => p.endsWith('.pack') && n > 2)).toEqual([]);
  });

  it('agrees with git that a pack left without its index by a cut-off write is harmless garbage', async () => {
    const { gitdir, packs } = await newRepo(2);
    const before = new Set(packs());
    await writePack(nodeFs, gitdir, [await encodeBlob(new TextEncoder().encode('never committed'))]);
    const stray = packs().find((p) => !before.has(p))!;
    fs.unlinkSync(`${stray}.idx`);

    nativeOk(gitdir);
    const report = await fsck(gitdir);
    expect(report.ok).toBe(true);
    expect(report.garbage).toEqual([`objects/pack/${stray.split('/').pop()}.pack`]);
  });
});

describe('fsckRepository on a damaged volume finds what git finds', () => {
  it('a byte changed inside a pack: bad-pack, naming the pack', async () => {
    const { gitdir, packs } = await newRepo(3);
    const pack = packs()[1]!;
    const bytes = fs.readFileSync(`${pack}.pack`);
    bytes[40] = bytes[40]! ^ 0xff;
    fs.writeFileSync(`${pack}.pack`, bytes);

    expect(() => nativeOk(gitdir)).toThrow();
    const report = await fsck(gitdir);
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1); // its objects are covered by the one problem, not listed one by one
    expect(report.problems[0]).toMatchObject({ kind: 'bad-pack', message: expect.stringContaining(`${pack.split('/').pop()} is damaged: the pack file fails its checksum`) });
  });

  it('a .pack file deleted, its index left: bad-pack', async () => {
    const { gitdir, packs } = await newRepo(3);
    fs.unlinkSync(`${packs()[0]!}.pack`);

    expect(() => nativeOk(gitdir)).toThrow();
    const report = await fsck(gitdir);
    expect(kinds(report)).toEqual(['bad-pack']);
    expect(report.problems[0]!.message).toContain('its .pack file is gone');
  });

  it('an index deleted, its pack left: the objects only it held are missing, and the pack is named', async () => {
    const { repo, gitdir, packs } = await newRepo(1);
    const first = (await repo.head())!;
    const firstPack = packs()[0]!;
    await repo.commit([{ path: 'notes.md', content: 'n' }], 'second', author, 5000);
    fs.unlinkSync(`${firstPack}.idx`);

    expect(() => nativeOk(gitdir)).toThrow();
    const report = await fsck(gitdir);
    expect(kinds(report)).toEqual(['bad-pack', 'missing']);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'missing', oid: first, message: expect.stringMatching(/^Commit [0-9a-f]{7} has parent [0-9a-f]{7}, which is not in the repository/) }));
    expect(report.garbage).toEqual([]);
  });

  it('a loose ref and a packed ref to commits that do not exist: bad-ref for each, named', async () => {
    const { gitdir } = await newRepo(2);
    const ghost = '3f2a'.padEnd(40, '0');
    fs.writeFileSync(`${gitdir}/refs/heads/ghost`, `${ghost}\n`);
    fs.writeFileSync(`${gitdir}/packed-refs`, `# pack-refs with: peeled fully-peeled sorted\n${'ab'.repeat(20)} refs/tags/old\n`);

    expect(() => nativeOk(gitdir)).toThrow();
    const report = await fsck(gitdir);
    expect(report.problems).toEqual([
      { kind: 'bad-ref', ref: 'refs/heads/ghost', oid: ghost, message: 'refs/heads/ghost points to 3f2a000, which is not in the repository. Point refs/heads/ghost at an existing commit or delete it.' },
      { kind: 'bad-ref', ref: 'refs/tags/old', oid: 'ab'.repeat(20), message: expect.stringContaining('refs/tags/old points to abababa, which is not in the repository') },
    ]);
  });

  it('a truncated loose commit at the head: corrupt, naming the commit', async () => {
    const { repo, gitdir } = await newRepo(2);
    const head = (await repo.head())!;
    const loose = await repo.commitTree(await repo.treeOf(head), 'loose', author, 9000, [head]);
    const path = `${gitdir}/objects/${loose.slice(0, 2)}/${loose.slice(2)}`;
    fs.writeFileSync(path, fs.readFileSync(path).subarray(0, 20));

    expect(() => nativeOk(gitdir)).toThrow();
    const report = await fsck(gitdir);
    expect(report.problems).toEqual([{ kind: 'corrupt', oid: loose, message: expect.stringMatching(new RegExp(`^Commit ${loose.slice(0, 7)} (cannot be read|is damaged)`)) }]);
  });

  it('a loose commit whose bytes were swapped for another commit (it still inflates and parses): corrupt, by re-hashing', async () => {
    const { repo, gitdir } = await newRepo(1);
    const head = (await repo.head())!;
    const loose = await repo.commitTree(await repo.treeOf(head), 'loose', author, 9000, [head]);
    const other = await encodeCommit({ tree: await repo.treeOf(head), parents: [head], author: sig, committer: sig, message: 'another' });
    fs.writeFileSync(`${gitdir}/objects/${loose.slice(0, 2)}/${loose.slice(2)}`, await deflate(other.wrapped));

    expect(() => nativeOk(gitdir)).toThrow();
    const report = await fsck(gitdir);
    expect(report.problems).toEqual([{ kind: 'corrupt', oid: loose, message: expect.stringContaining(`Commit ${loose.slice(0, 7)} is damaged: its content no longer matches its id (it hashes to ${other.oid.slice(0, 7)})`) }]);
  });

  it('a commit whose root tree is not in the repository: missing, naming the commit and the tree', async () => {
    const { repo, gitdir } = await newRepo(1);
    const tree = 'e'.repeat(40);
    const commit = await encodeCommit({ tree, parents: [(await repo.head())!], author: sig, committer: sig, message: 'no tree' });
    await writeObjects(nodeFs, gitdir, [commit]);
    await repo.setHead(asCommitOid(commit.oid));

    expect(() => nativeOk(gitdir)).toThrow();
    const report = await fsck(gitdir);
    expect(report.problems).toEqual([{ kind: 'missing', oid: tree, message: expect.stringContaining(`Commit ${commit.oid.slice(0, 7)} has root folder eeeeeee, which is not in the repository`) }]);
  });
});

describe('fsckRepository judges file modes as git --strict does, and where Weft could not read the tree', () => {
  // 040000 is zero-padded: an error for git --strict, though isomorphic-git reads it. 100664
  // (from old git): git only warns, but isomorphic-git cannot read the tree, so Weft could not open
  // the volume: reported, the one place we are stricter than git. 100644 is the sound control.
  it.each([
    { mode: '040000', sound: false, gitSound: false, weftReads: true },
    { mode: '100664', sound: false, gitSound: true, weftReads: false },
    { mode: '100644', sound: true, gitSound: true, weftReads: true },
  ])('a tree entry with mode $mode: sound = $sound (git: $gitSound)', async ({ mode, sound, gitSound, weftReads }) => {
    const { repo, gitdir } = await newRepo(1);
    const skills = (await repo.listDir('')).find((e) => e.path === 'skills')!;
    const blob = await encodeBlob(new TextEncoder().encode('x'));
    await writeObjects(nodeFs, gitdir, [blob]);
    const target = mode === '040000' ? skills.oid : blob.oid;
    const tree = await writeRaw(gitdir, 'tree', concat([new TextEncoder().encode(`${mode} odd\0`), Uint8Array.from(target.match(/../g)!.map((h) => parseInt(h, 16)))]));
    const commit = await encodeCommit({ tree, parents: [], author: sig, committer: sig, message: mode });
    await writeObjects(nodeFs, gitdir, [commit]);
    await repo.setHead(asCommitOid(commit.oid));

    if (gitSound) nativeOk(gitdir);
    else expect(() => nativeOk(gitdir)).toThrow();
    const reopened = new GitRepo({ fs: nodeFs, cache: {}, trees: new TreeCache() }, gitdir);
    if (weftReads) expect((await reopened.listDir('')).map((e) => e.path)).toEqual(['odd']);
    else await expect(reopened.listDir('')).rejects.toThrow();
    const report = await fsck(gitdir);
    if (sound) expect(report.problems).toEqual([]);
    else expect(report.problems).toEqual([{ kind: 'corrupt', oid: tree, message: expect.stringContaining(`entry "odd" has mode ${mode}, not one of git's`) }]);
  });
});
