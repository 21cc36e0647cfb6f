/**
 * The workflow model (DESIGN.md section 3): a DAG of skill nodes whose outputs feed other nodes'
 * inputs along edges. Saved as `workflows/<name>.workflow.json` in a volume. Plain data, so the
 * same objects are edited on the canvas (undo/redo), sent to the kernel and committed.
 */

/** Where a node sits on the canvas. */
export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface WorkflowNode {
  /** Unique within the workflow: `n1`, `vqe`… (1–64 of a-z A-Z 0-9 _ -). */
  readonly id: string;
  /** The skill's name, resolved user → team → system when the workflow runs. */
  readonly skill: string;
  /** Values of inputs not bound by an edge (override the skill's defaults). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly position: Position;
  /** A label shown instead of the skill name (optional). */
  readonly label?: string;
  /** Per-node deadline (ms), overriding the skill's `timeout_ms`. */
  readonly timeoutMs?: number;
  /** Retry policy: how many more attempts after a failure, and the first backoff (doubles each time). */
  readonly retry?: { readonly count: number; readonly backoffMs: number };
}

export interface WorkflowEdge {
  readonly from: { readonly node: string; readonly output: string };
  readonly to: { readonly node: string; readonly input: string };
}

export interface Workflow {
  /** Format version of the file. */
  readonly version: 1;
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly nodes: readonly WorkflowNode[];
  readonly edges: readonly WorkflowEdge[];
}

/** Per-node status while a workflow runs (the canvas colours nodes by it). */
export const NODE_STATUSES = ['idle', 'queued', 'running', 'ok', 'error', 'cancelled', 'cached', 'skipped'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];
