import { describe, expect, it } from 'vitest';
import { WorkflowErrorCode } from './errorCodes';
import { WORKFLOW_LIMITS } from './limits';
import type { ParseIssue } from './parseIssues';
import { parseWorkflow } from './parseWorkflow';
import { serializeWorkflow } from './serializeWorkflow';
import { wf } from './workflowFixtures';

const valid = () => JSON.parse(serializeWorkflow(wf(['load:csv-load', 'stats:csv-stats'], ['load.rows->stats.rows']))) as Record<string, unknown>;

function issuesOf(input: unknown): ParseIssue[] {
  const parsed = parseWorkflow(input);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return [];
  expect(parsed.error.code).toBe(WorkflowErrorCode.parse);
  return parsed.error.data.issues as ParseIssue[];
}

function chain(n: number) {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, skill: 'step', params: { k: i }, position: { x: i, y: 0 } }));
  const edges = Array.from({ length: n - 1 }, (_, i) => ({ from: { node: `n${i}`, output: 'y' }, to: { node: `n${i + 1}`, input: 'x' } }));
  return { version: 1, id: 'big', name: 'big', nodes, edges };
}

describe('parseWorkflow', () => {
  it('accepts a valid workflow from text or from a value', () => {
    const text = serializeWorkflow(wf(['a', 'b'], ['a->b']));
    const fromText = parseWorkflow(text);
    expect(fromText.ok && fromText.value.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(parseWorkflow(JSON.parse(text)).ok).toBe(true);
  });

  it('says when the text is not JSON', () => {
    const parsed = parseWorkflow('{"version": 1,');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe(WorkflowErrorCode.parse);
      expect(parsed.error.message).toMatch(/not valid JSON/);
    }
  });

  it('lists every problem at once, each with its path', () => {
    const value = valid();
    const nodes = value.nodes as Record<string, unknown>[];
    nodes[0]!.position = { x: 'left', y: 0 };
    nodes[1]!.colour = 'red';
    nodes[1]!.id = 'has space';
    delete value.name;
    const issues = issuesOf(value);
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.nodes[0].position.x', '$.nodes[1].colour', '$.nodes[1].id', '$.name']));
    expect(issues.find((i) => i.path === '$.nodes[0].position.x')!.message).toMatch(/must be a number, not the text "left"/);
    expect(issues.find((i) => i.path === '$.nodes[1].colour')!.message).toMatch(/not a field here: a node has id, skill/);
    expect(issues.find((i) => i.path === '$.name')!.message).toBe('is missing');
  });

  it('refuses duplicate node ids and edges to nodes that do not exist', () => {
    const value = valid();
    const nodes = value.nodes as Record<string, unknown>[];
    nodes[1]!.id = 'load';
    (value.edges as unknown[]).push({ from: { node: 'ghost', output: 'y' }, to: { node: 'load', input: 'x' } });
    const issues = issuesOf(value);
    expect(issues).toContainEqual({ path: '$.nodes[1].id', message: '"load" is already the id of $.nodes[0]; node ids must be unique' });
    expect(issues).toContainEqual({ path: '$.edges[0].to.node', message: 'there is no node "stats"' });
    expect(issues).toContainEqual({ path: '$.edges[1].from.node', message: 'there is no node "ghost"' });
  });

  it('refuses bad port names, bad skill names and odd retry policies', () => {
    const value = valid();
    (value.edges as Record<string, Record<string, string>>[])[0]!.from!.output = '1rows';
    const nodes = value.nodes as Record<string, unknown>[];
    nodes[0]!.skill = 'CSV Load';
    nodes[1]!.retry = { count: -1, backoffMs: 10 };
    const paths = issuesOf(value).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.edges[0].from.output', '$.nodes[0].skill', '$.nodes[1].retry.count']));
  });

  it('refuses absurd sizes at once with a message naming the limit', () => {
    const parsed = parseWorkflow(chain(100_000));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe(WorkflowErrorCode.tooLarge);
      expect(parsed.error.message).toMatch(/100,000 nodes.*at most 20,000 nodes/);
    }
    const edges = { ...chain(2), edges: Array.from({ length: WORKFLOW_LIMITS.maxEdges + 1 }, () => chain(2).edges[0]) };
    const tooMany = parseWorkflow(edges);
    expect(!tooMany.ok && tooMany.error.message).toMatch(/100,001 edges/);
    const huge = parseWorkflow('x'.repeat(WORKFLOW_LIMITS.maxChars + 1));
    expect(!huge.ok && huge.error.code).toBe(WorkflowErrorCode.tooLarge);
  });

  it('parses a 20,000-node workflow, and 100,000 nodes when the limits allow (linear time)', () => {
    const atLimit = parseWorkflow(JSON.stringify(chain(WORKFLOW_LIMITS.maxNodes)));
    expect(atLimit.ok && atLimit.value.nodes.length).toBe(20_000);
    const started = performance.now();
    const big = parseWorkflow(chain(100_000), { limits: { maxNodes: 100_000 } });
    expect(big.ok && big.value.edges.length).toBe(99_999);
    // Reported, not asserted: a test never asserts a timing.
    console.info(`parseWorkflow: 100,000 nodes in ${Math.round(performance.now() - started)} ms`);
  }, 60_000);
});

describe('serializeWorkflow', () => {
  it('writes stable, pretty JSON that parses back to the same workflow', () => {
    const workflow = wf([{ id: 'a', params: { z: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } }, retry: { count: 2, backoffMs: 100 }, label: 'Load' }, 'b'], ['a->b']);
    const text = serializeWorkflow(workflow);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "nodes": [\n');
    expect(text.indexOf('"a": {')).toBeLessThan(text.indexOf('"z": 1'));
    expect(text.indexOf('"e": 0')).toBeLessThan(text.indexOf('"f": 1'));
    const parsed = parseWorkflow(text);
    expect(parsed.ok && serializeWorkflow(parsed.value)).toBe(text);
    expect(parsed.ok && parsed.value).toEqual(workflow);
  });

  it('writes the same text whatever order the fields were set in', () => {
    const a = wf([{ id: 'n', params: { b: 1, a: 2 } }]);
    const b = { ...a, nodes: [{ position: a.nodes[0]!.position, params: { a: 2, b: 1 }, skill: 'step', id: 'n' }] };
    expect(serializeWorkflow(b)).toBe(serializeWorkflow(a));
  });
});
