/**
 * The agents' kernel parts in Node (pure lib/agents code, the system clock, no model):
 * - scheduler overhead per model call with 10,000 calls queued across 100 processes (nice values
 *   0–19, one provider, one slot): the time to enqueue them all, then the time for every call to
 *   get its slot and release it at once, per call — what the scheduler adds to each model call
 *   when the queue is that long; the same with 100 calls queued, to show how it grows;
 * - message bus throughput: send + receive from a mailbox, and a send that wakes a waiting
 *   receive (each message recorded, as the kernel records a `message` span), in messages per second;
 *   and a broadcast to 100 processes.
 * Each figure is the median of 3 runs (the spread is in `runs`). Writes bench/results/agents.json.
 * Run: npm run bench:agents
 */
import { asPid, type Pid, systemClock } from '../lib/core';
import { InferenceScheduler, MessageBus, type Slot } from '../lib/agents';
import { type Figure, writeResults } from './lib/results';

const PROCESSES = 100;
const RUNS = 3;

/** `calls` calls queued across 100 processes behind one held slot, then drained: ms to enqueue, ms per call to drain. */
async function schedulerRun(calls: number): Promise<{ enqueueMs: number; perCallMs: number }> {
  const nice = (pid: Pid) => Number(pid) % 20;
  const scheduler = new InferenceScheduler({
    clock: systemClock,
    concurrency: () => 1,
    priority: nice,
    remainingTokens: () => 1_000_000,
    isSuspended: () => false,
    onBudgetExhausted: () => {},
    onState: () => {},
  });
  const blocker = await scheduler.acquire({ pid: asPid(1_000), providerId: 'p', estimate: 10 });
  let started = 0;
  let finish!: () => void;
  const drained = new Promise<void>((resolve) => (finish = resolve));
  const onSlot = (slot: Slot) => {
    started++;
    slot.release();
    if (started === calls) finish();
  };
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) void scheduler.acquire({ pid: asPid(1 + (i % PROCESSES)), providerId: 'p', estimate: 10 }).then(onSlot);
  const t1 = performance.now();
  blocker.release();
  await drained;
  const t2 = performance.now();
  if (scheduler.stats().queued !== 0) throw new Error('agents bench: calls were left in the queue');
  return { enqueueMs: t1 - t0, perCallMs: (t2 - t1) / calls };
}

const bus = () => new MessageBus({ clock: systemClock, isAlive: () => true, record: (m) => `span-${m.id}`, onBlocked: () => {} });

/** Messages per second: `n` sends each followed by a receive that finds it in the mailbox. */
async function mailboxRun(n: number): Promise<number> {
  const b = bus();
  const [a, c] = [asPid(1), asPid(2)];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    b.send(a, c, { i }, 'work');
    await b.receive(c, { timeoutMs: 1000, from: a });
  }
  return n / ((performance.now() - t0) / 1000);
}

/** Messages per second: `n` receives that wait, each woken by a send. */
async function wakeRun(n: number): Promise<number> {
  const b = bus();
  const [a, c] = [asPid(1), asPid(2)];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const got = b.receive(c, { timeoutMs: 1000, topic: 'work' });
    b.send(a, c, { i }, 'work');
    await got;
  }
  return n / ((performance.now() - t0) / 1000);
}

/** Messages per second delivered by broadcasts to 100 processes (each reads its mailbox). */
async function broadcastRun(rounds: number): Promise<number> {
  const b = bus();
  const pids = Array.from({ length: PROCESSES }, (_, i) => asPid(i + 1));
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    b.broadcast(asPid(0), pids, { r });
    for (const pid of pids) await b.receive(pid, { timeoutMs: 1000 });
  }
  return (rounds * PROCESSES) / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function repeat<T>(f: () => Promise<T>): Promise<T[]> {
  await f(); // warm up the JIT
  const out: T[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await f());
  return out;
}

async function main() {
  const figures: Figure[] = [];
  const runs: Record<string, number[]> = {};
  const record = (metric: string, unit: string, better: 'lower' | 'higher', values: number[]) => {
    runs[metric] = values.map((v) => Math.round(v * 100) / 100);
    figures.push({ metric, value: median(values), unit, better });
  };
  const big = await repeat(() => schedulerRun(10_000));
  const small = await repeat(() => schedulerRun(100));
  record('scheduler overhead per call, 10,000 calls queued across 100 processes', 'µs', 'lower', big.map((r) => r.perCallMs * 1000));
  record('scheduler enqueue per call, 10,000 calls', 'µs', 'lower', big.map((r) => (r.enqueueMs / 10_000) * 1000));
  record('scheduler overhead per call, 100 calls queued', 'µs', 'lower', small.map((r) => r.perCallMs * 1000));
  record('bus send + receive from the mailbox', 'messages/s', 'higher', await repeat(() => mailboxRun(100_000)));
  record('bus send waking a waiting receive', 'messages/s', 'higher', await repeat(() => wakeRun(100_000)));
  record('bus broadcast to 100 processes, delivered', 'messages/s', 'higher', await repeat(() => broadcastRun(1_000)));
  writeResults('agents', `Node ${process.version}`, figures, { runs });
}

await main();
