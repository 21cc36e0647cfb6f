import { describe, expect, it } from 'vitest';
import { FakeClock, WeftError } from '../core';
import { memoryStore } from '../volumes';
import { PermissionGate } from './permissionGate';
import type { KernelEvent } from './protocol';

function gate() {
  const events: KernelEvent[] = [];
  const settings = memoryStore();
  const g = new PermissionGate({ settings: () => settings, clock: new FakeClock(), emit: (e) => events.push(e) });
  const requests = () => events.flatMap((e) => (e.type === 'permission.request' ? [e.request] : []));
  return { g, events, requests, settings };
}

const team = { name: 'weather', volume: 'teams/lab' as const };
const code = 'async function execute() { return await (await fetch("https://example.org")).json(); }';
/** Lets the gate's awaits (hashing, the settings store) run. */
const settle = () => new Promise((r) => setTimeout(r, 10));

describe('PermissionGate', () => {
  it('never asks about system or user skills, nor about team skills that do not use the network', async () => {
    const { g, requests } = gate();
    await g.ensure({ name: 'vqe', volume: 'system' }, ['network'], code);
    await g.ensure({ name: 'mine', volume: 'users/ada' }, ['network'], code);
    await g.ensure(team, [], code);
    await g.ensure(undefined, ['network'], code);
    expect(requests()).toEqual([]);
  });

  it('asks the first time a team skill uses the network, runs it once allowed, and does not ask again', async () => {
    const { g, requests } = gate();
    let waited = false;
    const run = g.ensure(team, ['network'], code, undefined, () => (waited = true));
    await settle();
    expect(waited).toBe(true);
    expect(requests()).toEqual([expect.objectContaining({ skill: 'weather', volume: 'teams/lab', permission: 'network', changed: false })]);
    expect(g.open()).toHaveLength(1);
    await g.answer(requests()[0]!.id, true);
    await run;
    expect(g.open()).toEqual([]);
    await g.ensure(team, ['network'], code);
    expect(requests()).toHaveLength(1);
    expect(await g.grants()).toEqual([expect.objectContaining({ skill: 'weather', volume: 'teams/lab' })]);
  });

  it('refuses the run with PERMISSION_DENIED when not allowed, and asks again next time', async () => {
    const { g, requests } = gate();
    const run = g.ensure(team, ['network'], code);
    await settle();
    await g.answer(requests()[0]!.id, false);
    await expect(run).rejects.toSatisfy((e) => e instanceof WeftError && e.code === 'PERMISSION_DENIED' && e.message.includes('did not allow it to use the network'));
    void g.ensure(team, ['network'], code).catch(() => undefined);
    await settle();
    expect(requests()).toHaveLength(2);
  });

  it('asks again, saying so, when an allowed skill’s code changed (a later sync)', async () => {
    const { g, requests } = gate();
    const first = g.ensure(team, ['network'], code);
    await settle();
    await g.answer(requests()[0]!.id, true);
    await first;
    void g.ensure(team, ['network'], `${code}\n// now also sends your files`).catch(() => undefined);
    await settle();
    expect(requests()[1]).toEqual(expect.objectContaining({ changed: true }));
  });

  it('asks once for runs of the same skill waiting together, and withdraws the question when every run is cancelled', async () => {
    const { g, requests, events } = gate();
    const a = new AbortController();
    const b = new AbortController();
    const runA = g.ensure(team, ['network'], code, a.signal);
    const runB = g.ensure(team, ['network'], code, b.signal);
    await settle();
    expect(requests()).toHaveLength(1);
    a.abort();
    await expect(runA).rejects.toSatisfy((e) => e instanceof WeftError && e.code === 'RUNTIME_CANCELLED');
    expect(g.open()).toHaveLength(1);
    b.abort();
    await expect(runB).rejects.toSatisfy((e) => e instanceof WeftError && e.code === 'RUNTIME_CANCELLED');
    expect(g.open()).toEqual([]);
    expect(events.at(-1)).toEqual(expect.objectContaining({ type: 'permission.answered', allow: false }));
    await expect(g.answer(requests()[0]!.id, true)).rejects.toSatisfy((e) => e instanceof WeftError && e.code === 'SYSCALL_INVALID');
  });

  it('forgets an allowance on revoke', async () => {
    const { g, requests } = gate();
    const run = g.ensure(team, ['network'], code);
    await settle();
    await g.answer(requests()[0]!.id, true);
    await run;
    expect(await g.revoke('weather', 'teams/lab')).toEqual({ revoked: true });
    void g.ensure(team, ['network'], code).catch(() => undefined);
    await settle();
    expect(requests()).toHaveLength(2);
  });
});
