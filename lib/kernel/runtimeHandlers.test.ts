import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeftError } from '../core';
import { makeTrace, verifyTrace, type Span } from '../spans';
import type { Kernel } from './kernel';
import type { EnzymeRun, KernelEvent } from './protocol';
import { kernelWithRuntimes } from './testRuntimes';

const SKILLS = ['csv-stats', 'json-transform', 'rc-lowpass', 'linear-regression', 'parametric-surface', 'writing-clear-prompts'];

let kernel: Kernel;
const events: KernelEvent[] = [];
const cleanups: (() => void)[] = [];
const call = (c: Record<string, unknown>) => kernel.dispatch(c) as Promise<EnzymeRun>;
const fail = (c: Record<string, unknown>) => kernel.dispatch(c).then(() => Promise.reject(new Error('expected failure')), (e: WeftError) => e);

beforeAll(async () => {
  const booted = await kernelWithRuntimes(SKILLS);
  cleanups.push(booted.cleanup);
  kernel = booted.kernel;
  kernel.on((e) => events.push(e));
}, 60_000);
afterAll(() => cleanups.forEach((f) => f()));

describe('skill.run through the kernel, on every runtime', () => {
  it('python: csv-stats computes the statistics of its default CSV, as an enzyme process with a node span', async () => {
    const run = await call({ op: 'skill.run', name: 'csv-stats', seed: 3, tag: 't1' });
    expect(run.runtime).toBe('python');
    expect(Object.keys(run.outputs)).toEqual(expect.arrayContaining(['stats']));
    expect(run.energy.cpuMs).toBeGreaterThan(0);
    expect(run.energy.bytes).toBeGreaterThan(0);
    const proc = await kernel.dispatch({ op: 'proc.get', pid: run.pid });
    expect(proc).toMatchObject({ kind: 'enzyme', name: 'csv-stats', state: 'TERMINATED', exit: { status: 'ok' }, command: 'python csv-stats' });
    const span = events.find((e): e is Extract<KernelEvent, { type: 'span.end' }> => e.type === 'span.end' && e.span.id === run.spanId)!.span;
    expect(span).toMatchObject({ kind: 'node', name: 'csv-stats', status: 'ok', pid: run.pid });
    expect(span.attributes).toMatchObject({ 'weft.runtime': 'python', 'weft.skill': 'csv-stats', 'weft.skill.volume': 'system', 'weft.seed': '3' });
    expect((await verifyTrace(await makeTrace(span.traceId, [span]))).ok).toBe(true);
    expect(events.some((e) => e.type === 'enzyme.start' && e.tag === 't1' && e.pid === run.pid)).toBe(true);
    expect(events.some((e) => e.type === 'runtime.status' && e.status.kind === 'python' && e.status.state === 'ready')).toBe(true);
  }, 60_000);

  it('javascript: json-transform with given inputs over its defaults', async () => {
    const run = await call({ op: 'skill.run', name: 'json-transform' });
    expect(run.runtime).toBe('javascript');
    expect(run.outputs).toBeTypeOf('object');
  });

  it('tensor: linear-regression reports the backend it ran on', async () => {
    const run = await call({ op: 'skill.run', name: 'linear-regression' });
    expect(run.details.backend).toBe('cpu');
    expect(Math.abs((run.outputs.a as number) - 2.5)).toBeLessThan(0.1);
    const span = events.find((e): e is Extract<KernelEvent, { type: 'span.end' }> => e.type === 'span.end' && e.span.id === run.spanId)!.span as Span;
    expect(span.attributes['weft.runtime.backend']).toBe('cpu');
  }, 30_000);

  it('three: parametric-surface returns a valid scene', async () => {
    const run = await call({ op: 'skill.run', name: 'parametric-surface' });
    expect(run.runtime).toBe('three');
    expect(JSON.stringify(run.outputs)).toContain('scene3d');
  });

  it('spice: rc-lowpass simulates its netlist into vectors and a plot', async () => {
    const run = await call({ op: 'skill.run', name: 'rc-lowpass' });
    expect(Object.keys(run.outputs).sort()).toEqual(['plot', 'vectors']);
    expect(Object.keys(run.outputs.vectors as object).sort()).toEqual(['ac', 'tran']);
  }, 30_000);
});

