import type { ErrorCode } from '../core';

/**
 * The error codes the workflow module raises, by meaning. Until `lib/core/errors.ts` has the
 * workflow codes (named in each comment), each maps to the nearest code that exists today, so
 * switching is a one-file change; tests compare against these constants, never the strings.
 */
export const WorkflowErrorCode = {
  /** Wanted: `WORKFLOW_PARSE` — not JSON, or not the shape of a workflow. */
  parse: 'SYSCALL_INVALID',
  /** Wanted: `WORKFLOW_TOO_LARGE` — over the node, edge or text limits. */
  tooLarge: 'SYSCALL_INVALID',
  /** Wanted: `WORKFLOW_CYCLE` — the edges go round in a cycle. */
  cycle: 'SYSCALL_INVALID',
  /** Wanted: `WORKFLOW_INVALID` — checkWorkflow found errors that stop a node (or the run). */
  invalid: 'SYSCALL_INVALID',
  /** Wanted: `NODE_SKIPPED` — an upstream node failed or was cancelled, so this one never ran. */
  skipped: 'SYSCALL_FAILED',
  /** Wanted: `NODE_NOT_CACHED` — "Run this node" needs an upstream result that is not in the cache. */
  notCached: 'SYSCALL_FAILED',
  /** A node ran past its deadline (this code exists and fits). */
  timeout: 'RUNTIME_TIMEOUT',
  /** The node or the whole run was cancelled (this code exists and fits). */
  cancelled: 'RUNTIME_CANCELLED',
  /** An upstream node did not return the output an edge reads (this code exists and fits). */
  inputMissing: 'RUNTIME_INPUT_INVALID',
} as const satisfies Record<string, ErrorCode>;
