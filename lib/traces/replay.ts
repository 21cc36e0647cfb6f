/**
 * Replay (the deterministic VM idea): a run trace records its workflow, its seed and every
 * node's output hash. `replayPlan` reads them back; `compareReplay` puts the recorded hashes
 * beside a replay's. Nodes that cannot be deterministic (an agent's model call, a skill with the
 * network permission) are marked as such, not counted as failures.
 */
import { WeftError } from '../core';
import type { Skill } from '../skills';
import type { Trace } from '../spans';
import type { NodeResult, Workflow } from '../workflow';
import { rootOf } from './summarize';

export type ReplayNodeStatus = 'identical' | 'different' | 'nondeterministic' | 'error' | 'missing';

export interface ReplayNode {
  readonly nodeId: string;
  readonly skill: string;
  readonly status: ReplayNodeStatus;
  readonly recordedHash: string | null;
  readonly replayHash: string | null;
  readonly reason: string | null;
}

export interface ReplayPlan {
  readonly workflow: Workflow;
  readonly seed: number;
  /** Per node id: the recorded output hash and the skill's recorded hash (SKILL.md content). */
  readonly recorded: ReadonlyMap<string, { readonly outputsHash: string | null; readonly skill: string; readonly skillHash: string | null; readonly status: string }>;
}

/** What a run trace says about how to run it again; TRACE_INVALID when it is not a workflow run's trace. */
export function replayPlan(trace: Trace): ReplayPlan {
  const root = rootOf(trace);
  const raw = root?.attributes['weft.workflow'];
  if (!root || typeof raw !== 'string') {
    throw new WeftError('TRACE_INVALID', 'This trace does not record a workflow (only workflow runs can be replayed; a chat turn or an agent step depends on a model).', { traceId: trace.traceId });
  }
  let recordedWorkflow: { nodes?: unknown; edges?: unknown };
  try {
    recordedWorkflow = JSON.parse(raw) as typeof recordedWorkflow;
  } catch {
    throw new WeftError('TRACE_INVALID', 'The workflow recorded in this trace is not valid JSON, so it cannot be replayed.', { traceId: trace.traceId });
  }
  const nodes = (Array.isArray(recordedWorkflow.nodes) ? recordedWorkflow.nodes : []).map((n: Record<string, unknown>, i: number) => ({ ...n, position: { x: i * 300, y: 0 } })) as unknown as Workflow['nodes'];
  const workflow: Workflow = {
    version: 1,
    id: String(root.attributes['weft.workflow.id'] ?? 'replay'),
    name: String(root.attributes['weft.workflow.name'] ?? root.name),
    nodes,
    edges: (Array.isArray(recordedWorkflow.edges) ? recordedWorkflow.edges : []) as Workflow['edges'],
  };
  const recorded = new Map<string, { outputsHash: string | null; skill: string; skillHash: string | null; status: string }>();
  for (const s of trace.spans) {
    if (s.kind !== 'node') continue;
    const id = s.attributes['weft.node.id'];
    if (typeof id !== 'string') continue;
    recorded.set(id, {
      outputsHash: s.outputsHash,
      skill: String(s.attributes['weft.skill'] ?? ''),
      skillHash: typeof s.attributes['weft.skill.hash'] === 'string' ? s.attributes['weft.skill.hash'] : null,
      status: s.status,
    });
  }
  const seed = Number(root.attributes['weft.seed'] ?? 0);
  return { workflow, seed: Number.isFinite(seed) ? seed : 0, recorded };
}

/** Why a node cannot be expected to give the same output twice, or null. */
export function nondeterminism(skill: Skill | undefined): string | null {
  if (!skill || skill.kind !== 'executable') return null;
  if (skill.runtime === 'agent') return 'an agent: its answer comes from a language model';
  if (skill.permissions.includes('network')) return 'it uses the network';
  return null;
}

export function compareReplay(plan: ReplayPlan, replayed: readonly NodeResult[], skillOf: (name: string) => Skill | undefined): { nodes: ReplayNode[]; identical: number; compared: number; summary: string } {
  const nodes: ReplayNode[] = [];
  for (const node of plan.workflow.nodes) {
    const was = plan.recorded.get(node.id);
    const now = replayed.find((r) => r.nodeId === node.id);
    const recordedHash = was?.outputsHash ?? null;
    const replayHash = now?.outputsHash ?? null;
    const random = nondeterminism(skillOf(node.skill));
    const base = { nodeId: node.id, skill: node.skill, recordedHash, replayHash };
    if (random) nodes.push({ ...base, status: 'nondeterministic', reason: `Not compared: ${random}.` });
    else if (!was || recordedHash === null) nodes.push({ ...base, status: 'missing', reason: 'The original run recorded no output for it (it did not run, or failed).' });
    else if (!now || (now.status !== 'ok' && now.status !== 'cached')) nodes.push({ ...base, status: 'error', reason: now?.error?.message ?? now?.reason ?? 'It did not run in the replay.' });
    else if (replayHash === recordedHash) nodes.push({ ...base, status: 'identical', reason: null });
    else nodes.push({ ...base, status: 'different', reason: `Its outputs differ: recorded ${recordedHash.slice(0, 12)}…, replayed ${String(replayHash).slice(0, 12)}…` });
  }
  const compared = nodes.filter((n) => n.status !== 'nondeterministic' && n.status !== 'missing').length;
  const identical = nodes.filter((n) => n.status === 'identical').length;
  const random = nodes.filter((n) => n.status === 'nondeterministic').length;
  const bad = nodes.filter((n) => n.status === 'different' || n.status === 'error');
  const extra = random > 0 ? `; ${random} nondeterministic, not compared` : '';
  const summary = bad.length === 0 ? `verified replay: ${identical}/${compared} identical${extra}` : `replay differs: ${bad.length} of ${compared} nodes (${bad.map((n) => n.nodeId).join(', ')})${extra}`;
  return { nodes, identical, compared, summary };
}
