import { describe, expect, it } from 'vitest';
import { asTraceId, FakeClock, WeftError } from '../core';
import { Dispatcher, type Handlers } from './dispatcher';
import { SpanLog } from './spanLog';
import { makeTrace, type Span, verifyTrace } from '../spans';
import { testKernel } from './testKernel';

async function errorOf(promise: Promise<unknown>): Promise<WeftError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(WeftError);
    return e as WeftError;
  }
  throw new Error('expected the call to fail');
}

describe('the dispatcher refuses bad requests with SYSCALL_INVALID naming the field', () => {
  it.each([
    ['an unknown op', { op: 'proc.explode' }, 'op', /unknown op "proc.explode".*Known ops: kernel.ping/],
    ['no op at all', { pid: 1 }, 'op', /has no "op"/],
    ['a request that is not an object', 'proc.list', 'op', /must be an object/],
    ['null', null, 'op', /must be an object/],
    ['a missing argument', { op: 'proc.kill' }, 'pid', /"pid" is required/],
    ['an argument of the wrong type', { op: 'proc.kill', pid: '3' }, 'pid', /"pid" must be number, not the string "3"/],
    ['a priority out of range', { op: 'proc.setPriority', pid: 1, priority: 20 }, 'priority', /"priority" is invalid/],
    ['an argument the op does not take', { op: 'proc.list', verbose: true }, 'verbose', /"verbose" is not an argument/],
    ['a program the kernel does not know', { op: 'proc.spawn', program: { type: 'rm -rf' } }, 'program.type', /program.type/],
  ])('%s', async (_what, call, field, message) => {
    const { kernel } = testKernel();
    const error = await errorOf(kernel.dispatch(call));
    expect(error.code).toBe('SYSCALL_INVALID');
    expect(error.data.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('lists every problem of a request, not only the first', async () => {
    const { kernel } = testKernel();
    const error = await errorOf(kernel.dispatch({ op: 'proc.setPriority', pid: -1, priority: 'high' }));
    expect((error.data.issues as { field: string }[]).map((i) => i.field)).toEqual(['pid', 'priority']);
    expect(error.message).toMatch(/and 1 more: priority/);
  });

  it('keeps working after bad requests', async () => {
    const { kernel } = testKernel();
    await errorOf(kernel.dispatch({ op: 42 }));
    await expect(kernel.dispatch({ op: 'kernel.ping', payload: 'still here' })).resolves.toEqual({ payload: 'still here' });
  });
});

describe('the dispatcher', () => {
  it('asks the policy and refuses with its reason', async () => {
    const { kernel } = testKernel({
      policy: (call, ctx) => (call.op === 'proc.kill' && ctx.caller !== null ? { allow: false, reason: 'process 5 lacks the SPAWN_AGENT capability' } : { allow: true }),
    });
    const error = await errorOf(kernel.dispatch({ op: 'proc.kill', pid: 0 }, { caller: 5 as never }));
    expect(error.code).toBe('SYSCALL_DENIED');
    expect(error.message).toBe('proc.kill was refused: process 5 lacks the SPAWN_AGENT capability.');
  });

  it('turns a handler bug into an INTERNAL error instead of crashing', async () => {
    const clock = new FakeClock();
    const dispatcher = new Dispatcher({
      clock,
      spans: new SpanLog(),
      traceId: asTraceId('0123456789abcdef0123456789abcdef'),
      handlers: { 'proc.list': () => (undefined as unknown as { length: number }).length } as unknown as Handlers,
    });
    const error = await errorOf(dispatcher.dispatch({ op: 'proc.list' }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/Cannot read properties of undefined.*bug in Weft/);
  });

  it('answers kernel.info only once the kernel has booted', async () => {
    const { kernel } = testKernel();
    expect((await errorOf(kernel.dispatch({ op: 'kernel.info' }))).code).toBe('SYSCALL_FAILED');
    await kernel.boot();
    await expect(kernel.dispatch({ op: 'kernel.info' })).resolves.toMatchObject({ version: '0.0.0-test', environment: { crossOriginIsolated: true } });
  });

  it('records every syscall, good or bad, as a verifiable syscall span with hashes of its inputs and outputs', async () => {
    const { kernel, clock } = testKernel();
    await kernel.dispatch({ op: 'kernel.ping', payload: 1 });
    clock.advance(5);
    await errorOf(kernel.dispatch({ op: 'proc.kill', pid: 99 }));
    await errorOf(kernel.dispatch({ op: 'nope' }));
    const spans = (await kernel.dispatch({ op: 'spans.recent', kind: 'syscall' })) as Span[];
    expect(spans.map((s) => [s.name, s.status])).toEqual([
      ['kernel.ping', 'ok'],
      ['proc.kill', 'error'],
      ['nope', 'error'],
    ]);
    expect(spans[1]!.attributes['error.type']).toBe('PROC_NOT_FOUND');
    expect(spans[0]!.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(spans[0]!.outputsHash).toMatch(/^[0-9a-f]{64}$/);
    const report = await verifyTrace(await makeTrace(kernel.traceId, spans));
    expect(report.problems).toEqual([]);
  });

  it('announces state-changing syscalls as span.end events but keeps reads quiet', async () => {
    const { kernel, events } = testKernel();
    await kernel.dispatch({ op: 'proc.list' });
    await kernel.dispatch({ op: 'proc.spawn', program: { type: 'sleep', ms: 1000 } });
    // spans.recent awaits the same seals whose announcements were queued first: after it, every announcement is out.
    await kernel.dispatch({ op: 'spans.recent' });
    const names = events.filter((e) => e.type === 'span.end').map((e) => (e.type === 'span.end' ? e.span.name : ''));
    expect(names).toEqual(['proc.spawn']);
  });
});
