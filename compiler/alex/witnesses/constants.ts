/**
 * Sharing of `arith.constant`s: a constant made in a block is reused by later uses in that block
 * and in the blocks nested in it (it dominates them), never by an enclosing or sibling block, nor by
 * another function.
 *
 * One table serves a whole lowering. Entries are keyed by type and value and stamped with the
 * function they were made in; the entries a nested block adds are voided as it closes (an undo
 * log). So no map is made, grown or shrunk per function or per block: the maps hold one entry per
 * distinct constant of the program, and lookups are two `Map.get`s.
 */
import type { Value } from '../ir/ir.js';
import { integerKey, memo } from '../ir/sharedAttributes.js';
import type { MlirType } from '../ir/types.js';

interface Entry {
  /** The constant, or undefined once the block that made it has closed. */
  value: Value | undefined;
  /** The function it was made in (`ConstantTable.fn` then). */
  fn: number;
}

const newEntryMap = (): Map<number | bigint, Entry> => new Map();

/** The constants visible at the insertion point of the function being lowered. */
export class ConstantTable {
  private readonly byType = new Map<MlirType, Map<number | bigint, Entry>>();
  /**
   * The entries made in the current function, in order: the first `count` of `made`. Cutting back
   * moves `count` rather than the array's length, which would shrink its storage only to grow it
   * again in the next block.
   */
  private readonly made: Entry[] = [];
  private count = 0;
  private fn = 0;

  /** Start a new function: nothing made before is visible. */
  beginFunction(): void {
    this.fn++;
    this.count = 0;
  }

  /** The constant `value` of `type` visible here, if one was made. */
  lookup(type: MlirType, value: number | bigint | boolean): Value | undefined {
    const e = this.byType.get(type)?.get(integerKey(value));
    return e !== undefined && e.fn === this.fn ? e.value : undefined;
  }

  /** Remember `v` as the constant `value` of `type` (after a `lookup` found none). */
  remember(type: MlirType, value: number | bigint | boolean, v: Value): void {
    const byValue = memo(this.byType, type, newEntryMap);
    const key = integerKey(value);
    let e = byValue.get(key);
    if (e === undefined) {
      e = { value: v, fn: this.fn };
      byValue.set(key, e);
    } else {
      e.value = v;
      e.fn = this.fn;
    }
    if (this.count === this.made.length) this.made.push(e);
    else this.made[this.count] = e;
    this.count++;
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
