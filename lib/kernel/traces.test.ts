import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeftError } from '../core';
import type { Trace } from '../spans';
import { EXAMPLE_WORKFLOWS, type Workflow } from '../workflow';
import type { Kernel } from './kernel';
import type { EvolutionReport, KernelEvent, ReplayReport, SkillSuggestion, TraceEntry, TraceVerification, WorkflowRunSummary } from './protocol';
import { kernelWithRuntimes } from './testRuntimes';

// Traces through the kernel with real runtimes: list, verify (and a tampered file), replay,
// evolution mining three runs into a compound skill that then runs as one node.
let kernel: Kernel;
let cleanup = () => {};
const events: KernelEvent[] = [];
const call = <T,>(op: string, args: Record<string, unknown> = {}) => kernel.dispatch({ op, ...args }) as Promise<T>;
const example = EXAMPLE_WORKFLOWS.find((w) => w.name === 'csv-stats-filter')!;
const withDecimals = (decimals: number): Workflow => ({ ...example, nodes: example.nodes.map((n) => (n.id === 'stats' ? { ...n, params: { ...n.params, decimals } } : n)) });
const runs: WorkflowRunSummary[] = [];

beforeAll(async () => {
  ({ kernel, cleanup } = await kernelWithRuntimes(['csv-stats', 'table-filter-sort', 'json-transform']));
  kernel.on((e) => events.push(e));
  for (const decimals of [2, 3, 3]) runs.push(await call<WorkflowRunSummary>('workflow.run', { workflow: withDecimals(decimals) }));
}, 120_000);
afterAll(() => cleanup());

describe('trace syscalls', () => {
  it('lists the runs newest first, filtered by workflow, skill and words', async () => {
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    const all = await call<{ entries: TraceEntry[]; total: number }>('trace.list', {});
    expect(all.total).toBe(3);
    expect(all.entries[0]).toMatchObject({ kind: 'run', name: 'csv-stats-filter', status: 'ok', spans: 3, skills: ['csv-stats', 'table-filter-sort'] });
    expect(all.entries.map((e) => e.path)).toEqual([...runs].reverse().map((r) => r.trace!.path));
    expect((await call<{ total: number }>('trace.list', { skill: 'json-transform' })).total).toBe(0);
    expect((await call<{ total: number }>('trace.list', { query: 'filter' })).total).toBe(3);
    expect((await call<{ total: number }>('trace.list', { kind: 'chat' })).total).toBe(0);
  });

  it('verifies a stored trace, and names the spans of one edited by hand', async () => {
    const path = runs[0]!.trace!.path;
    expect(await call<TraceVerification>('trace.verify', { path })).toMatchObject({ ok: true, spanCount: 3, problems: [] });
    const trace = await call<Trace>('trace.read', { path });
    const node = trace.spans.find((s) => s.kind === 'node')!;
    const edited = { ...trace, spans: trace.spans.map((s) => (s.id === node.id ? { ...s, end: s.end + 5000 } : s)) };
    await call('volume.write', { volume: 'users/me', path, content: JSON.stringify(edited, null, 2) });
    const report = await call<TraceVerification>('trace.verify', { path });
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.spanId === node.id && p.code === 'SPAN_ID_MISMATCH')).toBe(true);
  });

  it('replays a run with the same params and seeds: every node identical', async () => {
    const report = await call<ReplayReport>('trace.replay', { path: runs[1]!.trace!.path });
    expect(report).toMatchObject({ status: 'ok', identical: 2, compared: 2, skillChanges: [], summary: 'verified replay: 2/2 identical' });
    expect(report.nodes.map((n) => n.status)).toEqual(['identical', 'identical']);
  }, 60_000);

  it('refuses what is not a trace, with what is wrong', async () => {
    await call('volume.write', { volume: 'users/me', path: 'traces/2026/01/broken.json', content: '{"traceId": ' });
    await expect(call('trace.read', { path: 'traces/2026/01/broken.json' })).rejects.toMatchObject({ code: 'TRACE_INVALID', message: expect.stringContaining('is not JSON') });
    await call('volume.write', { volume: 'users/me', path: 'traces/2026/01/nospans.json', content: '{"traceId": "0123456789abcdef0123456789abcdef", "rootHash": "x"}' });
    await expect(call('trace.read', { path: 'traces/2026/01/nospans.json' })).rejects.toMatchObject({ code: 'TRACE_INVALID', message: expect.stringContaining('not a valid trace') });
    await expect(call('trace.read', { path: 'skills/csv-stats/SKILL.md' })).rejects.toMatchObject({ code: 'TRACE_INVALID' });
    // Broken files are left out of the list, not fatal to it.
    expect((await call<{ total: number }>('trace.list', {})).total).toBeGreaterThanOrEqual(3);
  });
});

