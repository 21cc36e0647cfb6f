import type { ContentHash } from '../core';
import { addEnergy, type Energy, ZERO_ENERGY } from '../spans';
import { checkNodes } from './checkNodes';
import { structureProblems } from './checkWorkflow';
import { criticalPath, type CriticalPath } from './criticalPath';
import { median, medianEnergy, type SkillHistory } from './history';
import type { MemoStore } from './memoStore';
import { nodeCacheKey } from './nodeCacheKey';
import { deriveNodeSeed } from './nodeSeed';
import type { ResolvedSkill } from './runTypes';
import { levelOf } from './topologicalLevels';
import type { Workflow } from './types';
import { buildGraph } from './workflowGraph';
import type { WorkflowProblem } from './workflowProblem';

export interface SimulateOptions {
  readonly skills: ReadonlyMap<string, ResolvedSkill>;
  readonly history: SkillHistory;
  /** With `seed`, cache hits are predicted by looking up each node's cache key. */
  readonly memo?: MemoStore;
  readonly seed?: number;
  readonly runtimeVersion?: string;
  readonly force?: ReadonlySet<string>;
  readonly denied?: readonly string[];
}

/** What a node is expected to do: run, come from the cache, fail for certain, or be skipped. */
export type PredictedOutcome = 'run' | 'cached' | 'fail' | 'blocked';

export interface NodePrediction {
  readonly nodeId: string;
  readonly skill: string;
  readonly outcome: PredictedOutcome;
  /** Median of past runs; 0 for a cache hit, a certain failure or a blocked node; null when unknown. */
  readonly durationMs: number | null;
  readonly energy: Energy | null;
  /** How many past runs the prediction rests on. */
  readonly samples: number;
  readonly cacheKey: ContentHash | null;
  /** This node's problems (errors make `outcome` 'fail'). */
  readonly problems: readonly WorkflowProblem[];
  /** For 'blocked': the upstream node that will certainly fail. */
  readonly blockedBy: string | null;
}

export interface WorkflowSimulation {
  readonly nodes: readonly NodePrediction[];
  readonly problems: readonly WorkflowProblem[];
  /** Empty when the graph cannot be scheduled (a cycle…). */
  readonly criticalPath: CriticalPath;
  /** Predicted energy of the nodes that will run (known predictions only). */
  readonly energy: Energy;
  /** Nodes that will run but have no history. */
  readonly unknown: readonly string[];
  readonly cacheHits: number;
}

/**
 * Predicts a run before it starts (DESIGN "simulation engine"): per node its duration and energy
 * (the median of the skill's past runs, or unknown), whether it will be a cache hit (a node can
 * be predicted a hit only when every upstream node is one, since only then are its input hashes
 * known), the failures that are already certain (`checkWorkflow` errors: unresolved skill,
 * unbound input, type mismatch, denied permission) and the nodes they will skip, and the
 * critical path (unknown durations count 0 and are listed). O(V + E) plus one cache lookup per node.
 */
export async function simulateWorkflow(workflow: Workflow, options: SimulateOptions): Promise<WorkflowSimulation> {
  const graph = buildGraph(workflow);
  const problems = [...structureProblems(workflow, graph), ...checkNodes(graph, (name) => options.skills.get(name)?.skill ?? null, { denied: options.denied ?? [] })];
  const perNode = graph.nodes.map((): WorkflowProblem[] => []);
  for (const p of problems) if (p.nodeId !== null && graph.index.has(p.nodeId)) perNode[graph.index.get(p.nodeId)!]!.push(p);
  const levels = problems.some((p) => p.code === 'WORKFLOW_CYCLE' || p.code === 'NODE_DUPLICATE' || p.code === 'EDGE_NODE_MISSING') ? null : levelOf(graph);

  const predictions: NodePrediction[] = new Array(graph.nodes.length);
  const hitHash: (string | null)[] = graph.nodes.map(() => null);
  const failedRoot: (string | null)[] = graph.nodes.map(() => null);
  const predict = async (i: number): Promise<void> => {
    const node = graph.nodes[i]!;
    const base = { nodeId: node.id, skill: node.skill, problems: perNode[i]!, cacheKey: null as ContentHash | null };
    for (const e of graph.inEdges[i]!) failedRoot[i] ??= failedRoot[graph.from[e]!]!;
    if (failedRoot[i]) return void (predictions[i] = { ...base, outcome: 'blocked', durationMs: 0, energy: ZERO_ENERGY, samples: 0, blockedBy: failedRoot[i] });
    if (perNode[i]!.some((p) => p.severity === 'error')) {
      failedRoot[i] = node.id;
      return void (predictions[i] = { ...base, outcome: 'fail', durationMs: 0, energy: ZERO_ENERGY, samples: 0, blockedBy: null });
    }
    const cacheKey = await predictKey(i);
    const entry = cacheKey && options.memo && !options.force?.has(node.id) ? await options.memo.get(cacheKey).catch(() => null) : null;
    if (entry) {
      hitHash[i] = entry.outputsHash;
      return void (predictions[i] = { ...base, cacheKey, outcome: 'cached', durationMs: 0, energy: ZERO_ENERGY, samples: 0, blockedBy: null });
    }
    const samples = options.history(node.skill);
    predictions[i] = { ...base, cacheKey, outcome: 'run', durationMs: median(samples.map((s) => s.durationMs)), energy: medianEnergy(samples), samples: samples.length, blockedBy: null };
  };
  const predictKey = async (i: number): Promise<ContentHash | null> => {
    const resolved = options.skills.get(graph.nodes[i]!.skill);
    if (options.seed === undefined || !resolved) return null;
    const inputs: Record<string, { outputsHash: string; output: string }> = {};
    for (const e of graph.inEdges[i]!) {
      const upstream = hitHash[graph.from[e]!];
      if (!upstream) return null;
      inputs[graph.edges[e]!.to.input] = { outputsHash: upstream, output: graph.edges[e]!.from.output };
    }
    const node = graph.nodes[i]!;
    return nodeCacheKey({ skillHash: resolved.hash, params: node.params, inputs, runtimeVersion: options.runtimeVersion ?? '1', seed: deriveNodeSeed(options.seed, node.id) });
  };

  if (levels) {
    const byLevel: number[][] = [];
    levels.forEach((level, i) => (byLevel[level] ??= []).push(i));
    for (const level of byLevel) if (level) await Promise.all(level.map(predict));
  } else {
    graph.nodes.forEach((node, i) => {
      predictions[i] = { nodeId: node.id, skill: node.skill, outcome: 'fail', durationMs: 0, energy: ZERO_ENERGY, samples: 0, cacheKey: null, problems: perNode[i]!, blockedBy: null };
    });
  }
  const willRun = predictions.filter((p) => p.outcome === 'run');
  return {
    nodes: predictions,
    problems,
    criticalPath: levels ? criticalPath(graph, predictions.map((p) => p.durationMs)) : { nodeIds: [], durationMs: 0, unknown: [] },
    energy: willRun.reduce((sum, p) => (p.energy ? addEnergy(sum, p.energy) : sum), ZERO_ENERGY),
    unknown: willRun.filter((p) => p.durationMs === null).map((p) => p.nodeId),
    cacheHits: predictions.filter((p) => p.outcome === 'cached').length,
  };
}
