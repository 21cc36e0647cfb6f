/**
 * The workflow executor's own cost, in Node (no runtime: every node is a no-op that returns at once):
 * - overhead per node for layered DAGs of 10, 100, 1,000 and 10,000 nodes (scheduling, events,
 *   cache keys and lookups, spans, the trace and its verification) — target under 1 ms per node,
 *   growing linearly;
 * - re-running a 100-node workflow after changing one leaf's parameter, as a fraction of a full run
 *   (nodes that take 5 ms each, so the fraction shows what memoisation saves; median of 5), the
 *   cost of a run whose 100 nodes all come from the cache, and the floor of that fraction: the one
 *   node that runs takes 5 ms of a full run's ~100 ms, so the fraction cannot go below ~5 %.
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

  // Memoisation: a 100-node workflow of 5 ms nodes, then one leaf's parameter changed; five
  // times (a fresh cache each), the median pair. Also: a run where all 100 nodes come from the
  // cache (what the 99 hits cost), and the floor — one 5 ms node's own time over the full run.
  const pairs: { full: number; rerun: number; allHits: number; ran: number }[] = [];
  for (let r = 0; r < 5; r++) {
    const memo = memoryMemoStore();
    const workflow = layered(100);
    const full = await timedRun(workflow, sleepy, memo);
    const leaf = workflow.nodes.at(-1)!.id;
    const changed: Workflow = { ...workflow, nodes: workflow.nodes.map((node) => (node.id === leaf ? { ...node, params: { k: 1 } } : node)) };
    const rerun = await timedRun(changed, sleepy, memo);
    const allHits = await timedRun(changed, sleepy, memo);
    pairs.push({ full: full.ms, rerun: rerun.ms, allHits: allHits.ms, ran: rerun.result.nodes.filter((node) => node.status === 'ok').length });
  }
  pairs.sort((a, b) => a.rerun / a.full - b.rerun / b.full);
  const mid = pairs[Math.floor(pairs.length / 2)]!;
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const oneNode = performance.now() - t0;
  figures.push({ metric: '100-node re-run after one leaf change / full run', value: mid.rerun / mid.full, unit: 'fraction', target: 0.05, better: 'lower' });
  figures.push({ metric: 'nodes executed in that re-run', value: mid.ran, unit: 'nodes', better: 'lower' });
  figures.push({ metric: '100-node run, every node from the cache', value: [...pairs].sort((a, b) => a.allHits - b.allHits)[2]!.allHits, unit: 'ms', better: 'lower' });
  figures.push({ metric: 're-run floor: one 5 ms node / full run', value: oneNode / mid.full, unit: 'fraction', better: 'lower' });
  writeResults('executor', `Node ${process.version}`, figures, { fullRunMs: mid.full, rerunMs: mid.rerun, rerunFractions: pairs.map((p) => Math.round((p.rerun / p.full) * 1000) / 1000) });
}

await main();
