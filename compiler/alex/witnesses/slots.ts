/**
 * Stack slots of a function's `let mutable` locals: one `llvm.alloca` each, in the function's entry
 * block before its body (so loops do not grow the stack), after the `arith.constant 1 : i64` they
 * share as their count — a constant the whole body shares too.
 *
 * The prologue is laid out as if every mutable local of the body had been collected by a walk of
 * the body before it is lowered: slots in the order of that walk (pre-order, which is the order the
 * witnesses lower a body in), the constant made at the first slot with an MLIR type, an unlowerable
 * slot type reported before anything of the body. Most bodies are lowered without that walk, which
 * would read every node of the body a second time: a slot is made when its `let` is lowered, its
 * ops kept aside and put in the entry block when the body is complete. That gives the same module
 * and diagnostics as long as nothing the body does before its last `let mutable` depends on what
 * the walk would have found. Three things could, so the walk is done (`settle`) before any of
 * them, and the slots still to come are made then, in its order:
 * - asking for the constant `1 : i64` before it exists (the body would share the prologue's): here
 *   the walk goes only as far as the next slot with an MLIR type, which makes it (`makeNext`);
 * - asking for a new function (a lifted local one, a specialisation): a function whose prologue
 *   fails with a diagnostic requests none;
 * - failing with a diagnostic: the prologue's, if a slot type fails, is the one reported.
 */
import type { Binding, BlockItem, Expr } from '../../fncs/syntax/ast.js';
import type { FunctionBuilder } from '../ir/functionBuilder.js';
import type { Value } from '../ir/ir.js';
import { i64, type MlirType } from '../ir/types.js';
import type { Lowerer } from './context.js';

/** The stack slot of a `let mutable`, and the symbol it binds. */
export interface Slot {
  readonly ptr: Value;
  readonly type: MlirType;
  readonly symbolId: number;
}

/**
 * Visit the `let mutable` bindings of a function body in pre-order, not looking into nested
 * functions, until `visit` returns true; true if it did (the walk stops there).
 */
function someMutable(e: Expr | BlockItem | null, visit: (b: Binding) => boolean): boolean {
  if (e === null) return false;
  // Index loops, not for-of: this walk reads every node of a body, and is most of what settling costs.
  switch (e.kind) {
    // Leaves first: names and literals are over half of all expressions, and a switch tests its cases in order.
    case 'Path':
    case 'Literal':
      return false;
    case 'LocalLet':
      for (let i = 0; i < e.bindings.length; i++) {
        const b = e.bindings[i]!;
        if (b.params.length > 0) continue;
        if ((b.mutable && visit(b)) || someMutable(b.body, visit)) return true;
      }
      return false;
    case 'Block': return someOf(e.items, visit);
    case 'If': return someMutable(e.cond, visit) || someMutable(e.then, visit) || someMutable(e.otherwise, visit);
    case 'While': return someMutable(e.cond, visit) || someMutable(e.body, visit);
    case 'For': return someMutable(e.from, visit) || someMutable(e.to, visit) || someMutable(e.body, visit);
    case 'Match':
      if (someMutable(e.scrutinee, visit)) return true;
      for (let i = 0; i < e.arms.length; i++) if (someMutable(e.arms[i]!.guard, visit) || someMutable(e.arms[i]!.body, visit)) return true;
      return false;
    case 'App': return someMutable(e.fn, visit) || someOf(e.args, visit);
    case 'Infix': return someMutable(e.left, visit) || someMutable(e.right, visit);
    case 'Prefix': return someMutable(e.operand, visit);
    case 'Assign': return someMutable(e.value, visit);
    case 'Record':
      for (let i = 0; i < e.fields.length; i++) if (someMutable(e.fields[i]!.value, visit)) return true;
      return false;
    case 'RecordUpdate':
      if (someMutable(e.source, visit)) return true;
      for (let i = 0; i < e.fields.length; i++) if (someMutable(e.fields[i]!.value, visit)) return true;
      return false;
    case 'FieldGet': return someMutable(e.target, visit);
    case 'Index': return someMutable(e.target, visit) || someMutable(e.index, visit);
    case 'TypeApp': return someMutable(e.target, visit);
    default: return false;
  }
}

function someOf(items: readonly (Expr | BlockItem)[], visit: (b: Binding) => boolean): boolean {
  for (let i = 0; i < items.length; i++) if (someMutable(items[i]!, visit)) return true;
  return false;
}

/** The slots of the function being lowered. */
export class MutableSlots {
  /**
   * Slot by binding, for the bindings seen so far; null for one whose type has no MLIR form (unit),
   * which gets none. Made with the first slot: most functions have no `let mutable`.
   */
  private slots: Map<Binding, Slot | null> | undefined = undefined;
  /** The prologue's `1 : i64`, once made. */
  private one: Value | undefined = undefined;
  /** Whether every slot of the body is made (the walk was done, or the body is complete). */
  private settled = false;

  constructor(
    private readonly L: Lowerer,
    private readonly body: Expr,
    private readonly fb: FunctionBuilder,
  ) {
    fb.startPrologue();
  }

  /** The slot of `let mutable` binding `b`, made now if it is new; undefined when its type has no MLIR form. */
  slotOf(b: Binding): Slot | undefined {
    const known = this.slots?.get(b);
    if (known !== undefined) return known ?? undefined;
    return this.make(b) ?? undefined;
  }

  /** Whether asking for the constant `value : type` must first settle the slots (see the file comment). */
  needsSettling(type: MlirType, value: number | bigint | boolean): boolean {
    return !this.settled && this.one === undefined && type === i64 && value == 1;
  }

  /** Make every slot still to come, in the order of the walk (see the file comment). */
  settle(): void {
    if (this.settled) return;
    this.settled = true;
    someMutable(this.body, (b) => {
      if (this.slots?.has(b) !== true) this.make(b);
      return false;
    });
  }

  /**
   * The `1 : i64` is asked for before any slot has made it (`needsSettling`): make the next slot
   * to come that has an MLIR type, and with it the prologue's constant, if the body has one. The
   * walk stops at that slot: the slots after it are made as their `let`s are met, which puts them
   * where the walk would (the body is lowered in its order), so they need not be found now; and a
   * slot type that fails before it is the one `settle` would report first.
   */
  makeNext(): void {
    someMutable(this.body, (b) => this.slots?.has(b) !== true && this.make(b) !== null);
  }

  /** The body is lowered: all its slots were made on the way, and their ops go in place. */
  finish(): void {
    this.settled = true;
    this.fb.closePrologue();
  }

  private make(b: Binding): Slot | null {
    const L = this.L;
    this.slots ??= new Map();
    const symbol = L.program.bindingInfo(b).symbol;
    const type = L.mlirType(symbol.type, b.span);
    if (type === null) {
      this.slots.set(b, null);
      return null;
    }
    const loc = L.loc(b.span);
    const fb = this.fb;
    fb.enterPrologue();
    if (this.one === undefined) {
      this.one = fb.constant(i64, 1, loc);
      L.constants.rememberInPrologue(L.constants.entry(i64, 1), this.one);
    }
    const ptr = fb.alloca(this.one, type, loc);
    fb.leavePrologue();
    const slot: Slot = { ptr, type, symbolId: symbol.id };
    this.slots.set(b, slot);
    return slot;
  }
}
