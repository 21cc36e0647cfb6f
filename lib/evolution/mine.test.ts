import { describe, expect, it } from 'vitest';
import { type ExecutableSkill, parseSkill } from '../skills';
import type { Trace } from '../spans';
import { parseCompound } from '../workflow';
import { csvWorkflow, resolveSkill, turnTrace, workflowTrace } from './evolutionFixtures';
import { type CompoundInUse, mine } from './mine';
import type { ResolveIo, SkillSuggestion } from './types';

/** A suggestion as the compound skill it becomes once accepted (optionally without the metadata a skill accepted before it existed lacks). */
function accepted(suggestion: SkillSuggestion, keepMetadata = true): { compound: CompoundInUse; resolve: ResolveIo } {
  const skill = parseSkill(suggestion.content).ok ? ((parseSkill(suggestion.content) as { value: { skill: ExecutableSkill } }).value.skill) : null;
  const spec = parseCompound(skill!.code.source, suggestion.name);
  if (!spec.ok) throw spec.error;
  const evolvedFrom = skill!.metadata?.['evolved-from'];
  const compound: CompoundInUse = { name: suggestion.name, workflow: spec.value.workflow, ...(keepMetadata && evolvedFrom ? { evolvedFrom } : {}) };
  return { compound, resolve: (name) => (name === suggestion.name ? { inputs: skill!.inputs, outputs: skill!.outputs } : resolveSkill(name)) };
}

const csvRuns = (n: number, status: (i: number) => 'ok' | 'error' = () => 'ok', name = 'CSV stats') => Promise.all(Array.from({ length: n }, (_, i) => workflowTrace({ ...csvWorkflow({ bins: i + 1 }), name, at: i, status: status(i) })));

describe('mine', () => {
  it('reports nothing for no traces', () => {
    expect(mine([], { resolve: resolveSkill })).toEqual({ traces: 0, patterns: [], suggestions: [], skipped: 0 });
  });

  it('lists every pattern (protocol fields only) and suggests for those that meet both thresholds', async () => {
    const traces: Trace[] = [
      ...(await csvRuns(3)),
      ...(await csvRuns(2, () => 'ok', 'Twice')),
      ...(await Promise.all([0, 1, 2].map((at) => turnTrace({ tools: ['csv-stats', 'line-plot'], at })))),
    ];
    // The two "Twice" runs share the CSV structure: one pattern of 5, named after its newest run.
    const report = mine(traces, { resolve: resolveSkill });
    expect(report.traces).toBe(8);
    expect(report.patterns.map((p) => [p.kind, p.count])).toEqual([
      ['workflow', 5],
      ['tools', 3],
    ]);
    expect(Object.keys(report.patterns[0]!).sort()).toEqual(['count', 'id', 'kind', 'label', 'signature', 'successRate', 'successes', 'traces']);
    expect(report.suggestions.map((s) => s.name)).toEqual(['csv-stats-flow', 'csv-stats-then-line-plot']);
    for (const s of report.suggestions) expect(parseSkill(s.content).ok).toBe(true);
    // bins 1, 2, 3 and 1, 2: the median is 2.
    expect(report.suggestions[0]!.defaults).toMatchObject({ stats_bins: 2 });
  });

  it('suggests nothing for 2 runs, or for 3 runs with 2 failures, until the options allow it', async () => {
    const two = await csvRuns(2);
    expect(mine(two, { resolve: resolveSkill }).suggestions).toEqual([]);
    expect(mine(two, { resolve: resolveSkill, minCount: 2 }).suggestions).toHaveLength(1);
    const mostlyFailed = await csvRuns(3, (i) => (i === 0 ? 'ok' : 'error'));
    expect(mine(mostlyFailed, { resolve: resolveSkill }).suggestions).toEqual([]);
    expect(mine(mostlyFailed, { resolve: resolveSkill, minSuccess: 0.3 }).suggestions).toHaveLength(1);
    expect(mine(await csvRuns(3), { resolve: resolveSkill }).suggestions).toHaveLength(1);
  });

  it('leaves out rejected suggestions and avoids existing names and each other', async () => {
    const csv = await csvRuns(3);
    const plotOnly = await Promise.all([0, 1, 2].map((at) => workflowTrace({ name: 'CSV stats', at, nodes: [{ id: 'p', skill: 'line-plot', params: { title: 't' } }] })));
    const first = mine([...csv, ...plotOnly], { resolve: resolveSkill, existing: new Set(['csv-stats-flow']) });
    expect(first.suggestions.map((s) => s.name)).toEqual(['csv-stats-flow-2', 'csv-stats-flow-3']);
    const rejected = new Set([first.suggestions[0]!.id]);
    const second = mine([...csv, ...plotOnly, ...(await csvRuns(2))], { resolve: resolveSkill, rejected });
    // The rejected pattern gained runs, yet stays rejected: its id is its signature's.
    expect(second.patterns.map((p) => p.count)).toEqual([5, 3]);
    expect(second.suggestions.map((s) => s.patternId)).toEqual([first.suggestions[1]!.patternId]);
  });

  it('does not suggest an accepted pattern again under a new name, nor wrap the compound run alone', async () => {
    const csv = await csvRuns(3);
    const turns = await Promise.all([0, 1, 2].map((at) => turnTrace({ tools: ['csv-stats', 'line-plot'], at })));
    const first = mine([...csv, ...turns], { resolve: resolveSkill }).suggestions;
    const flow = first.find((x) => x.patternId.startsWith('wf-'));
    const tools = first.find((x) => x.patternId.startsWith('tools-'));
    expect(flow!.content).toContain(`evolved-from: ${flow!.patternId}`);
    const a = accepted(flow!);
    const b = accepted(tools!);
    // More runs of both patterns, and three runs of the new compound as a one-node workflow.
    const more = [...csv, ...(await csvRuns(2)), ...turns, ...(await Promise.all([5, 6].map((at) => turnTrace({ tools: ['csv-stats', 'line-plot'], at }))))];
    const alone = await Promise.all([7, 8, 9].map((at) => workflowTrace({ name: 'uses it', at, nodes: [{ id: 'c', skill: flow!.name, params: { stats_bins: at } }] })));
    const existing = new Set([flow!.name, tools!.name]);
    const resolve: ResolveIo = (name) => a.resolve(name) ?? b.resolve(name);
    const again = mine([...more, ...alone], { resolve, existing, compounds: [a.compound, b.compound] });
    expect(again.patterns.map((p) => p.count)).toEqual([5, 5, 3]);
    expect(again.suggestions).toEqual([]);
    // A compound accepted before it carried `evolved-from` is known by its structure.
    expect(mine(more, { resolve, existing, compounds: [accepted(flow!, false).compound] }).suggestions.map((s) => s.name)).toEqual([`${tools!.name}-2`]);
  });

  it('counts unreadable traces as skipped', async () => {
    const good = await csvRuns(3);
    const broken: Trace = { ...good[0]!, spans: [{ ...good[0]!.spans[0]!, attributes: { ...good[0]!.spans[0]!.attributes, 'weft.workflow': '{' } }] };
    const report = mine([broken, ...good], { resolve: resolveSkill });
    expect(report).toMatchObject({ traces: 4, skipped: 1 });
    expect(report.patterns[0]!.count).toBe(3);
  });
});
