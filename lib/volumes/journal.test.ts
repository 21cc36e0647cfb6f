import http from 'isomorphic-git/http/node';
import { afterEach, describe, expect, it } from 'vitest';
import { asTraceId, FakeClock } from '../core';
import { makeTrace, sealSpan, type Trace, ZERO_ENERGY } from '../spans';
import { memoryStore } from './keyValueStore';
import { createLockMap } from './lockMap';
import { nativeGit, tempDir } from './testing';
import { rootedFs } from './testVolumes';
import { Journal, RUN_NOTE_AFTER_MS } from './journal';
import { VOLUMES_ROOT } from './volumeId';
import { Workspace } from './workspace';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function trace(n: number): Promise<Trace> {
  const traceId = asTraceId(n.toString(16).padStart(32, '0'));
  const span = await sealSpan({ traceId, parents: [], kind: 'run', name: `run ${n}`, pid: null, start: 1_790_000_000_000 + n, end: 1_790_000_000_005 + n, status: 'ok', inputsHash: null, outputsHash: null, energy: ZERO_ENERGY, attributes: {} });
  return makeTrace(traceId, [span]);
}

describe('Journal', () => {
  it('reports a commit a dead kernel left unfinished, once, and leaves live kernels’ commits alone', async () => {
    const settings = memoryStore();
    const alive = new Set(['b']);
    const journal = (owner: string) => new Journal({ settings, owner, isAlive: async (o) => alive.has(o), clock: new FakeClock() });
    // Kernel a dies mid-commit (its commit never ends); kernel b is still committing.
    void journal('a').around({ volume: 'users/ada', path: 'traces/x.json', message: 'Run x', at: 1 }, () => new Promise(() => {}));
    void journal('b').around({ volume: 'users/ada', path: 'traces/y.json', message: 'Run y', at: 2 }, () => new Promise(() => {}));
    await new Promise((r) => setTimeout(r, 0));
    const { traces: found } = await journal('c').recover(async (_volume, path) => path === 'traces/x.json');
    expect(found).toEqual([expect.objectContaining({ owner: 'a', path: 'traces/x.json', message: 'Run x', state: 'complete' })]);
    expect(await journal('c').recover(async () => true)).toEqual({ traces: [], runs: [] });
  });

  it('reports the runs a dead kernel had going on, and forgets runs that ended', async () => {
    const settings = memoryStore();
    const clock = new FakeClock();
    const dead = new Journal({ settings, owner: 'a', isAlive: async () => false, clock });
    dead.running({ name: 'bomb', runtime: 'JavaScript', at: 5 });
    const ended = dead.running({ name: 'fine', runtime: 'JavaScript', at: 6 });
    clock.advance(RUN_NOTE_AFTER_MS);
    ended();
    await new Promise((r) => setTimeout(r, 10));
    const next = new Journal({ settings, owner: 'b', isAlive: async () => false, clock });
    expect((await next.recover(async () => true)).runs).toEqual([{ owner: 'a', name: 'bomb', runtime: 'JavaScript', at: 5 }]);
    expect(await settings.keys()).toEqual([]);
  });

  it('does not touch storage for a run that ends before it is worth noting', async () => {
    const writes: string[] = [];
    const store = memoryStore();
    const settings = { ...store, set: (key: string, value: unknown) => (writes.push(key), store.set(key, value)), delete: (key: string) => (writes.push(`-${key}`), store.delete(key)) };
    const clock = new FakeClock();
    const journal = new Journal({ settings, owner: 'a', isAlive: async () => false, clock });
    const ended = journal.running({ name: 'quick', runtime: 'JavaScript', at: 1 });
    clock.advance(RUN_NOTE_AFTER_MS - 1);
    ended();
    clock.advance(RUN_NOTE_AFTER_MS);
    await new Promise((r) => setTimeout(r, 10));
    expect(writes).toEqual([]);
  });

  it('leaves nothing behind after a commit that ends, well or badly', async () => {
    const settings = memoryStore();
    const journal = new Journal({ settings, owner: 'a', isAlive: async () => false, clock: new FakeClock() });
    await journal.around({ volume: 'users/ada', path: 't.json', message: 'ok', at: 1 }, async () => 'done');
    await expect(journal.around({ volume: 'users/ada', path: 't.json', message: 'bad', at: 2 }, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await settings.keys()).toEqual([]);
  });
});

describe('Workspace.recover after a kernel died mid-commit', () => {
  // The first kernel stops for good at a step of its trace commit (its journal entry stays, as
  // after a crash); the next start must say whether that trace is there, and check every volume.
  it.each([
    ['pack-written', 'absent'],
    ['head-moved', 'complete'],
  ] as const)('stopped at %s: the trace is %s and every volume passes fsck', async (point, state) => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const settings = memoryStore();
    const base = { fs: rootedFs(dir.path), clock: new FakeClock(), lock: createLockMap(), http, settings, secrets: memoryStore(), user: 'ada' };
    const first = await Workspace.open({ ...base, owner: 'first' });
    await first.appendTrace(await trace(1), 'Run one: ok, 1 span');

    // The crashing kernel dies at `point`: from then on nothing it does is stored (its journal
    // entry is never removed), and the commit does not go on.
    let dead = false;
    const dying = { ...settings, delete: async (key: string) => (dead ? undefined : settings.delete(key)) };
    const crashing = await Workspace.open({
      ...base,
      settings: dying,
      owner: 'crashing',
      checkpoint: (_volume, at) => {
        if (at !== point) return;
        dead = true;
        throw new Died();
      },
    });
    const lost = await trace(2);
    await expect(crashing.appendTrace(lost, 'Run two: ok, 1 span')).rejects.toBeInstanceOf(Died);

    const next = await Workspace.open({ ...base, owner: 'next' });
    const report = await next.recover();
    expect(report?.traces).toEqual([expect.objectContaining({ message: 'Run two: ok, 1 span', state })]);
    expect(report?.volumes.map((v) => [v.volume, v.ok])).toEqual([['users/ada', true]]);
    expect((await (await next.volumes.open('users/ada')).oidAt(next.volumes.tracePathOf(lost))) !== null).toBe(state === 'complete');
    nativeGit(`${dir.path}${VOLUMES_ROOT}/users/ada`, 'fsck', '--full', '--strict');
    // Reported once.
    expect(await next.recover()).toBeNull();
  });
});

class Died extends Error {}
