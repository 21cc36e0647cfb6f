/**
 * Evolution mining in Node: `n` synthetic workflow-run traces (five workflows of 3 to 9 nodes,
 * numeric and text params that vary run to run, node ids renamed in some runs, about one run in
 * ten failed) mined with `mine` from lib/evolution, patterns and drafted skills included. The
 * traces are built once; the figure is the median of 3 mining runs.
 */
import { asContentHash, asSpanId, asTraceId } from '../../lib/core';
import { mine, type ResolveIo } from '../../lib/evolution';
import type { Span, SpanStatus, Trace } from '../../lib/spans';
import type { Figure } from './results';

/** A deterministic PRNG (mulberry32), so every run mines the same traces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each workflow: its skills, and edges between node indices (a chain plus some extra links). */
const WORKFLOWS: readonly { name: string; skills: string[]; extra: [number, number][] }[] = [
  { name: 'CSV stats', skills: ['csv-load', 'csv-stats', 'line-plot', 'export-file'], extra: [] },
  { name: 'VQE H2', skills: ['vqe-h2', 'line-plot', 'export-file'], extra: [] },
  { name: 'Train and report', skills: ['csv-load', 'python-data-cleaning', 'table-filter-sort', 'linear-regression', 'linear-fit', 'line-plot', 'scientific-plotting', 'export-file', 'word-frequency'], extra: [[0, 4], [3, 6]] },
  { name: 'Diamond', skills: ['json-transform', 'csv-stats', 'csv-stats', 'table-filter-sort', 'line-plot', 'export-file'], extra: [[0, 2], [1, 3]] },
  { name: 'Monte Carlo', skills: ['monte-carlo-pi', 'json-transform', 'line-plot', 'export-file', 'csv-stats'], extra: [[1, 4]] },
];

const ENERGY = { cpuMs: 1, tokensIn: 0, tokensOut: 0, bytes: 0 };
const HASH = asContentHash('0'.repeat(64));

/**
 * Span ids here are counters, not content hashes: mining reads neither ids nor hashes, and
 * sealing 100,000 spans would time SHA-256 rather than mining.
 */
function syntheticTraces(n: number): Trace[] {
  const random = rng(11);
  const traces: Trace[] = [];
  for (let t = 0; t < n; t++) {
    const w = WORKFLOWS[t % WORKFLOWS.length]!;
    const suffix = random() < 0.2 ? `-${Math.floor(random() * 5)}` : '';
    const ids = w.skills.map((_, i) => `n${i}${suffix}`);
    const nodes = w.skills.map((skill, i) => ({ id: ids[i]!, skill, params: { size: Math.floor(random() * 100), rate: Math.round(random() * 1000) / 1000, mode: random() < 0.7 ? 'fast' : 'exact', label: `run ${i % 3}` } }));
    const links: [number, number][] = [...w.skills.slice(1).map((_, i): [number, number] => [i, i + 1]), ...w.extra];
    const edges = links.map(([a, b]) => ({ from: { node: ids[a]!, output: 'out' }, to: { node: ids[b]!, input: `in${a}` } }));
    const traceId = asTraceId(t.toString(16).padStart(32, '0'));
    const status: SpanStatus = random() < 0.1 ? 'error' : 'ok';
    const start = 1_763_734_867_000 + t * 1000;
    const span = (k: number, fields: Pick<Span, 'kind' | 'name' | 'attributes'> & Partial<Span>): Span => ({
      id: asSpanId(`${traceId}${k.toString(16).padStart(32, '0')}`),
      traceId,
      parents: [],
      pid: null,
      start: start + k,
      end: start + k + 1,
      status: 'ok',
      inputsHash: HASH,
      outputsHash: HASH,
      energy: ENERGY,
      ...fields,
    });
    const run = span(0, { kind: 'run', name: w.name, status, attributes: { 'weft.run.id': `r${t}`, 'weft.workflow.id': w.name, 'weft.workflow.name': w.name, 'weft.workflow': JSON.stringify({ nodes, edges }), 'weft.seed': 0 } });
    const nodeSpans = nodes.map((node, i) => span(i + 1, { kind: 'node', name: node.id, parents: [run.id], attributes: { 'weft.node.id': node.id, 'weft.skill': node.skill } }));
    traces.push({ traceId, spans: [run, ...nodeSpans], rootHash: HASH });
  }
  return traces;
}

/** Every skill takes what the runs pass it and returns one `out`. */
const resolve: ResolveIo = () => ({
  inputs: [
    { name: 'size', type: 'number' },
    { name: 'rate', type: 'number' },
    { name: 'mode', type: 'string' },
  ],
  outputs: [{ name: 'out', type: 'json' }],
});

/** Times `mine` over `n` synthetic run traces (median of 3). */
export async function miningBench(n = 10_000): Promise<(Figure & { better: 'lower' })[]> {
  const traces = syntheticTraces(n);
  const times: number[] = [];
  let suggestions = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    suggestions = mine(traces, { resolve, existing: new Set() }).suggestions.length;
    times.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (suggestions === 0) throw new Error('miningBench: the synthetic traces yielded no suggestion, so the benchmark measured nothing useful.');
  times.sort((a, b) => a - b);
  return [{ metric: `mine ${n.toLocaleString('en-US')} traces`, value: times[1]!, unit: 'ms', better: 'lower' }];
}
