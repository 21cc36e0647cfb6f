import { describe, expect, it } from 'vitest';
import { WorkflowErrorCode } from './errorCodes';
import { deriveNodeSeed } from './nodeSeed';
import { downstreamOf, upstreamOf, wouldCreateCycle } from './reachable';
import { topologicalLevels } from './topologicalLevels';
import { edge, wf } from './workflowFixtures';

//   load → clean → plot
//      ↘ stats ↗      report (alone)
const diamond = wf(['load', 'clean', 'stats', 'plot', 'report'], ['load->clean', 'load->stats', 'clean->plot', 'stats.y->plot.z']);

describe('topologicalLevels', () => {
  it('puts each node one level below its deepest parent, in workflow order', () => {
    expect(topologicalLevels(diamond)).toEqual({ ok: true, value: [['load', 'report'], ['clean', 'stats'], ['plot']] });
    const skewed = wf(['a', 'b', 'c'], ['a->b', 'b->c', 'a->c']);
    expect(topologicalLevels(skewed)).toEqual({ ok: true, value: [['a'], ['b'], ['c']] });
  });

  it('is an error naming the cycle', () => {
    const levels = topologicalLevels(wf(['a', 'b', 'c'], ['a->b', 'b->c', 'c->b']));
    expect(levels.ok).toBe(false);
    if (!levels.ok) {
      expect(levels.error.code).toBe(WorkflowErrorCode.cycle);
      expect(levels.error.message).toContain('b → c → b');
    }
  });

  it('levels a 100,000-node chain without recursion', () => {
    const n = 100_000;
    const chain = wf(
      Array.from({ length: n }, (_, i) => `n${i}`),
      Array.from({ length: n - 1 }, (_, i) => `n${i}->n${i + 1}`),
    );
    const levels = topologicalLevels(chain);
    expect(levels.ok && levels.value.length).toBe(n);
  });
});

describe('upstreamOf / downstreamOf', () => {
  it('gives the node and its ancestors ("Run to here")', () => {
    expect(upstreamOf(diamond, 'plot')).toEqual(new Set(['load', 'clean', 'stats', 'plot']));
    expect(upstreamOf(diamond, 'clean')).toEqual(new Set(['load', 'clean']));
  });

  it('gives the nodes and their descendants ("re-run stale")', () => {
    expect(downstreamOf(diamond, ['stats', 'report'])).toEqual(new Set(['stats', 'plot', 'report']));
    expect(downstreamOf(diamond, 'ghost')).toEqual(new Set());
  });
});

describe('wouldCreateCycle', () => {
  it('is true for an edge back up the graph and for a self-loop, false otherwise', () => {
    expect(wouldCreateCycle(diamond, edge('plot->load'))).toBe(true);
    expect(wouldCreateCycle(diamond, edge('stats->stats'))).toBe(true);
    expect(wouldCreateCycle(diamond, edge('clean->stats'))).toBe(false);
    expect(wouldCreateCycle(diamond, edge('report->load'))).toBe(false);
  });
});

describe('deriveNodeSeed', () => {
  it('is a stable uint32 per (run seed, node id), different across nodes and seeds', () => {
    const seed = deriveNodeSeed(42, 'load');
    expect(seed).toBe(deriveNodeSeed(42, 'load'));
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveNodeSeed(42, `n${i}`)));
    expect(seeds.size).toBe(1000);
    expect(deriveNodeSeed(43, 'load')).not.toBe(seed);
    // Pinned (checked against a Python FNV-1a + fmix32), so every platform and refactor agrees.
    expect(deriveNodeSeed(0, 'a')).toBe(deriveNodeSeed(2 ** 32, 'a'));
    expect(deriveNodeSeed(42, 'load')).toBe(1086390912);
  });
});
