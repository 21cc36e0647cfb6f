import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import http from 'isomorphic-git/http/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GitServer, startGitServer } from '../../e2e/fixtures/gitServer';
import type { WeftError } from '../core';
import { listConflicts, resolveConflict } from './conflicts';
import { promoteSkill } from './promoteSkill';
import { createLockMap } from './lockMap';
import { memoryStore } from './keyValueStore';
import { GitRepo } from './gitRepo';
import { countBetween } from './syncVolume';
import { TreeCache } from './treeCache';
import { Workspace } from './workspace';
import { nativeClone, nativeGit, nodeFs, tempDir } from './testing';
import { testVolumes } from './testVolumes';

const TOKEN = 's3cret-token';
let server: GitServer;
beforeAll(async () => {
  server = await startGitServer({ token: TOKEN });
});
afterAll(() => server.stop());
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const skill = (name: string, body: string) => `---\nname: ${name}\ndescription: ${name} skill.\n---\n${body}\n`;

async function device(user: string) {
  const t = testVolumes({ user, author: () => ({ name: user, email: `${user}@example.org` }) });
  cleanups.push(t.remove);
  await t.volumes.ensure(t.volumes.userVolume);
  return t;
}

async function nativeCloneOf(url: string) {
  const native = await nativeClone(url, TOKEN);
  cleanups.push(native.remove);
  return native;
}

