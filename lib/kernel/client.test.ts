import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, WeftError } from '../core';
import { KernelClient, type PortFactory } from './client';
import { serveKernel } from './host';
import type { KernelEvent, Process } from './protocol';
import { testKernel } from './testKernel';

const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

/** A real MessageChannel between client and kernel, so every message is structured-cloned as in a browser. */
function connect(options: { clock?: FakeClock; hostClock?: FakeClock } = {}) {
  const posts: number[] = [];
  const received = { heartbeats: 0 };
  let fail: (reason: string) => void = () => {};
  let kernels = 0;
  const createPort: PortFactory = (handlers) => {
    kernels++;
    const channel = new MessageChannel();
    const { kernel } = testKernel(options.hostClock ? { clock: options.hostClock } : {});
    serveKernel(kernel, {
      post: (messages) => channel.port2.postMessage(messages),
      listen: (handler) => channel.port2.on('message', handler),
    });
    channel.port1.on('message', (data: { t: string }[]) => {
      received.heartbeats += data.filter((m) => m.t === 'heartbeat').length;
      handlers.message(data);
    });
    fail = handlers.fail;
    const handle = {
      post: (messages: unknown[]) => {
        posts.push(messages.length);
        channel.port1.postMessage(messages);
      },
      close: () => {
        channel.port1.close();
        channel.port2.close();
      },
    };
    open.push(handle);
    return handle;
  };
  const client = new KernelClient({ createPort, ...(options.clock ? { clock: options.clock } : {}) });
  open.push(client);
  return { client, posts, received, fail: (reason: string) => fail(reason), kernels: () => kernels };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}

const ready = (client: KernelClient) =>
  new Promise<void>((resolve) => {
    if (client.status.state === 'ready') return resolve();
    const off = client.onStatus((s) => s.state === 'ready' && (off(), resolve()));
  });

describe('KernelClient', () => {
  it('becomes ready with the kernel info and round-trips typed syscalls', async () => {
    const { client } = connect();
    await ready(client);
    expect(client.status.state === 'ready' && client.status.info.environment.crossOriginIsolated).toBe(true);
    const procs: Process[] = await client.call({ op: 'proc.list' });
    expect(procs.map((p) => p.name)).toEqual(['kernel']);
  });

  it('rejects with a real WeftError carrying the code and field', async () => {
    const { client } = connect();
    const error = await client.request({ op: 'proc.kill' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeftError);
    expect(error).toMatchObject({ code: 'SYSCALL_INVALID', data: { field: 'pid' } });
  });

  it('sends every call made in one tick as one message', async () => {
    const { client, posts } = connect();
    await ready(client);
    posts.length = 0;
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => client.call({ op: 'kernel.ping', payload: i })));
    expect(results[499]).toEqual({ payload: 499 });
    expect(posts).toEqual([500]);
  });

  it('delivers kernel events to subscribers', async () => {
    const { client } = connect();
    const events: KernelEvent[] = [];
    client.on((e) => events.push(e));
    await ready(client);
    await client.call({ op: 'proc.spawn', program: { type: 'sleep', ms: 60_000 }, name: 'nap' });
    await client.call({ op: 'proc.kill', pid: 1 as never });
    await client.call({ op: 'kernel.ping' });
    const states = events.flatMap((e) => (e.type === 'proc.state' && e.process.name === 'nap' ? [e.state] : []));
    expect(states).toEqual(['READY', 'BLOCKED', 'TERMINATED']);
  });

  it('rejects pending and later calls with KERNEL_DEAD when the worker fails, and restarts a fresh kernel', async () => {
    const { client, fail, kernels } = connect();
    await ready(client);
    const pending = client.call({ op: 'kernel.ping' });
    fail('the kernel worker failed: out of memory');
    await expect(pending).rejects.toMatchObject({ code: 'KERNEL_DEAD', message: expect.stringMatching(/out of memory.*Restart/) });
    expect(client.status.state).toBe('dead');
    await expect(client.call({ op: 'proc.list' })).rejects.toMatchObject({ code: 'KERNEL_DEAD' });
    client.restart();
    expect(client.status.state).toBe('starting');
    await ready(client);
    expect(kernels()).toBe(2);
    await expect(client.call({ op: 'kernel.ping', payload: 'back' })).resolves.toEqual({ payload: 'back' });
  });

  it('declares a kernel that stops answering dead instead of hanging its callers', async () => {
    const clock = new FakeClock();
    const stuck: PortFactory = () => ({ post: () => {}, close: () => {} });
    const client = new KernelClient({ createPort: stuck, clock, heartbeatMs: 1000, deadAfterMs: 5000 });
    const pending = client.call({ op: 'kernel.ping' });
    clock.advance(4000);
    expect(client.status.state).toBe('starting');
    clock.advance(1000);
    expect(client.status.state).toBe('dead');
    await expect(pending).rejects.toMatchObject({ code: 'KERNEL_DEAD', message: expect.stringMatching(/not answered for 5 s/) });
  });

  it('keeps a quiet but healthy kernel alive through heartbeats', async () => {
    const clock = new FakeClock();
    const { client, received } = connect({ clock });
    await ready(client);
    for (let i = 1; i <= 10; i++) {
      clock.advance(2000);
      await until(() => received.heartbeats === i); // the real channel carries each probe and its answer
    }
    expect(client.status.state).toBe('ready');
  });
});
