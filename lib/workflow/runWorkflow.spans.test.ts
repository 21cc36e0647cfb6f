import { describe, expect, it } from 'vitest';
import { WeftError } from '../core';
import { verifyTrace, WeftAttr } from '../spans';
import { memoryMemoStore } from './memoStore';
import { runWorkflow } from './runWorkflow';
import type { RunNode } from './runTypes';
import { execSkill, harness, manualRunNode, settle, skillMap, wf } from './workflowFixtures';

const join = execSkill('join', { inputs: [{ name: 'x', type: 'any' }, { name: 'z', type: 'any' }], runtime: 'tensor', version: '2.1.0' });
const skills = skillMap(execSkill('step'), join);
//   load → clean → plot
//      ↘ stats ↗
const diamond = wf(['load', 'clean', 'stats', 'plot:join'], ['load->clean', 'load->stats', 'clean->plot', 'stats.y->plot.z']);

const fixed: RunNode = (node) => Promise.resolve({ outputs: { y: node.id }, energy: { cpuMs: 10, tokensIn: 0, tokensOut: 0, bytes: 100 }, details: { backend: 'webgpu', worker: 2 } });

describe('runWorkflow: spans', () => {
  it('records a run span and a node span per node whose parents are the upstream spans it consumed', async () => {
    const manual = manualRunNode();
    const h = harness(manual.runNode, skills);
    const run = runWorkflow(diamond, h.deps, h.options);
    // Time moves between steps, so a child starting before its parent ended would show.
    for (const id of ['load', 'clean', 'stats', 'plot']) {
      await settle(() => manual.calls.has(id));
      h.clock.advance(5);
      manual.calls.get(id)!.resolve({ y: id });
    }
    const { trace, nodes, energy } = await run.done;
    expect((await verifyTrace(trace)).ok).toBe(true);
    const [runSpan, ...nodeSpans] = trace.spans;
    expect(runSpan).toMatchObject({ kind: 'run', name: 'test workflow', parents: [], status: 'ok' });
    expect(nodeSpans.map((s) => s.name)).toEqual(['load', 'clean', 'stats', 'plot']);
    const span = (id: string) => nodeSpans.find((s) => s.name === id)!;
    expect(span('load').parents).toEqual([runSpan!.id]);
    expect(span('load').attributes[WeftAttr.concurrentParents]).toEqual([runSpan!.id]);
    expect(span('clean').parents).toEqual([span('load').id]);
    expect(new Set(span('plot').parents)).toEqual(new Set([span('clean').id, span('stats').id]));
    expect(span('plot').attributes[WeftAttr.concurrentParents]).toBeUndefined();
    expect(span('plot').start).toBeGreaterThanOrEqual(Math.max(span('clean').end, span('stats').end));
    expect(span('plot').attributes).toMatchObject({ 'weft.skill': 'join', 'weft.node.id': 'plot', 'weft.runtime': 'tensor', 'weft.skill.version': '2.1.0', 'weft.cache.hit': false, 'weft.attempts': 1 });
    expect(span('plot').inputsHash).toBe(span('plot').attributes['weft.cache.key']);
    expect(nodes.map((n) => n.spanId)).toEqual(nodeSpans.map((s) => s.id));
    expect(energy.cpuMs).toBe(8);
  });

  it('records runtime details, energy, and cache hits as cached spans with no energy', async () => {
    const memo = memoryMemoStore();
    const h = harness(fixed, skills, memo);
    const first = await runWorkflow(diamond, h.deps, h.options).done;
    const load = first.trace.spans[1]!;
    expect(load.attributes).toMatchObject({ 'weft.runtime.backend': 'webgpu', 'weft.runtime.worker': 2 });
    expect(load.energy.cpuMs).toBe(10);
    expect(first.trace.spans[0]!.energy.cpuMs).toBe(40);
    expect(load.outputsHash).not.toBeNull();

    const second = await runWorkflow(diamond, h.deps, h.options).done;
    expect((await verifyTrace(second.trace)).ok).toBe(true);
    for (const span of second.trace.spans.slice(1)) {
      expect(span.status).toBe('cached');
      expect(span.energy.cpuMs).toBe(0);
      expect(span.attributes).toMatchObject({ 'weft.cache.hit': true, 'weft.cache.saved_cpu_ms': 10 });
      expect(span.attributes['weft.runtime.backend']).toBeUndefined();
    }
    expect(second.trace.spans.slice(1).map((s) => s.outputsHash)).toEqual(first.trace.spans.slice(1).map((s) => s.outputsHash));
  });

  it('gives failed nodes error spans, and lists skipped and unstarted nodes on the run span', async () => {
    const failing: RunNode = (node, inputs, context) => (node.id === 'stats' ? Promise.reject(new WeftError('RUNTIME_ERROR', 'division by zero')) : fixed(node, inputs, context));
    const h = harness(failing, skills);
    const { trace, status } = await runWorkflow(diamond, h.deps, h.options).done;
    expect(status).toBe('error');
    expect((await verifyTrace(trace)).ok).toBe(true);
    const [runSpan, ...nodeSpans] = trace.spans;
    expect(nodeSpans.map((s) => `${s.name}:${s.status}`)).toEqual(['load:ok', 'clean:ok', 'stats:error']);
    expect(nodeSpans[2]!.attributes).toMatchObject({ 'error.type': 'RUNTIME_ERROR', 'error.message': 'division by zero' });
    expect(runSpan!.status).toBe('error');
    expect(runSpan!.attributes).toMatchObject({ 'weft.nodes.skipped': 1, 'weft.nodes.skipped_ids': ['plot'], 'weft.nodes.error': 1, 'weft.nodes.ok': 2, 'weft.nodes.unstarted_ids': [] });

    const manual = manualRunNode();
    const c = harness(manual.runNode, skills);
    const cancelled = runWorkflow(diamond, c.deps, { ...c.options, concurrency: 1 });
    await settle(() => manual.calls.has('load'));
    cancelled.cancel();
    const after = await cancelled.done;
    expect((await verifyTrace(after.trace)).ok).toBe(true);
    expect(after.trace.spans.map((s) => `${s.name}:${s.status}`)).toEqual(['test workflow:cancelled', 'load:cancelled']);
    expect(after.trace.spans[0]!.attributes['weft.nodes.unstarted_ids']).toEqual(['clean', 'stats', 'plot']);
  });
});
