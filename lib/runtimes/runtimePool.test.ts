import { describe, expect, it } from 'vitest';
import { FakeClock, WeftError } from '../core';
import type { Engine, EngineJob } from './engine';
import { RuntimePool } from './runtimePool';
import type { RunRequest, RuntimeStatus } from './types';
import { inProcessWorker } from './workerLike';
import type { LoadOptions } from './workerProtocol';

const flush = async (times = 20) => {
  for (let i = 0; i < times; i++) await Promise.resolve();
};
const realDelay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface FakeSpec {
  load?: (options: LoadOptions) => Promise<void>;
  run: (job: EngineJob, options: LoadOptions) => Promise<Record<string, unknown>>;
}

function setup(spec: FakeSpec, pool: { maxWorkers?: number; interruptible?: boolean; networkAware?: boolean; graceMs?: number } = {}) {
  const clock = new FakeClock();
  const statuses: RuntimeStatus[] = [];
  const loads: LoadOptions[] = [];
  const engine = (): Engine => {
    let options: LoadOptions = {};
    return {
      async load(o, progress) {
        options = o;
        loads.push(o);
        progress('download', 50, 100);
        await spec.load?.(o);
        progress('download', 100, 100);
        return { engine: 'fake' };
      },
      run: async (job) => ({ outputs: await spec.run(job, options) }),
    };
  };
  const runtime = new RuntimePool({
    kind: 'python',
    create: () => inProcessWorker(engine()),
    maxWorkers: pool.maxWorkers ?? 2,
    interruptible: pool.interruptible ?? false,
    networkAware: pool.networkAware ?? false,
    graceMs: pool.graceMs ?? 1000,
    clock,
    onStatus: (s) => statuses.push(s),
  });
  const request = (over: Partial<RunRequest> = {}): RunRequest => ({ code: 'x', inputs: {}, seed: 1, timeoutMs: 5000, permissions: [], ...over });
  return { clock, statuses, loads, runtime, request };
}

const failure = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('expected the run to fail')), (e: WeftError) => e);

