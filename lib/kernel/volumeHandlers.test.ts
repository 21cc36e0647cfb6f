import http from 'isomorphic-git/http/node';
import { afterEach, describe, expect, it } from 'vitest';
import { asTraceId, type WeftError } from '../core';
import { makeTrace, sealSpan, ZERO_ENERGY } from '../spans';
import { createLockMap, memoryStore, Workspace } from '../volumes';
import { tempDir } from '../volumes/testing';
import { rootedFs } from '../volumes/testVolumes';
import type { KernelEvent } from './protocol';
import { testKernel } from './testKernel';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const builtins = { version: 'v1', files: [{ path: 'skills/weft-console/SKILL.md', content: '---\nname: weft-console\ndescription: Console.\n---\n' }] };

async function bootKernel() {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const t = testKernel({
    workspace: (hooks) =>
      Workspace.open({ fs: rootedFs(dir.path), clock: t.clock, lock: createLockMap(), http, settings: memoryStore(), secrets: memoryStore(), builtins, onCommit: hooks.committed, onProgress: hooks.progress }),
  });
  await t.kernel.boot();
  const call = (c: Record<string, unknown>) => t.kernel.dispatch(c);
  const fail = (c: Record<string, unknown>) => call(c).then(() => Promise.reject(new Error('expected failure')), (e: WeftError) => e);
  return { ...t, call, fail };
}

