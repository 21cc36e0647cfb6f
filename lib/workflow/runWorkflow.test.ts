import { describe, expect, it } from 'vitest';
import { WeftError } from '../core';
import { verifyTrace } from '../spans';
import { WorkflowErrorCode } from './errorCodes';
import { runWorkflow } from './runWorkflow';
import { echo, execSkill, harness, manualRunNode, settle, skillMap, wf } from './workflowFixtures';

const resultOf = (result: Awaited<ReturnType<typeof runWorkflow>['done']>, id: string) => result.nodes.find((n) => n.nodeId === id)!;

describe('runWorkflow: order and inputs', () => {
  it('starts a node only after all its parents have ended', async () => {
    const manual = manualRunNode();
    const join = execSkill('join', { inputs: [{ name: 'x', type: 'any' }, { name: 'z', type: 'any' }] });
    const h = harness(manual.runNode, skillMap(execSkill('step'), join));
    const run = runWorkflow(wf(['load', 'clean', 'stats', 'plot:join'], ['load->clean', 'load->stats', 'clean->plot', 'stats.y->plot.z']), h.deps, h.options);
    await settle(() => manual.calls.has('load'));
    expect(manual.order).toEqual(['load']);
    manual.calls.get('load')!.resolve({ y: 1 });
    await settle(() => manual.calls.has('clean') && manual.calls.has('stats'));
    manual.calls.get('clean')!.resolve({ y: 2 });
    await settle();
    expect(manual.calls.has('plot')).toBe(false);
    manual.calls.get('stats')!.resolve({ y: 3 });
    await settle(() => manual.calls.has('plot'));
    expect(manual.calls.get('plot')!.inputs).toEqual({ x: 2, z: 3 });
    manual.calls.get('plot')!.resolve({ y: 4 });
    const result = await run.done;
    expect(result.status).toBe('ok');
    expect(h.statuses('plot')).toEqual(['queued', 'running', 'ok']);
  });

  it('binds inputs as skill defaults < node params < edge values', async () => {
    const skill = execSkill('mix', { inputs: [{ name: 'a', type: 'number', default: 1 }, { name: 'b', type: 'number', default: 2 }, { name: 'c', type: 'number', default: 3 }], outputs: [{ name: 'y', type: 'json' }] });
    const seen: Record<string, unknown>[] = [];
    const h = harness((node, inputs) => {
      if (node.id === 'mix') seen.push(inputs);
      return Promise.resolve({ outputs: { y: 30 }, energy: { cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 }, details: {} });
    }, skillMap(skill, execSkill('step')));
    const w = wf(['src', { id: 'mix', skill: 'mix', params: { b: 20, c: 99 } }], ['src.y->mix.c']);
    expect((await runWorkflow(w, h.deps, h.options).done).status).toBe('ok');
    expect(seen).toEqual([{ a: 1, b: 20, c: 30 }]);
  });
});

describe('runWorkflow: parallelism', () => {
  it('runs at most `concurrency` nodes at once', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode);
    const run = runWorkflow(wf(Array.from({ length: 10 }, (_, i) => `n${i}`)), h.deps, { ...h.options, concurrency: 3 });
    for (let answered = 0; answered < 10; answered++) {
      await settle(() => manual.active === Math.min(3, 10 - answered));
      await settle();
      expect(manual.active).toBe(Math.min(3, 10 - answered));
      manual.calls.get([...manual.waiting][0]!)!.resolve({ y: answered });
    }
    expect((await run.done).status).toBe('ok');
    expect(manual.maxActive).toBe(3);
  });

  it('starts a ready node without waiting for an unrelated slow one', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode);
    const run = runWorkflow(wf(['slow', 'a', 'b'], ['a->b']), h.deps, h.options);
    await settle(() => manual.calls.has('a') && manual.calls.has('slow'));
    manual.calls.get('a')!.resolve({ y: 1 });
    await settle(() => manual.calls.has('b'));
    manual.calls.get('b')!.resolve({ y: 2 });
    manual.calls.get('slow')!.resolve({ y: 0 });
    expect((await run.done).status).toBe('ok');
  });
});