describe('RuntimePool', () => {
  it('loads a worker on first use, reports progress, and keeps it warm for the next run', async () => {
    const { runtime, statuses, request, loads } = setup({ run: async (job) => ({ doubled: (job.inputs.n as number) * 2 }) });
    expect(runtime.status()).toMatchObject({ state: 'idle', workers: 0 });
    const first = await runtime.run(request({ inputs: { n: 21 } }));
    expect(first.outputs).toEqual({ doubled: 42 });
    expect(statuses.map((s) => s.state)).toContain('loading');
    expect(statuses.find((s) => s.state === 'loading' && s.progress === 0.5)).toBeTruthy();
    expect(runtime.status()).toMatchObject({ state: 'ready', workers: 1, busy: 0, details: { engine: 'fake' } });
    const second = await runtime.run(request({ inputs: { n: 1 } }));
    expect(second.details.worker).toBe(first.details.worker);
    expect(loads).toHaveLength(1);
  });

  it('returns what the code printed, and its energy: cpu time and bytes in and out', async () => {
    const { runtime, request } = setup({
      run: async (job) => {
        job.log('stdout', 'hello\n');
        job.log('stderr', 'careful\n');
        return { text: 'é'.repeat(10) };
      },
    });
    const logs: string[] = [];
    const result = await runtime.run(request({ code: 'abcd', inputs: { a: 1 }, onLog: (l) => logs.push(`${l.stream}:${l.text}`) }));
    expect([result.stdout, result.stderr]).toEqual(['hello\n', 'careful\n']);
    expect(logs).toEqual(['stdout:hello\n', 'stderr:careful\n']);
    expect(result.energy.cpuMs).toBeGreaterThanOrEqual(0);
    expect(result.details.bytesIn).toBe(6 + 1 + 3 + 8 + 1 + 2);
    expect(result.details.bytesOut).toBe(2 + 4 + 3 + 22 + 1);
    expect(result.energy.bytes).toBe((result.details.bytesIn as number) + (result.details.bytesOut as number));
  });

  it('terminates a worker that runs past its deadline and replaces it; the next run works', async () => {
    const { runtime, request, clock } = setup({ run: (job) => (job.code === 'hang' ? new Promise(() => {}) : Promise.resolve({ ok: true })) });
    const warm = await runtime.run(request());
    const hung = failure(runtime.run(request({ code: 'hang', timeoutMs: 2000 })));
    await flush();
    clock.advance(2000);
    const error = await hung;
    expect(error.code).toBe('RUNTIME_TIMEOUT');
    // What the message says happened is what the data says: the worker was stopped and replaced.
    expect(error.message).toMatch(/ran past its deadline of 2 s.*its worker was stopped and a fresh one started/);
    expect(error.data.restarted).toBe(true);
    const next = await runtime.run(request());
    expect(next.outputs).toEqual({ ok: true });
    expect(next.details.worker).not.toBe(warm.details.worker);
  });

  it('interrupts an interruptible runtime through the shared flag: the worker stays and says how long stopping took', async () => {
    const { runtime, request, clock } = setup(
      {
        run: async (job, options) => {
          if (job.code !== 'loop') return { ok: true };
          const flag = new Int32Array(options.interrupt!);
          while (Atomics.load(flag, 0) === 0) await realDelay(1);
          Atomics.store(flag, 0, 0);
          throw new WeftError('RUNTIME_CANCELLED', 'interrupted', { interrupted: true });
        },
      },
      { interruptible: true },
    );
    const warm = await runtime.run(request());
    const looping = failure(runtime.run(request({ code: 'loop', timeoutMs: 3000 })));
    await flush();
    clock.advance(3000);
    const error = await looping;
    expect(error.code).toBe('RUNTIME_TIMEOUT');
    expect(error.data).toMatchObject({ restarted: false, interruptMs: 0 });
    expect(error.message).toMatch(/stopped 0 ms after being interrupted/);
    expect((await runtime.run(request())).details.worker).toBe(warm.details.worker);
  });

  it('terminates an interruptible worker that ignores the interrupt for longer than the grace period', async () => {
    const { runtime, request, clock } = setup({ run: (job) => (job.code === 'deaf' ? new Promise(() => {}) : Promise.resolve({ ok: true })) }, { interruptible: true, graceMs: 1000 });
    const warm = await runtime.run(request());
    const deaf = failure(runtime.run(request({ code: 'deaf', timeoutMs: 500 })));
    await flush();
    clock.advance(500);
    await flush();
    clock.advance(999);
    await flush();
    let settled = false;
    void deaf.then(() => (settled = true));
    await flush();
    expect(settled).toBe(false);
    clock.advance(1);
    const error = await deaf;
    expect(error.code).toBe('RUNTIME_TIMEOUT');
    expect(error.data.restarted).toBe(true);
    expect(error.message).toMatch(/did not stop when interrupted/);
    expect((await runtime.run(request())).details.worker).not.toBe(warm.details.worker);
  });

  it('cancels a run when its signal aborts, also one still waiting for a worker', async () => {
    const { runtime, request } = setup({ run: (job) => (job.code === 'hang' ? new Promise(() => {}) : Promise.resolve({ ok: true })) }, { maxWorkers: 1 });
    const running = new AbortController();
    const waiting = new AbortController();
    const first = failure(runtime.run(request({ code: 'hang', signal: running.signal })));
    const second = failure(runtime.run(request({ signal: waiting.signal })));
    await flush();
    waiting.abort();
    expect((await second).message).toMatch(/cancelled before it started/);
    running.abort();
    expect((await first).code).toBe('RUNTIME_CANCELLED');
    expect((await runtime.run(request())).outputs).toEqual({ ok: true });
  });

  it('queues runs beyond the pool size and runs them as workers free up', async () => {
    const order: string[] = [];
    const { runtime, request, loads } = setup(
      {
        run: async (job) => {
          order.push(`start ${job.code}`);
          await realDelay(5);
          order.push(`end ${job.code}`);
          return { code: job.code };
        },
      },
      { maxWorkers: 1 },
    );
    const results = await Promise.all(['a', 'b', 'c'].map((code) => runtime.run(request({ code }))));
    expect(results.map((r) => r.outputs.code)).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(loads).toHaveLength(1);
  });

  it('starts a worker with the network unlocked only for code that has the network permission', async () => {
    const { runtime, request, loads } = setup({ run: async (_job, options) => ({ network: options.network === true }) }, { networkAware: true });
    expect((await runtime.run(request())).outputs).toEqual({ network: false });
    expect((await runtime.run(request({ permissions: ['network'] }))).outputs).toEqual({ network: true });
    expect((await runtime.run(request())).outputs).toEqual({ network: false });
    expect(loads.map((l) => l.network)).toEqual([false, true]);
  });

  it('replaces a worker whose error asks for it (out of memory), keeping the error', async () => {
    const { runtime, request } = setup({
      run: async (job) => {
        if (job.code === 'oom') throw new WeftError('RUNTIME_MEMORY', 'The Python code ran out of memory.', { replaceWorker: true });
        return { ok: true };
      },
    });
    const warm = await runtime.run(request());
    const error = await failure(runtime.run(request({ code: 'oom' })));
    expect(error.code).toBe('RUNTIME_MEMORY');
    expect((await runtime.run(request())).details.worker).not.toBe(warm.details.worker);
  });

  it('reports a runtime that cannot load, with the reason, and tries again on the next run', async () => {
    let attempts = 0;
    const { runtime, request } = setup({
      load: async () => {
        attempts++;
        if (attempts === 1) throw new WeftError('RUNTIME_LOAD_FAILED', 'Pyodide could not be fetched.');
      },
      run: async () => ({ ok: true }),
    });
    const error = await failure(runtime.run(request()));
    expect(error.code).toBe('RUNTIME_LOAD_FAILED');
    await flush();
    expect(runtime.status()).toMatchObject({ state: 'failed', detail: 'Pyodide could not be fetched.' });
    expect((await runtime.run(request())).outputs).toEqual({ ok: true });
  });
});

describe('RuntimePool status', () => {
  it('counts a worker as busy from the moment a run takes it, and keeps the load bar moving forward', async () => {
    let release: () => void = () => {};
    const { runtime, statuses, request } = setup({ run: () => new Promise((resolve) => (release = () => resolve({ ok: true }))) });
    const running = runtime.run(request());
    expect(runtime.status().busy).toBe(1);
    await flush();
    release();
    await running;
    expect(runtime.status().busy).toBe(0);
    const loading = statuses.filter((s) => s.state === 'loading').map((s) => s.progress ?? 0);
    expect(loading.every((p, i) => i === 0 || p >= loading[i - 1]!)).toBe(true);
  });
});
