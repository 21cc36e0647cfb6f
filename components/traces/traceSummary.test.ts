import { describe, expect, it } from 'vitest';
import { enclosed, span } from './testSpans';
import { summarizeTrace } from './traceSummary';

describe('summarizeTrace', () => {
  it('recognises a workflow run by its run span and takes its name', () => {
    const spans = [span('run', [], 0, 9, { kind: 'run', name: 'clean-and-plot', attributes: { 'weft.workflow.id': 'wf1', 'weft.run.id': 'r1' } }), enclosed('a', 'run', 1, 2)];
    expect(summarizeTrace(spans)).toEqual({ kind: 'run', name: 'clean-and-plot', status: 'ok', root: 0 });
  });

  it('recognises a chat turn, and an agent step otherwise', () => {
    expect(summarizeTrace([span('t', [], 0, 1, { kind: 'run', name: 'chat turn', attributes: { 'gen_ai.provider.name': 'openai' } })]).kind).toBe('chat');
    expect(summarizeTrace([span('s', [], 0, 1, { kind: 'llm', name: 'chat gpt-4o' })]).kind).toBe('agent');
  });

  it('trusts the list entry for kind and name when there is one', () => {
    const spans = [span('s', [], 0, 1, { kind: 'llm', name: 'chat gpt-4o' })];
    expect(summarizeTrace(spans, { kind: 'agent', name: 'researcher: step 2' })).toMatchObject({ kind: 'agent', name: 'researcher: step 2' });
  });

  it('reports an error when a span failed under a run that says ok', () => {
    const spans = [span('run', [], 0, 9, { kind: 'run' }), enclosed('a', 'run', 1, 2, { status: 'error' })];
    expect(summarizeTrace(spans).status).toBe('error');
    expect(summarizeTrace([span('run', [], 0, 9, { kind: 'run', status: 'cancelled' })]).status).toBe('cancelled');
  });

  it('names an empty trace', () => {
    expect(summarizeTrace([])).toEqual({ kind: 'agent', name: 'Empty trace', status: 'ok', root: -1 });
  });
});
