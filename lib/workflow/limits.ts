/**
 * Sizes past which a workflow is refused before it is parsed, so a pasted or pulled file can
 * never freeze the tab. A canvas of a few hundred nodes is already large; 20,000 nodes or
 * 100,000 edges is far beyond anything a person draws, yet everything below is linear in size.
 */
export const WORKFLOW_LIMITS = {
  maxNodes: 20_000,
  maxEdges: 100_000,
  /** Characters of JSON text (about 32 MB of ASCII). */
  maxChars: 32 * 1024 * 1024,
} as const;

export type WorkflowLimits = { readonly maxNodes: number; readonly maxEdges: number; readonly maxChars: number };
