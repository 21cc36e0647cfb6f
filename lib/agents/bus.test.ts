import { describe, expect, it } from 'vitest';
import { asPid, FakeClock, type Pid } from '../core';
import { type BusMessage, MessageBus } from './bus';

function setup() {
  const clock = new FakeClock();
  const alive = new Set<Pid>([asPid(1), asPid(2), asPid(3)]);
  const blocked: [Pid, boolean][] = [];
  const recorded: BusMessage[] = [];
  const bus = new MessageBus({
    clock,
    isAlive: (pid) => alive.has(pid),
    onBlocked: (pid, b) => blocked.push([pid, b]),
    record: (m) => (recorded.push(m), `span-${m.id}`),
  });
  return { clock, alive, blocked, recorded, bus };
}
const [A, B, C] = [asPid(1), asPid(2), asPid(3)];

describe('MessageBus', () => {
  it('delivers to a waiting receiver at once, recording the message with its span', async () => {
    const t = setup();
    const got = t.bus.receive(B, { timeoutMs: 1000 });
    expect(t.blocked).toEqual([[B, true]]);
    const sent = t.bus.send(A, B, { plan: 'x' }, 'task');
    expect(await got).toEqual({ ...sent, spanId: `span-${sent.id}` });
    expect(t.blocked).toEqual([
      [B, true],
      [B, false],
    ]);
    expect(t.recorded.map((m) => [m.from, m.to, m.topic])).toEqual([[A, B, 'task']]);
  });

  it('keeps messages in the mailbox until received, filtered by sender and topic', async () => {
    const t = setup();
    t.bus.send(A, C, 'from A');
    t.bus.send(B, C, 'from B', 'review');
    expect(t.bus.unread(C)).toBe(2);
    expect((await t.bus.receive(C, { timeoutMs: 10, from: B })).body).toBe('from B');
    expect((await t.bus.receive(C, { timeoutMs: 10 })).body).toBe('from A');
    expect(t.bus.unread(C)).toBe(0);
  });

  it('times out a receive that never gets an answer, with a clear error, and unblocks', async () => {
    const t = setup();
    const waiting = t.bus.receive(A, { timeoutMs: 5000, from: B });
    t.clock.advance(4999);
    t.clock.advance(1);
    await expect(waiting).rejects.toMatchObject({ code: 'BUS_TIMEOUT', message: 'Process 1 waited 5 s for a message from process 2 and none came.' });
    expect(t.blocked.at(-1)).toEqual([A, false]);
  });

  it('refuses a message to a terminated process', () => {
    const t = setup();
    t.alive.delete(C);
    expect(() => t.bus.send(A, C, 'hello?')).toThrow(expect.objectContaining({ code: 'BUS_NO_RECEIVER' }));
  });

  it('broadcasts to every live recipient but the sender', async () => {
    const t = setup();
    t.alive.delete(C);
    const sent = t.bus.broadcast(A, [A, B, C], 'all hands');
    expect(sent.map((m) => m.to)).toEqual([B]);
    expect((await t.bus.receive(B, { timeoutMs: 1 })).topic).toBe('broadcast');
  });

  it('ends the waits of a process that is killed', async () => {
    const t = setup();
    const waiting = t.bus.receive(A, { timeoutMs: 60_000 });
    t.bus.close(A);
    await expect(waiting).rejects.toMatchObject({ code: 'LLM_CANCELLED' });
  });

  it('shares context regions', () => {
    const t = setup();
    t.bus.writeContext('design', 'api', 'GET /items');
    expect(t.bus.readContext('design')).toEqual({ api: 'GET /items' });
    t.bus.writeContext('design', 'api', undefined);
    expect(t.bus.readContext('design')).toEqual({});
  });
});
