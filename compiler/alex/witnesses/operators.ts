/**
 * Witnesses for operators, from two tables: integer arithmetic/bitwise ops (signed and unsigned
 * forms) and comparisons (signed and unsigned predicates). Strings add and compare through the
 * runtime; `&&` and `||` short-circuit with `scf.if`; `|>` is application. Shifts mask their count
 * as F# does (`x <<< n` shifts by `n &&& (bits-1)`).
 */
import type { Expr, InfixOp } from '../../fncs/syntax/ast.js';
import { prune } from '../../fncs/checking/types.js';
import { SUPPORT } from '../../intrinsics/table.js';
import type { BinaryOp } from '../ir/builder.js';
import type { CmpPredicate, Loc, Value } from '../ir/ir.js';
import { i1, i32 } from '../ir/types.js';
import { lowerCall } from './applications.js';
import { DISCARD, type LValue, type Lowerer, type Witness } from './context.js';
import { convertInt } from './conversions.js';
import { callSupport } from './support.js';
import { intInfo } from './types2mlir.js';

const arithmetic: Partial<Record<InfixOp, { readonly signed: BinaryOp; readonly unsigned: BinaryOp }>> = {
  '+': { signed: 'addi', unsigned: 'addi' },
  '-': { signed: 'subi', unsigned: 'subi' },
  '*': { signed: 'muli', unsigned: 'muli' },
  '/': { signed: 'divsi', unsigned: 'divui' },
  '%': { signed: 'remsi', unsigned: 'remui' },
  '&&&': { signed: 'andi', unsigned: 'andi' },
  '|||': { signed: 'ori', unsigned: 'ori' },
  '^^^': { signed: 'xori', unsigned: 'xori' },
};

const comparisons: Partial<Record<InfixOp, { readonly signed: CmpPredicate; readonly unsigned: CmpPredicate }>> = {
  '=': { signed: 'eq', unsigned: 'eq' },
  '<>': { signed: 'ne', unsigned: 'ne' },
  '<': { signed: 'slt', unsigned: 'ult' },
  '<=': { signed: 'sle', unsigned: 'ule' },
  '>': { signed: 'sgt', unsigned: 'ugt' },
  '>=': { signed: 'sge', unsigned: 'uge' },
};

const shifts: Partial<Record<InfixOp, { readonly signed: BinaryOp; readonly unsigned: BinaryOp }>> = {
  '<<<': { signed: 'shli', unsigned: 'shli' },
  '>>>': { signed: 'shrsi', unsigned: 'shrui' },
};


type InfixExpr = Extract<Expr, { kind: 'Infix' }>;

function stringOp(L: Lowerer, e: InfixExpr, loc: Loc): Value {
  const a = L.lowerValue(e.left);
  const b = L.lowerValue(e.right);
  if (e.op === '+') return callSupport(L, SUPPORT.stringConcat, [a, b], loc);
  if (e.op === '=' || e.op === '<>') {
    const eq = callSupport(L, SUPPORT.stringEquals, [a, b], loc);
    return e.op === '=' ? eq : L.b.binary('xori', eq, L.constant(i1, true, loc), loc);
  }
  return L.fail(e.opSpan, 'loweringUnsupported', [`The operator '${e.op}' on strings`]);
}

export const infix: Witness<InfixExpr> = (L, e, want): LValue => {
  const loc = L.loc(e.span);
  // `x |> f a` is the full application `f a x`, with `x` evaluated first, as in F# (a literal
  // has no effects, so it stays where the callee lowers it, typed as the callee wants).
  if (e.op === '|>') {
    const right = e.right;
    if (right.kind !== 'App') return lowerCall(L, right, [e.left], e, want);
    const args = [...right.args, e.left];
    if (e.left.kind === 'Literal') return lowerCall(L, right.fn, args, e, want);
    return L.lowerAhead(e.left, () => lowerCall(L, right.fn, args, e, want));
  }
  if (e.op === '&&' || e.op === '||') {
    const left = L.lowerValue(e.left);
    const rhs = (b: import('../ir/builder.js').OpBuilder): Value[] => L.fn.nested(b, () => [L.lowerValue(e.right)]);
    const constant = (value: boolean) => (b: import('../ir/builder.js').OpBuilder): Value[] => L.fn.nested(b, () => [L.constant(i1, value, loc)]);
    return L.b.scfIf(left, [i1], e.op === '&&' ? rhs : constant(true), e.op === '&&' ? constant(false) : rhs, loc)[0]!;
  }
  // The operator's operand type, recorded on the operator itself: one lookup, where the type of a path operand is derived from its resolution.
  const operand = prune(L.operandTypeOf(e));
  if (operand.kind === 'Prim' && operand.name === 'string') return stringOp(L, e, loc);
  if (operand.kind === 'Prim' && operand.name === 'unit' && (e.op === '=' || e.op === '<>')) {
    L.lower(e.left, DISCARD);
    L.lower(e.right, DISCARD);
    return L.constant(i1, e.op === '=', loc);
  }
  const info = intInfo(operand);
  if (info === null) return L.fail(e.opSpan, 'loweringUnsupported', [`The operator '${e.op}' on values of this type`]);
  const shift = shifts[e.op];
  if (shift !== undefined) {
    const value = L.lowerValue(e.left);
    const count = L.b.binary('andi', L.lowerValue(e.right), L.constant(i32, info.width - 1, loc), loc);
    return L.b.binary(info.signed ? shift.signed : shift.unsigned, value, convertInt(L, count, false, value.type, loc), loc);
  }
  const a = L.lowerValue(e.left);
  const b = L.lowerValue(e.right);
  const cmp = comparisons[e.op];
  if (cmp !== undefined) return L.b.cmpi(info.signed ? cmp.signed : cmp.unsigned, a, b, loc);
  const op = arithmetic[e.op];
  if (op === undefined) return L.fail(e.opSpan, 'loweringUnsupported', [`The operator '${e.op}'`]);
  return L.b.binary(info.signed ? op.signed : op.unsigned, a, b, loc);
};

export const prefix: Witness<Extract<Expr, { kind: 'Prefix' }>> = (L, e): LValue => {
  const loc = L.loc(e.span);
  const v = L.lowerValue(e.operand);
  switch (e.op) {
    case '-': return L.b.binary('subi', L.constant(v.type, 0, loc), v, loc);
    case '~~~': return L.b.binary('xori', v, L.constant(v.type, -1, loc), loc);
    case 'not': return L.b.binary('xori', v, L.constant(i1, true, loc), loc);
  }
};
