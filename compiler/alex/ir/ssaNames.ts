/**
 * The printer's names for the values of one top-level op: `%N` for results, numbered in print
 * order (`%N#i` when an op has several), `%argN` for block arguments in order of first mention.
 *
 * A result is numbered when its op is printed. A use finds the number among the few ops printed
 * just before it in the blocks being printed (`OpenBlocks`), where most operands are defined;
 * the rest go through a table: a value found further back (up to `FAR` ops) enters it alone, and
 * only past that is it filled with every value of the open blocks, so most values are never
 * hashed. Blocks of multi-block regions enter the table as they close (a later block may use their
 * values). A result printed nowhere the table reaches is either not printed yet (`%<<undefined>>`)
 * or in a block closed before (IR the verifier rejects); to name the latter as before, the first
 * such use renumbers everything printed so far into the table, which from then on takes every
 * result as it is numbered.
 */
import type { Block, Operation, Region, Value } from './ir.js';
import { FAR, NEARBY, OpenBlocks } from './openBlocks.js';
import { encodeText, type TextBuffer } from './textBuffer.js';

/** `%N`, kept for the numbers used so far: every function uses the same few. */
const resultNames: string[] = [];
const resultName = (n: number): string => (resultNames[n] ??= `%${n}`);
/** `%arg`, which `write` puts before an argument's number. */
const ARG = encodeText('%arg');
/**
 * How many arguments a function's names keep in a list, found by comparing (most functions name a
 * few, their parameters and loop variables); any more are numbered in a table.
 */
const FEW_ARGS = 32;
/** `%` and `#`, which `write` puts around numbers. */
const PERCENT = 0x25;
const HASH = 0x23;
const nameOf = (n: number, results: readonly Value[], k: number): string => (results.length === 1 ? resultName(n) : `%${n}#${k}`);

/** Names for one top-level op at a time. */
export class SsaNames {
  private readonly open = new OpenBlocks();
  /**
   * The number of each op printed in the open blocks (-1 for one without results), block after
   * block, up to `size` (the array is not shortened when a block closes: it would be grown again).
   */
  private readonly numbers: number[] = [];
  private size = 0;
  /** Where each open block's ops start in `numbers`, by depth (like `numbers`, never shortened). */
  private readonly starts: number[] = [];
  /** Whether each open block is one of several in its region, by depth. */
  private readonly inCfg: boolean[] = [];
  private readonly table = new Map<Value, string>();
  /** The block arguments named so far, `%arg0` first, up to `FEW_ARGS`; `argTable` numbers the rest. */
  private readonly args: Value[] = [];
  private readonly argTable = new Map<Value, number>();
  /** Set once a use needed a value of a closed block: the table then takes every result. */
  private complete = false;
  private top: Operation | undefined;
  private nextResult = 0;
  private nextArg = 0;

  /** Start naming the values of top-level op `op`. */
  startFunction(op: Operation): void {
    this.top = op;
    // Clearing even an empty map allocates it a new table.
    if (this.table.size > 0) this.table.clear();
    if (this.nextArg > FEW_ARGS) this.argTable.clear();
    this.complete = false;
    this.nextResult = 0;
    this.nextArg = 0;
  }

  /** Start printing `b`, a block of `r`; its ops follow, each announced by `define`. */
  enterBlock(b: Block, r: Region): void {
    const open = this.open.enter(b);
    open.indexed = 0;
    this.starts[open.depth] = this.size;
    this.inCfg[open.depth] = r.blocks.length > 1;
  }

  leaveBlock(): void {
    const depth = this.open.size - 1;
    if (this.inCfg[depth] === true && !this.complete) this.index(depth);
    this.size = this.starts[depth]!;
    this.open.leave();
  }

  /** Number the results of the op printed next (in the innermost open block, if any): `N`, or -1 when it has none. */
  define(results: readonly Value[]): number {
    const n = results.length === 0 ? -1 : this.nextResult++;
    const depth = this.open.size - 1;
    if (depth >= 0) {
      this.open.stack[depth]!.at = this.size - this.starts[depth]!;
      this.numbers[this.size++] = n;
    }
    if (depth < 0 || this.complete) for (let k = 0; k < results.length; k++) this.table.set(results[k]!, nameOf(n, results, k));
    return n;
  }

