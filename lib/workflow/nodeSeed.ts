const encoder = new TextEncoder();

/**
 * The seed a node runs with, derived from the run's seed and the node's id, so every node of a
 * run gets its own stream of random numbers and the same (run seed, node id) always gives the
 * same seed — in Node and in every browser, with no async hashing on the scheduling path.
 *
 * Exactly: the UTF-8 bytes of `${runSeed >>> 0}:${nodeId}` hashed with 32-bit FNV-1a
 * (offset 2166136261, prime 16777619), then passed through MurmurHash3's `fmix32` finaliser
 * (so nearby ids get unrelated seeds); the result is an unsigned 32-bit integer.
 * @example deriveNodeSeed(42, 'load') === deriveNodeSeed(42, 'load') // always
 */
export function deriveNodeSeed(runSeed: number, nodeId: string): number {
  const bytes = encoder.encode(`${runSeed >>> 0}:${nodeId}`);
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
