/**
 * The workflow executor's own cost, in Node (no runtime: every node is a no-op that returns at once):
 * - overhead per node for layered DAGs of 10, 100, 1,000 and 10,000 nodes (scheduling, events,
 *   cache keys and lookups, spans, the trace and its verification) — target under 1 ms per node,
 *   growing linearly;
 * - re-running a 100-node workflow after changing one leaf's parameter, as a fraction of a full run
 *   (nodes that take 5 ms each, so the fraction shows what memoisation saves).
 * Prints the figures and writes bench/results/executor.json.
 */
import { asSkillName, asTraceId, systemClock } from '../lib/core';
import type { ExecutableSkill } from '../lib/skills';
import { verifyTrace } from '../lib/spans';
import { memoryMemoStore, type ResolvedSkill, type RunNode, runWorkflow, type Workflow } from '../lib/workflow';
import { type Figure, writeResults } from './lib/results';

const skill: ExecutableSkill = {
  kind: 'executable',
  name: asSkillName('step'),
  description: 'A step.',
  runtime: 'javascript',
  inputs: [
    { name: 'x', type: 'any', required: false },
    { name: 'k', type: 'number', default: 0 },
  ],
  outputs: [{ name: 'y', type: 'any' }],
  permissions: [],
  body: '',
  code: { language: 'js', source: 'function execute(i) { return { y: 1 }; }', line: 1 },
};
const skills = new Map<string, ResolvedSkill>([['step', { skill, hash: 'step-v1' }]]);

/** Layers of `width` nodes; each node reads one node of the layer before it. */
function layered(n: number, width = 10): Workflow {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, skill: 'step', params: { k: 0 }, position: { x: Math.floor(i / width) * 200, y: (i % width) * 100 } }));
  const edges = nodes.slice(width).map((node, j) => ({ from: { node: `n${j}`, output: 'y' }, to: { node: node.id, input: 'x' } }));
  return { version: 1, id: `bench-${n}`, name: `bench ${n}`, nodes, edges };
}

async function timedRun(workflow: Workflow, runNode: RunNode, memo = memoryMemoStore(), verify = true) {
  const t0 = performance.now();
  const run = runWorkflow(workflow, { runNode, skills, memo, clock: systemClock, emit: () => {} }, { runId: 'bench', traceId: asTraceId('0af7651916cd43dd8448eb211c80319c'), seed: 1, concurrency: 8 });
  const result = await run.done;
  if (verify && !(await verifyTrace(result.trace)).ok) throw new Error('the trace did not verify');
  const ms = performance.now() - t0;
  if (result.status !== 'ok') throw new Error(`run ${result.status}`);
  return { ms, result };
}

const noop: RunNode = async () => ({ outputs: { y: 1 }, energy: { cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 }, details: {} });
const sleepy: RunNode = (_node, _inputs, ctx) =>
  new Promise((resolve) => {
    const t = setTimeout(() => resolve({ outputs: { y: 1 }, energy: { cpuMs: 5, tokensIn: 0, tokensOut: 0, bytes: 0 }, details: {} }), 5);
    ctx.signal.addEventListener('abort', () => clearTimeout(t));
  });

async function main() {
  const figures: Figure[] = [];
  const perNode: Record<number, number> = {};
  for (const n of [10, 100, 1000, 10_000]) {
    await timedRun(layered(Math.min(n, 100)), noop); // warm up the JIT
    const reps = n >= 10_000 ? 1 : n >= 1000 ? 3 : 10;
    const times: number[] = [];
    for (let r = 0; r < reps; r++) times.push((await timedRun(layered(n), noop)).ms);
    times.sort((a, b) => a - b);
    perNode[n] = times[Math.floor(times.length / 2)]! / n;
    figures.push({ metric: `executor overhead per no-op node, ${n} nodes`, value: perNode[n]!, unit: 'ms', target: 1, better: 'lower' });
  }
  figures.push({ metric: 'growth per node 10,000 vs 100 (1 = linear)', value: perNode[10_000]! / perNode[100]!, unit: 'ratio', better: 'lower' });

  // Memoisation: a 100-node workflow of 5 ms nodes, then one leaf's parameter changed.
  const memo = memoryMemoStore();
  const workflow = layered(100);
  const full = await timedRun(workflow, sleepy, memo);
  const leaf = workflow.nodes.at(-1)!.id;
  const changed: Workflow = { ...workflow, nodes: workflow.nodes.map((node) => (node.id === leaf ? { ...node, params: { k: 1 } } : node)) };
  const rerun = await timedRun(changed, sleepy, memo);
  const ran = rerun.result.nodes.filter((node) => node.status === 'ok').length;
  figures.push({ metric: '100-node re-run after one leaf change / full run', value: rerun.ms / full.ms, unit: 'fraction', better: 'lower' });
  figures.push({ metric: 'nodes executed in that re-run', value: ran, unit: 'nodes', better: 'lower' });
  writeResults('executor', `Node ${process.version}`, figures, { fullRunMs: full.ms, rerunMs: rerun.ms });
}

await main();
