import { describe, expect, it } from 'vitest';
import type { ContextSkill, ExecutableSkill } from '../skills';
import { canConnect, connectionProblem } from './canConnect';
import { checkWorkflow } from './checkWorkflow';
import { contextSkill, execSkill, wf } from './workflowFixtures';
import type { WorkflowProblem } from './workflowProblem';

const skills: Record<string, ExecutableSkill | ContextSkill> = {
  'csv-load': execSkill('csv-load', { inputs: [{ name: 'url', type: 'string' }], outputs: [{ name: 'rows', type: 'table' }, { name: 'count', type: 'number' }], permissions: ['network'] }),
  'csv-stats': execSkill('csv-stats', { inputs: [{ name: 'rows', type: 'table' }, { name: 'column', type: 'string', default: 'value' }], outputs: [{ name: 'summary', type: 'json' }] }),
  plot: execSkill('plot', { inputs: [{ name: 'data', type: 'json' }, { name: 'title', type: 'string', required: false }], outputs: [{ name: 'chart', type: 'plot' }] }),
  label: execSkill('label', { inputs: [{ name: 'text', type: 'string' }], outputs: [] }),
  guide: contextSkill('guide'),
};
const resolve = (name: string) => skills[name] ?? null;
const codes = (problems: WorkflowProblem[]) => problems.map((p) => `${p.code}@${p.nodeId}`);

describe('checkWorkflow', () => {
  it('finds nothing wrong with a well-formed workflow but warns that a node needs network', () => {
    const w = wf([{ id: 'load', skill: 'csv-load', params: { url: 'https://x/data.csv' } }, 'stats:csv-stats', 'chart:plot'], ['load.rows->stats.rows', 'stats.summary->chart.data']);
    const problems = checkWorkflow(w, resolve);
    expect(codes(problems)).toEqual(['NEEDS_PERMISSION@load']);
    expect(problems[0]!.severity).toBe('warning');
    expect(problems[0]!.message).toMatch(/needs network/);
  });

  it('turns a denied permission into an error', () => {
    const w = wf([{ id: 'load', skill: 'csv-load', params: { url: 'u' } }]);
    const [problem] = checkWorkflow(w, resolve, { denied: ['network'] });
    expect(problem).toMatchObject({ code: 'PERMISSION_DENIED', severity: 'error', nodeId: 'load' });
  });

  it('reports a cycle with its path', () => {
    const w = wf(['a', 'b', 'c', 'd'], ['a->b', 'b->c', 'c->a', 'c->d']);
    const cycles = checkWorkflow(w, () => execSkill('step')).filter((p) => p.code === 'WORKFLOW_CYCLE');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toContain('a → b → c → a');
    expect(cycles[0]!.cycle).toEqual(['a', 'b', 'c']);
  });

  it('reports every problem at once', () => {
    const w = wf(
      [
        'load:csv-load', // url missing; needs network
        { id: 'stats', skill: 'csv-stats', params: { colour: 'red', column: 3 } }, // unknown param; wrong param type
        'chart:plot',
        'lost:no-such-skill',
        'help:guide',
        { id: 'tag', skill: 'label', params: { text: 'hi' } },
      ],
      [
        'load.rows->stats.rows',
        'load.count->stats.rows', // second edge into rows
        'stats.nothing->chart.data', // no such output
        'load.rows->chart.nope', // no such input
        'load.count->tag.text', // number into string
        'chart.chart->lost.x', // into an unresolved skill: nothing more to say
      ],
    );
    const problems = checkWorkflow(w, resolve);
    expect(codes(problems).sort()).toEqual(
      [
        'SKILL_NOT_FOUND@lost',
        'SKILL_NOT_EXECUTABLE@help',
        'INPUT_BOUND_TWICE@stats',
        'TYPE_MISMATCH@stats', // number → table
        'OUTPUT_UNKNOWN@chart',
        'INPUT_UNKNOWN@chart',
        'TYPE_MISMATCH@tag',
        'PARAM_UNKNOWN@stats',
        'PARAM_TYPE@stats',
        'INPUT_MISSING@load', // (chart.data is bound, by a broken edge: reported once, as OUTPUT_UNKNOWN)
        'PARAM_SHADOWED@tag',
        'NEEDS_PERMISSION@load',
      ].sort(),
    );
    const twice = problems.find((p) => p.code === 'INPUT_BOUND_TWICE')!;
    expect(twice.edge).toEqual(w.edges[1]);
    expect(twice.message).toMatch(/fed by two edges \(from load.rows and load.count\)/);
    expect(problems.find((p) => p.code === 'OUTPUT_UNKNOWN')!.message).toMatch(/has no such output \(its outputs: summary\)/);
    expect(problems.find((p) => p.code === 'INPUT_MISSING' && p.nodeId === 'load')!.message).toMatch(/needs the input "url" \(string\)/);
    // A defaulted input (column) and an optional one (title) need nothing.
    expect(problems.some((p) => p.message.includes('"column" (') || p.message.includes('"title"'))).toBe(false);
  });

  it('reports duplicate ids and dangling edges without crashing', () => {
    const w = wf(['a', 'a', 'b'], ['a->ghost', 'b->a']);
    expect(codes(checkWorkflow(w, () => execSkill('step')))).toEqual(['NODE_DUPLICATE@a', 'EDGE_NODE_MISSING@null']);
  });

  it('checks 100,000 nodes in linear time', () => {
    const n = 100_000;
    const w = wf(
      Array.from({ length: n }, (_, i) => `n${i}`),
      Array.from({ length: n - 1 }, (_, i) => `n${i}->n${i + 1}`),
    );
    expect(checkWorkflow(w, () => execSkill('step'))).toEqual([]);
  });
});

describe('canConnect', () => {
  it('matches equal types, any in both directions, and JSON-valued types into json', () => {
    expect(canConnect('number', 'number')).toBe(true);
    expect(canConnect('image', 'any')).toBe(true);
    expect(canConnect('any', 'tensor')).toBe(true);
    for (const from of ['number', 'string', 'boolean', 'table', 'plot', 'scene3d', 'circuit', 'tensor'] as const) expect(canConnect(from, 'json')).toBe(true);
  });

  it('never converts: number → string, json → table and image → json are refused, with a reason', () => {
    expect(canConnect('number', 'string')).toBe(false);
    expect(canConnect('json', 'table')).toBe(false);
    expect(canConnect('image', 'json')).toBe(false);
    expect(connectionProblem('json', 'table')).toMatch(/make the input `any`/);
    expect(connectionProblem('table', 'json')).toBeNull();
  });
});
