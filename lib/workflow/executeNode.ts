/**
 * One node's way through a run, from the moment its parents are done: refuse it if the check
 * found errors, bind its inputs, compute its cache key, take its result from the memo store (or
 * fail when it must come from there), else run it with deadline and retries, and memoise the
 * outputs. Returns how it ended; the execution applies that and schedules what follows.
 */
import { type ContentHash, hashJson, WeftError } from '../core';
// The leaf module, not '../runtimes': this file must not pull the runtime host into the canvas bundle.
import { toHashable } from '../runtimes/outputs';
import type { ExecutableSkill } from '../skills';
import { ZERO_ENERGY } from '../spans';
import { bindNodeInputs, type IncomingValue } from './bindNodeInputs';
import { WorkflowErrorCode } from './errorCodes';
import type { MemoEntry } from './memoStore';
import { nodeCacheKey } from './nodeCacheKey';
import type { NodeEnding, NodeRecord } from './nodeRecord';
import { cancelError, runAttempts } from './runAttempts';
import type { LogStreamName, RunWorkflowDeps } from './runTypes';
import type { WorkflowGraph } from './workflowGraph';

export interface NodeContext {
  readonly graph: WorkflowGraph;
  readonly records: readonly NodeRecord[];
  readonly deps: RunWorkflowDeps;
  readonly runtimeVersion: string;
  readonly defaultTimeoutMs: number;
  readonly force: ReadonlySet<string>;
  readonly running: (i: number, attempt: number) => void;
  readonly log: (i: number, stream: LogStreamName, text: string, attempt: number) => void;
  /** Memo writes in flight; the run waits for them before it ends. */
  readonly track: (write: Promise<void>) => void;
}

export async function executeNode(ctx: NodeContext, i: number): Promise<NodeEnding> {
  const { graph, records, deps } = ctx;
  const node = graph.nodes[i]!;
  const record = records[i]!;
  const signal = record.controller!.signal;
  const resolved = deps.skills.get(node.skill)!;
  const skill = resolved.skill as ExecutableSkill;
  const incoming: IncomingValue[] = [];
  const inputHashes: Record<string, { outputsHash: string; output: string }> = {};
  let hashable = true;
  for (const e of graph.inEdges[i]!) {
    const edge = graph.edges[e]!;
    const parent = records[graph.from[e]!]!;
    incoming.push({ edge, outputs: parent.outputs ?? {} });
    if (parent.outputsHash === null) hashable = false;
    else inputHashes[edge.to.input] = { outputsHash: parent.outputsHash, output: edge.from.output };
  }
  const bound = bindNodeInputs(skill, node, incoming);
  if (!bound.ok) return { status: 'error', error: bound.error };

  // A model's answer is not a function of its inputs: agent nodes always run, and are never cached.
  const cacheable = skill.runtime !== 'agent';
  const key = hashable && cacheable ? await safe(() => nodeCacheKey({ skillHash: resolved.hash, params: node.params, inputs: inputHashes, runtimeVersion: ctx.runtimeVersion, seed: record.seed })) : null;
  record.cacheKey = key;
  if (signal.aborted) return cancelled(signal);
  if (deps.memo && key !== null && (record.cacheOnly || !ctx.force.has(node.id))) {
    let entry: MemoEntry | null = null;
    try {
      entry = await deps.memo.get(key);
    } catch (error) {
      ctx.log(i, 'system', `The cache could not be read (${WeftError.from(error).message}); running the node instead.`, 0);
    }
    if (signal.aborted) return cancelled(signal);
    if (entry) return { status: 'cached', outputs: entry.outputs, outputsHash: entry.outputsHash, details: entry.details, savedEnergy: entry.energy, energy: ZERO_ENERGY };
  }
  if (record.cacheOnly) {
    const why = !deps.memo ? 'there is no cache in this run' : !cacheable ? 'an agent’s answer is never cached' : key === null ? 'its inputs cannot be hashed' : 'it has no cached result for its current inputs';
    return {
      status: 'error',
      error: new WeftError(WorkflowErrorCode.notCached, `Node "${node.id}" must come from the cache for this run, but ${why}. Run it first (or use "Run to here" to include it).`, { nodeId: node.id, cacheKey: key }),
    };
  }

  const outcome = await runAttempts({
    node,
    skill,
    inputs: bound.value,
    seed: record.seed,
    timeoutMs: node.timeoutMs ?? skill.timeoutMs ?? ctx.defaultTimeoutMs,
    runNode: deps.runNode,
    clock: deps.clock,
    signal,
    log: (stream, text, attempt) => ctx.log(i, stream, text, attempt),
    onAttempt: (attempt) => ctx.running(i, attempt),
  });
  if (outcome.kind !== 'ok') return { status: outcome.kind, error: outcome.error, attempts: outcome.attempts, energy: outcome.energy };
  const { outputs, details } = outcome.output;
  const outputsHash = await safe(() => hashJson(toHashable(outputs)));
  if (deps.memo && key !== null && outputsHash !== null) {
    const entry: MemoEntry = { outputs, outputsHash, energy: outcome.energy, details };
    ctx.track(deps.memo.put(key, entry).catch((error: unknown) => ctx.log(i, 'system', `The result could not be cached: ${WeftError.from(error).message}`, outcome.attempts)));
  }
  return { status: 'ok', outputs, outputsHash, details, attempts: outcome.attempts, energy: outcome.energy };
}

function cancelled(signal: AbortSignal): NodeEnding {
  return { status: 'cancelled', error: cancelError(signal.reason) };
}

/** Values a skill returned may not be hashable (NaN…): the node then has no hash and is not cached. */
async function safe(hash: () => Promise<ContentHash>): Promise<ContentHash | null> {
  try {
    return await hash();
  } catch {
    return null;
  }
}