describe('runWorkflow: failures, cancels and deadlines', () => {
  it('skips the descendants of a failed node, naming it, while independent branches go on', async () => {
    const h = harness((node, inputs, context) => (node.id === 'bad' ? Promise.reject(new WeftError('RUNTIME_ERROR', 'boom')) : echo(node, inputs, context)));
    const run = runWorkflow(wf(['bad', 'child', 'grandchild', 'other', 'after-other'], ['bad->child', 'child->grandchild', 'other->after-other']), h.deps, h.options);
    const result = await run.done;
    expect(result.status).toBe('error');
    expect(resultOf(result, 'bad')).toMatchObject({ status: 'error', error: { code: 'RUNTIME_ERROR' } });
    expect(resultOf(result, 'grandchild')).toMatchObject({ status: 'skipped', reason: 'Skipped: upstream node "bad" failed.', error: { code: WorkflowErrorCode.skipped } });
    expect(resultOf(result, 'after-other')).toMatchObject({ status: 'ok', outputs: { y: 'otherafter-other' } });
    expect(h.statuses('child')).toEqual(['queued', 'skipped']);
  });

  it('refuses a workflow with any check error before a node starts, naming every problem', async () => {
    const needy = execSkill('needy', { inputs: [{ name: 'must', type: 'number' }] });
    const h = harness(echo, skillMap(needy, execSkill('step'), execSkill('picture', { outputs: [{ name: 'y', type: 'image' }] }), execSkill('count', { inputs: [{ name: 'x', type: 'number' }] })));
    const result = await runWorkflow(wf(['free', 'pic:picture', 'n:needy', 'after:count'], ['pic->after', 'n->free']), h.deps, h.options).done;
    expect(result).toMatchObject({ status: 'error', nodes: [], error: { code: WorkflowErrorCode.invalid } });
    expect(result.error!.message).toMatch(/needs the input "must"/);
    expect(result.error!.message).toContain('pic.y → after.x');
    expect((result.error!.data!.problems as { code: string }[]).map((p) => p.code).sort()).toEqual(['INPUT_MISSING', 'TYPE_MISMATCH']);
    expect(h.events.filter((e) => e.type === 'node.status')).toEqual([]);

    // Running only nodes the problems do not touch still runs.
    const only = await runWorkflow(wf(['free', 'pic:picture', 'n:needy', 'after:count'], ['pic->after']), h.deps, { ...h.options, only: new Set(['free']) }).done;
    expect(only.status).toBe('ok');

    const cyclic = await runWorkflow(wf(['a', 'b'], ['a->b', 'b->a']), h.deps, h.options).done;
    expect(cyclic).toMatchObject({ status: 'error', nodes: [], error: { code: WorkflowErrorCode.cycle } });
    expect(cyclic.error!.message).toContain('a → b → a');
    expect((await verifyTrace(cyclic.trace)).ok).toBe(true);
  });

  it('fails a node whose upstream did not return the output its edge reads', async () => {
    const h = harness((node) => Promise.resolve({ outputs: node.id === 'a' ? { other: 1 } : { y: 2 }, energy: { cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 }, details: {} }));
    const result = await runWorkflow(wf(['a', 'b'], ['a->b']), h.deps, h.options).done;
    expect(resultOf(result, 'b')).toMatchObject({ status: 'error', error: { code: WorkflowErrorCode.inputMissing } });
    expect(resultOf(result, 'b').reason).toMatch(/node "a" returned no "y" \(it returned other\)/);
  });

  it('cancels the whole run: running nodes are aborted, waiting ones never start', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode);
    const controller = new AbortController();
    const run = runWorkflow(wf(['a', 'b', 'c'], ['a->b']), h.deps, { ...h.options, signal: controller.signal, concurrency: 1 });
    await settle(() => manual.calls.has('a'));
    controller.abort();
    const result = await run.done;
    expect(manual.calls.get('a')!.signal.aborted).toBe(true);
    expect(result.status).toBe('cancelled');
    expect(result.nodes.map((n) => n.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(resultOf(result, 'c').reason).toBe('The run was cancelled before this node started.');
    expect(manual.order).toEqual(['a']);
    expect(h.events.at(-1)).toMatchObject({ type: 'run.status', status: 'cancelled' });
  });

  it('cancels one node: its descendants are skipped, the rest runs', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode);
    const run = runWorkflow(wf(['a', 'b', 'c'], ['a->b']), h.deps, h.options);
    await settle(() => manual.calls.has('a') && manual.calls.has('c'));
    expect(run.cancelNode('a')).toBe(true);
    expect(run.cancelNode('a')).toBe(false);
    manual.calls.get('c')!.resolve({ y: 1 });
    const result = await run.done;
    expect(result.nodes.map((n) => `${n.nodeId}:${n.status}`)).toEqual(['a:cancelled', 'b:skipped', 'c:ok']);
    expect(resultOf(result, 'b').reason).toBe('Skipped: upstream node "a" was cancelled.');
    expect(result.status).toBe('cancelled');
  });

  it('stops a node at its deadline: node timeout, else skill timeout, else the default', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode, skillMap(execSkill('step'), execSkill('quick', { timeoutMs: 50 })));
    const run = runWorkflow(wf([{ id: 'own', timeoutMs: 10 }, 'skill:quick', 'default']), h.deps, { ...h.options, defaultTimeoutMs: 1000 });
    await settle(() => manual.calls.size === 3);
    h.clock.advance(10);
    await settle(() => h.statuses('own').includes('error'));
    expect(manual.calls.get('own')!.signal.aborted).toBe(true);
    expect(manual.calls.get('skill')!.signal.aborted).toBe(false);
    h.clock.advance(40);
    await settle(() => h.statuses('skill').includes('error'));
    expect(manual.calls.get('default')!.signal.aborted).toBe(false);
    h.clock.advance(950);
    const result = await run.done;
    expect(result.nodes.map((n) => n.error?.code)).toEqual([WorkflowErrorCode.timeout, WorkflowErrorCode.timeout, WorkflowErrorCode.timeout]);
    expect(resultOf(result, 'own').reason).toMatch(/deadline of 10 ms/);
  });
});

