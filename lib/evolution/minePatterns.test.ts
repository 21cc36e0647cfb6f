import { describe, expect, it } from 'vitest';
import { GenAI, makeTrace, sealSpan, type Trace } from '../spans';
import { csvWorkflow, freshTraceId, turnTrace, workflowTrace } from './evolutionFixtures';
import { minePatterns } from './minePatterns';

const csvRun = (params: Parameters<typeof csvWorkflow>[0] = {}, extra: { status?: 'ok' | 'error'; at?: number; ids?: Parameters<typeof csvWorkflow>[1]; name?: string } = {}) =>
  workflowTrace({ ...csvWorkflow(params, extra.ids), status: extra.status ?? 'ok', at: extra.at ?? 1000, name: extra.name ?? 'CSV stats' });
const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

describe('minePatterns', () => {
  it('finds nothing in no traces', () => {
    expect(minePatterns([])).toEqual({ patterns: [], skipped: 0 });
  });

  it('groups runs of one workflow whatever their params and node ids, and counts successes', async () => {
    const traces = [
      await csvRun({ bins: 5 }, { at: 1 }),
      await csvRun({ bins: 7, column: 'qty' }, { at: 3, ids: { load: 'reader', stats: 'summarise', plot: 'chart' } }),
      await csvRun({ bins: 9 }, { at: 2, status: 'error' }),
    ];
    const { patterns, skipped } = minePatterns(traces);
    expect(skipped).toBe(0);
    expect(patterns).toHaveLength(1);
    const [p] = patterns;
    expect(p).toMatchObject({ kind: 'workflow', label: 'CSV stats', count: 3, successes: 2, chain: ['csv-load', 'csv-stats', 'line-plot'] });
    expect(p!.successRate).toBeCloseTo(2 / 3);
    expect(p!.id).toMatch(/^wf-[a-z0-9-]+$/);
    expect(p!.signature).toBe('nodes=csv-load,csv-stats,line-plot;edges=0.rows>1.table,1.stats>2.data');
    // Newest first; the newest run is the example, whatever the order traces came in.
    expect(p!.traces).toEqual([traces[1]!.traceId, traces[2]!.traceId, traces[0]!.traceId]);
    expect(p!.example.nodes.map((n) => n.id)).toEqual(['reader', 'summarise', 'chart']);
    // Runs' nodes are in canonical order: index 1 is the stats node in every run.
    expect(p!.runs.map((r) => r.nodes[1]!.params.bins)).toEqual([7, 9, 5]);
  });

  it('applies the thresholds: 2 runs is a pattern but not enough; 3 successful runs qualify', async () => {
    const two = await times(2, () => csvRun());
    expect(minePatterns(two).patterns[0]).toMatchObject({ count: 2, qualifies: false });
    const three = await times(3, () => csvRun());
    expect(minePatterns(three).patterns[0]).toMatchObject({ count: 3, successRate: 1, qualifies: true });
    expect(minePatterns(two, { minCount: 2 }).patterns[0]!.qualifies).toBe(true);
  });

  it('does not qualify 3 runs with 2 failures (0.33 < 0.7) unless the threshold is lowered', async () => {
    const traces = await times(3, (i) => csvRun({}, { status: i === 0 ? 'ok' : 'error' }));
    expect(minePatterns(traces).patterns[0]).toMatchObject({ count: 3, successes: 1, qualifies: false });
    expect(minePatterns(traces, { minSuccess: 0.3 }).patterns[0]!.qualifies).toBe(true);
    const failed = await times(3, () => csvRun({}, { status: 'error' }));
    // No success at all never qualifies, even with no threshold.
    expect(minePatterns(failed, { minSuccess: 0 }).patterns[0]!.qualifies).toBe(false);
  });

  it('keeps different workflows apart and lists the most frequent first', async () => {
    const other = () => workflowTrace({ name: 'Load only', nodes: [{ id: 'a', skill: 'csv-load', params: { path: 'x' } }, { id: 'b', skill: 'line-plot' }], edges: ['a.rows->b.data'] });
    const traces = [await other(), ...(await times(3, () => csvRun())), await other()];
    const { patterns } = minePatterns(traces);
    expect(patterns.map((p) => [p.label, p.count])).toEqual([
      ['CSV stats', 3],
      ['Load only', 2],
    ]);
  });

  it('names traces with pathOf when given', async () => {
    const traces = await times(2, (i) => csvRun({}, { at: i }));
    const { patterns } = minePatterns(traces, { pathOf: (t) => `traces/${t.traceId}.json` });
    expect(patterns[0]!.traces).toEqual([`traces/${traces[1]!.traceId}.json`, `traces/${traces[0]!.traceId}.json`]);
  });

  it('counts tool sequences of chat turns with two or more tool calls, in start order', async () => {
    const turns = [
      await turnTrace({ tools: ['csv-stats', 'line-plot'] }),
      await turnTrace({ tools: ['csv-stats', 'line-plot'] }),
      await turnTrace({ tools: ['csv-stats', { name: 'line-plot', status: 'error' }] }),
      await turnTrace({ tools: ['csv-stats', 'line-plot'], status: 'error' }),
      await turnTrace({ tools: ['line-plot', 'csv-stats'] }),
      await turnTrace({ tools: ['csv-stats'] }),
      await turnTrace({ tools: [] }),
    ];
    const { patterns, skipped } = minePatterns(turns);
    expect(skipped).toBe(0);
    expect(patterns.map((p) => ({ kind: p.kind, label: p.label, count: p.count, successes: p.successes }))).toEqual([
      { kind: 'tools', label: 'csv-stats → line-plot', count: 4, successes: 2 },
      { kind: 'tools', label: 'line-plot → csv-stats', count: 1, successes: 1 },
    ]);
    expect(patterns[0]!.id).toMatch(/^tools-[a-z0-9]+$/);
    expect(patterns[0]!.signature).toBe('tools=csv-stats,line-plot');
  });

  it('orders tool calls by when they started, not by where they are listed', async () => {
    const turn = await turnTrace({ tools: ['csv-stats', 'line-plot'] });
    const reversed: Trace = { ...turn, spans: [turn.spans[0]!, turn.spans[1]!, turn.spans[3]!, turn.spans[2]!] };
    expect(minePatterns([reversed]).patterns[0]!.chain).toEqual(['csv-stats', 'line-plot']);
  });

  it('skips and counts traces it cannot read, without throwing', async () => {
    const traceId = freshTraceId();
    const nodeOnly = await makeTrace(traceId, [await sealSpan({ traceId, parents: [], kind: 'node', name: 'n', pid: null, start: 0, end: 1, status: 'ok', inputsHash: null, outputsHash: null, energy: { cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 }, attributes: {} })]);
    const good = await csvRun();
    const withAttr = (attributes: Record<string, unknown>): Trace => ({ ...good, spans: [{ ...good.spans[0]!, attributes: { ...good.spans[0]!.attributes, ...attributes } as never }, ...good.spans.slice(1)] });
    const without = (key: string): Trace => ({ ...good, spans: [{ ...good.spans[0]!, attributes: Object.fromEntries(Object.entries(good.spans[0]!.attributes).filter(([k]) => k !== key)) }, ...good.spans.slice(1)] });
    const junk: Trace[] = [
      nodeOnly,
      withAttr({ 'weft.workflow': '{not json' }),
      withAttr({ 'weft.workflow': JSON.stringify({ nodes: [{ id: 'a', skill: 'csv-load', params: {} }], edges: [{ from: { node: 'a', output: 'rows' }, to: { node: 'ghost', input: 'x' } }] }) }),
      withAttr({ 'weft.workflow': JSON.stringify({ nodes: [{ id: 'a', skill: 'Not A Skill', params: {} }], edges: [] }) }),
      withAttr({ 'weft.workflow': JSON.stringify({ nodes: [{ id: 'a', skill: 'x' }, { id: 'a', skill: 'y' }], edges: [] }) }),
      withAttr({ 'weft.workflow': 42 }),
      without('weft.workflow'),
      { traceId: freshTraceId(), spans: [], rootHash: good.rootHash },
      {} as Trace,
      { spans: [null, { kind: 'tool' }] } as unknown as Trace,
    ];
    const { patterns, skipped } = minePatterns([...junk, good]);
    expect(skipped).toBe(junk.length);
    expect(patterns).toHaveLength(1);
    expect(patterns[0]!.count).toBe(1);
  });

  it('reads tool names only from gen_ai.tool.name', async () => {
    const turn = await turnTrace({ tools: ['a', 'b', 'c'] });
    const unnamed: Trace = { ...turn, spans: turn.spans.map((s, i) => (i === 2 ? { ...s, attributes: { ...s.attributes, [GenAI.toolName]: 7 } as never } : s)) };
    expect(minePatterns([unnamed]).patterns[0]!.chain).toEqual(['b', 'c']);
  });
});
