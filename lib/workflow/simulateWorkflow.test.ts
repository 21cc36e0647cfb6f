import { describe, expect, it } from 'vitest';
import { asPid, asSpanId } from '../core';
import type { Span } from '../spans';
import { historyFromSpans, median } from './history';
import { memoryMemoStore } from './memoStore';
import { runWorkflow } from './runWorkflow';
import { simulateWorkflow } from './simulateWorkflow';
import { echo, execSkill, harness, skillMap, TRACE, wf } from './workflowFixtures';

const energy = (cpuMs: number) => ({ cpuMs, tokensIn: 0, tokensOut: 0, bytes: cpuMs * 10 });
const samples: Record<string, number[]> = { step: [100, 300, 200], slow: [1000, 3000], net: [50] };
const history = (skill: string) => (samples[skill] ?? []).map((ms) => ({ durationMs: ms, energy: energy(ms / 10) }));
const needy = execSkill('needy', { inputs: [{ name: 'must', type: 'number' }] });
const skills = skillMap(execSkill('step'), execSkill('slow'), execSkill('fresh'), execSkill('net', { permissions: ['network'] }), needy);

describe('simulateWorkflow', () => {
  it('predicts durations and energy as medians of past runs, and the critical path', async () => {
    //   a(step) → b(slow) → d(step)
    //   a       → c(fresh) ↗
    const w = wf(['a', 'b:slow', 'c:fresh', 'd:join'], ['a->b', 'a->c', 'b->d', 'c.y->d.z']);
    const join = execSkill('join', { inputs: [{ name: 'x', type: 'any' }, { name: 'z', type: 'any' }] });
    const sim = await simulateWorkflow(w, { skills: new Map([...skills, ...skillMap(join)]), history });
    const node = (id: string) => sim.nodes.find((n) => n.nodeId === id)!;
    expect(node('a')).toMatchObject({ outcome: 'run', durationMs: 200, samples: 3, energy: energy(20) });
    expect(node('b')).toMatchObject({ durationMs: 2000, energy: energy(200) });
    expect(node('c')).toMatchObject({ outcome: 'run', durationMs: null, energy: null, samples: 0 });
    expect(sim.unknown).toEqual(['c', 'd']);
    expect(sim.criticalPath).toEqual({ nodeIds: ['a', 'b', 'd'], durationMs: 2200, unknown: ['d'] });
    expect(sim.energy).toEqual(energy(220));
  });

  it('predicts the failures that are certain and the nodes they will skip', async () => {
    const w = wf(['load:net', 'n:needy', 'after', 'free'], ['n->after']);
    const sim = await simulateWorkflow(w, { skills, history, denied: ['network'] });
    expect(sim.nodes.map((n) => `${n.nodeId}:${n.outcome}`)).toEqual(['load:fail', 'n:fail', 'after:blocked', 'free:run']);
    expect(sim.nodes[0]!.problems.map((p) => p.code)).toEqual(['PERMISSION_DENIED']);
    expect(sim.nodes[2]!.blockedBy).toBe('n');
  });

  it('predicts cache hits only where every upstream node is a hit', async () => {
    const w = wf(['a', 'b', 'c', { id: 'd', params: { x: 1 } }], ['a->b', 'b->c']);
    const memo = memoryMemoStore();
    const h = harness(echo, skills, memo);
    await runWorkflow(w, h.deps, h.options).done;
    const same = await simulateWorkflow(w, { skills, history, memo, seed: h.options.seed });
    expect(same.nodes.map((n) => n.outcome)).toEqual(['cached', 'cached', 'cached', 'cached']);
    expect(same.cacheHits).toBe(4);
    expect(same.criticalPath.durationMs).toBe(0);

    const changed = { ...w, nodes: w.nodes.map((n) => (n.id === 'b' ? { ...n, params: { x: 'new' } } : n)) };
    const sim = await simulateWorkflow(changed, { skills, history, memo, seed: h.options.seed });
    expect(sim.nodes.map((n) => `${n.nodeId}:${n.outcome}`)).toEqual(['a:cached', 'b:run', 'c:run', 'd:cached']);
    expect(sim.nodes[2]!.cacheKey).toBeNull();
    const forced = await simulateWorkflow(w, { skills, history, memo, seed: h.options.seed, force: new Set(['d']) });
    expect(forced.nodes[3]!.outcome).toBe('run');
  });

  it('gives no critical path for a cyclic workflow, and reports the cycle', async () => {
    const sim = await simulateWorkflow(wf(['a', 'b'], ['a->b', 'b->a']), { skills, history });
    expect(sim.criticalPath.nodeIds).toEqual([]);
    expect(sim.problems.map((p) => p.code)).toContain('WORKFLOW_CYCLE');
  });
});

describe('historyFromSpans', () => {
  it('keeps the ok node spans of each skill', () => {
    const span = (skill: string, status: Span['status'], ms: number, kind: Span['kind'] = 'node'): Span => ({
      id: asSpanId(`${skill}${ms}`),
      traceId: TRACE,
      parents: [],
      kind,
      name: skill,
      pid: asPid(1),
      start: 1000,
      end: 1000 + ms,
      status,
      inputsHash: null,
      outputsHash: null,
      energy: energy(ms),
      attributes: { 'weft.skill': skill },
    });
    const h = historyFromSpans([span('a', 'ok', 10), span('a', 'cached', 0), span('a', 'error', 5), span('a', 'ok', 30, 'run'), span('b', 'ok', 7)]);
    expect(h('a')).toEqual([{ durationMs: 10, energy: energy(10) }]);
    expect(h('b')).toHaveLength(1);
    expect(h('c')).toEqual([]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