describe('sync with a real git server (git http-backend)', () => {
  it('promotes a skill to a team, pushes it, and a second device clones it', async () => {
    const repoPath = await server.createRepo('lab-promote');
    const url = server.repoUrl('lab-promote');
    const ada = await device('ada');
    await ada.volumes.ensure('teams/lab', undefined, { empty: true });
    const remote = { url, token: TOKEN, http };
    const first = await ada.volumes.sync('teams/lab', remote);
    expect(first.outcome).toBe('up-to-date'); // both empty
    await ada.volumes.ensure('teams/lab'); // first commit, then push
    await ada.volumes.writeSkill(ada.volumes.userVolume, 'csv-stats', skill('csv-stats', 'Count rows.'));
    const promoted = await promoteSkill(ada.volumes, 'csv-stats', 'lab', 'used in every report', remote);
    expect(promoted.sync).toMatchObject({ outcome: 'pushed', sent: 2 });

    expect(nativeGit(repoPath, 'log', '--format=%s|%an', 'main').trim().split('\n')).toEqual(['Promote csv-stats from ada: used in every report|ada', 'Create volume teams/lab|ada']);
    expect(nativeGit(repoPath, 'show', 'main:skills/csv-stats/SKILL.md')).toContain('Count rows.');
    nativeGit(repoPath, 'fsck', '--full', '--strict');

    const bob = await device('bob');
    await bob.volumes.ensure('teams/lab', undefined, { empty: true });
    expect(await bob.volumes.sync('teams/lab', remote)).toMatchObject({ outcome: 'pulled', received: 2, conflicts: [] });
    expect(await bob.volumes.readSkill('teams/lab', 'csv-stats')).toContain('Count rows.');
    expect(await bob.volumes.resolveSkill('csv-stats')).toEqual({ volume: 'teams/lab', shadows: [] });
  });

  it('merges a change made on the server with one made here, keeping both versions on conflict', async () => {
    const repoPath = await server.createRepo('lab-conflict');
    const url = server.repoUrl('lab-conflict');
    const remote = { url, token: TOKEN, http };
    const ada = await device('ada');
    await ada.volumes.ensure('teams/lab');
    await ada.volumes.writeSkill(ada.volumes.userVolume, 'csv-stats', skill('csv-stats', 'v1'));
    await promoteSkill(ada.volumes, 'csv-stats', 'lab', 'first version', remote);

    const native = await nativeCloneOf(url);
    writeFileSync(join(native.dir, 'skills/csv-stats/SKILL.md'), skill('csv-stats', 'server edit'));
    writeFileSync(join(native.dir, 'notes.md'), 'from the server\n');
    await native.git(['commit', '-qam', 'Edit csv-stats on the server']);
    await native.git(['add', 'notes.md']);
    await native.git(['commit', '-qm', 'Add notes']);
    await native.git(['push', '-q', 'origin', 'main']);

    await ada.volumes.writeSkill(ada.volumes.userVolume, 'csv-stats', skill('csv-stats', 'my edit'));
    const result = await promoteSkill(ada.volumes, 'csv-stats', 'lab', 'second version', remote);
    expect(result.sync?.outcome).toBe('merged');
    expect(result.sync?.received).toBe(2);
    const theirsPath = result.sync!.conflicts[0]!.theirs!;
    expect(result.sync?.conflicts).toEqual([{ path: 'skills/csv-stats/SKILL.md', kind: 'both-changed', theirs: expect.stringMatching(/^skills\/csv-stats\/SKILL\.md\.remote-[0-9a-f]{7}$/) }]);
    expect(await ada.volumes.readSkill('teams/lab', 'csv-stats')).toContain('my edit');
    expect(await ada.volumes.read('teams/lab', theirsPath)).toContain('server edit');
    expect(await ada.volumes.read('teams/lab', 'notes.md')).toBe('from the server\n');

    const conflicts = await listConflicts(ada.volumes, 'teams/lab');
    expect(conflicts).toEqual([{ path: 'skills/csv-stats/SKILL.md', theirs: theirsPath, tag: theirsPath.slice(-7) }]);
    const kept = await resolveConflict(ada.volumes, 'teams/lab', theirsPath, 'both');
    const copyName = `csv-stats-${theirsPath.slice(-7)}`;
    expect(kept.kept).toEqual(['skills/csv-stats/SKILL.md', `skills/${copyName}/SKILL.md`]);
    expect(await ada.volumes.readSkill('teams/lab', copyName)).toContain(`name: ${copyName}`);
    expect(await listConflicts(ada.volumes, 'teams/lab')).toEqual([]);
    expect(await ada.volumes.sync('teams/lab', remote)).toMatchObject({ outcome: 'pushed', sent: 1 });

    // The server has everything, and git itself accepts the repository.
    const files = nativeGit(repoPath, 'ls-tree', '-r', '--name-only', 'main').trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['notes.md', 'skills/csv-stats/SKILL.md', `skills/${copyName}/SKILL.md`]));
    expect(nativeGit(repoPath, 'show', `main:skills/${copyName}/SKILL.md`)).toContain('server edit');
    expect(nativeGit(repoPath, 'show', 'main:skills/csv-stats/SKILL.md')).toContain('my edit');
    nativeGit(repoPath, 'fsck', '--full', '--strict');
  });

  it('pulls a fast-forward made on the server', async () => {
    const url = server.repoUrl('lab-ff');
    await server.createRepo('lab-ff');
    const remote = { url, token: TOKEN, http };
    const ada = await device('ada');
    await ada.volumes.ensure('teams/lab');
    await ada.volumes.sync('teams/lab', remote);
    const native = await nativeCloneOf(url);
    writeFileSync(join(native.dir, 'README.md'), 'hello\n');
    await native.git(['add', 'README.md']);
    await native.git(['commit', '-qm', 'Add README']);
    await native.git(['push', '-q', 'origin', 'main']);
    expect(await ada.volumes.sync('teams/lab', remote)).toMatchObject({ outcome: 'pulled', received: 1, sent: 0 });
    expect((await ada.volumes.log('teams/lab', { limit: 1 }))[0]).toMatchObject({ message: 'Add README', author: { name: 'Server Side' } });
  });

  it('a promotion whose push reaches nothing keeps its commit, says so, and the next sync sends it', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/lab.git`;
    await new Promise((resolve) => closed.close(resolve)); // nothing listens there now
    const ada = await device('ada');
    await ada.volumes.ensure('teams/lab');
    await ada.volumes.writeSkill(ada.volumes.userVolume, 'csv-stats', skill('csv-stats', 'Count rows.'));
    const failed = await promoteSkill(ada.volumes, 'csv-stats', 'lab', 'used in every report', { url: deadUrl, token: TOKEN, http }).then(
      () => null,
      (e: WeftError) => e,
    );
    const [head] = await ada.volumes.log('teams/lab', { limit: 1 });
    expect(head?.message).toBe('Promote csv-stats from ada: used in every report');
    expect(failed).toMatchObject({ code: 'REMOTE_UNREACHABLE', data: { volume: 'teams/lab', commit: head?.oid, pushed: false } });
    expect(failed?.message).toMatch(new RegExp(`^csv-stats is promoted to teams/lab on this device \\(commit ${head?.oid.slice(0, 7)}\\) but not pushed: the commit is kept and goes out with the next sync of teams/lab\\. Could not reach 127\\.0\\.0\\.1:`));

    // The remote answers again (here: a server at another address): the next sync sends the promotion.
    const repoPath = await server.createRepo('lab-later');
    expect(await ada.volumes.sync('teams/lab', { url: server.repoUrl('lab-later'), token: TOKEN, http })).toMatchObject({ outcome: 'pushed', sent: 2 });
    expect(nativeGit(repoPath, 'log', '-1', '--format=%s', 'main').trim()).toBe('Promote csv-stats from ada: used in every report');
  });
});

describe('two devices on one team remote: conflicts in both directions keep both versions', () => {
  const MINUTE = 60_000;

  /** Ada promotes `files` as skill `name` to a fresh team remote; Bob clones it. Both devices are returned. */
  async function twoDevices(repo: string, name: string, files: Record<string, string>) {
    const repoPath = await server.createRepo(repo);
    const remote = { url: server.repoUrl(repo), token: TOKEN, http };
    const ada = await device('ada');
    const bob = await device('bob');
    await ada.volumes.ensure('teams/lab');
    for (const [path, content] of Object.entries(files)) await ada.volumes.writeFile(ada.volumes.userVolume, `skills/${name}/${path}`, content, `Write ${path}`);
    await promoteSkill(ada.volumes, name, 'lab', 'first version', remote);
    await bob.volumes.ensure('teams/lab', undefined, { empty: true });
    expect(await bob.volumes.sync('teams/lab', remote)).toMatchObject({ outcome: 'pulled', received: 2, conflicts: [] });
    return { repoPath, remote, ada, bob };
  }

  /** Every file of the team volume with its content, as one device (or the server) has it. */
  async function teamFiles(t: Awaited<ReturnType<typeof device>>): Promise<Record<string, string>> {
    const repo = await t.volumes.open('teams/lab');
    const paths = (await repo.listFiles('skills')).sort();
    return Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await t.volumes.read('teams/lab', p)] as const)));
  }
  function serverFiles(repoPath: string): Record<string, string> {
    const paths = nativeGit(repoPath, 'ls-tree', '-r', '--name-only', 'main', 'skills').trim().split('\n').sort();
    return Object.fromEntries(paths.map((p) => [p, nativeGit(repoPath, 'show', `main:${p}`)]));
  }

  it('Bob edits a skill Ada changed first: Bob keeps both and pushes, Ada receives both, and "keep both" reaches everyone', async () => {
    // Proves the direction the native-git test does not: the conflicting edit arrives from another
    // Weft device, and it is this device's own edit (Ada's, already on the server) that comes back
    // as "theirs". Neither version is lost at any step: Bob's merge holds both and is pushed, Ada
    // receives that merge by fast-forward (her own edit beside Bob's), and once Bob keeps both, each
    // version is a skill of its own on both devices and on a server repository git accepts.
    const { repoPath, remote, ada, bob } = await twoDevices('lab-two-devices', 'csv-stats', { 'SKILL.md': skill('csv-stats', 'v1') });

    // Bob edits and promotes while offline; Ada edits later, but her promotion reaches the server first.
    bob.clock.advance(MINUTE);
    await bob.volumes.writeSkill(bob.volumes.userVolume, 'csv-stats', skill('csv-stats', 'bob edit'));
    await promoteSkill(bob.volumes, 'csv-stats', 'lab', 'count columns', null);
    ada.clock.advance(2 * MINUTE);
    await ada.volumes.writeSkill(ada.volumes.userVolume, 'csv-stats', skill('csv-stats', 'ada edit'));
    const adaEdit = await promoteSkill(ada.volumes, 'csv-stats', 'lab', 'report the mean', remote);
    expect(adaEdit.sync).toMatchObject({ outcome: 'pushed', sent: 1 });

    // Bob syncs: his version stays in place, Ada's (tagged with her commit) sits beside it, and the merge is pushed.
    bob.clock.advance(2 * MINUTE);
    const tag = adaEdit.commit.slice(0, 7);
    const theirsPath = `skills/csv-stats/SKILL.md.remote-${tag}`;
    const merged = await bob.volumes.sync('teams/lab', remote);
    expect(merged).toMatchObject({ outcome: 'merged', received: 1, sent: 2, conflicts: [{ path: 'skills/csv-stats/SKILL.md', kind: 'both-changed', theirs: theirsPath }] });
    const bothVersions = { 'skills/csv-stats/SKILL.md': skill('csv-stats', 'bob edit'), [theirsPath]: skill('csv-stats', 'ada edit') };
    expect(await teamFiles(bob)).toEqual(bothVersions);
    expect(serverFiles(repoPath)).toEqual(bothVersions);

    // Ada syncs: a fast-forward to Bob's merge (his promotion and the merge), so she has both versions too.
    ada.clock.advance(3 * MINUTE);
    expect(await ada.volumes.sync('teams/lab', remote)).toEqual({ outcome: 'pulled', head: merged.head, received: 2, sent: 0, conflicts: [] });
    expect(await teamFiles(ada)).toEqual(bothVersions);
    expect(await listConflicts(ada.volumes, 'teams/lab')).toEqual([{ path: 'skills/csv-stats/SKILL.md', theirs: theirsPath, tag }]);

    // Bob keeps both and pushes; Ada receives it: Bob's version in place, hers as a skill of its own, no conflict left.
    const copyName = `csv-stats-${tag}`;
    expect((await resolveConflict(bob.volumes, 'teams/lab', theirsPath, 'both')).kept).toEqual(['skills/csv-stats/SKILL.md', `skills/${copyName}/SKILL.md`]);
    expect(await bob.volumes.sync('teams/lab', remote)).toMatchObject({ outcome: 'pushed', sent: 1 });
    expect(await ada.volumes.sync('teams/lab', remote)).toMatchObject({ outcome: 'pulled', received: 1, conflicts: [] });
    const resolved = { 'skills/csv-stats/SKILL.md': skill('csv-stats', 'bob edit'), [`skills/${copyName}/SKILL.md`]: skill('csv-stats', 'ada edit').replace('name: csv-stats', `name: ${copyName}`) };
    expect(await teamFiles(ada)).toEqual(resolved);
    expect(await teamFiles(bob)).toEqual(resolved);
    expect(serverFiles(repoPath)).toEqual(resolved);
    expect(await listConflicts(ada.volumes, 'teams/lab')).toEqual([]);
    nativeGit(repoPath, 'fsck', '--full', '--strict');
  });

  it.each([
    ['Ada’s edit', 'deleted-here'],
    ['Bob’s rename', 'deleted-there'],
  ] as const)('Ada edits a script that Bob renames; %s reaches the server first, and both versions are kept everywhere', async (first, kind) => {
    // Proves the edit/delete conflict in both directions between two Weft devices: Bob's promotion
    // renames scripts/stats.py to scripts/count.py (the old file is deleted), while Ada edits
    // scripts/stats.py. Whichever device syncs second merges — as "deleted here" when Bob merges
    // Ada's edit, "deleted there" when Ada merges Bob's rename — and Ada's edited file survives
    // beside Bob's renamed one, on the device that merged, on the server, and on the other device.
    const files = { 'SKILL.md': skill('fit', 'Run scripts/stats.py.'), 'scripts/stats.py': 'print("v1")\n' };
    const { repoPath, remote, ada, bob } = await twoDevices(`lab-rename-${kind}`, 'fit', files);

    ada.clock.advance(MINUTE);
    await ada.volumes.writeFile(ada.volumes.userVolume, 'skills/fit/scripts/stats.py', 'print("ada edit")\n', 'Edit stats.py');
    await promoteSkill(ada.volumes, 'fit', 'lab', 'print more', null);
    bob.clock.advance(2 * MINUTE);
    await bob.volumes.writeFile(bob.volumes.userVolume, 'skills/fit/SKILL.md', files['SKILL.md'], 'Copy fit');
    await bob.volumes.writeFile(bob.volumes.userVolume, 'skills/fit/scripts/count.py', 'print("v1")\n', 'Rename stats.py');
    await promoteSkill(bob.volumes, 'fit', 'lab', 'rename the script', null);

    const [early, late] = first === 'Ada’s edit' ? [ada, bob] : [bob, ada];
    early.clock.advance(MINUTE);
    expect(await early.volumes.sync('teams/lab', remote)).toMatchObject({ outcome: 'pushed', sent: 1 });
    late.clock.advance(2 * MINUTE);
    const merged = await late.volumes.sync('teams/lab', remote);
    expect(merged).toMatchObject({ outcome: 'merged', received: 1, sent: 2, conflicts: [{ path: 'skills/fit/scripts/stats.py', kind }] });
    early.clock.advance(3 * MINUTE);
    expect(await early.volumes.sync('teams/lab', remote)).toEqual({ outcome: 'pulled', head: merged.head, received: 2, sent: 0, conflicts: [] });

    const both = { 'skills/fit/SKILL.md': files['SKILL.md'], 'skills/fit/scripts/count.py': 'print("v1")\n', 'skills/fit/scripts/stats.py': 'print("ada edit")\n' };
    expect(await teamFiles(ada)).toEqual(both);
    expect(await teamFiles(bob)).toEqual(both);
    expect(serverFiles(repoPath)).toEqual(both);
    nativeGit(repoPath, 'fsck', '--full', '--strict');
  });
});

describe('the commit counts a sync reports', () => {
  /**
   * Bob's offline edit (off the base) merged with Ada's pushed edit. Times are seconds; the
   * commits are what `received` and `sent` count, whatever the devices' clocks said.
   */
  async function offlineMerge(seconds: { base: number; offline: number; pushed: number; merge: number }) {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const repo = new GitRepo({ fs: nodeFs, cache: {}, trees: new TreeCache() }, `${dir.path}/r`);
    await repo.init();
    const author = { name: 'Bob', email: 'bob@example.org' };
    const at = (s: number) => Date.UTC(2026, 10, 21) + s * 1000;
    const base = (await repo.commit([{ path: 'a', content: 'base' }], 'base', author, at(seconds.base))).oid;
    const offline = (await repo.commit([{ path: 'b', content: 'bob' }], 'offline', author, at(seconds.offline))).oid;
    await repo.setHead(base);
    const pushed = (await repo.commit([{ path: 'c', content: 'ada' }], 'pushed', author, at(seconds.pushed))).oid;
    const merge = (await repo.commit([{ path: 'b', content: 'bob' }], 'merge', author, at(seconds.merge), [pushed, offline])).oid;
    return { repo, base, pushed, merge };
  }

  it.each([
    ['Bob’s edit is older than Ada’s', { base: 0, offline: 60, pushed: 120, merge: 180 }],
    ['every commit is in the same second', { base: 0, offline: 0, pushed: 0, merge: 0 }],
    ['Bob’s clock is an hour behind', { base: 3600, offline: 60, pushed: 3660, merge: 120 }],
  ])('counts the merge and the offline edit it brings, when %s', async (_, seconds) => {
    // Proves the counts follow the history, not the clocks: the offline edit is not reachable from
    // Ada's commit, so it counts even when older than it (the old walk skipped it, and with Bob's
    // clock behind it even counted nothing, so Ada's fast-forward read "Up to date").
    const { repo, base, pushed, merge } = await offlineMerge(seconds);
    expect(await countBetween(repo, pushed, base)).toBe(1); // what Bob receives
    expect(await countBetween(repo, merge, pushed)).toBe(2); // what Bob sends, and Ada receives
    expect(await countBetween(repo, merge, null)).toBe(4);
  });
});

describe('adding a team volume from a remote', () => {
  it('leaves nothing behind when the first sync fails, so adding it again with the right token works', async () => {
    await server.createRepo('lab-retry');
    const ada = await device('ada');
    const ws = await Workspace.open({ fs: ada.volumes.deps.fs, clock: ada.clock, lock: createLockMap(), http, settings: memoryStore(), secrets: memoryStore(), user: 'ada' });
    const url = server.repoUrl('lab-retry');
    await expect(ws.createTeam('lab', { url, token: 'wrong' })).rejects.toMatchObject({ code: 'REMOTE_AUTH' });
    expect((await ws.listVolumes()).map((v) => v.id)).toEqual(['users/ada']);
    const created = await ws.createTeam('lab', { url, token: TOKEN });
    expect(created.volume).toBe('teams/lab');
    expect((await ws.listVolumes()).find((v) => v.id === 'teams/lab')).toMatchObject({ remote: { url }, hasToken: true });
  });
});

describe('sync refuses bad remotes with a clear error', () => {
  async function syncError(url: string, token: string | null = TOKEN): Promise<WeftError> {
    const ada = await device('ada');
    await ada.volumes.ensure('teams/lab');
    return ada.volumes.sync('teams/lab', { url, token, http }).then(
      () => {
        throw new Error('expected sync to fail');
      },
      (e: WeftError) => e,
    );
  }

  it('a wrong token → REMOTE_AUTH', async () => {
    await server.createRepo('lab-auth');
    expect(await syncError(server.repoUrl('lab-auth'), 'wrong')).toMatchObject({ code: 'REMOTE_AUTH', message: expect.stringMatching(/refused the credentials.*token/) });
    expect((await syncError(server.repoUrl('lab-auth'), null)).code).toBe('REMOTE_AUTH');
  });

  it('a repository that does not exist → REMOTE_NOT_FOUND', async () => {
    expect(await syncError(server.repoUrl('no-such-repo'))).toMatchObject({ code: 'REMOTE_NOT_FOUND' });
  });

  it.each([['ssh://git@example.org/x.git'], ['file:///etc'], ['not a url'], ['https://user:pw@example.org/x.git']])('%s → REMOTE_URL_INVALID', async (url) => {
    expect((await syncError(url)).code).toBe('REMOTE_URL_INVALID');
  });

  it('nobody listening → REMOTE_UNREACHABLE', async () => {
    expect((await syncError('http://127.0.0.1:9/x.git')).code).toBe('REMOTE_UNREACHABLE');
  });
});
