import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asTraceId, systemClock, WeftError } from '../core';
import { verifyTrace } from '../spans';
import { memoryMemoStore } from './memoStore';
import { runWorkflow } from './runWorkflow';
import type { RunNode } from './runTypes';
import type { Workflow } from './types';
import { execSkill, skillMap } from './workflowFixtures';

const MAX_NODES = 14;
// One input per possible parent, so no input is fed twice.
const skills = skillMap(execSkill('node', { inputs: Array.from({ length: MAX_NODES }, (_, i) => ({ name: `in_${i}`, type: 'any' as const, required: false })) }));

/** A random DAG: edges only go from a lower to a higher index, so it is acyclic by construction. */
const dagArb = fc
  .integer({ min: 1, max: MAX_NODES })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 2 }).map(forwardEdges),
      failing: fc.uniqueArray(fc.nat(n - 1), { maxLength: 2 }),
      delays: fc.array(fc.nat(3), { minLength: n, maxLength: n }),
      concurrency: fc.integer({ min: 1, max: 5 }),
      memo: fc.boolean(),
    }),
  );

/** Pairs as distinct edges from the lower index to the higher (self-pairs dropped). */
function forwardEdges(pairs: readonly (readonly [number, number])[]): [number, number][] {
  const seen = new Set<string>();
  const out: [number, number][] = [];
  for (const [x, y] of pairs) {
    const edge: [number, number] = [Math.min(x, y), Math.max(x, y)];
    if (x === y || seen.has(`${edge}`)) continue;
    seen.add(`${edge}`);
    out.push(edge);
  }
  return out;
}

function workflowOf(n: number, edges: readonly (readonly [number, number])[]): Workflow {
  return {
    version: 1,
    id: 'random',
    name: 'random',
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, skill: 'node', params: {}, position: { x: i, y: 0 } })),
    edges: edges.map(([a, b]) => ({ from: { node: `n${a}`, output: 'y' }, to: { node: `n${b}`, input: `in_${a}` } })),
  };
}

/** The promise's value, or a clear failure if it never settles (a hung run), instead of a silent test timeout. */
async function within<T>(promise: Promise<T>, limitMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the run never ended')), limitMs)));
  try {
    return await Promise.race([promise, hung]);
  } finally {
    clearTimeout(timer);
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('runWorkflow over random DAGs (property)', () => {
  it('runs every node exactly once, after all its parents, with their outputs; failures skip exactly their descendants', async () => {
    await fc.assert(
      fc.asyncProperty(dagArb, async ({ n, edges, failing, delays, concurrency, memo }) => {
        const workflow = workflowOf(n, edges);
        const parents = Array.from({ length: n }, (_, i) => edges.filter(([, b]) => b === i).map(([a]) => a));
        const calls = new Map<number, number>();
        const ended = new Set<number>();
        let active = 0;
        let maxActive = 0;
        const runNode: RunNode = async (node, inputs) => {
          const i = Number(node.id.slice(1));
          calls.set(i, (calls.get(i) ?? 0) + 1);
          for (const p of parents[i]!) {
            expect(ended.has(p), `n${i} started before its parent n${p} ended`).toBe(true);
            expect(inputs[`in_${p}`]).toBe(`out-${p}`);
          }
          active++;
          maxActive = Math.max(maxActive, active);
          for (let k = 0; k < delays[i]!; k++) await turn();
          active--;
          ended.add(i);
          if (failing.includes(i)) throw new WeftError('RUNTIME_ERROR', `n${i} fails`);
          return { outputs: { y: `out-${i}` }, energy: { cpuMs: 1, tokensIn: 0, tokensOut: 0, bytes: 0 }, details: {} };
        };
        const run = runWorkflow(workflow, { runNode, skills, clock: systemClock, emit: () => {}, ...(memo ? { memo: memoryMemoStore() } : {}) }, { runId: 'p', traceId: asTraceId('0'.repeat(32)), seed: 1, concurrency });
        const result = await within(run.done, 10_000);

        // A node is doomed when it fails itself or an ancestor does.
        const doomedBy = (i: number): boolean => parents[i]!.some((p) => failing.includes(p) || doomedBy(p));
        for (let i = 0; i < n; i++) {
          const status = result.nodes[i]!.status;
          if (doomedBy(i)) {
            expect(status).toBe('skipped');
            expect(calls.get(i)).toBeUndefined();
          } else {
            expect(calls.get(i)).toBe(1);
            expect(status).toBe(failing.includes(i) ? 'error' : 'ok');
          }
        }
        expect(maxActive).toBeLessThanOrEqual(concurrency);
        expect(result.status).toBe(failing.length > 0 ? 'error' : 'ok');
        expect((await verifyTrace(result.trace)).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