describe('volume syscalls', () => {
  it('boots with the built-in skills in the system volume and an empty user volume', async () => {
    const { call } = await bootKernel();
    expect(((await call({ op: 'volume.list' })) as { id: string; writable: boolean }[]).map((v) => [v.id, v.writable])).toEqual([
      ['system', false],
      ['users/me', true],
    ]);
    expect(await call({ op: 'skill.list' })).toEqual([{ name: 'weft-console', volume: 'system', shadows: [] }]);
    expect((await call({ op: 'volume.log', volume: 'system' })) as { message: string }[]).toMatchObject([{ message: 'Update built-in skills to v1' }, { message: 'Create volume system' }]);
  });

  it('pages a volume\'s history with skip, each entry marked as on this line of work', async () => {
    const { call, fail } = await bootKernel();
    const page = (c: Record<string, unknown>) => call({ op: 'volume.log', volume: 'system', ...c }) as Promise<{ message: string; mainline: boolean }[]>;
    const [head] = await page({ limit: 1 });
    expect(head).toMatchObject({ message: 'Update built-in skills to v1', mainline: true });
    expect(await page({ skip: 1 })).toMatchObject([{ message: 'Create volume system', mainline: true }]);
    expect(await fail({ op: 'volume.log', volume: 'system', skip: -1 })).toMatchObject({ code: 'SYSCALL_INVALID' });
  });

  it('writes a skill, shows it shadowing the built-in one, and announces the commit', async () => {
    const { call, events } = await bootKernel();
    const written = (await call({ op: 'skill.write', name: 'weft-console', content: '---\nname: weft-console\ndescription: Mine.\n---\n' })) as { commit: string };
    expect(await call({ op: 'skill.list' })).toEqual([{ name: 'weft-console', volume: 'users/me', shadows: ['system'] }]);
    expect(await call({ op: 'skill.read', name: 'weft-console' })).toMatchObject({ volume: 'users/me', shadows: ['system'], content: expect.stringContaining('Mine.') });
    expect(events.filter((e): e is Extract<KernelEvent, { type: 'volume.changed' }> => e.type === 'volume.changed').at(-1)).toMatchObject({ volume: 'users/me', head: written.commit, source: 'this-tab' });
  });

  it('writes and reads a binary file byte for byte, and says what is wrong with content that is neither text nor bytes', async () => {
    const { call, fail } = await bootKernel();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0xc3, 0x28, 0x00]);
    await call({ op: 'volume.write', volume: 'users/me', path: 'skills/x/assets/dot.png', content: png });
    expect(await call({ op: 'volume.readBytes', volume: 'users/me', path: 'skills/x/assets/dot.png' })).toEqual({ bytes: png });
    expect(await fail({ op: 'volume.readBytes', volume: 'users/me', path: 'skills/x/assets/none.png' })).toMatchObject({ code: 'VOLUME_FILE_NOT_FOUND' });
    expect(await fail({ op: 'volume.write', volume: 'users/me', path: 'a.bin', content: [1, 2, 3] })).toMatchObject({ code: 'SYSCALL_INVALID', message: expect.stringMatching(/content/) });
  });

  it('enforces the access rules at the syscall: the system volume never changes', async () => {
    const { call, fail } = await bootKernel();
    expect(await fail({ op: 'volume.restore', volume: 'system', path: 'skills/weft-console/SKILL.md', at: 'abcdef1' })).toMatchObject({ code: 'VOLUME_READONLY' });
    expect(await fail({ op: 'volume.setRemote', volume: 'system', url: 'https://example.org/x.git' })).toMatchObject({ code: 'VOLUME_READONLY' });
    expect(await fail({ op: 'skill.write', name: 'Bad Name', content: 'x' })).toMatchObject({ code: 'SKILL_NAME_INVALID' });
    expect(await fail({ op: 'skill.write', name: 'good-name', content: 'no frontmatter' })).toMatchObject({ code: 'SKILL_PARSE' });
    expect(await fail({ op: 'volume.read', volume: 'users/me', path: '../../etc/passwd' })).toMatchObject({ code: 'VOLUME_PATH_INVALID' });
    expect(await fail({ op: 'volume.setRemote', volume: 'users/me', url: 'ftp://example.org/x' })).toMatchObject({ code: 'REMOTE_URL_INVALID' });
    expect(await call({ op: 'skill.list' })).toHaveLength(1);
  });

  it('commits a trace with the default message and shows the diff and restore of a skill', async () => {
    const { call, clock } = await bootKernel();
    const traceId = asTraceId('00112233445566778899aabbccddeeff');
    const span = await sealSpan({ traceId, parents: [], kind: 'run', name: 'csv-report', pid: null, start: clock.now(), end: clock.now() + 3, status: 'ok', inputsHash: null, outputsHash: null, energy: ZERO_ENERGY, attributes: {} });
    // The fake clock stands at 2023-11-14, so the trace lands in traces/2023/11/.
    expect(await call({ op: 'trace.append', trace: await makeTrace(traceId, [span]) })).toMatchObject({ path: `traces/2023/11/${traceId}.json`, changed: true });
    expect(((await call({ op: 'volume.log', volume: 'users/me', limit: 1 })) as { message: string }[])[0]!.message).toBe('Run csv-report: ok, 1 span');

    const notes = (body: string) => `---\nname: notes\ndescription: Notes.\n---\none\n${body}\n`;
    const v1 = (await call({ op: 'skill.write', name: 'notes', content: notes('two') })) as { commit: string };
    const v2 = (await call({ op: 'skill.write', name: 'notes', content: notes('three') })) as { commit: string };
    const diff = await call({ op: 'volume.diff', volume: 'users/me', path: 'skills/notes/SKILL.md', from: v1.commit, to: v2.commit });
    expect(diff).toMatchObject({ status: 'modified', hunks: [{ lines: expect.arrayContaining([' one', '-two', '+three']) }] });
    await call({ op: 'volume.restore', volume: 'users/me', path: 'skills/notes/SKILL.md', at: v1.commit });
    expect(await call({ op: 'skill.read', name: 'notes' })).toMatchObject({ content: notes('two') });
  });

  it('keeps the commit author in settings', async () => {
    const { call, fail } = await bootKernel();
    expect(await call({ op: 'settings.get' })).toMatchObject({ author: { name: 'Weft user', isDefault: true }, userVolume: 'users/me' });
    await call({ op: 'settings.setAuthor', name: 'Ada Lovelace', email: 'ada@example.org' });
    await call({ op: 'skill.write', name: 'signed', content: '---\nname: signed\ndescription: Signed.\n---\n' });
    expect(((await call({ op: 'volume.log', volume: 'users/me', limit: 1 })) as { author: unknown }[])[0]!.author).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org' });
    expect(await fail({ op: 'settings.setAuthor', name: 'Ada', email: 'not-an-email' })).toMatchObject({ code: 'SYSCALL_INVALID', data: { field: 'email' } });
  });

  it('says clearly when volumes could not be opened, and keeps the kernel running', async () => {
    const t = testKernel({ workspace: () => Promise.reject(new Error('IndexedDB is blocked')) });
    await t.kernel.boot();
    await expect(t.kernel.dispatch({ op: 'volume.list' })).rejects.toMatchObject({ code: 'SYSCALL_FAILED', message: expect.stringMatching(/Volumes are unavailable.*IndexedDB is blocked/) });
    await expect(t.kernel.dispatch({ op: 'kernel.ping', payload: 1 })).resolves.toEqual({ payload: 1 });
  });
});

describe('sync progress', () => {
  it('is throttled to the start and end of each phase (and a step every 150 ms between)', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    let report: (volume: 'teams/lab', p: { phase: string; loaded: number; total?: number }) => void = () => {};
    const t = testKernel({
      workspace: (hooks) => {
        report = hooks.progress;
        return Workspace.open({ fs: rootedFs(dir.path), clock: t.clock, lock: createLockMap(), http, settings: memoryStore(), secrets: memoryStore() });
      },
    });
    await t.kernel.boot();
    for (let i = 1; i <= 20; i++) report('teams/lab', { phase: 'Resolving deltas', loaded: i, total: 20 });
    t.clock.advance(200);
    report('teams/lab', { phase: 'Pushing', loaded: 0 });
    const shown = t.events.flatMap((e) => (e.type === 'volume.progress' ? [`${e.phase} ${e.loaded}`] : []));
    expect(shown).toEqual(['Resolving deltas 1', 'Resolving deltas 20', 'Pushing 0']);
  });
});
