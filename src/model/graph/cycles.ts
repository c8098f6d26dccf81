/**
 * Cycles as strongly connected components with more than one member (Tarjan), iterative so that
 * 50k-node graphs cannot overflow the stack. Members sorted, cycles sorted by first member.
 */
export function findCycles(nodes: string[], edges: { from: string; to: string }[]): string[][] {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };
  for (const n of [...nodes].sort()) idOf(n);
  const adjacency: number[][] = [];
  for (const e of edges) {
    const a = idOf(e.from);
    const b = idOf(e.to);
    (adjacency[a] ??= []).push(b);
  }
  const count = names.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const out: string[][] = [];
  let next = 0;
  // Explicit call stack of (node, position in its adjacency list).
  const work: number[] = [];
  const pos: number[] = [];
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    work.push(root);
    pos.push(0);
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const v = work[work.length - 1];
      const succ = adjacency[v] ?? [];
      const i = pos[pos.length - 1];
      if (i < succ.length) {
        pos[pos.length - 1] = i + 1;
        const w = succ[i];
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          work.push(w);
          pos.push(0);
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      pos.pop();
      if (work.length) {
        const parent = work[work.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const members: string[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          members.push(names[w]);
        } while (w !== v);
        if (members.length > 1) out.push(members.sort());
      }
    }
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
