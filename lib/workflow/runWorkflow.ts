import type { WeftError } from '../core';
import { ZERO_ENERGY } from '../spans';
import { checkNodes } from './checkNodes';
import { structureProblems } from './checkWorkflow';
import { Execution } from './execution';
import type { NodeRecord } from './nodeRecord';
import { buildRunTrace } from './runSpans';
import { refusalOf } from './runRefusal';
import type { NodeResult, RunWorkflowDeps, RunWorkflowOptions, WorkflowRun, WorkflowRunResult } from './runTypes';
import type { Workflow } from './types';
import { buildGraph, type WorkflowGraph } from './workflowGraph';
import type { WorkflowProblem } from './workflowProblem';

/**
 * Runs a workflow: every node once, as soon as its parents are done, up to `concurrency` at a
 * time; inputs are skill defaults < node params < edge values; results come from the memo store
 * when their cache key matches; failures skip their descendants while independent branches go
 * on. Any error `checkWorkflow` finds in the nodes the run touches (see `runRefusal`) refuses
 * the whole run before a node starts; warnings are logged on their nodes. Everything is
 * injected (`deps`), so it runs the same in the kernel worker and in tests. Ends with a verified-shape trace (`verifyTrace(result.trace)` passes).
 * @example const run = runWorkflow(w, deps, { runId, traceId, seed: 42 }); const { status, trace } = await run.done
 */
export function runWorkflow(workflow: Workflow, deps: RunWorkflowDeps, options: RunWorkflowOptions): WorkflowRun {
  const graph = buildGraph(workflow);
  const start = deps.clock.now();
  deps.emit({ type: 'run.status', runId: options.runId, status: 'running', ...(options.pid == null ? {} : { pid: options.pid }), at: start });
  const problems = [...structureProblems(workflow, graph), ...checkNodes(graph, (name) => deps.skills.get(name)?.skill ?? null, { denied: options.denied ?? [] })];
  const refusal = refusalOf(graph, problems, options.only);

  let settle!: (result: WorkflowRunResult) => void;
  let fail!: (bug: unknown) => void;
  const done = new Promise<WorkflowRunResult>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const finish = (execution: Execution, error: WeftError | null) => {
    options.signal?.removeEventListener('abort', onAbort);
    void execution
      .flushWrites()
      .then(() => result(workflow, graph, deps, options, execution, start, error))
      .then((value) => {
        deps.emit({ type: 'run.status', runId: options.runId, status: value.status, ...(error ? { reason: error.message } : {}), at: deps.clock.now() });
        settle(value);
      }, fail);
  };
  const execution: Execution = new Execution(graph, deps, options, () => finish(execution, refusal));
  const onAbort = () => execution.cancel('The run was cancelled.');
  if (refusal) {
    execution.endWithoutRunning();
  } else {
    options.signal?.addEventListener('abort', onAbort, { once: true });
    execution.start(warningsByNode(graph, problems));
    if (options.signal?.aborted) onAbort();
  }
  return {
    runId: options.runId,
    done,
    cancel: (reason = 'The run was cancelled.') => execution.cancel(reason),
    cancelNode: (nodeId) => execution.cancelNode(nodeId),
    suspend: () => execution.suspend(),
    resume: () => execution.resume(),
    get suspended() {
      return execution.suspended;
    },
  };
}

function warningsByNode(graph: WorkflowGraph, problems: readonly WorkflowProblem[]): Map<number, WorkflowProblem[]> {
  const warnings = new Map<number, WorkflowProblem[]>();
  for (const p of problems) {
    const i = p.nodeId === null || p.severity !== 'warning' ? undefined : graph.index.get(p.nodeId);
    if (i === undefined) continue;
    const list = warnings.get(i);
    if (list) list.push(p);
    else warnings.set(i, [p]);
  }
  return warnings;
}

async function result(workflow: Workflow, graph: WorkflowGraph, deps: RunWorkflowDeps, options: RunWorkflowOptions, execution: Execution, start: number, error: WeftError | null): Promise<WorkflowRunResult> {
  const end = deps.clock.now();
  const records = execution.records;
  const statuses = new Set(records.map((r) => r.status));
  const status = error || statuses.has('error') ? 'error' : execution.cancelled || statuses.has('cancelled') ? 'cancelled' : 'ok';
  const { trace, spanIds } = await buildRunTrace({
    traceId: options.traceId,
    runId: options.runId,
    workflow,
    graph,
    records,
    skills: deps.skills,
    status,
    start,
    end,
    seed: options.seed,
    runtimeVersion: options.runtimeVersion ?? '1',
    pid: options.pid ?? null,
    ...(error ? { error } : {}),
  });
  const nodes: NodeResult[] = [];
  records.forEach((record, i) => {
    if (record.status !== null) nodes.push(nodeResult(graph.nodes[i]!.id, record, spanIds[i] ?? null));
  });
  return { runId: options.runId, status, error: error?.toJSON() ?? null, trace, nodes, energy: trace.spans[0]?.energy ?? ZERO_ENERGY, durationMs: end - start };
}

function nodeResult(nodeId: string, record: NodeRecord, spanId: NodeResult['spanId']): NodeResult {
  const status = record.status === 'queued' || record.status === 'running' ? 'cancelled' : record.status!;
  return {
    nodeId,
    status,
    outputs: record.outputs,
    outputsHash: record.outputsHash,
    error: record.error?.toJSON() ?? null,
    reason: record.reason,
    durationMs: record.start !== null && record.end !== null ? record.end - record.start : null,
    attempts: record.attempts,
    energy: record.energy,
    cacheKey: record.cacheKey,
    spanId,
  };
}
