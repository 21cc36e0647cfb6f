import type { Trace } from '../spans';
import type { WorkflowEdge } from '../workflow';
import { readTrace } from './readTrace';
import { runningOrder } from './runningOrder';
import { type Signature, signatureOf } from './signatureOf';
import { stringHash } from './stringHash';
import { DEFAULT_MIN_COUNT, DEFAULT_MIN_SUCCESS, type MinedNode, type MinedPattern, type MinedPatterns, type MinedRun, type MineOptions } from './types';

interface Group {
  readonly id: string;
  readonly kind: 'workflow' | 'tools';
  readonly signature: string;
  readonly runs: { run: MinedRun; index: number }[];
}

/**
 * Groups traces into patterns in one pass: workflow runs by structure signature (params, node
 * ids and positions ignored), chat turns and agent steps with two or more tool calls by their
 * sequence of tool names. Traces that cannot be read are counted in `skipped`, never thrown.
 * Every pattern is returned; `qualifies` says whether it meets the thresholds.
 * @example minePatterns(traces, { minCount: 3, minSuccess: 0.7 }).patterns.filter((p) => p.qualifies)
 */
export function minePatterns(traces: readonly Trace[], options: MineOptions = {}): MinedPatterns {
  const minCount = options.minCount ?? DEFAULT_MIN_COUNT;
  const minSuccess = options.minSuccess ?? DEFAULT_MIN_SUCCESS;
  const groups = new Map<string, Group>();
  // Runs of one workflow share its structure whatever their params: sign each structure once.
  const signatures = new Map<string, Signature>();
  const toolSignatures = new Map<string, { signature: string; id: string; nodes: MinedNode[] }>();
  let skipped = 0;
  const add = (id: string, kind: Group['kind'], signature: string, run: MinedRun, index: number) => {
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, kind, signature, runs: [] }));
    group.runs.push({ run, index });
  };

  traces.forEach((trace, index) => {
    const reading = readTrace(trace);
    if (reading.kind === 'skip') {
      skipped++;
      return;
    }
    if (reading.kind === 'none') return;
    const path = options.pathOf ? options.pathOf(trace) : String(trace.traceId);
    if (reading.kind === 'workflow') {
      const key = structureKey(reading.nodes, reading.edges);
      let sig = signatures.get(key);
      if (!sig) signatures.set(key, (sig = signatureOf(reading)));
      const nodes = sig.order.map((i) => reading.nodes[i]!);
      add(sig.id, 'workflow', sig.signature, { trace: path, at: reading.at, ok: reading.ok, name: reading.name, nodes, edges: reading.edges }, index);
    } else {
      const key = reading.tools.join('\n');
      let sig = toolSignatures.get(key);
      if (!sig) {
        const signature = `tools=${reading.tools.join(',')}`;
        toolSignatures.set(key, (sig = { signature, id: `tools-${stringHash(signature)}`, nodes: toolNodes(reading.tools) }));
      }
      add(sig.id, 'tools', sig.signature, { trace: path, at: reading.at, ok: reading.ok, name: reading.name, nodes: sig.nodes, edges: [] }, index);
    }
  });

  const patterns = [...groups.values()].map((g) => toPattern(g, minCount, minSuccess));
  patterns.sort((a, b) => b.count - a.count || b.successRate - a.successRate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { patterns, skipped };
}

function toPattern(group: Group, minCount: number, minSuccess: number): MinedPattern {
  // Newest first; of two that started together, the one listed later is taken as newer.
  const runs = group.runs.sort((a, b) => b.run.at - a.run.at || b.index - a.index).map((r) => r.run);
  const example = runs[0]!;
  const successes = runs.filter((r) => r.ok).length;
  const successRate = successes / runs.length;
  const chain = chainOf(example);
  const label = group.kind === 'workflow' && example.name.trim() !== '' ? example.name.trim() : chain.join(' → ');
  return {
    id: group.id,
    kind: group.kind,
    signature: group.signature,
    label,
    count: runs.length,
    successes,
    successRate,
    traces: runs.map((r) => r.trace),
    runs,
    example,
    chain,
    qualifies: runs.length >= minCount && successRate >= minSuccess && successes > 0,
  };
}

/** The run's skills in running order. */
function chainOf(run: MinedRun): string[] {
  const index = new Map(run.nodes.map((n, i) => [n.id, i]));
  const edges = run.edges.map((e) => ({ from: index.get(e.from.node)!, to: index.get(e.to.node)! }));
  return runningOrder(run.nodes.length, edges).order.map((i) => run.nodes[i]!.skill);
}

/** Node ids, skills and wiring as one string (ids kept: the key only spares re-signing). */
function structureKey(nodes: readonly MinedNode[], edges: readonly WorkflowEdge[]): string {
  // Ids, skills and ports cannot hold ':', ',', '.', '>' or ';', so the key is unambiguous.
  return `${nodes.map((n) => `${n.id}:${n.skill}`).join(',')};${edges.map((e) => `${e.from.node}.${e.from.output}>${e.to.node}.${e.to.input}`).join(',')}`;
}

/** One node per tool call, with an id made from the tool's name (unique within the turn). */
function toolNodes(tools: readonly string[]): MinedNode[] {
  const used = new Set<string>();
  return tools.map((tool) => {
    const base = tool.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'tool';
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return { id, skill: tool, params: {} };
  });
}
