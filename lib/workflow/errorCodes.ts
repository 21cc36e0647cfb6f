import type { ErrorCode } from '../core';

/** The error codes the workflow module raises, by meaning; tests compare against these constants. */
export const WorkflowErrorCode = {
  /** not JSON, or not the shape of a workflow. */
  parse: 'WORKFLOW_PARSE',
  /** over the node, edge or text limits. */
  tooLarge: 'WORKFLOW_TOO_LARGE',
  /** the edges go round in a cycle. */
  cycle: 'WORKFLOW_CYCLE',
  /** checkWorkflow found errors that stop a node (or the run). */
  invalid: 'WORKFLOW_INVALID',
  /** an upstream node failed or was cancelled, so this one never ran. */
  skipped: 'NODE_SKIPPED',
  /** "Run this node" needs an upstream result that is not in the cache. */
  notCached: 'NODE_NOT_CACHED',
  /** A node ran past its deadline (this code exists and fits). */
  timeout: 'RUNTIME_TIMEOUT',
  /** The node or the whole run was cancelled (this code exists and fits). */
  cancelled: 'RUNTIME_CANCELLED',
  /** An upstream node did not return the output an edge reads (this code exists and fits). */
  inputMissing: 'RUNTIME_INPUT_INVALID',
} as const satisfies Record<string, ErrorCode>;
