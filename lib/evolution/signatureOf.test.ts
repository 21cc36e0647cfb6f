import { describe, expect, it } from 'vitest';
import { WeftError } from '../core';
import { signatureOf } from './signatureOf';

const e = (from: string, output: string, to: string, input: string) => ({ from: { node: from, output }, to: { node: to, input } });
const node = (id: string, skill: string, params: Record<string, unknown> = {}, position = { x: 0, y: 0 }) => ({ id, skill, params, position });

const csv = {
  nodes: [node('load', 'csv-load', { path: 'a.csv' }), node('stats', 'csv-stats', { bins: 10 }), node('plot', 'line-plot')],
  edges: [e('load', 'rows', 'stats', 'table'), e('stats', 'stats', 'plot', 'data')],
};

describe('signatureOf', () => {
  it('writes skills in canonical order and edges as canonical ports, with an id of a-z 0-9 -', () => {
    const sig = signatureOf(csv);
    expect(sig.signature).toBe('nodes=csv-load,csv-stats,line-plot;edges=0.rows>1.table,1.stats>2.data');
    expect(sig.id).toMatch(/^wf-[a-z0-9]{14}$/);
    expect(sig.order).toEqual([0, 1, 2]);
  });

  it('ignores params, node ids, positions and the order nodes are listed in', () => {
    const renamed = {
      nodes: [node('p', 'line-plot', { title: 'x' }, { x: 900, y: 4 }), node('s', 'csv-stats', { bins: 99, column: 'q' }), node('l', 'csv-load', {}, { x: -5, y: 7 })],
      edges: [e('s', 'stats', 'p', 'data'), e('l', 'rows', 's', 'table')],
    };
    const a = signatureOf(csv);
    const b = signatureOf(renamed);
    expect(b.signature).toBe(a.signature);
    expect(b.id).toBe(a.id);
    // The canonical order maps each list onto the same sequence of skills.
    expect(b.order.map((i) => renamed.nodes[i]!.skill)).toEqual(a.order.map((i) => csv.nodes[i]!.skill));
  });

  it('changes with a different skill, a different edge, a different port or an extra node', () => {
    const base = signatureOf(csv).id;
    const otherSkill = { ...csv, nodes: [csv.nodes[0]!, csv.nodes[1]!, node('plot', 'bar-plot')] };
    const otherEdge = { ...csv, edges: [e('load', 'rows', 'stats', 'table'), e('load', 'rows', 'plot', 'data')] };
    const otherPort = { ...csv, edges: [e('load', 'rows', 'stats', 'table'), e('stats', 'summary', 'plot', 'data')] };
    const extra = { ...csv, nodes: [...csv.nodes, node('more', 'line-plot')] };
    const ids = [otherSkill, otherEdge, otherPort, extra].map((w) => signatureOf(w).id);
    expect(new Set([base, ...ids]).size).toBe(5);
  });

  it('tells apart graphs with the same skills wired differently (which branch feeds which port)', () => {
    const diamond = (a: string, b: string) => ({
      nodes: [node('src', 'csv-load'), node('x', 'csv-stats'), node('y', 'csv-stats'), node('join', 'merge')],
      edges: [e('src', 'rows', 'x', 'table'), e('src', 'rows', 'y', 'table'), e('x', a, 'join', 'left'), e('y', b, 'join', 'right')],
    });
    expect(signatureOf(diamond('stats', 'summary')).id).not.toBe(signatureOf(diamond('stats', 'stats')).id);
    // Swapping which identical branch is listed first changes nothing.
    const swapped = diamond('stats', 'summary');
    const reordered = { nodes: [swapped.nodes[3]!, swapped.nodes[2]!, swapped.nodes[1]!, swapped.nodes[0]!], edges: [...swapped.edges].reverse() };
    expect(signatureOf(reordered).signature).toBe(signatureOf(swapped).signature);
  });

  it('gives interchangeable nodes one signature whichever is listed first', () => {
    const fan = (ids: string[]) => ({ nodes: [node(ids[0]!, 'csv-load'), node(ids[1]!, 'line-plot'), node(ids[2]!, 'line-plot')], edges: [e(ids[0]!, 'rows', ids[1]!, 'data'), e(ids[0]!, 'rows', ids[2]!, 'data')] });
    expect(signatureOf(fan(['a', 'b', 'c'])).signature).toBe(signatureOf(fan(['z', 'y', 'x'])).signature);
    expect(signatureOf(fan(['a', 'b', 'c'])).signature).toBe('nodes=csv-load,line-plot,line-plot;edges=0.rows>1.data,0.rows>2.data');
  });

  it('is the same for 200 random DAGs under random renaming and reordering', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(random() * 7);
      const nodes = Array.from({ length: n }, (_, i) => node(`n${i}`, pick(['a', 'b', 'c'])));
      const edges = [];
      for (let j = 1; j < n; j++) for (let i = 0; i < j; i++) if (random() < 0.4) edges.push(e(`n${i}`, pick(['x', 'y']), `n${j}`, pick(['p', 'q'])));
      const shuffled = nodes.map((nd) => ({ nd, k: random() })).sort((p, q) => p.k - q.k).map(({ nd }) => ({ ...nd, id: `m${nd.id}` }));
      const moved = edges.map((ed) => e(`m${ed.from.node}`, ed.from.output, `m${ed.to.node}`, ed.to.input)).reverse();
      expect(signatureOf({ nodes: shuffled, edges: moved }).signature).toBe(signatureOf({ nodes, edges }).signature);
    }
  });

  it('throws WORKFLOW_INVALID on an edge to a missing node', () => {
    const bad = { nodes: [node('a', 'csv-load')], edges: [e('a', 'rows', 'ghost', 'table')] };
    expect(() => signatureOf(bad)).toThrow(WeftError);
    try {
      signatureOf(bad);
    } catch (error) {
      expect(error).toMatchObject({ code: 'WORKFLOW_INVALID', data: { reason: 'EVOLUTION_WORKFLOW_INVALID', node: 'ghost' } });
    }
  });
});
