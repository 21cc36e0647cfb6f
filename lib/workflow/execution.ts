/**
 * The scheduler of one workflow run. A node is queued for a slot the moment its last parent
 * ends (not by levels: a ready node never waits for an unrelated slow node), and up to
 * `concurrency` nodes are active at once, in the order they became ready. Bookkeeping is
 * O(V + E) for the whole run: per-node counters of unfinished parents, a FIFO of ready nodes,
 * and one walk over the descendants of a node that fails.
 */
import { WeftError } from '../core';
import { WorkflowErrorCode } from './errorCodes';
import { executeNode, type NodeContext } from './executeNode';
import { applyEnding, type NodeEnding, newRecord, type NodeRecord } from './nodeRecord';
import { deriveNodeSeed } from './nodeSeed';
import { closure } from './reachable';
import type { RunWorkflowDeps, RunWorkflowOptions, WorkflowEvent } from './runTypes';
import type { WorkflowGraph } from './workflowGraph';
import type { WorkflowProblem } from './workflowProblem';

export class Execution {
  readonly records: NodeRecord[];
  private readonly unfinishedParents: Int32Array;
  private readonly ready: number[] = [];
  private head = 0;
  private active = 0;
  private remaining = 0;
  private readonly writes: Promise<void>[] = [];
  private readonly context: NodeContext;
  private readonly concurrency: number;
  suspended = false;
  cancelled = false;
  private ended = false;

  constructor(
    private readonly graph: WorkflowGraph,
    private readonly deps: RunWorkflowDeps,
    private readonly options: RunWorkflowOptions,
    private readonly onEnd: () => void,
  ) {
    this.records = graph.nodes.map(newRecord);
    this.unfinishedParents = new Int32Array(graph.nodes.length);
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
    this.context = {
      graph,
      records: this.records,
      deps,
      runtimeVersion: options.runtimeVersion ?? '1',
      defaultTimeoutMs: options.defaultTimeoutMs ?? 30_000,
      force: options.force ?? new Set(),
      running: (i, attempt) => this.status(i, 'running', { attempt }),
      log: (i, stream, text, attempt) => this.emit({ type: 'node.log', runId: options.runId, nodeId: graph.nodes[i]!.id, stream, text, attempt, at: deps.clock.now() }),
      track: (write) => void this.writes.push(write),
    };
  }

  /** Queues the nodes of the run (all, or `only` and their ancestors) and starts the ready ones. */
  start(warnings: ReadonlyMap<number, readonly WorkflowProblem[]>): void {
    const { graph, options } = this;
    const only = options.only;
    const scope = only ? closure(graph, [...only].flatMap((id) => graph.index.get(id) ?? []), 'up') : null;
    graph.nodes.forEach((node, i) => {
      if (scope && !scope[i]) return;
      const record = this.records[i]!;
      record.cacheOnly = only !== undefined && !only.has(node.id);
      record.seed = deriveNodeSeed(options.seed, node.id);
      this.unfinishedParents[i] = graph.inEdges[i]!.length;
      this.remaining++;
      this.status(i, 'queued');
      for (const w of warnings.get(i) ?? []) this.context.log(i, 'system', `Warning: ${w.message}`, 0);
      if (this.unfinishedParents[i] === 0) this.ready.push(i);
    });
    this.pump();
    this.endIfDone();
  }

  /** Ends a run that is refused as a whole (see `runRefusal`): no node is queued. */
  endWithoutRunning(): void {
    this.endIfDone();
  }

  cancel(reason: string): void {
    if (this.ended || this.cancelled) return;
    this.cancelled = true;
    const error = new WeftError(WorkflowErrorCode.cancelled, reason, { runId: this.options.runId });
    this.records.forEach((record, i) => {
      if (record.active) record.controller!.abort(error);
      // Every waiting node is cancelled itself (not skipped because an earlier one was).
      else if (record.status === 'queued') this.complete(i, { status: 'cancelled', error, reason: 'The run was cancelled before this node started.' }, false);
    });
    this.endIfDone();
  }

