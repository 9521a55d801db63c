/**
 * Witnesses for control flow, as structured MLIR: `if` → `scf.if` (with a result unless unit),
 * `while` → `scf.while`, `for` → `scf.while` carrying the loop variable (bounds evaluated once,
 * inclusive, as F# does). Each is built in steps (see `ir/insertionPoint.ts`), with no callback.
 */
import type { Expr } from '../../fncs/syntax/ast.js';
import { arith, predicates } from '../ir/builder.js';
import type { Value } from '../ir/ir.js';
import { noTypes, noValues } from '../ir/opParts.js';
import type { MlirType } from '../ir/types.js';
import { DISCARD, type LValue, type Lowerer, type Want, type Witness } from './context.js';

/** What a branch of an `if` of result `type` yields: its value, or nothing when the `if` has none. */
function branchValues(L: Lowerer, x: Expr, type: MlirType | null, want: Want): Value[] {
  const v = L.lower(x, type === null ? DISCARD : want);
  return type === null || v === null ? [] : [v];
}

export const ifThenElse: Witness<Extract<Expr, { kind: 'If' }>> = (L, e, want): LValue => {
  const loc = L.loc(e.span);
  const cond = L.lowerValue(e.cond);
  const otherwise = e.otherwise;
  const type = otherwise === null ? null : L.mlirType(L.typeOf(e), e.span);
  const b = L.b;
  b.beginBranch();
  const thenRegion = b.endBranch(branchValues(L, e.then, type, want), loc);
  let elseRegion;
  if (otherwise !== null) {
    b.beginBranch();
    elseRegion = b.endBranch(branchValues(L, otherwise, type, want), loc);
  }
  return b.ifOp(cond, type === null ? noTypes : [type], thenRegion, elseRegion, loc)[0] ?? null;
};

export const whileLoop: Witness<Extract<Expr, { kind: 'While' }>> = (L, e): LValue => {
  const loc = L.loc(e.span);
  const b = L.b;
  b.beginWhile(noValues);
  b.whileBody(L.lowerValue(e.cond), noValues, loc);
  L.lower(e.body, DISCARD);
  b.endWhile(noValues, loc);
  return null;
};

export const forLoop: Witness<Extract<Expr, { kind: 'For' }>> = (L, e): LValue => {
  const loc = L.loc(e.span);
  const from = L.lowerValue(e.from);
  const to = L.lowerValue(e.to);
  const variable = L.program.forVariableOf(e);
  const b = L.b;
  const next = b.beginWhile([from])[0]!;
  const i = b.whileBody(b.cmpi(e.down ? predicates.sge : predicates.sle, next, to, loc), [next], loc)[0]!;
  L.fn.env.set(variable.id, { kind: 'value', value: i });
  L.lower(e.body, DISCARD);
  b.endWhile([b.binary(e.down ? arith.subi : arith.addi, i, L.constant(i.type, 1, loc), loc)], loc);
  return null;
};
