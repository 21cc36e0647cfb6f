/**
 * Cycles in a directed graph given as adjacency lists (`edges[v]` = the nodes `v` points to).
 * Returns cycles as node lists `[a, b, …, z]` meaning a → b → … → z → a, such that every node on
 * any cycle appears in at least one of them. Iterative throughout (Tarjan's strongly connected
 * components, then a breadth-first search inside each), so a 10,000-node chain or ring cannot
 * overflow the call stack; linear in the graph's size for acyclic graphs and simple rings.
 */
export function findCycles(edges: readonly (readonly number[])[]): number[][] {
  const cycles: number[][] = [];
  const component = new Int32Array(edges.length).fill(-1);
  const components = stronglyConnected(edges);
  components.forEach((members, c) => {
    for (const v of members) component[v] = c;
  });
  const covered = new Uint8Array(edges.length);
  components.forEach((members, c) => {
    const cyclic = members.length > 1 || (edges[members[0]!] ?? []).includes(members[0]!);
    if (!cyclic) return;
    for (const start of [...members].sort((a, b) => a - b)) {
      if (covered[start]) continue;
      const cycle = shortestCycleThrough(edges, start, (v) => component[v] === c);
      for (const v of cycle) covered[v] = 1;
      cycles.push(cycle);
    }
  });
  return cycles;
}

function stronglyConnected(edges: readonly (readonly number[])[]): number[][] {
  const n = edges.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const nextEdge = new Int32Array(n);
  const stack: number[] = [];
  const calls: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    visit(root);
    while (calls.length > 0) {
      const v = calls[calls.length - 1]!;
      const out = edges[v] ?? [];
      if (nextEdge[v]! < out.length) {
        const w = out[nextEdge[v]!++]!;
        if (index[w] === -1) visit(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      calls.pop();
      const caller = calls[calls.length - 1];
      if (caller !== undefined) low[caller] = Math.min(low[caller]!, low[v]!);
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        members.push(w);
      } while (w !== v);
      components.push(members);
    }
  }
  return components;
}

// Breadth-first from `start` until an edge leads back to it; `start` is known to be on a cycle.
function shortestCycleThrough(edges: readonly (readonly number[])[], start: number, inside: (v: number) => boolean): number[] {
  const previous = new Map<number, number>([[start, start]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of edges[v] ?? []) {
      if (w === start) return pathTo(previous, v, start);
      if (!inside(w) || previous.has(w)) continue;
      previous.set(w, v);
      queue.push(w);
    }
  }
  return [start];
}

function pathTo(previous: Map<number, number>, last: number, start: number): number[] {
  const path = [last];
  for (let v = last; v !== start; ) {
    v = previous.get(v)!;
    path.push(v);
  }
  return path.reverse();
}