  cancelNode(nodeId: string): boolean {
    const i = this.graph.index.get(nodeId);
    const record = i === undefined ? undefined : this.records[i];
    if (i === undefined || !record || this.ended) return false;
    const error = new WeftError(WorkflowErrorCode.cancelled, `Node "${nodeId}" was cancelled.`, { nodeId });
    if (record.active) {
      if (record.controller!.signal.aborted) return false;
      record.controller!.abort(error);
    } else if (record.status === 'queued') this.complete(i, { status: 'cancelled', error, reason: 'Cancelled before it started.' });
    else return false;
    this.endIfDone();
    return true;
  }

  suspend(): void {
    if (this.ended || this.suspended) return;
    this.suspended = true;
    this.emit({ type: 'run.status', runId: this.options.runId, status: 'suspended', at: this.deps.clock.now() });
  }

  resume(): void {
    if (this.ended || !this.suspended) return;
    this.suspended = false;
    this.emit({ type: 'run.status', runId: this.options.runId, status: 'running', at: this.deps.clock.now() });
    this.pump();
  }

  /** Memo writes still in flight. */
  flushWrites(): Promise<unknown> {
    return Promise.all(this.writes);
  }

  private pump(): void {
    while (!this.suspended && !this.cancelled && this.active < this.concurrency && this.head < this.ready.length) {
      const i = this.ready[this.head++]!;
      if (this.records[i]!.status !== 'queued') continue;
      this.active++;
      void this.process(i);
    }
  }

  private async process(i: number): Promise<void> {
    const record = this.records[i]!;
    record.active = true;
    record.controller = new AbortController();
    record.start = this.deps.clock.now();
    let ending: NodeEnding;
    try {
      ending = await executeNode(this.context, i);
    } catch (bug) {
      ending = { status: 'error', error: WeftError.from(bug) };
    }
    this.complete(i, ending);
    this.active--;
    this.pump();
    this.endIfDone();
  }

  private complete(i: number, ending: NodeEnding, propagate = true): void {
    const record = this.records[i]!;
    applyEnding(record, ending, this.deps.clock.now());
    this.remaining--;
    const durationMs = record.start !== null && record.end !== null ? record.end - record.start : undefined;
    this.status(i, ending.status, { reason: record.reason ?? undefined, durationMs, attempt: record.attempts || undefined });
    if (ending.status === 'ok' || ending.status === 'cached') {
      for (const e of this.graph.outEdges[i]!) {
        const child = this.graph.to[e]!;
        if (--this.unfinishedParents[child]! === 0 && this.records[child]!.status === 'queued') this.ready.push(child);
      }
    } else if (ending.status !== 'skipped' && propagate) this.skipDescendants(i, ending.status === 'cancelled' ? 'was cancelled' : 'failed');
  }

  // Each descendant is skipped once and its edges walked once: O(V + E) over the whole run.
  private skipDescendants(from: number, what: string): void {
    const ancestor = this.graph.nodes[from]!.id;
    const reason = `Skipped: upstream node "${ancestor}" ${what}.`;
    const stack = [from];
    while (stack.length > 0) {
      for (const e of this.graph.outEdges[stack.pop()!]!) {
        const child = this.graph.to[e]!;
        if (this.records[child]!.status !== 'queued' || this.records[child]!.active) continue;
        const error = new WeftError(WorkflowErrorCode.skipped, reason, { nodeId: this.graph.nodes[child]!.id, ancestor });
        this.complete(child, { status: 'skipped', error, reason });
        stack.push(child);
      }
    }
  }

  private endIfDone(): void {
    if (this.ended || this.remaining > 0 || this.active > 0) return;
    this.ended = true;
    this.onEnd();
  }

  private status(i: number, status: NonNullable<NodeRecord['status']>, extra: { reason?: string; durationMs?: number; attempt?: number } = {}): void {
    if (status === 'queued' || status === 'running') this.records[i]!.status = status;
    const event: WorkflowEvent = { type: 'node.status', runId: this.options.runId, nodeId: this.graph.nodes[i]!.id, status, at: this.deps.clock.now() };
    this.emit({ ...event, ...defined(extra) });
  }

  private emit(event: WorkflowEvent): void {
    this.deps.emit(event);
  }
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
