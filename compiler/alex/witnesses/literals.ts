/**
 * Witnesses for literals: integers and booleans become `arith.constant`; a string becomes an
 * interned `llvm.mlir.global` and the `(ptr, i64)` pair of its address and byte length; `()` has no value.
 */
import type { Expr } from '../../fncs/syntax/ast.js';
import type { Loc, Value } from '../ir/ir.js';
import { i1, i64, type IntType, type IntWidth } from '../ir/types.js';
import type { LValue, Lowerer, Witness } from './context.js';
import { fatPointer, primMlirType } from './types2mlir.js';

/** The string value for `text`: `{ addressof @strN, byte length }`. */
export function stringValue(L: Lowerer, text: string, loc: Loc): Value {
  const bytes = L.b.stringBytes(text, loc);
  const withPtr = L.b.insertValue(L.b.undef(fatPointer, loc), bytes.ptr, [0], loc);
  return L.b.insertValue(withPtr, L.constant(i64, bytes.length, loc), [1], loc);
}

export const literal: Witness<Extract<Expr, { kind: 'Literal' }>> = (L, e): LValue => {
  const v = e.value;
  switch (v.type) {
    case 'unit': return null;
    case 'bool': return L.constantAt(i1, v.value, e.span);
    case 'string': return stringValue(L, v.value, L.loc(e.span));
    // An integer literal's type is fixed by its suffix (F# has no literal polymorphism): no type lookup.
    case 'int': return L.constantAt(primMlirType(v.intType)!, v.value, e.span);
  }
};

/**
 * Lower `e` directly as an integer of `type` when it is an integer literal (so `Sys.write fd p 2`
 * passes `arith.constant 2 : i64`, not a widened i32); null when `e` is not a literal.
 */
export function literalAs(L: Lowerer, e: Expr, type: IntType): Value | null {
  if (e.kind !== 'Literal' || e.value.type !== 'int') return null;
  const v = e.value.value;
  const range = literalRanges[type.width];
  if (v < range.min || v >= range.limit) return null;
  return L.constantAt(type, v, e.span);
}

/** The literals an integer type holds, written signed or unsigned: from -2^(w-1) to below 2^w (made once, not per literal). */
const literalRanges: Readonly<Record<IntWidth, { readonly min: bigint; readonly limit: bigint }>> = {
  1: range(1), 8: range(8), 16: range(16), 32: range(32), 64: range(64),
};

function range(width: IntWidth): { readonly min: bigint; readonly limit: bigint } {
  const bits = BigInt(width);
  return { min: -(1n << (bits - 1n)), limit: 1n << bits };
}
