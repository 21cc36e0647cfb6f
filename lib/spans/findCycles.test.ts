import { describe, expect, it } from 'vitest';
import { findCycles } from './findCycles';

const covered = (cycles: number[][]) => [...new Set(cycles.flat())].sort((a, b) => a - b);

// Every consecutive pair (and last → first) of a reported cycle must be an edge.
function expectRealCycles(edges: number[][], cycles: number[][]) {
  for (const cycle of cycles) cycle.forEach((v, k) => expect(edges[v]).toContain(cycle[(k + 1) % cycle.length]));
}

describe('findCycles', () => {
  it('finds none in a DAG', () => {
    expect(findCycles([[], [0], [0], [1, 2]])).toEqual([]);
  });

  it('finds a self-loop', () => {
    expect(findCycles([[0], []])).toEqual([[0]]);
  });

  it('finds a simple ring as one cycle, starting at its lowest node', () => {
    const edges = [[2], [0], [1], [0]];
    expect(findCycles(edges)).toEqual([[0, 2, 1]]);
  });

  it('covers every node of two cycles sharing a node (a figure eight)', () => {
    const edges = [[1, 3], [2], [0], [4], [0]];
    const cycles = findCycles(edges);
    expectRealCycles(edges, cycles);
    expect(covered(cycles)).toEqual([0, 1, 2, 3, 4]);
  });

  it('handles a 100,000-node chain and ring iteratively', () => {
    const n = 100_000;
    expect(findCycles(Array.from({ length: n }, (_, i) => (i === 0 ? [] : [i - 1])))).toEqual([]);
    const ring = findCycles(Array.from({ length: n }, (_, i) => [(i + 1) % n]));
    expect(ring).toHaveLength(1);
    expect(ring[0]).toHaveLength(n);
  });
});
