import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Pid, type SpanId, WeftError } from '@/lib/core';
import type { EnzymeRun, KernelEvent } from '@/lib/kernel/protocol';
import { type RunClient, runSkill, stopRun } from './runSkill';
import { appendLog, type RunRecord, useRunStore } from './useRunStore';

/** A kernel client whose replies and events the test controls. */
function fakeClient() {
  const listeners = new Set<(event: KernelEvent) => void>();
  const calls: Record<string, unknown>[] = [];
  let settle: { resolve(value: unknown): void; reject(error: unknown): void } | null = null;
  const client = {
    on: (listener: (event: KernelEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    call: (syscall: Record<string, unknown>) => {
      calls.push(syscall);
      if (syscall.op !== 'skill.run') return Promise.resolve({});
      return new Promise((resolve, reject) => (settle = { resolve, reject }));
    },
  } as unknown as RunClient;
  return {
    client,
    calls,
    listeners,
    emit: (event: KernelEvent) => listeners.forEach((l) => l(event)),
    resolve: (value: unknown) => settle!.resolve(value),
    reject: (error: unknown) => settle!.reject(error),
  };
}

const finished = (outputs: Record<string, unknown>): EnzymeRun => ({
  seed: 1,
  outputs,
  stdout: 'hello\n',
  stderr: '',
  energy: { cpuMs: 5, tokensIn: 0, tokensOut: 0, bytes: 10 },
  details: { worker: 1 },
  pid: 7 as Pid,
  runtime: 'python',
  spanId: 's' as SpanId,
  durationMs: 12,
});

const runOf = (skill: string) => useRunStore.getState().sessions[skill]?.run ?? null;
const tagOf = (fake: ReturnType<typeof fakeClient>) => (fake.calls.find((c) => c.op === 'skill.run')!.tag as string);

beforeEach(() => useRunStore.setState({ sessions: {} }));
afterEach(() => vi.useRealTimers());

describe('a run from the Run tab', () => {
  it('runs the skill with the inputs and seed, follows its own log and records the outputs', async () => {
    const fake = fakeClient();
    const done = runSkill(fake.client, { skill: 'csv-stats', runtime: 'python', inputs: { decimals: 2 }, seed: 42 }, () => 1000);
    expect(fake.calls[0]).toMatchObject({ op: 'skill.run', name: 'csv-stats', inputs: { decimals: 2 }, seed: 42 });
    expect(runOf('csv-stats')).toMatchObject({ phase: 'running', seed: 42, pid: null, runtime: 'python' });
    const tag = tagOf(fake);
    fake.emit({ type: 'enzyme.start', pid: 7 as Pid, runtime: 'python', name: 'csv-stats', tag, at: 1 });
    fake.emit({ type: 'enzyme.log', pid: 7 as Pid, stream: 'stdout', text: 'hel', tag, at: 2 });
    fake.emit({ type: 'enzyme.log', pid: 7 as Pid, stream: 'stdout', text: 'lo\n', tag, at: 3 });
    // Someone else's run: not ours.
    fake.emit({ type: 'enzyme.log', pid: 8 as Pid, stream: 'stdout', text: 'other\n', tag: 'elsewhere', at: 4 });
    fake.emit({ type: 'enzyme.log', pid: 7 as Pid, stream: 'stderr', text: 'careful\n', tag, at: 5 });
    expect(runOf('csv-stats')?.pid).toBe(7);
    fake.resolve(finished({ rows: 8 }));
    await done;
    const run = runOf('csv-stats')!;
    expect(run).toMatchObject({ phase: 'done', endedAt: 1000, result: { outputs: { rows: 8 } } });
    expect(run.log).toEqual([
      { stream: 'stdout', text: 'hello\n' },
      { stream: 'stderr', text: 'careful\n' },
    ]);
    expect(fake.listeners.size).toBe(0);
  });

  it('keeps a failure with its code, and what the run printed when none of it streamed', async () => {
    const fake = fakeClient();
    const done = runSkill(fake.client, { skill: 'csv-stats', runtime: 'python', inputs: {}, seed: 1 });
    fake.reject(new WeftError('RUNTIME_ERROR', 'The Python code raised ValueError: empty (line 3).', { line: 3, stdout: 'before\n', pid: 9 }).toJSON());
    await done;
    const run = runOf('csv-stats')!;
    expect(run.phase).toBe('failed');
    expect(run.error).toMatchObject({ code: 'RUNTIME_ERROR', data: { line: 3 } });
    expect(run.log).toEqual([{ stream: 'stdout', text: 'before\n' }]);
  });

  it('stops a run by killing its process, even when Stop comes before the pid is known', async () => {
    const fake = fakeClient();
    const done = runSkill(fake.client, { skill: 'loop', runtime: 'python', inputs: {}, seed: 1 });
    stopRun(fake.client, 'loop');
    expect(runOf('loop')?.stopping).toBe(true);
    expect(fake.calls.some((c) => c.op === 'proc.kill')).toBe(false);
    fake.emit({ type: 'enzyme.start', pid: 12 as Pid, runtime: 'python', name: 'loop', tag: tagOf(fake), at: 1 });
    expect(fake.calls.find((c) => c.op === 'proc.kill')).toMatchObject({ pid: 12 });
    fake.reject(new WeftError('RUNTIME_CANCELLED', 'The Python run was cancelled (it stopped 3 ms after being interrupted).').toJSON());
    await done;
    expect(runOf('loop')).toMatchObject({ phase: 'stopped', error: { code: 'RUNTIME_CANCELLED' } });
  });

  it('kills at once when the pid is already known, and only once', async () => {
    const fake = fakeClient();
    const done = runSkill(fake.client, { skill: 'loop', runtime: 'python', inputs: {}, seed: 1 });
    fake.emit({ type: 'enzyme.start', pid: 3 as Pid, runtime: 'python', name: 'loop', tag: tagOf(fake), at: 1 });
    stopRun(fake.client, 'loop');
    stopRun(fake.client, 'loop');
    expect(fake.calls.filter((c) => c.op === 'proc.kill')).toEqual([{ op: 'proc.kill', pid: 3, reason: 'Stopped from the Run tab' }]);
    fake.reject(new WeftError('RUNTIME_CANCELLED', 'cancelled').toJSON());
    await done;
  });

  it('streams the log in batches while the run goes on', async () => {
    vi.useFakeTimers();
    const fake = fakeClient();
    const done = runSkill(fake.client, { skill: 'chatty', runtime: 'javascript', inputs: {}, seed: 1 });
    const tag = tagOf(fake);
    fake.emit({ type: 'enzyme.log', pid: 1 as Pid, stream: 'stdout', text: 'a\n', tag, at: 1 });
    expect(runOf('chatty')?.log).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(runOf('chatty')?.log).toEqual([{ stream: 'stdout', text: 'a\n' }]);
    fake.resolve(finished({}));
    await done;
  });
});

describe('the run log', () => {
  const empty: RunRecord = { tag: 't', phase: 'running', runtime: 'python', seed: 1, startedAt: 0, endedAt: null, pid: null, stopping: false, log: [], dropped: 0, result: null, error: null };

  it('merges output of the same stream and keeps streams apart', () => {
    const run = appendLog(empty, [
      { stream: 'stdout', text: 'a' },
      { stream: 'stdout', text: 'b' },
      { stream: 'stderr', text: 'c' },
      { stream: 'stdout', text: 'd' },
    ]);
    expect(run.log).toEqual([
      { stream: 'stdout', text: 'ab' },
      { stream: 'stderr', text: 'c' },
      { stream: 'stdout', text: 'd' },
    ]);
  });

  it('drops the oldest output past its limit and counts what it dropped', () => {
    const run = appendLog(empty, [
      { stream: 'stdout', text: '0123456789' },
      { stream: 'stderr', text: 'abcdef' },
    ], 8);
    expect(run.log).toEqual([
      { stream: 'stdout', text: '89' },
      { stream: 'stderr', text: 'abcdef' },
    ]);
    expect(run.dropped).toBe(8);
    expect(appendLog(run, [{ stream: 'stdout', text: 'XYZ' }], 8)).toMatchObject({ dropped: 11, log: [{ stream: 'stderr', text: 'bcdef' }, { stream: 'stdout', text: 'XYZ' }] });
  });
});
