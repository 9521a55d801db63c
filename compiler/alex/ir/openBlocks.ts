/**
 * The blocks a walk over nested regions is inside, and where it is in each: what the verifier
 * (is this operand in scope?) and the printer (what is this operand called?) both ask of a value.
 *
 * Most operands are defined a few ops before their use, in the same block or an enclosing one, so
 * `findNearby` looks there first, comparing identities. Only the uses it does not find need a
 * table from values to their definitions, which the verifier and the printer each keep and fill
 * (from `indexed` up to `at`) only when such a use comes up: most values never enter one. That
 * saves hashing every value, and the garbage of growing tables, which a large module makes the
 * collector pay for while the module just lowered is still young.
 */
import type { Block, Value } from './ir.js';

/** A block being walked. The record is reused for the next block walked at its depth. */
export interface OpenBlock {
  block: Block;
  /** Its position in the stack of open blocks. */
  readonly depth: number;
  /** Which block walked this is (1, 2, ...): a walker's table can name a block by it, and tell whether it is still open. */
  serial: number;
  /** The position of the op being visited (or whose regions are being walked). */
  at: number;
  /** How many of the block's ops the walker's table holds (its own bookkeeping). */
  indexed: number;
}

/** How many ops before the walk's position `findNearby` compares (and the printer's copy of its search, `SsaNames.write`). */
export const NEARBY = 8;

/** Whether `v` is one of `args`: compared in a loop, as the lists are short and calling `includes` costs more. */
function isArgumentOf(v: Value, args: readonly Value[]): boolean {
  for (let k = 0; k < args.length; k++) if (args[k] === v) return true;
  return false;
}

/**
 * How far back (`findFar`) a walker looks for a definition, block by block, before it puts every
 * value of the open blocks in its table: most functions are shorter, and then only the values
 * used far from their definitions enter a table.
 */
export const FAR = 128;

/**
 * The open blocks, innermost last. Those below `floor` are hidden: they enclose an isolated op
 * (a function) whose blocks are being walked, and whose values the op's body cannot use.
 */
export class OpenBlocks {
  /**
   * The open blocks are `stack[0]` to `stack[size - 1]`. The records past `size` wait for the next
   * block walked at their depth: a large module walks thousands of blocks, at a few depths, and an
   * array emptied at the end of every function would be grown again for the next one.
   */
  readonly stack: OpenBlock[] = [];
  size = 0;
  floor = 0;
  /** Where `findNearby` found its value: the block's depth in `stack`, the op's position in it (-1 for an argument), and the result's. */
  foundDepth = -1;
  foundAt = -1;
  foundResult = -1;
  private serials = 0;

  /** Start walking `block`, at its first op. */
  enter(block: Block): OpenBlock {
    const depth = this.size++;
    const serial = ++this.serials;
    let open = this.stack[depth];
    if (open === undefined) {
      open = { block, depth, serial, at: 0, indexed: -1 };
      this.stack[depth] = open;
    } else {
      open.block = block;
      open.serial = serial;
      open.at = 0;
      open.indexed = -1;
    }
    return open;
  }

  /** Stop walking the innermost block. */
  leave(): void {
    if (this.size > 0) this.size--;
  }

  /** The depth of the open block with serial `serial`, or -1 if the walk has left it. */
  depthOf(serial: number): number {
    const stack = this.stack;
    // Serials grow with depth along the stack, so the search can stop at a smaller one.
    for (let d = this.size - 1; d >= 0; d--) {
      const s = stack[d]!.serial;
      if (s === serial) return d;
      if (s < serial) return -1;
    }
    return -1;
  }

  /**
   * Whether `v` is an argument of an open block or a result of one of the few ops before the
   * walk's position in one; if so, `foundDepth`, `foundAt` and `foundResult` say where.
   */
  findNearby(v: Value): boolean {
    const stack = this.stack;
    for (let s = this.size - 1; s >= this.floor; s--) {
      const open = stack[s]!;
      if (this.findResult(v, s, open.at - 1, Math.max(0, open.at - NEARBY))) return true;
      if (isArgumentOf(v, open.block.args)) {
        this.foundDepth = s;
        this.foundAt = -1;
        this.foundResult = -1;
        return true;
      }
    }
    return false;
  }

  /** Whether `v` is an argument of an open block: `findNearby` for a block argument, which compares no results. */
  findArgument(v: Value): boolean {
    const stack = this.stack;
    for (let s = this.size - 1; s >= this.floor; s--) if (isArgumentOf(v, stack[s]!.block.args)) return true;
    return false;
  }

  /**
   * Whether `v` is a result of one of the ops from `NEARBY` to `distance` ops before the walk's
   * position in an open block (those `findNearby` does not compare); if so, `foundDepth`, `foundAt`
   * and `foundResult` say where.
   */
  findFar(v: Value, distance: number): boolean {
    const stack = this.stack;
    for (let s = this.size - 1; s >= this.floor; s--) {
      const open = stack[s]!;
      if (this.findResult(v, s, open.at - 1 - NEARBY, Math.max(0, open.at - distance))) return true;
    }
    return false;
  }

  /** Whether `v` is a result of one of the ops `from` down to `stop` of the block open at depth `s`; records where. */
  private findResult(v: Value, s: number, from: number, stop: number): boolean {
    const ops = this.stack[s]!.block.ops;
    for (let j = from; j >= stop; j--) {
      const results = ops[j]!.results;
      for (let k = 0; k < results.length; k++) {
        if (results[k] === v) {
          this.foundDepth = s;
          this.foundAt = j;
          this.foundResult = k;
          return true;
        }
      }
    }
    return false;
  }
}
