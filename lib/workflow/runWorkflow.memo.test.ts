import { describe, expect, it } from 'vitest';
import { WorkflowErrorCode } from './errorCodes';
import { memoryMemoStore } from './memoStore';
import { upstreamOf } from './reachable';
import { runWorkflow } from './runWorkflow';
import type { RunNode } from './runTypes';
import type { Workflow } from './types';
import { echo, execSkill, harness, skillMap, wf } from './workflowFixtures';

function counting() {
  const ran: string[] = [];
  // Outputs depend on every input, so a changed param changes what flows downstream.
  const runNode: RunNode = (node, inputs, context) => {
    ran.push(node.id);
    return echo(node, { x: JSON.stringify(inputs) }, context);
  };
  return { ran, runNode };
}

//   a → b → d      c → e     (b is a `tune` node: it takes a param k)
const tune = execSkill('tune', { inputs: [{ name: 'x', type: 'any', required: false }, { name: 'k', type: 'number', required: false }] });
const skills = skillMap(execSkill('step'), tune);
const graph = (params: Record<string, unknown> = {}): Workflow => wf(['a', { id: 'b', skill: 'tune', params }, 'c', 'd', 'e'], ['a->b', 'b->d', 'c->e']);

async function run(workflow: Workflow, memo = memoryMemoStore(), options: { only?: Set<string>; force?: Set<string>; seed?: number } = {}) {
  const { ran, runNode } = counting();
  const h = harness(runNode, skills, memo);
  const result = await runWorkflow(workflow, h.deps, { ...h.options, ...options }).done;
  return { ran, result, statuses: Object.fromEntries(result.nodes.map((n) => [n.nodeId, n.status])) };
}

describe('runWorkflow: memoization', () => {
  it('takes every node from the cache on a second identical run', async () => {
    const memo = memoryMemoStore();
    const first = await run(graph(), memo);
    expect(first.ran.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const second = await run(graph(), memo);
    expect(second.ran).toEqual([]);
    expect(Object.values(second.statuses)).toEqual(['cached', 'cached', 'cached', 'cached', 'cached']);
    expect(second.result.nodes.map((n) => n.outputs)).toEqual(first.result.nodes.map((n) => n.outputs));
    expect(second.result.nodes.map((n) => n.cacheKey)).toEqual(first.result.nodes.map((n) => n.cacheKey));
  });

  it('re-runs exactly the changed node and its descendants', async () => {
    const memo = memoryMemoStore();
    await run(graph({ k: 1 }), memo);
    const changed = await run(graph({ k: 2 }), memo);
    expect(changed.ran.sort()).toEqual(['b', 'd']);
    expect(changed.statuses).toEqual({ a: 'cached', b: 'ok', c: 'cached', d: 'ok', e: 'cached' });
  });

  it('keys on the seed too: another run seed re-runs everything', async () => {
    const memo = memoryMemoStore();
    await run(graph(), memo, { seed: 1 });
    expect((await run(graph(), memo, { seed: 2 })).ran).toHaveLength(5);
  });

  it('forces the nodes in `force` to run even when cached', async () => {
    const memo = memoryMemoStore();
    await run(graph(), memo);
    const forced = await run(graph(), memo, { force: new Set(['a']) });
    // a's outputs are the same, so b and d still hit the cache.
    expect(forced.ran).toEqual(['a']);
    expect(forced.statuses).toMatchObject({ a: 'ok', b: 'cached', d: 'cached' });
  });

  it('"Run this node" (only) runs just it, taking its upstream from the cache', async () => {
    const memo = memoryMemoStore();
    await run(graph(), memo);
    const one = await run(graph(), memo, { only: new Set(['d']), force: new Set(['d']) });
    expect(one.ran).toEqual(['d']);
    expect(one.statuses).toEqual({ a: 'cached', b: 'cached', d: 'ok' });
  });

  it('"Run this node" fails clearly when an upstream result is not cached; "Run to here" runs it', async () => {
    const memo = memoryMemoStore();
    const cold = await run(graph(), memo, { only: new Set(['d']) });
    expect(cold.ran).toEqual([]);
    const a = cold.result.nodes.find((n) => n.nodeId === 'a')!;
    expect(a).toMatchObject({ status: 'error', error: { code: WorkflowErrorCode.notCached } });
    expect(a.reason).toMatch(/must come from the cache.*Run to here/);
    expect(cold.statuses).toEqual({ a: 'error', b: 'skipped', d: 'skipped' });

    const toHere = await run(graph(), memo, { only: upstreamOf(graph(), 'd') });
    expect(toHere.ran.sort()).toEqual(['a', 'b', 'd']);
    expect(Object.keys(toHere.statuses)).toEqual(['a', 'b', 'd']);
  });

  it('runs without a memo store, and survives one that fails', async () => {
    const { ran, runNode } = counting();
    const h = harness(runNode, skills);
    const bare = await runWorkflow(graph(), { ...h.deps, memo: undefined }, h.options).done;
    expect(bare.status).toBe('ok');
    expect(ran).toHaveLength(5);
    const broken = { get: () => Promise.reject(new Error('disk full')), put: () => Promise.reject(new Error('disk full')) };
    const result = await runWorkflow(graph(), { ...h.deps, memo: broken }, h.options).done;
    expect(result.status).toBe('ok');
    expect(h.events.some((e) => e.type === 'node.log' && e.text.includes('could not be cached'))).toBe(true);
  });
});
