/**
 * The typing rules of the infix and prefix operators, one table each: `checkOperators.ts` checks by
 * them, and the typed program reads from them the result types that need no recording (a
 * comparison or a logical operator is `bool` whatever its operands).
 *
 * The subset has no implicit conversions: arithmetic and bitwise operators need both operands of
 * the same type, which must support the operator (an integer type; `+` also takes strings);
 * shifts take an `int` count; `=`/`<>` need an equality type and `<`… a comparison type; `&&`/`||`
 * take bools; `a |> f` is `f a`.
 */
import type { InfixOp, PrefixOp } from '../syntax/ast.js';
import type { Constraint } from './types.js';

export type InfixRule =
  /** Both operands of one type satisfying `constraint`; the result is that type, or bool. */
  | { readonly kind: 'same'; readonly constraint: Constraint; readonly result: 'operand' | 'bool' }
  /** An integer shifted by an `int` count. */
  | { readonly kind: 'shift' }
  /** Two bools. */
  | { readonly kind: 'logic' }
  /** `x |> f` */
  | { readonly kind: 'pipe' };

const arith = (constraint: Constraint): InfixRule => ({ kind: 'same', constraint, result: 'operand' });
const relation = (constraint: Constraint): InfixRule => ({ kind: 'same', constraint, result: 'bool' });

export const infixRules: Readonly<Record<InfixOp, InfixRule>> = {
  '+': arith('addable'),
  '-': arith('integer'), '*': arith('integer'), '/': arith('integer'), '%': arith('integer'),
  '&&&': arith('integer'), '|||': arith('integer'), '^^^': arith('integer'),
  '<<<': { kind: 'shift' }, '>>>': { kind: 'shift' },
  '=': relation('equality'), '<>': relation('equality'),
  '<': relation('comparison'), '<=': relation('comparison'), '>': relation('comparison'), '>=': relation('comparison'),
  '&&': { kind: 'logic' }, '||': { kind: 'logic' },
  '|>': { kind: 'pipe' },
};

/** Prefix operators: the constraint on the operand (the result has the operand's type, or is bool). */
export const prefixRules: Readonly<Record<PrefixOp, { readonly constraint: Constraint | 'bool'; readonly name: string }>> = {
  '-': { constraint: 'signed', name: '~-' },
  '~~~': { constraint: 'integer', name: '~~~' },
  not: { constraint: 'bool', name: 'not' },
};

/**
 * What an operator's result type is: always `bool` (even on operands reported as wrong), the type
 * of its (left) operand unless that fails the operator's constraint (the error type then), or
 * neither (`|>`, typed as an application).
 */
export type OperatorResult = 'bool' | 'operand' | 'other';

function resultOf(rule: InfixRule): OperatorResult {
  switch (rule.kind) {
    case 'logic': return 'bool';
    case 'shift': return 'operand';
    case 'same': return rule.result;
    case 'pipe': return 'other';
  }
}

/** Each infix operator's result (read for every operator the checker or Alex meets: a table, not a switch). */
const infixResults = Object.fromEntries(
  Object.entries(infixRules).map(([op, rule]) => [op, resultOf(rule)]),
) as Readonly<Record<InfixOp, OperatorResult>>;

export const infixResult = (op: InfixOp): OperatorResult => infixResults[op];

export const prefixResult = (op: PrefixOp): OperatorResult => (prefixRules[op].constraint === 'bool' ? 'bool' : 'operand');

/** Whether infix `op` takes bools whatever its operands are (else its operand type is its left operand's). */
export const infixTakesBools = (op: InfixOp): boolean => infixRules[op].kind === 'logic';
