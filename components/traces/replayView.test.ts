import { describe, expect, it } from 'vitest';
import type { ReplayReport } from '@/lib/kernel/protocol';
import { replayVerified, skillChangesText, spansByNode } from './replayView';
import { enclosed, span } from './testSpans';

const report = (over: Partial<ReplayReport> = {}): ReplayReport => ({
  path: 'traces/2025/03/a.json',
  runId: 'r2',
  status: 'ok',
  identical: 2,
  compared: 2,
  nodes: [
    { nodeId: 'load', skill: 'load-data', status: 'identical', recordedHash: 'h1', replayHash: 'h1', reason: null },
    { nodeId: 'plot', skill: 'plot', status: 'identical', recordedHash: 'h2', replayHash: 'h2', reason: null },
    { nodeId: 'ask', skill: 'llm', status: 'nondeterministic', recordedHash: 'h3', replayHash: 'h4', reason: 'a model call' },
  ],
  skillChanges: [],
  summary: 'verified replay: 2/2 identical',
  ...over,
});

describe('replay view', () => {
  it('counts nondeterministic nodes as no failure', () => {
    expect(replayVerified(report())).toBe(true);
  });

  it('is not verified when a node differs or the replay failed', () => {
    const nodes = report().nodes.map((n) => (n.nodeId === 'plot' ? { ...n, status: 'different' as const, replayHash: 'h9' } : n));
    expect(replayVerified(report({ nodes, identical: 1 }))).toBe(false);
    expect(replayVerified(report({ status: 'error' }))).toBe(false);
  });

  it('names the skills that changed since the run', () => {
    expect(skillChangesText([])).toBe('');
    expect(skillChangesText([{ skill: 'clean', recordedHash: 'a', currentHash: 'b' }])).toBe('The skill clean changed since this run.');
    expect(
      skillChangesText([
        { skill: 'clean', recordedHash: 'a', currentHash: 'b' },
        { skill: 'plot', recordedHash: 'c', currentHash: null },
        { skill: 'load', recordedHash: 'd', currentHash: 'e' },
      ]),
    ).toBe('The skills clean, plot and load changed since this run.');
  });

  it('finds each workflow node’s span by weft.node.id', () => {
    const spans = [span('run', [], 0, 9, { kind: 'run', attributes: { 'weft.node.id': 'not-a-node' } }), enclosed('s1', 'run', 1, 2, { attributes: { 'weft.node.id': 'load' } })];
    expect([...spansByNode(spans)]).toEqual([['load', 1]]);
  });
});
