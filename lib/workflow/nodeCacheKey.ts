import { type ContentHash, hashJson } from '../core';

/** What a node's result depends on; equal parts mean the node would compute the same outputs. */
export interface CacheKeyParts {
  /** Content hash of the skill (its SKILL.md: code, declared inputs and their defaults). */
  readonly skillHash: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Per edge-bound input: the upstream node's `outputsHash` and the output read from it. */
  readonly inputs: Readonly<Record<string, { readonly outputsHash: string; readonly output: string }>>;
  /** The runtime's version (Pyodide, the JS worker…): a new runtime may compute differently. */
  readonly runtimeVersion: string;
  /** The node's derived seed (`deriveNodeSeed`). */
  readonly seed: number;
}

/**
 * The memo cache key of a node: `hashJson({ v: 1, skill, params, inputs, runtime, seed })`.
 * Inputs count through the hash of the upstream node's whole outputs plus the output name, so
 * no value is hashed twice (an unrelated output of the upstream node changing also re-runs this
 * node: a rare, safe miss). Defaults are covered by the skill hash. It is also the node span's
 * `inputsHash`: it commits to everything the outputs depend on.
 */
export function nodeCacheKey(parts: CacheKeyParts): Promise<ContentHash> {
  return hashJson({ v: 1, skill: parts.skillHash, params: parts.params, inputs: parts.inputs, runtime: parts.runtimeVersion, seed: parts.seed });
}
