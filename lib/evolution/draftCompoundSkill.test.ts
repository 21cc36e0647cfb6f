import { describe, expect, it } from 'vitest';
import { parseSkill, type ExecutableSkill } from '../skills';
import type { Trace } from '../spans';
import { expandCompound, parseCompound } from '../workflow';
import { draftCompoundSkill } from './draftCompoundSkill';
import { csvWorkflow, resolveSkill, SKILLS, turnTrace, workflowTrace } from './evolutionFixtures';
import { minePatterns } from './minePatterns';
import type { ResolveIo } from './types';

async function csvPattern(name = 'CSV stats') {
  const traces: Trace[] = [
    await workflowTrace({ ...csvWorkflow({ path: 'a.csv', column: 'price', bins: 5 }), name, at: 1 }),
    await workflowTrace({ ...csvWorkflow({ path: 'b.csv', column: 'qty', bins: 20 }, { load: 'reader', stats: 'stats', plot: 'chart' }), name, at: 2 }),
    await workflowTrace({ ...csvWorkflow({ path: 'b.csv', column: 'price', bins: 10 }), name, at: 3 }),
    await workflowTrace({ ...csvWorkflow({ path: 'c.csv', column: 'qty', bins: 100 }), name, at: 4, status: 'error' }),
  ];
  return { pattern: minePatterns(traces).patterns[0]!, traces };
}

function parsed(content: string): ExecutableSkill {
  const result = parseSkill(content);
  if (!result.ok) throw new Error(JSON.stringify(result.error.data));
  expect(result.value.warnings).toEqual([]);
  expect(result.value.skill.kind).toBe('executable');
  return result.value.skill as ExecutableSkill;
}

