import { describe, expect, it } from 'vitest';
import { criticalPath } from './criticalPath';
import { indexSpans } from './spanIndex';
import { enclosed, ids, span } from './testSpans';
import type { Span } from '@/lib/spans';

const pathOf = (spans: Span[]) => ids(spans, criticalPath(spans, indexSpans(spans)));

describe('criticalPath', () => {
  it('follows the branch that ended last into a join', () => {
    const spans = [span('run', [], 0, 1), span('left', ['run'], 1, 10), span('right', ['run'], 1.5, 8), span('join', ['left', 'right'], 10, 20)];
    expect(pathOf(spans)).toEqual(['run', 'left', 'join']);
  });

  it('ends at the leaf that finished last, not at the run span that encloses everything', () => {
    const spans = [
      span('run', [], 0, 100, { kind: 'run' }),
      enclosed('a', 'run', 1, 10),
      enclosed('b', 'run', 1, 50),
      span('c', ['a'], 10, 30),
    ];
    expect(pathOf(spans)).toEqual(['run', 'b']);
  });

  it('prefers a parent that gated the span over one that only encloses it', () => {
    const spans = [span('run', [], 0, 100, { kind: 'run' }), enclosed('a', 'run', 1, 20), span('x', ['run', 'a'], 20, 40, { attributes: { 'weft.concurrent_parents': ['run'] } })];
    expect(pathOf(spans)).toEqual(['run', 'a', 'x']);
  });

  it('walks a chat turn: model call, the slower tool, the next model call', () => {
    const spans = [
      span('turn', [], 0, 100, { kind: 'run' }),
      enclosed('llm1', 'turn', 1, 20, { kind: 'llm' }),
      span('fast', ['llm1'], 20, 25, { kind: 'tool' }),
      span('slow', ['llm1'], 20, 60, { kind: 'tool' }),
      span('llm2', ['fast', 'slow'], 60, 99, { kind: 'llm' }),
    ];
    expect(pathOf(spans)).toEqual(['turn', 'llm1', 'slow', 'llm2']);
  });

  it('survives a cycle in a tampered trace and a missing parent', () => {
    expect(pathOf([span('a', ['b'], 0, 5), span('b', ['a'], 1, 6)])).toEqual(['a', 'b']);
    expect(pathOf([span('orphan', ['gone'], 0, 5)])).toEqual(['orphan']);
  });

  it('is empty for an empty trace and the span itself for one span', () => {
    expect(pathOf([])).toEqual([]);
    expect(pathOf([span('only', [], 0, 1)])).toEqual(['only']);
  });

  it('handles a 10,000-span chain without recursion', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) => span(`s${i}`, i === 0 ? [] : [`s${i - 1}`], i, i + 1));
    const path = criticalPath(spans, indexSpans(spans));
    expect(path).toHaveLength(10_000);
    expect(path[0]).toBe(0);
  });
});
