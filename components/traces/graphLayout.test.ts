import { describe, expect, it } from 'vitest';
import { layoutGraph, NODE_WIDTH } from './graphLayout';
import { indexSpans } from './spanIndex';
import { span } from './testSpans';
import { layoutTimeline } from './timelineLayout';
import type { Span } from '@/lib/spans';

const graphOf = (spans: Span[], cap?: number) => {
  const index = indexSpans(spans);
  return layoutGraph(
    layoutTimeline(spans, index).rows.map((r) => r.span),
    index,
    cap,
  );
};

describe('layoutGraph', () => {
  it('lays the DAG out in layers, parents left of their children, one edge per causal link', () => {
    const spans = [span('run', [], 0, 1), span('left', ['run'], 1, 10), span('right', ['run'], 1.5, 8), span('join', ['left', 'right'], 10, 20)];
    const g = graphOf(spans);
    const x = (id: string) => g.nodes.find((n) => spans[n.span]!.id === id)!.x;
    expect(x('run')).toBeLessThan(x('left'));
    expect(x('left')).toBe(x('right'));
    expect(x('left') + NODE_WIDTH).toBeLessThan(x('join'));
    expect(g.edges.map((e) => `${spans[e.from]!.id}>${spans[e.to]!.id}`).sort()).toEqual(['left>join', 'right>join', 'run>left', 'run>right']);
    expect(g.edges.every((e) => e.points.length >= 2)).toBe(true);
    expect(g.width).toBeGreaterThan(3 * NODE_WIDTH);
    expect(g.total).toBe(4);
  });

  it('shows only the first spans of a huge trace, with the links among them', () => {
    const spans = Array.from({ length: 40 }, (_, i) => span(`s${i}`, i === 0 ? [] : [`s${i - 1}`], i, i + 1));
    const g = graphOf(spans, 10);
    expect(g.nodes).toHaveLength(10);
    expect(g.edges).toHaveLength(9);
    expect(g.total).toBe(40);
  });
});