describe('runWorkflow: retries', () => {
  it('retries errors with a doubling backoff, logging each attempt', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode);
    const run = runWorkflow(wf([{ id: 'flaky', retry: { count: 3, backoffMs: 100 } }]), h.deps, h.options);
    const attempt = async (n: number) => settle(() => manual.order.length === n);
    await attempt(1);
    manual.calls.get('flaky')!.reject(new WeftError('RUNTIME_ERROR', 'first'));
    await settle(() => h.events.some((e) => e.type === 'node.log' && e.text.includes('Retrying in 100 ms')));
    h.clock.advance(99);
    await settle();
    expect(manual.order).toHaveLength(1);
    h.clock.advance(1);
    await attempt(2);
    manual.calls.get('flaky')!.reject(new WeftError('RUNTIME_ERROR', 'second'));
    await settle(() => h.events.some((e) => e.type === 'node.log' && e.text.includes('Retrying in 200 ms')));
    h.clock.advance(199);
    await settle();
    expect(manual.order).toHaveLength(2);
    h.clock.advance(1);
    await attempt(3);
    manual.calls.get('flaky')!.resolve({ y: 'finally' });
    const result = await run.done;
    expect(resultOf(result, 'flaky')).toMatchObject({ status: 'ok', attempts: 3, outputs: { y: 'finally' } });
    const logs = h.events.flatMap((e) => (e.type === 'node.log' ? [`${e.attempt} ${e.text}`] : []));
    expect(logs).toEqual([
      '1 Attempt 1 of 4.',
      '1 Attempt 1 failed (RUNTIME_ERROR): first Retrying in 100 ms.',
      '2 Attempt 2 of 4.',
      '2 Attempt 2 failed (RUNTIME_ERROR): second Retrying in 200 ms.',
      '3 Attempt 3 of 4.',
    ]);
    expect(h.statuses('flaky')).toEqual(['queued', 'running', 'running', 'running', 'ok']);
  });

  it('gives up after the last retry, and never retries a cancel', async () => {
    let calls = 0;
    const h = harness(() => {
      calls++;
      return Promise.reject(new WeftError('RUNTIME_ERROR', 'always'));
    });
    const run = runWorkflow(wf([{ id: 'a', retry: { count: 2, backoffMs: 0 } }]), h.deps, h.options);
    const retrying = () => h.events.filter((e) => e.type === 'node.log' && e.text.includes('Retrying in 0 ms')).length;
    for (let n = 1; n <= 2; n++) {
      await settle(() => retrying() === n);
      h.clock.advance(0);
    }
    expect(resultOf(await run.done, 'a')).toMatchObject({ status: 'error', attempts: 3 });
    expect(calls).toBe(3);

    let cancels = 0;
    const killed = harness(() => {
      cancels++;
      return Promise.reject(new WeftError('RUNTIME_CANCELLED', 'killed from the process list'));
    });
    const result = await runWorkflow(wf([{ id: 'a', retry: { count: 5, backoffMs: 0 } }]), killed.deps, killed.options).done;
    expect(resultOf(result, 'a')).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(cancels).toBe(1);
  });
});