describe('skill.run refuses clearly', () => {
  it('names missing and unknown inputs, and context skills', async () => {
    const unknown = await fail({ op: 'skill.run', name: 'csv-stats', inputs: { nope: 1 } });
    expect([unknown.code, unknown.message]).toEqual(['RUNTIME_INPUT_INVALID', expect.stringMatching(/has no input "nope"\. Its inputs: /)]);
    const context = await fail({ op: 'skill.run', name: 'writing-clear-prompts' });
    expect(context.message).toMatch(/context skill/);
    expect((await fail({ op: 'skill.run', name: 'no-such-skill' })).code).toBe('SKILL_NOT_FOUND');
  });

  it('a python error carries its line, the process exits with an error, and the next run works', async () => {
    const error = await fail({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    return {"x": 1 / 0}' });
    expect(error.code).toBe('RUNTIME_ERROR');
    expect(error.message).toBe('The Python code raised ZeroDivisionError: division by zero (line 2).');
    const proc = await kernel.dispatch({ op: 'proc.get', pid: error.data.pid });
    expect(proc).toMatchObject({ state: 'TERMINATED', exit: { status: 'error' } });
    expect((await call({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    return {"x": 1}' })).outputs).toEqual({ x: 1 });
  }, 30_000);

  it('javascript the person marked untrusted runs in QuickJS: a memory bomb is RUNTIME_MEMORY and the span says which engine ran', async () => {
    const skill = (name: string, marked: boolean, body: string) =>
      ['---', `name: ${name}`, 'description: A test skill. Use in tests.', 'runtime: javascript', ...(marked ? ['metadata:', '  untrusted: "true"'] : []), 'outputs:', '  - name: ok', '    type: number', '---', '', '```javascript', body, '```', ''].join('\n');
    await kernel.dispatch({ op: 'skill.write', name: 'bomb', content: skill('bomb', true, 'function execute() { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(1.5)); }') });
    await kernel.dispatch({ op: 'skill.write', name: 'mine', content: skill('mine', false, 'function execute() { return { ok: 42 }; }') });
    const bomb = await fail({ op: 'skill.run', name: 'bomb' });
    expect(bomb.code).toBe('RUNTIME_MEMORY');
    expect(bomb.message).toMatch(/its sandbox \(QuickJS\) allows/);
    const span = events.find((e): e is Extract<KernelEvent, { type: 'span.end' }> => e.type === 'span.end' && e.span.id === bomb.data.spanId)!.span;
    expect(span.attributes).toMatchObject({ 'weft.runtime.engine': 'quickjs', 'error.type': 'RUNTIME_MEMORY' });
    const mine = await call({ op: 'skill.run', name: 'mine' });
    expect([mine.outputs, mine.details.engine]).toEqual([{ ok: 42 }, 'v8']);
  }, 60_000);

  it('an endless loop in QuickJS is interrupted at its deadline: RUNTIME_TIMEOUT, and the same worker runs the next', async () => {
    const loop = await fail({ op: 'runtime.run', runtime: 'javascript', engine: 'quickjs', code: 'function execute() { for (;;) {} }', timeoutMs: 200 });
    expect(loop.code).toBe('RUNTIME_TIMEOUT');
    expect(loop.data.restarted).toBe(false);
    const next = await call({ op: 'runtime.run', runtime: 'javascript', engine: 'quickjs', code: 'function execute() { return { ok: 1 }; }' });
    expect([next.outputs, next.details.engine]).toEqual([{ ok: 1 }, 'quickjs']);
  }, 30_000);

  it('killing the enzyme process cancels its run', async () => {
    const started = new Promise<number>((resolve) => {
      const off = kernel.on((e) => {
        if (e.type === 'enzyme.start' && e.tag === 'forever') {
          off();
          resolve(e.pid);
        }
      });
    });
    const running = fail({ op: 'runtime.run', runtime: 'javascript', code: 'function execute() { return new Promise(() => {}); }', tag: 'forever' });
    const pid = await started;
    await kernel.dispatch({ op: 'proc.kill', pid });
    const error = await running;
    expect(error.code).toBe('RUNTIME_CANCELLED');
    expect(await kernel.dispatch({ op: 'proc.get', pid })).toMatchObject({ state: 'TERMINATED', exit: { status: 'killed' } });
    expect((await call({ op: 'runtime.run', runtime: 'javascript', code: 'function execute() { return { ok: 1 }; }' })).outputs).toEqual({ ok: 1 });
  });
});
