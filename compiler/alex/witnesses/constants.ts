/**
 * Sharing of `arith.constant`s: a constant made in a block is reused by later uses in that block
 * and in the blocks nested in it (it dominates them), never by an enclosing or sibling block, nor by
 * another function.
 *
 * One table serves a whole lowering. Entries are keyed by type and value and stamped with the
 * function they were made in; the entries a nested block adds are voided as it closes (an undo
 * log). So no map is made, grown or shrunk per function or per block: the maps hold one entry per
 * distinct constant of the program; finding a constant is an index (by width) and a `Map.get`, and
 * making one that was not found takes no further lookup.
 */
import type { Attributes, Value } from '../ir/ir.js';
import { integerKey } from '../ir/sharedAttributes.js';
import { printType, type MlirType } from '../ir/types.js';

export interface ConstantEntry {
  /** The constant, or undefined once the block that made it has closed. */
  value: Value | undefined;
  /** The function it was made in (`ConstantTable.fn` then; 0 before it is first made). */
  fn: number;
  /**
   * The op's attribute record (the module's shared one, see `sharedAttributes.ts`), once the
   * constant is first made: found with the entry, not by a second lookup of the same key.
   */
  attributes: Attributes | undefined;
}

/** Constants from 0 to below this are found by index (see `ConstantTable.smallByWidth`). */
const SMALL = 256;

const newEntry = (): ConstantEntry => ({ value: undefined, fn: 0, attributes: undefined });

/** The constants visible at the insertion point of the function being lowered. */
export class ConstantTable {
  /** By width: constants are integers, and their types the one interned type per width (an index costs less than a map lookup). */
  private readonly byWidth: (Map<number | bigint, ConstantEntry> | undefined)[] = [];
  /** By width, the entries of the values from 0 to below `SMALL`, by value: most constants are small, and an index costs less than a map lookup. */
  private readonly smallByWidth: (ConstantEntry[] | undefined)[] = [];
  /**
   * The entries made in the current function, in order: the first `count` of `made`. Cutting back
   * moves `count` rather than the array's length, which would shrink its storage only to grow it
   * again in the next block.
   */
  private readonly made: ConstantEntry[] = [];
  private count = 0;
  private fn = 0;

  /** Start a new function: nothing made before is visible. */
  beginFunction(): void {
    this.fn++;
    this.count = 0;
  }

  /**
   * The entry of constant `value` of `type` (made empty the first time it is asked for): its value
   * is visible here when `visible` says so, and a new constant is recorded in it with `remember`.
   * One lookup serves both the search and the recording, since most constants asked for are new
   * in their block.
   */
  entry(type: MlirType, value: number | bigint | boolean): ConstantEntry {
    if (type.kind !== 'int') throw new Error(`internal error: a constant of the non-integer type ${printType(type)}`);
    const key = integerKey(value);
    if (typeof key === 'number' && key >= 0 && key < SMALL) {
      let small = this.smallByWidth[type.width];
      if (small === undefined) this.smallByWidth[type.width] = small = [];
      return (small[key] ??= newEntry());
    }
    let byValue = this.byWidth[type.width];
    if (byValue === undefined) this.byWidth[type.width] = byValue = new Map();
    let e = byValue.get(key);
    if (e === undefined) {
      e = newEntry();
      byValue.set(key, e);
    }
    return e;
  }

  /** The constant an entry holds, if it was made in this function by a block still open. */
  visible(e: ConstantEntry): Value | undefined {
    return e.fn === this.fn ? e.value : undefined;
  }

  /** Record `v` in entry `e` (which `visible` found empty) as made in the current block. */
  remember(e: ConstantEntry, v: Value): void {
    e.value = v;
    e.fn = this.fn;
    if (this.count === this.made.length) this.made.push(e);
    else this.made[this.count] = e;
    this.count++;
  }

  /**
   * Record `v` in entry `e` as made in the function's entry block, before its body: visible in the
   * whole function, wherever the insertion point is now (a prologue op made while a nested block
   * is open is not that block's to void).
   */
  rememberInPrologue(e: ConstantEntry, v: Value): void {
    e.value = v;
    e.fn = this.fn;
  }

  /** A nested block opens: the point to `release` back to when it closes. */
  mark(): number {
    return this.count;
  }

  /** A nested block closes: what it made is no longer visible. */
  release(mark: number): void {
    for (let i = this.count - 1; i >= mark; i--) this.made[i]!.value = undefined;
    this.count = mark;
  }
}
