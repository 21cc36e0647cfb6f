import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ReplayReport } from '@/lib/kernel/protocol';
import { ReplayPanel } from './ReplayPanel';
import type { TraceChecks } from './useTraceChecks';

const noop = () => {};

const replayCheck = (over: Partial<TraceChecks['replay']>): TraceChecks['replay'] => ({ pending: false, error: null, result: null, startedAt: 1, recorded: false, run: noop, dismiss: noop, ...over });

const report = (over: Partial<ReplayReport> = {}): ReplayReport => ({
  path: 'p',
  runId: 'run-2',
  status: 'ok',
  identical: 2,
  compared: 2,
  nodes: [
    { nodeId: 'load', skill: 'load-data', status: 'identical', recordedHash: 'aaaaaaaaaaaa', replayHash: 'aaaaaaaaaaaa', reason: null },
    { nodeId: 'plot', skill: 'plot', status: 'identical', recordedHash: 'bbbbbbbbbbbb', replayHash: 'bbbbbbbbbbbb', reason: null },
    { nodeId: 'ask', skill: 'ask-model', status: 'nondeterministic', recordedHash: 'c', replayHash: 'd', reason: 'calls a language model' },
  ],
  skillChanges: [],
  summary: 'verified replay: 2/2 identical',
  ...over,
});

const renderReplay = (check: TraceChecks['replay']) => renderToStaticMarkup(createElement(ReplayPanel, { check, nodeCount: 3, spanOfNode: (id: string) => (id === 'load' ? 1 : undefined), onSelect: noop }));

describe('ReplayPanel', () => {
  it('shows the summary in data-replay-summary and a row per node, nondeterministic ones not as failures', () => {
    const html = renderReplay(replayCheck({ result: report() }));
    expect(html).toMatch(/<strong data-replay-summary="">verified replay: 2\/2 identical<\/strong>/);
    expect(html).toContain('data-replay="ok"');
    expect(html).toContain('data-replay-node="ask" data-replay-status="nondeterministic"');
    expect(html).toContain('calls a language model');
    expect(html).not.toContain('Replay with the recorded versions');
  });

  it('names the changed skills and offers to replay with the recorded versions', () => {
    const html = renderReplay(replayCheck({ result: report({ skillChanges: [{ skill: 'plot', recordedHash: 'x', currentHash: 'y' }], summary: 'replay: 1/2 identical; plot differs' }) }));
    expect(html).toContain('The skill plot changed since this run.');
    expect(html).toContain('Replay with the recorded versions');
  });

  it('does not offer the recorded versions again once it used them', () => {
    const html = renderReplay(replayCheck({ recorded: true, result: report({ skillChanges: [{ skill: 'plot', recordedHash: 'x', currentHash: 'y' }] }) }));
    expect(html).toContain('Replayed with the skill versions this trace recorded.');
    expect(html).not.toContain('Replay with the recorded versions</button>');
  });

  it('shows progress while the replay runs', () => {
    const html = renderReplay(replayCheck({ pending: true }));
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('Replaying 3 nodes');
  });
});
