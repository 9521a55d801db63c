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
 * - asking for the constant `1 : i64` before it exists (the body would share the prologue's);
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

/** The `let mutable` bindings of a function body in pre-order, not looking into nested functions. */
function mutableBindings(e: Expr | BlockItem | null, out: Binding[]): Binding[] {
  if (e === null) return out;
  // Index loops, not for-of: this walk reads every node of a body, and is most of what settling costs.
  switch (e.kind) {
    // Leaves first: names and literals are over half of all expressions, and a switch tests its cases in order.
    case 'Path':
    case 'Literal':
      break;
    case 'LocalLet':
      for (let i = 0; i < e.bindings.length; i++) {
        const b = e.bindings[i]!;
        if (b.params.length > 0) continue;
        if (b.mutable) out.push(b);
        mutableBindings(b.body, out);
      }
      break;
    case 'Block': eachOf(e.items, out); break;
    case 'If': mutableBindings(e.cond, out); mutableBindings(e.then, out); mutableBindings(e.otherwise, out); break;
    case 'While': mutableBindings(e.cond, out); mutableBindings(e.body, out); break;
    case 'For': mutableBindings(e.from, out); mutableBindings(e.to, out); mutableBindings(e.body, out); break;
    case 'Match':
      mutableBindings(e.scrutinee, out);
      for (let i = 0; i < e.arms.length; i++) { mutableBindings(e.arms[i]!.guard, out); mutableBindings(e.arms[i]!.body, out); }
      break;
    case 'App': mutableBindings(e.fn, out); eachOf(e.args, out); break;
    case 'Infix': mutableBindings(e.left, out); mutableBindings(e.right, out); break;
    case 'Prefix': mutableBindings(e.operand, out); break;
    case 'Assign': mutableBindings(e.value, out); break;
    case 'Record': for (let i = 0; i < e.fields.length; i++) mutableBindings(e.fields[i]!.value, out); break;
    case 'RecordUpdate': mutableBindings(e.source, out); for (let i = 0; i < e.fields.length; i++) mutableBindings(e.fields[i]!.value, out); break;
    case 'FieldGet': mutableBindings(e.target, out); break;
    case 'Index': mutableBindings(e.target, out); mutableBindings(e.index, out); break;
    case 'TypeApp': mutableBindings(e.target, out); break;
    default: break;
  }
  return out;
}

function eachOf(items: readonly (Expr | BlockItem)[], out: Binding[]): void {
  for (let i = 0; i < items.length; i++) mutableBindings(items[i]!, out);
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
    for (const b of mutableBindings(this.body, [])) if (this.slots?.has(b) !== true) this.make(b);
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
    let ptr: Value | undefined;
    this.fb.inPrologue((fb) => {
      if (this.one === undefined) {
        this.one = fb.constant(i64, 1, loc);
        L.constants.rememberInPrologue(L.constants.entry(i64, 1), this.one);
      }
      ptr = fb.alloca(this.one, type, loc);
    });
    const slot: Slot = { ptr: ptr!, type, symbolId: symbol.id };
    this.slots.set(b, slot);
    return slot;
  }
}
