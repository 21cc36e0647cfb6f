/**
 * The executor's contract: what `runWorkflow` is given (deps: I/O; options: this run's
 * settings), the events it emits while running, and the result it ends with.
 */
import type { Clock, ContentHash, Pid, SpanId, TraceId, WeftErrorData } from '../core';
import type { RunDetails } from '../runtimes';
import type { ContextSkill, ExecutableSkill } from '../skills';
import type { Energy, Trace } from '../spans';
import type { MemoStore } from './memoStore';
import type { NodeStatus, WorkflowNode } from './types';

/** A skill as the run uses it, with the content hash that enters its nodes' cache keys. */
export interface ResolvedSkill {
  readonly skill: ExecutableSkill | ContextSkill;
  readonly hash: string;
  /** The volume it was read from (absent: a recorded version, replayed). */
  readonly volume?: string;
}

export type LogStreamName = 'stdout' | 'stderr' | 'system';

export interface RunNodeContext {
  /** The node's derived seed (`deriveNodeSeed(runSeed, node.id)`). */
  readonly seed: number;
  readonly timeoutMs: number;
  /** Aborted when the node or the run is cancelled, or the deadline passes. */
  readonly signal: AbortSignal;
  readonly onLog: (log: { readonly stream: 'stdout' | 'stderr'; readonly text: string }) => void;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  readonly skill: ExecutableSkill;
}

/** What one node run returns (the kernel's enzyme run, less its bookkeeping). */
export interface NodeRunOutput {
  readonly outputs: Record<string, unknown>;
  readonly energy: Energy;
  readonly details: RunDetails;
}

/** Runs one node; rejects with a (coded) error. The kernel passes one that runs the enzyme. */
export type RunNode = (node: WorkflowNode, inputs: Record<string, unknown>, context: RunNodeContext) => Promise<NodeRunOutput>;

export interface RunWorkflowDeps {
  readonly runNode: RunNode;
  /** The skills of the workflow by name (resolved user → team → system). */
  readonly skills: ReadonlyMap<string, ResolvedSkill>;
  /** Without one, nothing is cached (every node runs), and `only` cannot be used. */
  readonly memo?: MemoStore;
  readonly clock: Clock;
  readonly emit: (event: WorkflowEvent) => void;
}

export interface RunWorkflowOptions {
  readonly runId: string;
  readonly traceId: TraceId;
  /** The run's seed (uint32); each node gets `deriveNodeSeed(seed, node.id)`. */
  readonly seed: number;
  /** At most this many nodes run at once (default 4). */
  readonly concurrency?: number;
  /** Aborting it cancels the whole run (as `handle.cancel()`). */
  readonly signal?: AbortSignal;
  /**
   * Run just these nodes; their upstream nodes must come from the cache or they fail
   * (NODE_NOT_CACHED); other nodes are left out of the run. "Run this node" is
   * `{ only: {id}, force: {id} }`; "Run to here" is `{ only: upstreamOf(w, id) }`. ("Re-run
   * stale" needs no option: changed nodes and their descendants miss the cache by themselves.)
   */
  readonly only?: ReadonlySet<string>;
  /** Ignore the cache for these nodes (they run even when a result is cached). */
  readonly force?: ReadonlySet<string>;
  /** Enters every cache key: bump it when runtimes change how they compute (default '1'). */
  readonly runtimeVersion?: string;
  /** Deadline of nodes whose node and skill give none (default 30,000 ms). */
  readonly defaultTimeoutMs?: number;
  /** Permissions refused here (see `checkWorkflow`). */
  readonly denied?: readonly string[];
  /** The run's process, recorded on its spans. */
  readonly pid?: Pid | null;
}

/** A node's status in events and results (`idle` is the canvas's state before a run). */
export type NodeRunStatus = Exclude<NodeStatus, 'idle'>;
export type RunStatus = 'running' | 'suspended' | 'ok' | 'error' | 'cancelled';

export type WorkflowEvent =
  | {
      readonly type: 'node.status';
      readonly runId: string;
      readonly nodeId: string;
      readonly status: NodeRunStatus;
      readonly reason?: string;
      readonly durationMs?: number;
      readonly attempt?: number;
      readonly at: number;
    }
  | { readonly type: 'node.log'; readonly runId: string; readonly nodeId: string; readonly stream: LogStreamName; readonly text: string; readonly attempt: number; readonly at: number }
  /** `pid`: the run's process (from `options.pid`), so a UI can suspend or kill it while it runs. */
  | { readonly type: 'run.status'; readonly runId: string; readonly status: RunStatus; readonly reason?: string; readonly pid?: Pid; readonly at: number };

/** How one node of a run ended. Nodes outside the run (see `only`) are not listed. */
export interface NodeResult {
  readonly nodeId: string;
  readonly status: 'ok' | 'error' | 'cancelled' | 'cached' | 'skipped';
  readonly outputs: Readonly<Record<string, unknown>> | null;
  readonly outputsHash: ContentHash | null;
  readonly error: WeftErrorData | null;
  /** Why it did not run (skipped, cancelled before starting), or the error's message. */
  readonly reason: string | null;
  /** From its start (running or cache lookup) to its end; null when it never started. */
  readonly durationMs: number | null;
  readonly attempts: number;
  readonly energy: Energy;
  readonly cacheKey: ContentHash | null;
  /** Its `node` span, or null when it has none (it never started). */
  readonly spanId: SpanId | null;
}

export interface WorkflowRunResult {
  readonly runId: string;
  readonly status: 'ok' | 'error' | 'cancelled';
  /** Why the whole run failed before any node ran (a cycle…), or null. */
  readonly error: WeftErrorData | null;
  readonly trace: Trace;
  /** In workflow order. */
  readonly nodes: readonly NodeResult[];
  readonly energy: Energy;
  readonly durationMs: number;
}

/** A run in progress. */
export interface WorkflowRun {
  readonly runId: string;
  /** Settles when every node has ended; never rejects for a failure of the workflow. */
  readonly done: Promise<WorkflowRunResult>;
  /** Cancels the whole run: running nodes are aborted, waiting ones never start. */
  cancel(reason?: string): void;
  /** Cancels one node (running or waiting); its descendants are skipped. False when it already ended. */
  cancelNode(nodeId: string): boolean;
  /** Starts no new node until `resume()`; running nodes finish. */
  suspend(): void;
  resume(): void;
  readonly suspended: boolean;
}
