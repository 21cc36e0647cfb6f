import { describe, expect, it } from 'vitest';
import { asPid, type WeftError } from '../core';
import type { Process } from './protocol';
import { testKernel } from './testKernel';

const spawnSleep = async (kernel: ReturnType<typeof testKernel>['kernel'], ms: number, name?: string) =>
  (await kernel.dispatch({ op: 'proc.spawn', program: { type: 'sleep', ms }, ...(name ? { name } : {}) })) as Process;

describe('the process table', () => {
  it('starts with the kernel itself as pid 0', async () => {
    const { kernel } = testKernel();
    const [proc] = (await kernel.dispatch({ op: 'proc.list' })) as Process[];
    expect(proc).toMatchObject({ pid: 0, name: 'kernel', kind: 'system', state: 'RUNNING', priority: 0, protected: true });
  });

  it('runs a sleep process BLOCKED on its timer until it exits by itself', async () => {
    const { kernel, clock } = testKernel();
    const proc = await spawnSleep(kernel, 30_000, 'nap');
    expect(proc).toMatchObject({ pid: 1, name: 'nap', state: 'BLOCKED', command: 'sleep 30 s', parent: 0, protected: false });
    clock.advance(29_999);
    expect(((await kernel.dispatch({ op: 'proc.get', pid: 1 })) as Process).state).toBe('BLOCKED');
    clock.advance(1);
    const done = (await kernel.dispatch({ op: 'proc.get', pid: 1 })) as Process;
    expect(done.state).toBe('TERMINATED');
    expect(done.exit).toMatchObject({ status: 'ok', reason: 'slept 30 s' });
    expect((await kernel.dispatch({ op: 'proc.list' })) as Process[]).toHaveLength(1);
    expect((await kernel.dispatch({ op: 'proc.list', includeTerminated: true })) as Process[]).toHaveLength(2);
  });

  it('keeps the remaining time across suspend and resume', async () => {
    const { kernel, clock } = testKernel();
    await spawnSleep(kernel, 10_000);
    clock.advance(4_000);
    expect(await kernel.dispatch({ op: 'proc.suspend', pid: 1 })).toMatchObject({ state: 'SUSPENDED' });
    clock.advance(60_000);
    expect(await kernel.dispatch({ op: 'proc.get', pid: 1 })).toMatchObject({ state: 'SUSPENDED' });
    expect(await kernel.dispatch({ op: 'proc.resume', pid: 1 })).toMatchObject({ state: 'BLOCKED' });
    clock.advance(5_999);
    expect(await kernel.dispatch({ op: 'proc.get', pid: 1 })).toMatchObject({ state: 'BLOCKED' });
    clock.advance(1);
    expect(await kernel.dispatch({ op: 'proc.get', pid: 1 })).toMatchObject({ state: 'TERMINATED' });
  });

  it('kills a process: its timer never fires and the exit says why', async () => {
    const { kernel, clock } = testKernel();
    await spawnSleep(kernel, 1_000);
    const killed = (await kernel.dispatch({ op: 'proc.kill', pid: 1, reason: 'no longer needed' })) as Process;
    expect(killed.state).toBe('TERMINATED');
    expect(killed.exit).toMatchObject({ status: 'killed', reason: 'no longer needed' });
    expect(clock.pendingTimers).toBe(0);
  });

  it('renices within 0–19', async () => {
    const { kernel } = testKernel();
    await spawnSleep(kernel, 1_000);
    expect(await kernel.dispatch({ op: 'proc.setPriority', pid: 1, priority: 19 })).toMatchObject({ priority: 19 });
  });

  it.each([
    ['kill', { op: 'proc.kill', pid: 0 }, 'PROC_PROTECTED', /belongs to the kernel and cannot be killed/],
    ['suspend', { op: 'proc.suspend', pid: 0 }, 'PROC_PROTECTED', /cannot be suspended/],
    ['an unknown pid', { op: 'proc.kill', pid: 42 }, 'PROC_NOT_FOUND', /There is no process 42/],
  ])('refuses to %s the wrong process', async (_what, call, code, message) => {
    const { kernel } = testKernel();
    await expect(kernel.dispatch(call)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('refuses transitions that make no sense, saying what state the process is in', async () => {
    const { kernel } = testKernel();
    await spawnSleep(kernel, 1_000);
    await expect(kernel.dispatch({ op: 'proc.resume', pid: 1 })).rejects.toMatchObject({ code: 'PROC_STATE', message: expect.stringMatching(/is BLOCKED, not suspended/) });
    await kernel.dispatch({ op: 'proc.kill', pid: 1 });
    const error = await kernel.dispatch({ op: 'proc.kill', pid: 1 }).catch((e: WeftError) => e);
    expect(error).toMatchObject({ code: 'PROC_STATE', message: expect.stringMatching(/already finished/) });
  });

  it('emits a proc.state event with a snapshot for every change', async () => {
    const { kernel, events } = testKernel();
    await spawnSleep(kernel, 1_000);
    await kernel.dispatch({ op: 'proc.suspend', pid: 1 });
    await kernel.dispatch({ op: 'proc.kill', pid: 1 });
    const states = events.flatMap((e) => (e.type === 'proc.state' && e.pid === asPid(1) ? [e.state] : []));
    expect(states).toEqual(['READY', 'BLOCKED', 'SUSPENDED', 'TERMINATED']);
  });

  it('charges the kernel process for the time it spends in syscalls', async () => {
    const { kernel } = testKernel();
    for (let i = 0; i < 3; i++) await kernel.dispatch({ op: 'kernel.ping' });
    const proc = (await kernel.dispatch({ op: 'proc.get', pid: 0 })) as Process;
    expect(proc.energy.cpuMs).toBeGreaterThanOrEqual(0);
    expect(proc.budget.cpuMs.used).toBe(proc.energy.cpuMs);
  });

  it('carries out kernel.panic after replying, so the caller learns it was accepted', async () => {
    const { kernel, clock, panics } = testKernel();
    await expect(kernel.dispatch({ op: 'kernel.panic', mode: 'hang' })).resolves.toEqual({ accepted: true });
    expect(panics).toEqual([]);
    clock.advance(0);
    expect(panics).toEqual(['hang']);
  });
});
