/**
 * Dominance within one region, for the verifier: the dominator tree (Cooper, Harvey and Kennedy's
 * iterative algorithm over reverse post-order, near-linear on the control flow Alex emits) and a
 * pre/post numbering of it, so that "does block a dominate block b" is two comparisons.
 */
import type { Block, Region } from './ir.js';

/** The dominance facts of one region's blocks. */
export interface Dominance {
  /** Whether `a` dominates `b` (every block dominates itself). Both must be blocks of the region. */
  dominates(a: Block, b: Block): boolean;
}

/** The successors of a block: the targets of its terminator. */
const successorsOf = (b: Block): Block[] => b.ops[b.ops.length - 1]?.successors.map((s) => s.block) ?? [];

/**
 * The dominance of `r`'s blocks. A block the entry cannot reach is treated as dominated by the
 * entry alone (it sees the entry's values and its own), as if it were a successor of the entry.
 */
export function dominance(r: Region): Dominance {
  const blocks = r.blocks;
  const entry = blocks[0];
  if (entry === undefined) return { dominates: () => false };
  // The common case (scf bodies, straight-line functions): one block, which dominates only itself.
  if (blocks.length === 1) return { dominates: (a, b) => a === entry && b === entry };
  const index = new Map<Block, number>(blocks.map((b, i) => [b, i]));

  // Reverse post-order of the blocks reachable from the entry (iterative DFS).
  const postOrder: number[] = [];
  const seen = new Uint8Array(blocks.length);
  const stack: { block: number; next: number; succs: number[] }[] = [];
  const push = (i: number): void => {
    seen[i] = 1;
    stack.push({ block: i, next: 0, succs: successorsOf(blocks[i]!).flatMap((s) => index.get(s) ?? []) });
  };
  push(0);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.succs.length) {
      const s = top.succs[top.next++]!;
      if (seen[s] === 0) push(s);
    } else {
      postOrder.push(top.block);
      stack.pop();
    }
  }
  const rpoNumber = new Int32Array(blocks.length).fill(-1);
  const rpo = postOrder.slice().reverse();
  rpo.forEach((b, n) => (rpoNumber[b] = n));

  const preds: number[][] = blocks.map(() => []);
  for (const b of rpo) for (const s of successorsOf(blocks[b]!)) preds[index.get(s) ?? -1]?.push(b);

  // Immediate dominators, by block index; -1 while unknown.
  const idom = new Int32Array(blocks.length).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (rpoNumber[a]! > rpoNumber[b]!) a = idom[a]!;
      while (rpoNumber[b]! > rpoNumber[a]!) b = idom[b]!;
    }
    return a;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const b of rpo) {
      if (b === 0) continue;
      let next = -1;
      for (const p of preds[b]!) if (idom[p] !== -1) next = next === -1 ? p : intersect(p, next);
      if (next !== idom[b]) {
        idom[b] = next;
        changed = true;
      }
    }
  }
  for (let b = 1; b < blocks.length; b++) if (rpoNumber[b] === -1) idom[b] = 0;

  // Pre/post numbers of the dominator tree: a dominates b iff b's interval lies within a's.
  const children: number[][] = blocks.map(() => []);
  for (let b = 1; b < blocks.length; b++) children[idom[b]!]!.push(b);
  const pre = new Int32Array(blocks.length);
  const post = new Int32Array(blocks.length);
  let clock = 0;
  const walk: { block: number; next: number }[] = [{ block: 0, next: 0 }];
  pre[0] = clock++;
  while (walk.length > 0) {
    const top = walk[walk.length - 1]!;
    const kids = children[top.block]!;
    if (top.next < kids.length) {
      const c = kids[top.next++]!;
      pre[c] = clock++;
      walk.push({ block: c, next: 0 });
    } else {
      post[top.block] = clock++;
      walk.pop();
    }
  }
  return {
    dominates: (a, b) => {
      const ia = index.get(a);
      const ib = index.get(b);
      if (ia === undefined || ib === undefined) return false;
      return pre[ia]! <= pre[ib]! && post[ib]! <= post[ia]!;
    },
  };
}
