import { describe, expect, it } from 'vitest';
import { asPid, FakeClock, type Pid } from '../core';
import { InferenceScheduler, type Slot } from './scheduler';

/** A scheduler over a little process table: priorities, budgets and suspension the test sets. */
function setup(options: { concurrency?: number; agingMs?: number } = {}) {
  const clock = new FakeClock();
  const priority = new Map<Pid, number>();
  const remaining = new Map<Pid, number | null>();
  const suspended = new Set<Pid>();
  const exhausted: { pid: Pid; need: number; remaining: number }[] = [];
  const scheduler = new InferenceScheduler({
    clock,
    agingMs: options.agingMs ?? 1000,
    concurrency: () => options.concurrency ?? 1,
    priority: (pid) => priority.get(pid) ?? 10,
    remainingTokens: (pid) => remaining.get(pid) ?? null,
    isSuspended: (pid) => suspended.has(pid),
    onBudgetExhausted: (pid, need, left) => {
      exhausted.push({ pid, need, remaining: left });
      suspended.add(pid);
    },
  });
  const started: Pid[] = [];
  /** Asks for a slot; records the pid when it starts. */
  const ask = (pid: Pid, opts: { provider?: string; estimate?: number; signal?: AbortSignal } = {}) =>
    scheduler.acquire({ pid, providerId: opts.provider ?? 'p', estimate: opts.estimate ?? 10, ...(opts.signal ? { signal: opts.signal } : {}) }).then((slot) => {
      started.push(pid);
      return slot;
    });
  return { clock, scheduler, priority, remaining, suspended, exhausted, started, ask };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const pid = (n: number) => asPid(n);

describe('InferenceScheduler', () => {
  it('starts the waiting calls best priority first, oldest first among equals', async () => {
    const t = setup();
    t.priority.set(pid(1), 10).set(pid(2), 19).set(pid(3), 0).set(pid(4), 10);
    const first = await t.ask(pid(9)); // holds the only slot
    const slots = new Map([1, 2, 3, 4].map((n) => [pid(n), t.ask(pid(n))]));
    expect(t.scheduler.order()).toEqual([pid(3), pid(1), pid(4), pid(2)]);
    let slot: Slot = first;
    for (let i = 0; i < 4; i++) {
      slot.release();
      await flush();
      slot = await slots.get(t.started.at(-1)!)!;
    }
    expect(t.started).toEqual([pid(9), pid(3), pid(1), pid(4), pid(2)]);
  });

  it('ages waiting calls: a nice-19 call runs under a flood of nice-0 calls', async () => {
    const t = setup({ agingMs: 1000 });
    t.priority.set(pid(1), 19);
    let slot = await t.ask(pid(100));
    void t.ask(pid(1));
    // Each second a new nice-0 call arrives and the running one finishes.
    for (let second = 0; second < 40 && !t.started.includes(pid(1)); second++) {
      const flood = pid(200 + second);
      t.priority.set(flood, 0);
      const next = t.ask(flood);
      t.clock.advance(1000);
      slot.release();
      await flush();
      slot = t.started.at(-1) === pid(1) ? await Promise.resolve(slot) : await next.catch(() => slot);
    }
    expect(t.started).toContain(pid(1));
    // It waited about 19 levels × 1 s, not forever.
    expect(t.started.indexOf(pid(1))).toBeLessThanOrEqual(21);
  });

  it('keeps each provider within its concurrency limit, providers independent', async () => {
    const t = setup({ concurrency: 2 });
    const a = [t.ask(pid(1), { provider: 'ollama' }), t.ask(pid(2), { provider: 'ollama' }), t.ask(pid(3), { provider: 'ollama' })];
    void t.ask(pid(4), { provider: 'browser' });
    await flush();
    expect(t.started.sort()).toEqual([pid(1), pid(2), pid(4)]);
    expect(t.scheduler.stats()).toEqual({ queued: 1, running: { ollama: 2, browser: 1 } });
    (await a[0]!).release();
    await flush();
    expect(t.started).toContain(pid(3));
  });

  it('holds a call that would overrun the budget and reports the process, without holding up others', async () => {
    const t = setup();
    t.remaining.set(pid(1), 50);
    void t.ask(pid(1), { estimate: 120 });
    await flush();
    expect(t.started).toEqual([]);
    expect(t.exhausted).toEqual([{ pid: pid(1), need: 120, remaining: 50 }]);
    expect(t.suspended.has(pid(1))).toBe(true);
    const other = await t.ask(pid(2));
    expect(t.started).toEqual([pid(2)]);
    other.release();
    // Resumed without more budget: held and reported again, never started.
    t.suspended.delete(pid(1));
    t.scheduler.wake(pid(1));
    expect(t.exhausted).toHaveLength(2);
    expect(t.started).toEqual([pid(2)]);
  });

  it('runs the held call once the budget is raised and the slot is free', async () => {
    const t = setup();
    t.remaining.set(pid(1), 10);
    const pending = t.ask(pid(1), { estimate: 100 });
    await flush();
    expect(t.suspended.has(pid(1))).toBe(true);
    t.remaining.set(pid(1), 1000);
    t.suspended.delete(pid(1));
    t.scheduler.wake(pid(1));
    const slot = await pending;
    expect(slot.signal.aborted).toBe(false);
    expect(t.started).toEqual([pid(1)]);
  });

  it('does not start a suspended process until it is resumed', async () => {
    const t = setup();
    t.suspended.add(pid(1));
    const pending = t.ask(pid(1));
    await flush();
    expect(t.started).toEqual([]);
    t.suspended.delete(pid(1));
    t.scheduler.wake();
    await pending;
    expect(t.started).toEqual([pid(1)]);
  });

  it('kill aborts the call in flight and rejects the queued ones, freeing the slot', async () => {
    const t = setup();
    const running = await t.ask(pid(1));
    const queued = t.ask(pid(1));
    const other = t.ask(pid(2));
    t.scheduler.cancel(pid(1));
    expect(running.signal.aborted).toBe(true);
    await expect(queued).rejects.toMatchObject({ code: 'LLM_CANCELLED' });
    running.release();
    await other;
    expect(t.started).toEqual([pid(1), pid(2)]);
  });

  it('a caller that gives up while waiting leaves the queue', async () => {
    const t = setup();
    const hold = await t.ask(pid(1));
    const controller = new AbortController();
    const gaveUp = t.ask(pid(2), { signal: controller.signal });
    controller.abort();
    await expect(gaveUp).rejects.toMatchObject({ code: 'LLM_CANCELLED' });
    expect(t.scheduler.stats().queued).toBe(0);
    hold.release();
  });

  it('with many processes queued, calls start in exactly the order it reports', async () => {
    const t = setup();
    for (let n = 1; n <= 30; n++) t.priority.set(pid(n), (n * 7) % 20);
    const first = await t.ask(pid(99));
    const slots: Slot[] = [];
    for (let i = 0; i < 300; i++) void t.ask(pid(1 + ((i * 13) % 30))).then((slot) => slots.push(slot));
    const expected = t.scheduler.order();
    expect(expected).toHaveLength(300);
    first.release();
    for (let i = 0; i < 300; i++) {
      await flush();
      slots[i]!.release();
    }
    expect(t.started.slice(1)).toEqual(expected);
  });
});
