/**
 * Witnesses for operators, from one table of the integer operators: arithmetic/bitwise ops and
 * shifts (signed and unsigned forms) and comparisons (signed and unsigned predicates). Strings add
 * and compare through the runtime; `&&` and `||` short-circuit with `scf.if`; `|>` is application.
 * Shifts mask their count as F# does (`x <<< n` shifts by `n &&& (bits-1)`).
 */
import type { Expr, InfixOp } from '../../fncs/syntax/ast.js';
import { SUPPORT } from '../../intrinsics/table.js';
import { arith, predicates, type ArithOp, type BinaryOp, type Predicate } from '../ir/builder.js';
import type { CmpPredicate, Loc, Value } from '../ir/ir.js';
import { i1, i32, type MlirType } from '../ir/types.js';
import { lowerCall } from './applications.js';
import { DISCARD, type LValue, type Lowerer, type Want, type Witness } from './context.js';
import { convertInt } from './conversions.js';
import { callSupport } from './support.js';
import { prunedIntInfo } from './types2mlir.js';

/** What an integer operator lowers to, by the signedness of its operands: an arith op, a shift, or a compare. */
type IntOperator =
  | { readonly family: 'arith' | 'shift'; readonly signed: ArithOp; readonly unsigned: ArithOp }
  | { readonly family: 'compare'; readonly signed: Predicate; readonly unsigned: Predicate };

const integer = (signed: BinaryOp, unsigned: BinaryOp = signed): IntOperator => ({ family: 'arith', signed: arith[signed], unsigned: arith[unsigned] });
const shift = (signed: BinaryOp, unsigned: BinaryOp): IntOperator => ({ family: 'shift', signed: arith[signed], unsigned: arith[unsigned] });
const compare = (signed: CmpPredicate, unsigned: CmpPredicate = signed): IntOperator => ({ family: 'compare', signed: predicates[signed], unsigned: predicates[unsigned] });

/**
 * One table, so an operator is found by one lookup (in a map: a property load with changing keys
 * is megamorphic); its ops are resolved, so making them looks nothing up (see `arith`).
 */
const intOperators = new Map(Object.entries({
  '+': integer('addi'),
  '-': integer('subi'),
  '*': integer('muli'),
  '/': integer('divsi', 'divui'),
  '%': integer('remsi', 'remui'),
  '&&&': integer('andi'),
  '|||': integer('ori'),
  '^^^': integer('xori'),
  '=': compare('eq'),
  '<>': compare('ne'),
  '<': compare('slt', 'ult'),
  '<=': compare('sle', 'ule'),
  '>': compare('sgt', 'ugt'),
  '>=': compare('sge', 'uge'),
  '<<<': shift('shli', 'shli'),
  '>>>': shift('shrsi', 'shrui'),
} satisfies Partial<Record<InfixOp, IntOperator>>) as [InfixOp, IntOperator][]);

/** The result types of a logical operator's `scf.if` (the builder copies them into results, so one list serves all). */
export const boolResult: readonly MlirType[] = Object.freeze([i1]);

type InfixExpr = Extract<Expr, { kind: 'Infix' }>;

function stringOp(L: Lowerer, e: InfixExpr, loc: Loc): Value {
  const a = L.lowerValue(e.left);
  const b = L.lowerValue(e.right);
  if (e.op === '+') return callSupport(L, SUPPORT.stringConcat, [a, b], loc);
  if (e.op === '=' || e.op === '<>') {
    const eq = callSupport(L, SUPPORT.stringEquals, [a, b], loc);
    return e.op === '=' ? eq : L.b.binary(arith.xori, eq, L.constant(i1, true, loc), loc);
  }
  return L.fail(e.opSpan, 'loweringUnsupported', [`The operator '${e.op}' on strings`]);
}

/**
 * `x |> f a` is the full application `f a x`, with `x` evaluated first, as in F# (a literal has no
 * effects, so it stays where the callee lowers it, typed as the callee wants).
 */
function pipe(L: Lowerer, e: InfixExpr, want: Want): LValue {
  const right = e.right;
  if (right.kind !== 'App') return lowerCall(L, right, [e.left], e, want);
  const args = [...right.args, e.left];
  if (e.left.kind === 'Literal') return lowerCall(L, right.fn, args, e, want);
  return L.lowerAhead(e.left, () => lowerCall(L, right.fn, args, e, want));
}

/** `a && b` is `if a then b else false`, `a || b` is `if a then true else b`. */
function logical(L: Lowerer, e: InfixExpr): Value {
  const loc = L.loc(e.span);
  const left = L.lowerValue(e.left);
  const and = e.op === '&&';
  const b = L.b;
  b.beginBranch();
  const thenRegion = b.endBranch([and ? L.lowerValue(e.right) : L.constant(i1, true, loc)], loc);
  b.beginBranch();
  const elseRegion = b.endBranch([and ? L.constant(i1, false, loc) : L.lowerValue(e.right)], loc);
  return b.ifOp(left, boolResult, thenRegion, elseRegion, loc)[0]!;
}

// The closure of a pipe is made in a function of its own: a function whose variables a closure
// captures allocates their context at every call, and most operators are not pipes.
export const infix: Witness<InfixExpr> = (L, e, want): LValue => {
  if (e.op === '|>') return pipe(L, e, want);
  if (e.op === '&&' || e.op === '||') return logical(L, e);
  const loc = L.loc(e.span);
  // The operand type is the left operand's (`TypedProgram.operandTypeOf`; the operators taking
  // bools whatever their operands are, `&&` and `||`, are done above): no need to look the operator up.
  const operand = L.typeOf(e.left);
  if (operand.kind === 'Prim' && operand.name === 'string') return stringOp(L, e, loc);
  if (operand.kind === 'Prim' && operand.name === 'unit' && (e.op === '=' || e.op === '<>')) {
    L.lower(e.left, DISCARD);
    L.lower(e.right, DISCARD);
    return L.constant(i1, e.op === '=', loc);
  }
  const info = prunedIntInfo(operand);
  if (info === null) return L.fail(e.opSpan, 'loweringUnsupported', [`The operator '${e.op}' on values of this type`]);
  const op = intOperators.get(e.op);
  if (op?.family === 'shift') {
    const value = L.lowerValue(e.left);
    const count = L.b.binary(arith.andi, L.lowerValue(e.right), L.constant(i32, info.width - 1, loc), loc);
    return L.b.binary(info.signed ? op.signed : op.unsigned, value, convertInt(L, count, false, value.type, loc), loc);
  }
  const a = L.lowerValue(e.left);
  const b = L.lowerValue(e.right);
  if (op === undefined) return L.fail(e.opSpan, 'loweringUnsupported', [`The operator '${e.op}'`]);
  if (op.family === 'compare') return L.b.cmpi(info.signed ? op.signed : op.unsigned, a, b, loc);
  return L.b.binary(info.signed ? op.signed : op.unsigned, a, b, loc);
};

export const prefix: Witness<Extract<Expr, { kind: 'Prefix' }>> = (L, e): LValue => {
  const loc = L.loc(e.span);
  const v = L.lowerValue(e.operand);
  switch (e.op) {
    case '-': return L.b.binary(arith.subi, L.constant(v.type, 0, loc), v, loc);
    case '~~~': return L.b.binary(arith.xori, v, L.constant(v.type, -1, loc), loc);
    case 'not': return L.b.binary(arith.xori, v, L.constant(i1, true, loc), loc);
  }
};
