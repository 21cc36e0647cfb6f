import { afterEach, describe, expect, it } from 'vitest';
import { asTraceId, type WeftError } from '../core';
import { makeTrace, sealSpan, ZERO_ENERGY } from '../spans';
import { nativeGit } from './testing';
import { testVolumes } from './testVolumes';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function setup() {
  const t = testVolumes();
  cleanups.push(t.remove);
  await t.volumes.ensure('system');
  await t.volumes.ensure('teams/lab');
  await t.volumes.ensure(t.volumes.userVolume);
  return t;
}

const SKILL = '---\nname: csv-stats\ndescription: Summarise a CSV file.\n---\nCount rows.\n';

async function failure(promise: Promise<unknown>): Promise<WeftError> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: WeftError) => e,
  );
}

describe('volumes', () => {
  it('creates each volume as a git repository with volume.json as its first commit', async () => {
    const { volumes, gitdir } = await setup();
    expect((await volumes.list()).map((v) => [v.id, v.kind, v.writable])).toEqual([
      ['system', 'system', false],
      ['teams/lab', 'team', false],
      ['users/ada', 'user', true],
    ]);
    expect(nativeGit(gitdir('users/ada'), 'log', '--format=%s', 'main').trim()).toBe('Create volume users/ada');
    expect(JSON.parse(await volumes.read('teams/lab', 'volume.json'))).toMatchObject({ kind: 'team', title: 'Team lab' });
  });

  it('adds, updates, lists, reads and deletes skills, one commit each with a message that says what happened', async () => {
    const { volumes, gitdir } = await setup();
    const me = volumes.userVolume;
    await volumes.writeSkill(me, 'csv-stats', SKILL);
    await volumes.writeSkill(me, 'csv-stats', SKILL.replace('Count rows.', 'Count rows and columns.'));
    await volumes.writeSkill(me, 'plot-xy', '---\nname: plot-xy\ndescription: Plot.\n---\n');
    expect(await volumes.listSkills(me)).toEqual(['csv-stats', 'plot-xy']);
    expect(await volumes.readSkill(me, 'csv-stats')).toContain('Count rows and columns.');
    await volumes.deleteSkill(me, 'plot-xy');
    expect(await volumes.listSkills(me)).toEqual(['csv-stats']);
    expect(nativeGit(gitdir(me), 'log', '--format=%s|%an <%ae>', 'main').trim().split('\n')).toEqual([
      'Delete skill plot-xy|Ada Lovelace <ada@example.org>',
      'Add skill plot-xy|Ada Lovelace <ada@example.org>',
      'Update skill csv-stats|Ada Lovelace <ada@example.org>',
      'Add skill csv-stats|Ada Lovelace <ada@example.org>',
      'Create volume users/ada|Ada Lovelace <ada@example.org>',
    ]);
    nativeGit(gitdir(me), 'fsck', '--full', '--strict');
  });

  it('writing the same content again makes no commit', async () => {
    const { volumes } = await setup();
    const first = await volumes.writeSkill(volumes.userVolume, 'csv-stats', SKILL);
    const again = await volumes.writeSkill(volumes.userVolume, 'csv-stats', SKILL);
    expect(again).toEqual({ volume: 'users/ada', commit: first.commit, changed: false });
  });

  it('stores workflows as workflows/<name>.workflow.json', async () => {
    const { volumes } = await setup();
    const me = volumes.userVolume;
    const wf = { id: 'w1', name: 'daily-report', nodes: [], edges: [] };
    await volumes.writeWorkflow(me, 'daily-report', wf);
    expect(await volumes.listWorkflows(me)).toEqual(['daily-report']);
    expect(await volumes.readWorkflow(me, 'daily-report')).toEqual(wf);
    expect(await volumes.read(me, 'workflows/daily-report.workflow.json')).toContain('"daily-report"');
    await volumes.deleteWorkflow(me, 'daily-report');
    expect(await volumes.listWorkflows(me)).toEqual([]);
  });

  it('appends traces under traces/<yyyy>/<mm>/<traceId>.json with the caller’s message', async () => {
    const { volumes, gitdir } = await setup();
    const traceId = asTraceId('0123456789abcdef0123456789abcdef');
    const span = await sealSpan({ traceId, parents: [], kind: 'run', name: 'vqe-plot', pid: null, start: Date.UTC(2026, 10, 3), end: Date.UTC(2026, 10, 3) + 5, status: 'ok', inputsHash: null, outputsHash: null, energy: ZERO_ENERGY, attributes: {} });
    const result = await volumes.appendTrace(volumes.userVolume, await makeTrace(traceId, [span]), 'Run vqe-plot: ok, 1 spans');
    expect(result.path).toBe(`traces/2026/11/${traceId}.json`);
    expect(JSON.parse(nativeGit(gitdir('users/ada'), 'show', `main:${result.path}`)).spans[0].name).toBe('vqe-plot');
    expect(nativeGit(gitdir('users/ada'), 'log', '-1', '--format=%s', 'main').trim()).toBe('Run vqe-plot: ok, 1 spans');
  });

  it('shows the history of a volume or one file, and restores a file from an earlier commit', async () => {
    const { volumes, clock } = await setup();
    const me = volumes.userVolume;
    const v1 = await volumes.writeSkill(me, 'csv-stats', SKILL);
    clock.advance(60_000);
    await volumes.writeSkill(me, 'csv-stats', 'broken');
    await volumes.writeSkill(me, 'other', '---\nname: other\ndescription: x\n---\n');
    const history = await volumes.log(me, { path: 'skills/csv-stats/SKILL.md' });
    expect(history.map((c) => c.message)).toEqual(['Update skill csv-stats', 'Add skill csv-stats']);
    const restored = await volumes.restore(me, 'skills/csv-stats/SKILL.md', v1.commit);
    expect(await volumes.readSkill(me, 'csv-stats')).toBe(SKILL);
    expect((await volumes.log(me, { limit: 1 }))[0]).toMatchObject({ oid: restored.commit, message: `Restore skills/csv-stats/SKILL.md from ${v1.commit.slice(0, 7)}` });
  });

  it('resolves a skill user → team → system and names the volumes it shadows', async () => {
    const { volumes } = await setup();
    // Teams and system are written only through promote/sync/seeding; here through the internal writer.
    await volumes.write('system', async () => ({ changes: [{ path: 'skills/csv-stats/SKILL.md', content: 'system' }], message: 'Seed' }));
    expect(await volumes.resolveSkill('csv-stats')).toEqual({ volume: 'system', shadows: [] });
    await volumes.write('teams/lab', async () => ({ changes: [{ path: 'skills/csv-stats/SKILL.md', content: 'team' }], message: 'Promote' }));
    await volumes.writeSkill(volumes.userVolume, 'csv-stats', SKILL);
    expect(await volumes.resolveSkill('csv-stats')).toEqual({ volume: 'users/ada', shadows: ['teams/lab', 'system'] });
    expect((await failure(volumes.resolveSkill('nope'))).code).toBe('SKILL_NOT_FOUND');
  });

  it('never loses a commit when many writes race', async () => {
    const { volumes, gitdir } = await setup();
    await Promise.all(Array.from({ length: 30 }, (_, i) => volumes.writeSkill(volumes.userVolume, `skill-${i}`, `# ${i}\n`)));
    expect(await volumes.listSkills(volumes.userVolume)).toHaveLength(30);
    expect(nativeGit(gitdir('users/ada'), 'rev-list', '--count', 'main').trim()).toBe('31');
    nativeGit(gitdir('users/ada'), 'fsck', '--full', '--strict');
  });
});

