import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeftError } from '../core';
import { EXAMPLE_WORKFLOWS, type Workflow } from '../workflow';
import type { Kernel } from './kernel';
import type { KernelEvent, WorkflowRunSummary } from './protocol';
import { kernelWithRuntimes } from './testRuntimes';

// Workflows run through the kernel with the real runtimes: the built-in examples, memoisation
// across runs, the committed trace, and refusals.
let kernel: Kernel;
let cleanup = () => {};
const events: KernelEvent[] = [];
const run = (workflow: Workflow, extra: Record<string, unknown> = {}) => kernel.dispatch({ op: 'workflow.run', workflow, seed: 1, ...extra }) as Promise<WorkflowRunSummary>;
const example = (name: string) => EXAMPLE_WORKFLOWS.find((w) => w.name === name)!;
const statuses = (summary: WorkflowRunSummary) => Object.fromEntries(summary.nodes.map((n) => [n.nodeId, n.status]));

beforeAll(async () => {
  ({ kernel, cleanup } = await kernelWithRuntimes(['vqe-h2', 'line-plot', 'export-file', 'csv-stats', 'table-filter-sort', 'linear-regression']));
  kernel.on((e) => events.push(e));
}, 60_000);
afterAll(() => cleanup());

describe('workflow.run', () => {
  it('runs VQE → Plot → Export: the H2 eigenvalue within 1 mHa of −1.137, a plot, a file, and the trace committed', async () => {
    const summary = await run(example('vqe-plot-export'));
    expect(summary.status).toBe('ok');
    expect(summary).not.toHaveProperty('nodeSkills'); // plain data for the caller, not the resolved skills
    expect(statuses(summary)).toEqual({ vqe: 'ok', plot: 'ok', export: 'ok' });
    const vqe = summary.nodes.find((n) => n.nodeId === 'vqe')!;
    expect(Math.abs((vqe.outputs!.eigenvalue as number) + 1.137)).toBeLessThan(0.001);
    expect(summary.nodes.find((n) => n.nodeId === 'plot')!.outputs!.plot).toMatchObject({ $schema: expect.stringContaining('vega-lite') });
    expect(summary.trace).toMatchObject({ path: expect.stringMatching(/^traces\/\d{4}\/\d{2}\/[0-9a-f]+\.json$/), spans: 4 });
    const [latest] = (await kernel.dispatch({ op: 'volume.log', volume: 'users/me', limit: 1 })) as { message: string }[];
    expect(latest!.message).toMatch(/^Run vqe-plot-export: ok, 4 spans/);
    const process = await kernel.dispatch({ op: 'proc.get', pid: summary.pid });
    expect(process).toMatchObject({ kind: 'run', state: 'TERMINATED', exit: { status: 'ok' } });
    expect(events.some((e) => e.type === 'node.status' && e.nodeId === 'vqe' && e.status === 'running')).toBe(true);
    expect(events.some((e) => e.type === 'run.status' && e.runId === summary.runId && e.status === 'running' && e.pid === summary.pid)).toBe(true);
  }, 60_000);

  it('re-runs exactly the node whose parameter changed and its descendants; the rest come from the cache', async () => {
    const workflow = example('regression-loss-plot');
    expect(statuses(await run(workflow))).toEqual({ fit: 'ok', loss: 'ok' });
    expect(statuses(await run(workflow))).toEqual({ fit: 'cached', loss: 'cached' });
    const retitled: Workflow = { ...workflow, nodes: workflow.nodes.map((n) => (n.id === 'loss' ? { ...n, params: { ...n.params, title: 'Loss' } } : n)) };
    expect(statuses(await run(retitled))).toEqual({ fit: 'cached', loss: 'ok' });
  }, 60_000);

  it('runs the other examples from an empty workbench', async () => {
    const summary = await run(example('csv-stats-filter'));
    expect(summary.status).toBe('ok');
    const table = summary.nodes.find((n) => n.nodeId === 'sort')!.outputs!.table as { columns: string[]; rows: unknown[][] };
    expect(table.rows.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a workflow that is not valid, and reports a failed node with its descendants skipped', async () => {
    const refused = await kernel.dispatch({ op: 'workflow.run', workflow: { version: 1, id: 'x', name: 'x', nodes: [{ id: 'a' }], edges: [] } }).catch((e: WeftError) => e);
    expect((refused as WeftError).code).toBe('WORKFLOW_PARSE');
    expect((refused as WeftError).message).toMatch(/nodes\[0\]\.skill is missing/);
    const broken: Workflow = {
      ...example('regression-loss-plot'),
      nodes: example('regression-loss-plot').nodes.map((n) => (n.id === 'fit' ? { ...n, params: { x: [1, 2], y: [1] } } : n)),
    };
    const summary = await run(broken);
    expect(summary.status).toBe('error');
    expect(statuses(summary)).toEqual({ fit: 'error', loss: 'skipped' });
    expect(summary.nodes.find((n) => n.nodeId === 'fit')!.error!.message).toMatch(/x has 2 values but y has 1/);
  }, 60_000);

  it('refuses a workflow with a type mismatch before any node runs: no process, no trace, every problem named', async () => {
    const base = example('regression-loss-plot');
    const mismatched: Workflow = {
      ...base,
      nodes: [...base.nodes, { id: 'refit', skill: 'linear-regression', params: {}, position: { x: 720, y: 0 } }, { id: 'stray', skill: 'no-such-skill', params: {}, position: { x: 0, y: 300 } }],
      edges: [...base.edges, { from: { node: 'fit', output: 'backend' }, to: { node: 'refit', input: 'epochs' } }],
    };
    const before = (await kernel.dispatch({ op: 'volume.log', volume: 'users/me', limit: 1 })) as { commit: string }[];
    const seen = events.length;
    const processes = ((await kernel.dispatch({ op: 'proc.list', includeTerminated: true })) as unknown[]).length;
    const refused = (await run(mismatched, { force: ['fit'] }).catch((e: WeftError) => e)) as WeftError;
    expect(refused.code).toBe('WORKFLOW_INVALID');
    expect(refused.message).toContain('fit.backend → refit.epochs');
    expect(refused.message).toContain('no-such-skill');
    expect((refused.data.problems as { code: string }[]).map((p) => p.code).sort()).toEqual(['SKILL_NOT_FOUND', 'TYPE_MISMATCH']);
    expect(events.slice(seen).filter((e) => e.type === 'node.status' || e.type === 'run.status')).toEqual([]);
    expect(((await kernel.dispatch({ op: 'proc.list', includeTerminated: true })) as unknown[]).length).toBe(processes);
    expect((await kernel.dispatch({ op: 'volume.log', volume: 'users/me', limit: 1 })) as { commit: string }[]).toEqual(before);
  }, 60_000);

  it('simulates a run: cache hits known from history, the critical path named', async () => {
    const prediction = (await kernel.dispatch({ op: 'workflow.simulate', workflow: example('vqe-plot-export'), seed: 1 })) as { nodes: { nodeId: string; outcome: string }[]; criticalPath: { nodeIds: string[] } };
    expect(prediction.nodes.map((n) => n.outcome)).toEqual(['cached', 'cached', 'cached']);
    expect(prediction.criticalPath.nodeIds[0]).toBe('vqe');
  });
});