describe('runWorkflow: retries after deadlines and cancels during backoff', () => {
  it('retries an attempt that ran past its deadline', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode);
    const run = runWorkflow(wf([{ id: 'slow', timeoutMs: 10, retry: { count: 1, backoffMs: 5 } }]), h.deps, h.options);
    await settle(() => manual.order.length === 1);
    const first = manual.calls.get('slow')!;
    h.clock.advance(10);
    expect(first.signal.aborted).toBe(true);
    await settle(() => h.events.some((e) => e.type === 'node.log' && e.text.includes(`(${WorkflowErrorCode.timeout})`)));
    h.clock.advance(5);
    await settle(() => manual.order.length === 2);
    manual.calls.get('slow')!.resolve({ y: 'in time' });
    expect(resultOf(await run.done, 'slow')).toMatchObject({ status: 'ok', attempts: 2 });
  });

  it('ends a node cancelled while it waits to retry, without another attempt', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode);
    const run = runWorkflow(wf([{ id: 'a', retry: { count: 3, backoffMs: 1000 } }]), h.deps, h.options);
    await settle(() => manual.order.length === 1);
    manual.calls.get('a')!.reject(new WeftError('RUNTIME_ERROR', 'no'));
    await settle(() => h.events.some((e) => e.type === 'node.log' && e.text.includes('Retrying in 1000 ms')));
    expect(run.cancelNode('a')).toBe(true);
    const result = await run.done;
    expect(resultOf(result, 'a')).toMatchObject({ status: 'cancelled', attempts: 1 });
    h.clock.advance(10_000);
    await settle();
    expect(manual.order).toEqual(['a']);
  });
});

describe('runWorkflow: suspend and resume', () => {
  it('lets running nodes finish but starts no new one until resumed', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode);
    const run = runWorkflow(wf(['a', 'b', 'c'], ['a->b']), h.deps, { ...h.options, concurrency: 1 });
    await settle(() => manual.calls.has('a'));
    run.suspend();
    expect(run.suspended).toBe(true);
    manual.calls.get('a')!.resolve({ y: 1 });
    await settle(() => h.statuses('a').includes('ok'));
    await settle();
    expect(manual.order).toEqual(['a']);
    run.resume();
    await settle(() => manual.calls.has('c'));
    manual.calls.get('c')!.resolve({ y: 3 });
    await settle(() => manual.calls.has('b'));
    manual.calls.get('b')!.resolve({ y: 2 });
    expect((await run.done).status).toBe('ok');
    const runStatuses = h.events.flatMap((e) => (e.type === 'run.status' ? [e.status] : []));
    expect(runStatuses).toEqual(['running', 'suspended', 'running', 'ok']);
  });
});
