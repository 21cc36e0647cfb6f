/** An edge between node indices, with its ports. */
export interface IndexedEdge {
  readonly from: number;
  readonly output: string;
  readonly to: number;
  readonly input: string;
}

/**
 * A canonical order of a labelled graph's nodes: `order[k]` is the index of the k-th node. The
 * same graph with its nodes listed in another order, or under other ids, gives the same sequence
 * of labels and wiring. Colour refinement (Weisfeiler–Lehman, with port names on the edges), then,
 * while nodes are still tied, the first tied node is singled out and refinement goes on. Tied
 * nodes that are not interchangeable (rare in a workflow DAG) are ordered by their index.
 * @example canonicalOrder(['b', 'a'], []) → [1, 0]
 */
export function canonicalOrder(labels: readonly string[], edges: readonly IndexedEdge[]): number[] {
  const ins: IndexedEdge[][] = labels.map(() => []);
  const outs: IndexedEdge[][] = labels.map(() => []);
  for (const e of edges) {
    ins[e.to]!.push(e);
    outs[e.from]!.push(e);
  }
  let colors = rank(labels);
  for (;;) {
    colors = refine(colors, ins, outs);
    const tied = firstTied(colors);
    if (tied < 0) break;
    colors = rank(colors.map((c, i) => String(c * 2 + (i === tied ? 0 : 1)).padStart(12, '0')));
  }
  return labels.map((_, i) => i).sort((a, b) => colors[a]! - colors[b]!);
}

/** Splits colour classes by their neighbours' colours and ports until no class splits. */
function refine(start: number[], ins: readonly IndexedEdge[][], outs: readonly IndexedEdge[][]): number[] {
  let colors = start;
  let classes = countDistinct(colors);
  for (;;) {
    const current = colors;
    const keys = current.map((c, i) => {
      const from = ins[i]!.map((e) => `${current[e.from]}.${e.output}>${e.input}`).sort();
      const to = outs[i]!.map((e) => `${e.output}>${current[e.to]}.${e.input}`).sort();
      return `${c}|${from.join(',')}|${to.join(',')}`;
    });
    const next = rank(keys);
    const count = countDistinct(next);
    if (count === classes) return current;
    colors = next;
    classes = count;
  }
}

/** Each key's rank among the distinct keys, sorted by code unit. */
function rank(keys: readonly string[]): number[] {
  const sorted = [...new Set(keys)].sort();
  const index = new Map(sorted.map((k, i) => [k, i]));
  return keys.map((k) => index.get(k)!);
}

function countDistinct(colors: readonly number[]): number {
  return new Set(colors).size;
}

/** The first node of the lowest colour shared by several nodes, or -1 when all differ. */
function firstTied(colors: readonly number[]): number {
  const seen = new Map<number, number>();
  let best = -1;
  let bestColor = Infinity;
  colors.forEach((c, i) => {
    const first = seen.get(c);
    if (first === undefined) seen.set(c, i);
    else if (c < bestColor) {
      bestColor = c;
      best = first;
    }
  });
  return best;
}