  /**
   * Write the name of `v` at this point of the printing into `out`. A result found nearby (most
   * operands) is written as its number, with no string made for it.
   */
  write(v: Value, out: TextBuffer): void {
    if (v.def === 'arg') {
      out.writeBytes(ARG);
      out.writeInt(this.argument(v));
      return;
    }
    // `OpenBlocks.findNearby`'s search, for a result, written out here: it compares no block arguments,
    // and writes the name where it finds it. Calling `findNearby` and reading where it found the value
    // measured ~1% more instructions per compile.
    const stack = this.open.stack;
    for (let s = this.open.size - 1; s >= this.open.floor; s--) {
      const open = stack[s]!;
      const ops = open.block.ops;
      const stop = open.at > NEARBY ? open.at - NEARBY : 0;
      for (let j = open.at - 1; j >= stop; j--) {
        const results = ops[j]!.results;
        for (let k = 0; k < results.length; k++) {
          if (results[k] !== v) continue;
          out.writePrefixedInt(PERCENT, this.numbers[this.starts[s]! + j]!);
          if (results.length !== 1) {
            out.writeByte(HASH);
            out.writeInt(k);
          }
          return;
        }
      }
    }
    out.write(this.farName(v));
  }

  /** `N` of `%argN`: arguments are numbered in order of first mention. */
  private argument(v: Value): number {
    const args = this.args;
    for (let n = Math.min(this.nextArg, FEW_ARGS) - 1; n >= 0; n--) if (args[n] === v) return n;
    if (this.nextArg > FEW_ARGS) {
      const n = this.argTable.get(v);
      if (n !== undefined) return n;
    }
    const n = this.nextArg++;
    if (n < FEW_ARGS) args[n] = v;
    else this.argTable.set(v, n);
    return n;
  }

  /** The name of result `v`, which is not among the ops just before the printing's position. */
  private farName(v: Value): string {
    const open = this.open;
    let n = this.table.get(v);
    if (n !== undefined) return n;
    if (open.findFar(v, FAR)) {
      n = this.found();
      this.table.set(v, n);
      return n;
    }
    for (let depth = 0; depth < open.size; depth++) this.index(depth);
    n = this.table.get(v);
    if (n === undefined && !this.complete) {
      this.renumber();
      n = this.table.get(v);
    }
    return n ?? '%<<undefined>>';
  }

  /** The name of the result the open blocks found last. */
  private found(): string {
    const open = this.open;
    const n = this.numbers[this.starts[open.foundDepth]! + open.foundAt]!;
    return nameOf(n, open.stack[open.foundDepth]!.block.ops[open.foundAt]!.results, open.foundResult);
  }

  /** Put the results of the open block at `depth` numbered so far in the table (the op being printed too: it is named before its regions). */
  private index(depth: number): void {
    const open = this.open.stack[depth]!;
    const start = this.starts[depth]!;
    const end = depth + 1 < this.open.size ? this.starts[depth + 1]! : this.size;
    const ops = open.block.ops;
    for (; open.indexed < end - start; open.indexed++) {
      const n = this.numbers[start + open.indexed]!;
      const results = ops[open.indexed]!.results;
      for (let k = 0; k < results.length; k++) this.table.set(results[k]!, nameOf(n, results, k));
    }
  }

  /** Number everything printed so far again, in print order, into the table; from now on it takes every result. */
  private renumber(): void {
    this.complete = true;
    const innermost = this.open.stack[this.open.size - 1];
    const current = innermost?.block.ops[innermost.at];
    let n = 0;
    const visit = (op: Operation): boolean => {
      if (op.results.length > 0) {
        for (let k = 0; k < op.results.length; k++) this.table.set(op.results[k]!, nameOf(n, op.results, k));
        n++;
      }
      if (op === current || n >= this.nextResult) return false;
      for (const r of op.regions) for (const b of r.blocks) for (const inner of b.ops) if (!visit(inner)) return false;
      return true;
    };
    if (this.top !== undefined) visit(this.top);
  }
}
