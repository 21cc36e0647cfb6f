import http from 'isomorphic-git/http/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoggedEvent } from '@/components/kernel/useKernelStore';
import { asPid } from '@/lib/core';
import type { KernelEvent } from '@/lib/kernel/protocol';
import { testKernel } from '@/lib/kernel/testKernel';
import { fakeSpan } from '@/lib/spans/spanFixtures';
import { createLockMap, memoryStore, Workspace } from '@/lib/volumes';
import { tempDir } from '@/lib/volumes/testing';
import { rootedFs } from '@/lib/volumes/testVolumes';
import { describeEvent } from './describeEvent';
import { audienceOf } from './eventAudience';

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
  await new Promise((resolve) => setTimeout(resolve, 0));
  t.events.length = 0;
  return t;
}

/** What the log shows of these events by default: one `type text` line each. */
let seq = 0;
const shown = (events: readonly KernelEvent[]) =>
  events
    .map((event) => describeEvent({ seq: ++seq, receivedAt: 0, event } satisfies LoggedEvent))
    .filter((line) => line.audience === 'person')
    .map((line) => `${line.type} ${line.text.replace(/ [\d.]+ ms.*$/, '')}`);

/** Lets the kernel announce the spans it sealed. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the event log by default', () => {
  it('shows what a person did, and none of the calls the views make to refresh after a commit', async () => {
    const { kernel, events } = await bootKernel();
    await kernel.dispatch({ op: 'volume.write', volume: 'users/me', path: 'notes/a.md', content: 'hello' });
    // What the open views ask for after every volume change.
    for (const op of ['kernel.recovery', 'permission.open', 'evolution.suggestions', 'permission.grants', 'volume.list', 'chat.list', 'trace.list']) await kernel.dispatch({ op });
    await settle();

    const announced = events.filter((e) => e.type === 'span.end').map((e) => (e as Extract<KernelEvent, { type: 'span.end' }>).span.name);
    expect(announced).toEqual(expect.arrayContaining(['volume.write', 'kernel.recovery', 'permission.open', 'evolution.suggestions']));
    expect(shown(events)).toEqual(['volume.changed volume users/me → ' + (events.find((e) => e.type === 'volume.changed') as { head: string }).head.slice(0, 7), 'span.end syscall volume.write ok']);
  });

  it('shows a failed call even when it is one a view makes', async () => {
    const { kernel, events } = await bootKernel();
    await kernel.dispatch({ op: 'chat.read', id: 'nope' }).catch(() => undefined);
    await settle();
    expect(shown(events)).toEqual([expect.stringMatching(/^span\.end syscall chat\.read error/)]);
  });

  it('shows runs, processes and commits the person started', async () => {
    const { kernel, events } = await bootKernel();
    const proc = (await kernel.dispatch({ op: 'proc.spawn', name: 'nap', program: { type: 'sleep', ms: 60_000 } })) as { pid: number };
    await kernel.dispatch({ op: 'proc.kill', pid: proc.pid });
    await settle();
    const lines = shown(events);
    expect(lines).toEqual(expect.arrayContaining(['span.end syscall proc.spawn ok', 'span.end syscall proc.kill ok']));
    expect(lines.some((l) => l.startsWith('proc.state proc') && l.includes('TERMINATED'))).toBe(true);
  });
});

describe('audienceOf', () => {
  const end = (overrides: Parameters<typeof fakeSpan>[2]): KernelEvent => ({ type: 'span.end', key: 'k', span: fakeSpan('s', [], overrides) });

  it('keeps node, run, model and tool spans for the person', () => {
    for (const kind of ['run', 'node', 'llm', 'tool', 'message'] as const) expect(audienceOf(end({ kind, name: 'csv-stats' }))).toBe('person');
  });

  it('classifies a syscall by what it does: reads are internal, changes are the person’s, errors always show', () => {
    expect(audienceOf(end({ kind: 'syscall', name: 'permission.open' }))).toBe('internal');
    expect(audienceOf(end({ kind: 'syscall', name: 'workflow.run' }))).toBe('person');
    expect(audienceOf(end({ kind: 'syscall', name: 'chat.read', status: 'error' }))).toBe('person');
    // An op this page does not know yet (a newer kernel's) is shown rather than lost.
    expect(audienceOf(end({ kind: 'syscall', name: 'memory.write' }))).toBe('person');
  });

  it('leaves streamed text to the chat, and keeps tool calls and the end of a turn', () => {
    const chat = (event: Extract<KernelEvent, { type: 'chat.event' }>['event']): KernelEvent => ({ type: 'chat.event', chatId: 'c1', pid: asPid(4), event, at: 0 });
    expect(audienceOf(chat({ type: 'turn.text', text: 'Hel' }))).toBe('internal');
    expect(audienceOf(chat({ type: 'turn.tool.start', callId: 'a', name: 'csv-stats', args: {} }))).toBe('person');
    expect(audienceOf({ type: 'log', level: 'debug', message: 'x', at: 0 })).toBe('internal');
    expect(audienceOf({ type: 'log', level: 'warn', message: 'x', at: 0 })).toBe('person');
    expect(audienceOf({ type: 'permission.request', request: { id: 'r', skill: 's', volume: 'teams/a', hosts: [], changed: false } as never, at: 0 })).toBe('person');
  });
});
