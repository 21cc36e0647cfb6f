/**
 * Nodes in running order (Kahn's algorithm, the lowest index first among the ready ones) and each
 * node's level: the longest path from a node with no incoming edge. Nodes on a cycle (a malformed
 * workflow) come last, in index order, on the level after the others.
 * @example runningOrder(3, [{ from: 2, to: 0 }]) → { order: [1, 2, 0], level: [1, 0, 0] }
 */
export function runningOrder(count: number, edges: readonly { readonly from: number; readonly to: number }[]): { order: number[]; level: number[] } {
  const indegree = new Array<number>(count).fill(0);
  const next: number[][] = Array.from({ length: count }, () => []);
  for (const e of edges) {
    indegree[e.to]!++;
    next[e.from]!.push(e.to);
  }
  const level = new Array<number>(count).fill(0);
  const ready = new Set<number>();
  for (let i = 0; i < count; i++) if (indegree[i] === 0) ready.add(i);
  const order: number[] = [];
  const placed = new Array<boolean>(count).fill(false);
  while (ready.size > 0) {
    const i = Math.min(...ready);
    ready.delete(i);
    order.push(i);
    placed[i] = true;
    for (const j of next[i]!) {
      level[j] = Math.max(level[j]!, level[i]! + 1);
      if (--indegree[j]! === 0) ready.add(j);
    }
  }
  if (order.length < count) {
    const after = Math.max(0, ...order.map((i) => level[i]!)) + 1;
    for (let i = 0; i < count; i++) {
      if (placed[i]) continue;
      order.push(i);
      level[i] = after;
    }
  }
  return { order, level };
}