describe('evolution', () => {
  it('turns three successful runs into a compound skill with learned defaults, which runs as one node', async () => {
    const report = await call<EvolutionReport>('evolution.mine', {});
    const pattern = report.patterns.find((p) => p.label.includes('csv-stats'))!;
    expect(pattern).toMatchObject({ kind: 'workflow', successRate: 1 });
    expect(pattern.count).toBeGreaterThanOrEqual(3);
    const suggestion = (await call<SkillSuggestion[]>('evolution.suggestions')).find((s) => s.patternId === pattern.id)!;
    expect(suggestion.name).toBe('csv-stats-filter-flow');
    expect(suggestion.defaults).toMatchObject({ stats_decimals: 3 }); // median of 2, 3, 3
    expect(suggestion.description).toMatch(/successful runs/);
    const accepted = await call<{ name: string; commit: string }>('evolution.accept', { id: suggestion.id });
    const log = await call<{ message: string }[]>('volume.log', { volume: 'users/me', limit: 1 });
    expect(log[0]!.message).toMatch(/^Evolution: create skill csv-stats-filter-flow from \d+ traces$/);
    expect((await call<SkillSuggestion[]>('evolution.suggestions')).some((s) => s.id === suggestion.id)).toBe(false);

    const compound: Workflow = { version: 1, id: 'uses-compound', name: 'uses-compound', nodes: [{ id: 'flow', skill: accepted.name, params: {}, position: { x: 0, y: 0 } }], edges: [] };
    const run = await call<WorkflowRunSummary>('workflow.run', { workflow: compound });
    expect(run.status).toBe('ok');
    const outputs = run.nodes[0]!.outputs!;
    expect(Object.keys(outputs).length).toBeGreaterThan(0);

    // skill.run runs the compound as the workflow did, and returns its outputs like any skill.run.
    const direct = await call<{ outputs: Record<string, unknown>; runtime: string; pid: number }>('skill.run', { name: accepted.name, seed: 0 });
    expect(direct).toMatchObject({ runtime: 'workflow', outputs });
    expect(await call('proc.get', { pid: direct.pid })).toMatchObject({ kind: 'run', state: 'TERMINATED', exit: { status: 'ok' } });
    await expect(call('skill.run', { name: accepted.name, inputs: { nope: 1 } })).rejects.toMatchObject({ code: 'RUNTIME_INPUT_INVALID', message: expect.stringContaining('"nope"') });

    // More runs of the accepted pattern, and of the compound alone: nothing to suggest (no "-2", no wrapping it again).
    for (const decimals of [4, 5]) expect((await call<WorkflowRunSummary>('workflow.run', { workflow: withDecimals(decimals) })).status).toBe('ok');
    for (const seed of [2, 3]) expect((await call<WorkflowRunSummary>('workflow.run', { workflow: compound, seed })).status).toBe('ok');
    const again = await call<EvolutionReport>('evolution.mine', {});
    expect(again.patterns.find((p) => p.id === pattern.id)!.count).toBeGreaterThanOrEqual(5);
    // The compound alone: three workflow runs and the skill.run above.
    expect(again.patterns.find((p) => p.signature === `nodes=${accepted.name};edges=`)?.count).toBe(4);
    expect(again.suggestions).toEqual([]);
  }, 60_000);

  it('remembers a rejection, and mines zero traces to an empty report', async () => {
    const open = await call<SkillSuggestion[]>('evolution.suggestions');
    for (const s of open) await call('evolution.reject', { id: s.id });
    expect(await call<SkillSuggestion[]>('evolution.suggestions')).toEqual([]);
    const strict = await call<EvolutionReport>('evolution.mine', { minCount: 1000 });
    expect(strict.suggestions).toEqual([]);
    await expect(call('evolution.accept', { id: 'wf-nothing' })).rejects.toMatchObject({ code: 'SKILL_NOT_FOUND' } satisfies Partial<WeftError>);
  });
});
