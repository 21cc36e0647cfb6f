import http from 'isomorphic-git/http/node';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, WeftError } from '../core';
import { memoryStore } from './keyValueStore';
import { createLockMap } from './lockMap';
import { tempDir } from './testing';
import { rootedFs } from './testVolumes';
import { Workspace } from './workspace';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('Workspace offline', () => {
  it('says sync, promote and adding a team need the network, and changes nothing', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const ws = await Workspace.open({ fs: rootedFs(dir.path), clock: new FakeClock(), lock: createLockMap(), http, settings: memoryStore(), secrets: memoryStore(), user: 'ada', online: () => false });
    await ws.createTeam('lab');
    await ws.setRemote('teams/lab', 'https://git.example.org/lab.git');
    const offline = (e: unknown) => e instanceof WeftError && e.code === 'REMOTE_UNREACHABLE' && e.message.startsWith('You are offline:');
    await expect(ws.sync('teams/lab')).rejects.toSatisfy(offline);
    await expect(ws.createTeam('other', { url: 'https://git.example.org/other.git' })).rejects.toSatisfy(offline);
    expect((await ws.listVolumes()).map((v) => v.id)).toEqual(['teams/lab', 'users/ada']);
    expect((await ws.listVolumes()).find((v) => v.id === 'teams/lab')?.remote?.lastSync).toBeNull();
  });
});
