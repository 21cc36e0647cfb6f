import type { WorkflowEdge } from './types';

/** What `checkWorkflow` can find wrong with a workflow. */
export const WORKFLOW_PROBLEM_CODES = [
  'NODE_DUPLICATE',
  'EDGE_NODE_MISSING',
  'WORKFLOW_CYCLE',
  'SKILL_NOT_FOUND',
  'SKILL_NOT_EXECUTABLE',
  'INPUT_MISSING',
  'PARAM_UNKNOWN',
  'PARAM_TYPE',
  'PARAM_SHADOWED',
  'OUTPUT_UNKNOWN',
  'INPUT_UNKNOWN',
  'TYPE_MISMATCH',
  'INPUT_BOUND_TWICE',
  'NEEDS_PERMISSION',
  'PERMISSION_DENIED',
] as const;
export type WorkflowProblemCode = (typeof WORKFLOW_PROBLEM_CODES)[number];

/**
 * One thing wrong with a workflow. `nodeId` is the node the canvas marks (for an edge problem,
 * the node the edge leads into, which is the one that cannot run), or null for the workflow as
 * a whole; `edge` is the edge at fault, when there is one. Errors stop the node (or, for
 * structural codes, the run); warnings do not.
 */
export interface WorkflowProblem {
  readonly code: WorkflowProblemCode;
  readonly nodeId: string | null;
  readonly edge?: WorkflowEdge;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** For a cycle, the node ids round it (first not repeated at the end). */
  readonly cycle?: readonly string[];
}

/** Codes that make the whole graph unusable (no node can be scheduled reliably). */
export const STRUCTURAL_CODES: ReadonlySet<WorkflowProblemCode> = new Set(['NODE_DUPLICATE', 'EDGE_NODE_MISSING', 'WORKFLOW_CYCLE']);

/** An edge as `a.out → b.in`, for messages. */
export function edgeLabel(edge: WorkflowEdge): string {
  return `${edge.from.node}.${edge.from.output} → ${edge.to.node}.${edge.to.input}`;
}
