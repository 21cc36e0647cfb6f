import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import http from 'isomorphic-git/http/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GitServer, startGitServer } from '../../e2e/fixtures/gitServer';
import type { WeftError } from '../core';
import { listConflicts, resolveConflict } from './conflicts';
import { promoteSkill } from './promoteSkill';
import { createLockMap } from './lockMap';
import { memoryStore } from './keyValueStore';
import { Workspace } from './workspace';
import { nativeGit } from './testing';
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

const run = promisify(execFile);

/**
 * A native-git working copy of a server repo, to change it "on the server side". Async on
 * purpose: the git server runs in this process, so a synchronous git call would deadlock it.
 */
async function nativeClone(url: string): Promise<{ dir: string; git: (...args: string[]) => Promise<string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'weft-native-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  await run('git', ['clone', '-q', url.replace('http://', `http://weft:${TOKEN}@`), dir]);
  const git = async (...args: string[]) => (await run('git', ['-C', dir, '-c', 'user.name=Server Side', '-c', 'user.email=server@example.org', ...args])).stdout;
  return { dir, git };
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

    const native = await nativeClone(url);
    writeFileSync(join(native.dir, 'skills/csv-stats/SKILL.md'), skill('csv-stats', 'server edit'));
    writeFileSync(join(native.dir, 'notes.md'), 'from the server\n');
    await native.git('commit', '-qam', 'Edit csv-stats on the server');
    await native.git('add', 'notes.md');
    await native.git('commit', '-qm', 'Add notes');
    await native.git('push', '-q', 'origin', 'main');

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
    const native = await nativeClone(url);
    writeFileSync(join(native.dir, 'README.md'), 'hello\n');
    await native.git('add', 'README.md');
    await native.git('commit', '-qm', 'Add README');
    await native.git('push', '-q', 'origin', 'main');
    expect(await ada.volumes.sync('teams/lab', remote)).toMatchObject({ outcome: 'pulled', received: 1, sent: 0 });
    expect((await ada.volumes.log('teams/lab', { limit: 1 }))[0]).toMatchObject({ message: 'Add README', author: { name: 'Server Side' } });
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