describe('a malformed volume.json (a bad push from a teammate)', () => {
  it('does not break the listing of every volume', async () => {
    const { volumes } = await setup();
    await volumes.write('teams/lab', async () => ({ changes: [{ path: 'volume.json', content: '{ not json' }], message: 'Break it' }));
    expect((await volumes.list()).map((v) => [v.id, v.title])).toEqual([
      ['system', 'Built-in skills'],
      ['teams/lab', 'Team lab'],
      ['users/ada', 'ada’s volume'],
    ]);
  });
});

describe('volume access rules', () => {
  it.each([
    ['system', /system volume holds the built-in skills and never changes/],
    ['teams/lab', /changes only by promoting a skill .* or by syncing/],
  ])('refuses user writes to %s with VOLUME_READONLY', async (volume, message) => {
    const { volumes } = await setup();
    const e = await failure(volumes.writeSkill(volume as 'system', 'csv-stats', SKILL));
    expect(e).toMatchObject({ code: 'VOLUME_READONLY', message: expect.stringMatching(message) });
    expect(await volumes.listSkills(volume as 'system')).toEqual([]);
  });

  it('refuses another user’s volume', async () => {
    const { volumes } = await setup();
    await volumes.ensure('users/bob');
    expect((await failure(volumes.writeSkill('users/bob', 'x', 'x'))).code).toBe('VOLUME_READONLY');
  });
});

describe('bad input gets its own error and writes nothing', () => {
  it.each([
    ['../escape'], ['/etc/passwd'], ['skills/../../x'], ['a\u0000b'], ['skills//x'], ['.git/config'], ['C:/x'], [''],
  ])('path %j → VOLUME_PATH_INVALID', async (path) => {
    const { volumes } = await setup();
    const before = await volumes.log(volumes.userVolume);
    expect((await failure(volumes.restore(volumes.userVolume, path, before[0]!.oid))).code).toBe('VOLUME_PATH_INVALID');
    expect((await failure(volumes.read(volumes.userVolume, path))).code).toBe('VOLUME_PATH_INVALID');
    expect(await volumes.log(volumes.userVolume)).toEqual(before);
  });

  it.each([['CSV-Stats'], ['csv_stats'], ['-csv'], ['csv-'], ['csv--stats'], ['a'.repeat(65)], ['../x']])('skill name %j → SKILL_NAME_INVALID', async (name) => {
    const { volumes } = await setup();
    const e = await failure(volumes.writeSkill(volumes.userVolume, name, SKILL));
    expect(e.code).toBe('SKILL_NAME_INVALID');
    expect(e.message).toMatch(/Use 1–64 lowercase letters/);
  });

  it.each([['teams/'], ['teams/Lab'], ['groups/x'], ['users/a/b'], [42]])('volume id %j → VOLUME_NOT_FOUND', async (id) => {
    const { volumes } = await setup();
    expect((await failure(volumes.open(id))).code).toBe('VOLUME_NOT_FOUND');
  });

  it('a missing volume, skill, file or commit each say so', async () => {
    const { volumes } = await setup();
    expect((await failure(volumes.open('teams/nobody'))).message).toMatch(/There is no volume teams\/nobody.*volume.create/);
    expect((await failure(volumes.readSkill(volumes.userVolume, 'ghost'))).code).toBe('SKILL_NOT_FOUND');
    expect((await failure(volumes.read(volumes.userVolume, 'nothing.txt'))).code).toBe('VOLUME_FILE_NOT_FOUND');
    expect((await failure(volumes.log(volumes.userVolume, { from: 'f'.repeat(40) as never }))).code).toBe('COMMIT_NOT_FOUND');
  });
});
