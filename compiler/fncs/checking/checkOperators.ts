/**
 * Typing of infix and prefix operators, by the rules of `operatorRules.ts`. Nothing about an operator
 * is recorded but its result type when that does not follow from the operator and its (left)
 * operand's type (see `derivedExprType`); Alex reads the operand's type, from which it picks signed
 * or unsigned instructions, as the typed program's `operandTypeOf`.
 */
import type { Expr } from '../syntax/ast.js';
import type { Checker } from './context.js';
import { checkAgainst, checkExpr } from './checkExpr.js';
import { infixRules, prefixRules } from './operatorRules.js';
import { fun, prune, tBool, tError, tInt, type Constraint, type Type } from './types.js';

type InfixExpr = Extract<Expr, { kind: 'Infix' }>;

export function checkInfix(cx: Checker, e: InfixExpr): Type {
  const rule = infixRules[e.op];
  switch (rule.kind) {
    case 'logic':
      checkAgainst(cx, e.left, tBool);
      checkAgainst(cx, e.right, tBool);
      return tBool;
    case 'pipe':
      return cx.setType(e, checkPipe(cx, e));
    case 'shift': {
      const t = checkExpr(cx, e.left);
      requireOp(cx, t, 'integer', e.op, e.left);
      checkAgainst(cx, e.right, tInt);
      return t;
    }
    case 'same': {
      const t = checkExpr(cx, e.left);
      const ok = requireOp(cx, t, rule.constraint, e.op, e.left);
      if (ok) checkAgainst(cx, e.right, t);
      else checkExpr(cx, e.right);
      if (rule.result === 'bool') return tBool;
      // The result is the operand's type, recorded as such, unless the operator does not apply.
      return ok ? t : cx.side.failedOperator(e);
    }
  }
}

/** `x |> f` types as `f x`. */
function checkPipe(cx: Checker, e: InfixExpr): Type {
  const arg = checkExpr(cx, e.left);
  const f = prune(checkExpr(cx, e.right));
  if (f.kind === 'Fun') {
    cx.expect(arg, f.from, e.left.span);
    return f.to;
  }
  if (f.kind === 'Error') return tError;
  if (f.kind === 'Var') {
    const result = cx.fresh();
    cx.expect(f, fun(arg, result), e.right.span);
    return result;
  }
  cx.report('notAFunction', e.right.span);
  return tError;
}

export function checkPrefix(cx: Checker, e: Extract<Expr, { kind: 'Prefix' }>): Type {
  const rule = prefixRules[e.op];
  if (rule.constraint === 'bool') {
    checkAgainst(cx, e.operand, tBool);
    return tBool;
  }
  const t = checkExpr(cx, e.operand);
  return requireOp(cx, t, rule.constraint, rule.name, e.operand) ? t : cx.side.failedOperator(e);
}

/** Require `t` (the type of `at`) to support operator `op`; reports FS0001 at `at` if not. */
function requireOp(cx: Checker, t: Type, c: Constraint, op: string, at: Expr): boolean {
  const failure = cx.unifier.require(t, c, op);
  if (failure === null) return true;
  cx.reportFailure(failure, t, t, at.span, 'typeMismatch');
  return false;
}
