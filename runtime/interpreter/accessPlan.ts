/**
 * The access plan of one function: side tables the function compiler reads to emit memory access
 * without a Pointer object or a runtime check where the IR itself proves the access legal.
 *
 * - **Promoted cells.** An `llvm.alloca` of one scalar or aggregate element (F#'s `let mutable`)
 *   whose pointer is used only as the address of loads and stores of exactly that type never
 *   escapes the function: every access is at offset 0, of the allocation's exact size, while the
 *   frame that owns it is live, and is legal by construction. Such a cell becomes a JS variable,
 *   zeroed where the alloca runs (as the runtime zeroes stack memory). Any other use (a GEP, a call
 *   argument, a stored pointer, a branch argument, a return) keeps the allocation in memory, checked.
 * - **Fused addresses.** An `llvm.getelementptr` whose only use is the address of a scalar load or
 *   store in the same block is emitted inside that access (`ld8at(base, offset, loc)`): the access
 *   is still checked at run time, against `base`'s allocation, at `base.offset + offset`. Within a
 *   block no operand of the GEP is reassigned before the access, so evaluating it there is exact.
 * - **In-place aggregate updates.** See `inPlace` below: the only copy-free case of `insertvalue`.
 */
import { getAttr, type Block, type Operation, type Value } from '../../compiler/alex/ir/ir.js';
import { typeEquals, type MlirType } from '../../compiler/alex/ir/types.js';

/** What the function compiler may do differently for one function. */
export interface AccessPlan {
  /** Allocas whose cell lives in a JS variable. */
  readonly promoted: ReadonlySet<Operation>;
  /** The promoted cells' pointers (alloca results), for their loads and stores. */
  readonly cells: ReadonlySet<Value>;
  /** GEPs emitted inside their only access. */
  readonly fused: ReadonlySet<Operation>;
  /** Whether any alloca stays in memory (the function then needs a stack frame). */
  readonly needsFrame: boolean;
  /**
   * `llvm.insertvalue`s at a top-level field that may update their aggregate in place: it is the
   * fresh copy made by another insertvalue earlier in the same block (so made anew each time the
   * block runs), and this is its only use, so nothing else can see it change (a record built field
   * by field is copied once, not once per field). The first insert of a chain is in place too
   * when its aggregate is an undef/zero/poison used only there: that op is in `fresh`.
   */
  readonly inPlace: ReadonlySet<Operation>;
  /** `llvm.mlir.undef`/`zero`/`poison` structs emitted as a new array literal, to be filled in place. */
  readonly fresh: ReadonlySet<Operation>;
}

interface Use {
  readonly op: Operation;
  /** The operand index, or -1 for a successor argument. */
  readonly index: number;
  readonly block: Block;
}

const isScalar = (t: MlirType): boolean => t.kind === 'int' || t.kind === 'ptr';

/** The ops whose value is all zeros (see zeroLiteral in opTable.ts). */
const UNDEFINED = new Set(['llvm.mlir.undef', 'llvm.mlir.zero', 'llvm.mlir.poison']);

/** A struct of scalars and such structs: its zero value is written as a short array literal. */
const isLiteral = (t: MlirType): boolean => t.kind === 'struct' && t.fields.every((f) => isScalar(f) || isLiteral(f));

/** The type a load reads or a store writes, if `use` is that access's address operand. */
function accessedType(use: Use): MlirType | undefined {
  if (use.op.name === 'llvm.load' && use.index === 0) return use.op.results[0]!.type;
  if (use.op.name === 'llvm.store' && use.index === 1) return use.op.operands[0]!.type;
  return undefined;
}

/** Every use of every value in the function body, the op defining each result and the block of each op. */
function collect(blocks: readonly Block[], uses: Map<Value, Use[]>, defs: Map<Value, Operation>, owners: Map<Operation, Block>): void {
  for (const block of blocks) {
    for (const op of block.ops) {
      owners.set(op, block);
      op.results.forEach((r) => defs.set(r, op));
      const add = (v: Value, index: number): void => {
        const list = uses.get(v);
        if (list === undefined) uses.set(v, [{ op, index, block }]);
        else list.push({ op, index, block });
      };
      op.operands.forEach((v, i) => add(v, i));
      for (const s of op.successors) for (const v of s.args) add(v, -1);
      for (const r of op.regions) collect(r.blocks, uses, defs, owners);
    }
  }
}

/** Whether `v` is an `arith.constant 1`. */
function isConstantOne(v: Value, defs: ReadonlyMap<Value, Operation>): boolean {
  const def = defs.get(v);
  return def?.name === 'arith.constant' && getAttr(def, 'value', 'int')?.value === 1n;
}

/** Plans the function `fn` (a `func.func` or `llvm.func` with a body). */
export function planAccess(fn: Operation): AccessPlan {
  const uses = new Map<Value, Use[]>();
  const defs = new Map<Value, Operation>();
  const owners = new Map<Operation, Block>();
  collect(fn.regions[0]!.blocks, uses, defs, owners);
  const promoted = new Set<Operation>();
  const cells = new Set<Value>();
  const fused = new Set<Operation>();
  const inPlace = new Set<Operation>();
  const fresh = new Set<Operation>();
  let needsFrame = false;
  for (const [result, op] of defs) {
    if (op.name === 'llvm.alloca') {
      const elem = getAttr(op, 'elem_type', 'type')?.type;
      const accesses = uses.get(result) ?? [];
      const ok = elem !== undefined && isConstantOne(op.operands[0]!, defs) && accesses.every((u) => {
        const t = accessedType(u);
        return t !== undefined && typeEquals(t, elem) && !(u.op.name === 'llvm.store' && u.op.operands[0] === result);
      });
      if (ok) {
        promoted.add(op);
        cells.add(result);
      } else needsFrame = true;
    } else if (op.name === 'llvm.getelementptr') {
      const only = uses.get(result);
      if (only?.length !== 1) continue;
      const t = accessedType(only[0]!);
      if (t !== undefined && isScalar(t) && only[0]!.block === owners.get(op)) fused.add(op);
    } else if (op.name === 'llvm.insertvalue' && (getAttr(op, 'position', 'dense')?.values.length ?? 0) === 1) {
      const agg = op.operands[1]!;
      const def = defs.get(agg);
      if (def === undefined || uses.get(agg)?.length !== 1 || owners.get(def) !== owners.get(op)) continue;
      if (def.name === 'llvm.insertvalue') inPlace.add(op);
      else if (UNDEFINED.has(def.name) && isLiteral(agg.type)) {
        fresh.add(def);
        inPlace.add(op);
      }
    }
  }
  return { promoted, cells, fused, needsFrame, inPlace, fresh };
}