describe('draftCompoundSkill', () => {
  it('drafts a SKILL.md that parses with no problems, whose block parses as a compound', async () => {
    const { pattern } = await csvPattern();
    const drafted = draftCompoundSkill(pattern, pattern.runs, resolveSkill);
    expect(drafted.ok).toBe(true);
    if (!drafted.ok) return;
    const skill = parsed(drafted.value.content);
    expect(skill).toMatchObject({ name: 'csv-stats-flow', runtime: 'workflow', license: 'MIT', version: '1.0.0', permissions: [] });
    expect(skill.metadata?.category).toBe('workflow');
    expect(skill.metadata?.tags).toBe('evolution, compound, csv-load, csv-stats, line-plot');
    expect(skill.code.language).toBe('json');
    const compound = parseCompound(skill.code.source, skill.name);
    expect(compound.ok).toBe(true);
    if (!compound.ok) return;
    // The newest successful run's ids and wiring; nodes laid out left to right.
    expect(compound.value.workflow.nodes.map((n) => [n.id, n.skill, n.position.x])).toEqual([
      ['load', 'csv-load', 0],
      ['stats', 'csv-stats', 260],
      ['plot', 'line-plot', 520],
    ]);
    expect(compound.value.workflow.edges).toEqual([
      { from: { node: 'load', output: 'rows' }, to: { node: 'stats', input: 'table' } },
      { from: { node: 'stats', output: 'stats' }, to: { node: 'plot', input: 'data' } },
    ]);
    expect(compound.value.inputs).toEqual({
      load_path: { node: 'load', param: 'path' },
      stats_column: { node: 'stats', param: 'column' },
      stats_bins: { node: 'stats', param: 'bins' },
      plot_title: { node: 'plot', param: 'title' },
    });
    expect(compound.value.outputs).toEqual({ plot_plot: { node: 'plot', output: 'plot' } });
  });

  it('gives inputs the learned defaults, typed from the skills, and nodes the same params', async () => {
    const { pattern } = await csvPattern();
    const drafted = draftCompoundSkill(pattern, pattern.runs, resolveSkill);
    if (!drafted.ok) throw drafted.error;
    const skill = parsed(drafted.value.content);
    // Successful runs only: bins 5, 20, 10 → 10 (the failed run's 100 is ignored); 'price' twice; 'b.csv' twice.
    const learned = { load_path: 'b.csv', stats_column: 'price', stats_bins: 10, plot_title: 'Prices' };
    expect(drafted.value.defaults).toEqual(learned);
    expect(skill.inputs.map((i) => [i.name, i.type, i.default])).toEqual([
      ['load_path', 'string', 'b.csv'],
      ['stats_column', 'string', 'price'],
      ['stats_bins', 'number', 10],
      ['plot_title', 'string', 'Prices'],
    ]);
    expect(skill.outputs).toEqual([{ name: 'plot_plot', type: 'plot', description: 'plot of node plot (line-plot).' }]);
    const compound = parseCompound(skill.code.source, skill.name);
    if (!compound.ok) throw compound.error;
    expect(expandCompound(compound.value, {}).nodes.map((n) => n.params)).toEqual([{ path: 'b.csv' }, { column: 'price', bins: 10 }, { title: 'Prices' }]);
    expect(expandCompound(compound.value, { stats_bins: 3 }).nodes[1]!.params).toEqual({ column: 'price', bins: 3 });
  });

  it('says in the description what it runs, how many runs it learned from, the success rate and the traces', async () => {
    const { pattern, traces } = await csvPattern();
    const drafted = draftCompoundSkill(pattern, pattern.runs, resolveSkill);
    if (!drafted.ok) throw drafted.error;
    const { description } = drafted.value;
    expect(description).toContain('csv-load → csv-stats → line-plot');
    expect(description).toContain('Learned from 3 successful runs (of 4) of the workflow "CSV stats"');
    expect(description).toContain('success rate 75 %');
    expect(description).toContain(String(traces[2]!.traceId).slice(0, 12));
    expect(description).toMatch(/Use to /);
    expect(drafted.value).toMatchObject({ id: pattern.id, patternId: pattern.id, count: 4, successRate: 0.75 });
    expect(drafted.value.traces).toEqual([traces[2]!.traceId, traces[1]!.traceId, traces[0]!.traceId]);
  });

  it('picks a name no existing skill has', async () => {
    const { pattern } = await csvPattern();
    const name = (existing: string[]) => {
      const drafted = draftCompoundSkill(pattern, pattern.runs, resolveSkill, new Set(existing));
      return drafted.ok ? drafted.value.name : null;
    };
    expect(name(['csv-stats-flow'])).toBe('csv-stats-flow-2');
    expect(name(['csv-stats-flow', 'csv-stats-flow-2'])).toBe('csv-stats-flow-3');
  });

  it('writes valid text from a hostile workflow name', async () => {
    const { pattern } = await csvPattern('Ünïcode <b>stats</b>\n```\n' + 'x'.repeat(300));
    const drafted = draftCompoundSkill(pattern, pattern.runs, resolveSkill);
    if (!drafted.ok) throw drafted.error;
    const skill = parsed(drafted.value.content);
    expect(skill.name).toMatch(/^unicode-b-stats-b-x+-flow$/);
    expect(skill.name.length).toBeLessThanOrEqual(64);
    expect(skill.description).not.toMatch(/[<>]/);
    expect(skill.description.length).toBeLessThanOrEqual(1024);
  });

  it('falls back to any where a skill is unknown or a learned default does not fit its type', async () => {
    const traces = await Promise.all(
      [1, 2, 3].map((at) =>
        workflowTrace({ name: 'Odd', at, nodes: [{ id: 'src', skill: 'mystery', params: { n: at } }, { id: 'plot', skill: 'line-plot', params: { width: 'wide', 'not-a-port': 1 } }], edges: ['src.out->plot.data'] }),
      ),
    );
    const pattern = minePatterns(traces).patterns[0]!;
    const drafted = draftCompoundSkill(pattern, pattern.runs, resolveSkill);
    if (!drafted.ok) throw drafted.error;
    const skill = parsed(drafted.value.content);
    expect(skill.inputs.map((i) => [i.name, i.type, i.default])).toEqual([
      ['src_n', 'any', 2],
      ['plot_width', 'any', 'wide'],
    ]);
    // A param that cannot be a port name stays fixed in its node.
    const compound = parseCompound(skill.code.source, skill.name);
    if (!compound.ok) throw compound.error;
    expect(compound.value.workflow.nodes[1]!.params).toEqual({ width: 'wide', 'not-a-port': 1 });
  });

  it('keeps defaults that YAML could misread exactly as they were', async () => {
    const tricky = { a: 'yes', b: 'null', c: '1.0', d: 'key: value', e: '- item', f: '#hash', g: 'two\nlines', h: '', i: [1, 'x', null], j: { nested: { k: true } }, k: null, l: -0.5 };
    const traces = await Promise.all([1, 2, 3].map((at) => workflowTrace({ name: 'Tricky', at, nodes: [{ id: 't', skill: 'line-plot', params: tricky }] })));
    const pattern = minePatterns(traces).patterns[0]!;
    const drafted = draftCompoundSkill(pattern, pattern.runs, resolveSkill);
    if (!drafted.ok) throw drafted.error;
    const skill = parsed(drafted.value.content);
    expect(Object.fromEntries(skill.inputs.map((i) => [i.name.slice(2), i.default]))).toEqual(tricky);
  });

  it('refuses runs holding values a workflow cannot (a retry count past the limit)', async () => {
    const good = await workflowTrace({ name: 'Retry', nodes: [{ id: 't', skill: 'line-plot' }] });
    const run = good.spans[0]!;
    const bad: Trace = { ...good, spans: [{ ...run, attributes: { ...run.attributes, 'weft.workflow': JSON.stringify({ nodes: [{ id: 't', skill: 'line-plot', params: {}, retry: { count: 99, backoffMs: 0 } }], edges: [] }) } }] };
    const pattern = minePatterns([bad, bad, bad]).patterns[0]!;
    expect(draftCompoundSkill(pattern, pattern.runs, resolveSkill)).toMatchObject({ ok: false, error: { code: 'WORKFLOW_INVALID', data: { reason: 'EVOLUTION_DRAFT_INVALID' } } });
  });

  it('fails with a reason when no output is known or no run succeeded', async () => {
    const { pattern } = await csvPattern();
    const noPlot: ResolveIo = (s) => (s === 'line-plot' ? null : resolveSkill(s));
    expect(draftCompoundSkill(pattern, pattern.runs, noPlot)).toMatchObject({ ok: false, error: { code: 'WORKFLOW_INVALID', data: { reason: 'EVOLUTION_NO_OUTPUTS' } } });
    expect(draftCompoundSkill(pattern, pattern.runs.filter((r) => !r.ok), resolveSkill)).toMatchObject({ ok: false, error: { code: 'WORKFLOW_INVALID', data: { reason: 'EVOLUTION_NO_SUCCESS' } } });
  });

  it('drafts tool sequences as unwired nodes in order, with the tools inputs and outputs, and says so', async () => {
    const traces = await Promise.all([1, 2, 3].map((at) => turnTrace({ tools: ['csv-stats', 'line-plot', 'csv-stats'], at })));
    const pattern = minePatterns(traces).patterns[0]!;
    const drafted = draftCompoundSkill(pattern, pattern.runs, resolveSkill);
    if (!drafted.ok) throw drafted.error;
    const skill = parsed(drafted.value.content);
    expect(skill.name).toBe('csv-stats-then-line-plot-then-csv-stats');
    expect(skill.description).toContain('Learned from 3 successful turns');
    expect(skill.description).toContain('not wired');
    const compound = parseCompound(skill.code.source, skill.name);
    if (!compound.ok) throw compound.error;
    expect(compound.value.workflow.nodes.map((n) => [n.id, n.skill, n.params])).toEqual([
      ['csv-stats', 'csv-stats', {}],
      ['line-plot', 'line-plot', {}],
      ['csv-stats-2', 'csv-stats', {}],
    ]);
    expect(compound.value.workflow.edges).toEqual([]);
    expect(skill.inputs.map((i) => i.name)).toEqual(['csv_stats_table', 'csv_stats_column', 'csv_stats_bins', 'line_plot_data', 'line_plot_title', 'line_plot_width', 'csv_stats_2_table', 'csv_stats_2_column', 'csv_stats_2_bins']);
    expect(drafted.value.defaults).toEqual({ csv_stats_bins: 10, line_plot_title: 'Plot', csv_stats_2_bins: 10 });
    expect(skill.outputs).toHaveLength(2 * SKILLS['csv-stats']!.outputs.length + SKILLS['line-plot']!.outputs.length);
  });

  it('refuses tool sequences whose tools are not skills', async () => {
    const traces = await Promise.all([1, 2, 3].map((at) => turnTrace({ tools: ['web.search', 'csv-stats'], at })));
    const pattern = minePatterns(traces).patterns[0]!;
    expect(draftCompoundSkill(pattern, pattern.runs, resolveSkill)).toMatchObject({ ok: false, error: { code: 'SKILL_NOT_FOUND', data: { reason: 'EVOLUTION_NOT_SKILLS', tool: 'web.search' } } });
  });
});
