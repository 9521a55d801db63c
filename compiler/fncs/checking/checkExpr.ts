/**
 * Type inference for expressions: literals, application, `if`, loops, blocks, assignment and
 * indexing. Paths, operators, records and `match` have their own files; this one dispatches.
 *
 * `checkExpr` infers a type; `checkAgainst` checks against an expected type, pushing the
 * expectation into a block's last line so a mismatch is reported where F# reports it.
 */
import type { Expr, Span } from '../syntax/ast.js';
import type { MessageId } from '../../diagnostics/messages.js';
import type { Checker } from './context.js';
import { checkInfix, checkPrefix } from './checkOperators.js';
import { checkPath, checkTypeApp, resolveAssignTarget } from './checkPath.js';
import { checkFieldGet, checkRecord, checkRecordUpdate } from './checkRecord.js';
import { checkMatch } from './checkMatch.js';
import { checkLocalLet } from './checkBinding.js';
import { array, fun, isIntegerPrim, literalType, prune, tBool, tError, tInt, tUnit, type Type } from './types.js';

/** The suffix F# writes for an integer literal of each type. */
export const INT_SUFFIX: Readonly<Record<string, string>> = {
  int: '', int64: 'L', uint32: 'u', uint64: 'UL', byte: 'uy', sbyte: 'y', int16: 's', uint16: 'us',
};

/**
 * Infer the type of `e`. `hint` is an expected type that may guide record construction. A type that
 * follows from the expression (`derivedExprType`) is not recorded, and paths and operators record
 * their own as needed (see `checkPath`, `checkOperators`); every other kind records its type here.
 */
export function checkExpr(cx: Checker, e: Expr, hint?: Type): Type {
  return check(cx, e, hint, null);
}

/** Check `e` against `expected`, reporting FS0001 (message `id`) at the place F# would. */
export function checkAgainst(cx: Checker, e: Expr, expected: Type, id: MessageId = 'typeMismatch'): Type {
  return check(cx, e, expected, id);
}

/**
 * Both of the above: with `id` null, infer; else check against `hint`. One dispatch on the node's
 * kind does it all, recording the type too: its kind is read once (a read that sees every shape of
 * node, so not a cheap one).
 */
function check(cx: Checker, e: Expr, hint: Type | undefined, id: MessageId | null): Type {
  let t: Type;
  switch (e.kind) {
    case 'Literal': t = literalType(e.value); break;
    case 'Path': t = checkPath(cx, e, null); break;
    case 'Infix': t = checkInfix(cx, e); break;
    case 'Prefix': t = checkPrefix(cx, e); break;
    case 'Assign': t = checkAssign(cx, e); break;
    case 'While':
      checkAgainst(cx, e.cond, tBool);
      checkStatement(cx, e.body);
      t = tUnit;
      break;
    case 'For': t = checkFor(cx, e); break;
    case 'TypeApp': t = cx.setType(e, checkTypeApp(cx, e)); break;
    case 'FieldGet': t = cx.setType(e, checkFieldGet(cx, e)); break;
    case 'App': t = cx.setType(e, checkApp(cx, e)); break;
    case 'Index': {
      const elem = cx.fresh();
      checkAgainst(cx, e.target, array(elem));
      checkAgainst(cx, e.index, tInt);
      t = cx.setType(e, elem);
      break;
    }
    case 'If': t = cx.setType(e, checkIf(cx, e, hint, null)); break;
    case 'Match': t = cx.setType(e, checkMatch(cx, e, hint)); break;
    case 'Block':
      if (e.items.length === 0) {
        t = cx.setType(e, tUnit);
        break;
      }
      // Checked against a type, the block's last line is: a mismatch is reported there, as F# does.
      return cx.setType(e, checkBlock(cx, e, hint, id));
    case 'Record': t = cx.setType(e, checkRecord(cx, e, hint)); break;
    case 'RecordUpdate': t = cx.setType(e, checkRecordUpdate(cx, e, hint)); break;
    case 'Error': t = cx.setType(e, tError); break;
  }
  if (id === null) return t;
  const failure = cx.unifier.unify(hint!, t);
  // The help is only worked out on failure (a failed unification leaves both types' heads as they were).
  if (failure !== null) cx.reportFailure(failure, hint!, t, e.span, id, conversionHelp(e, t, hint!));
  return t;
}

/** `help:` for an integer of the wrong type: the literal with the right suffix, or a conversion. */
function conversionHelp(e: Expr, actual: Type, expected: Type): string | undefined {
  const a = prune(actual);
  const x = prune(expected);
  if (a.kind !== 'Prim' || x.kind !== 'Prim' || a.name === x.name || !isIntegerPrim(a.name) || !isIntegerPrim(x.name)) return undefined;
  if (e.kind === 'Literal' && e.value.type === 'int') {
    const digits = e.value.text.replace(/(uy|UL|ul|us|u|y|s|L|l|n)$/, '');
    return `write the literal as \`${digits}${INT_SUFFIX[x.name] ?? ''}\``;
  }
  return `F# performs no implicit numeric conversion: use \`${x.name} (…)\``;
}

/** `f a b`: each argument against the parameter type, one curried step at a time. */
function checkApp(cx: Checker, e: Extract<Expr, { kind: 'App' }>): Type {
  let t = checkExpr(cx, e.fn);
  let failed = false;
  for (const arg of e.args) {
    const p = prune(t);
    if (p.kind === 'Fun') {
      checkAgainst(cx, arg, p.from);
      t = p.to;
    } else if (p.kind === 'Var') {
      const result = cx.fresh();
      cx.expect(fun(checkExpr(cx, arg), result), p, e.fn.span);
      t = result;
    } else {
      if (p.kind !== 'Error' && !failed) cx.report('notAFunction', e.fn.span);
      failed = true;
      checkExpr(cx, arg);
      t = tError;
    }
  }
  return t;
}

/**
 * `if`/`elif`/`else`. `first` is the type of the chain's first branch when checking an `elif`,
 * so every branch is compared with it as F# does.
 */
function checkIf(cx: Checker, e: Extract<Expr, { kind: 'If' }>, hint: Type | undefined, first: Type | null): Type {
  checkAgainst(cx, e.cond, tBool);
  if (e.otherwise === null) {
    const t = first === null ? checkExpr(cx, e.then) : checkAgainst(cx, e.then, first, 'ifBranchMismatch');
    const failure = cx.unifier.unify(tUnit, t);
    if (failure !== null) cx.report('ifWithoutElse', lastLine(e.then), cx.show(t));
    return tUnit;
  }
  const t1 = first === null ? checkExpr(cx, e.then, hint) : checkAgainst(cx, e.then, first, 'ifBranchMismatch');
  const head = first ?? t1;
  if (e.otherwise.kind === 'If') cx.setType(e.otherwise, checkIf(cx, e.otherwise, hint, head));
  else checkAgainst(cx, e.otherwise, head, 'ifBranchMismatch');
  return head;
}

function checkFor(cx: Checker, e: Extract<Expr, { kind: 'For' }>): Type {
  checkAgainst(cx, e.from, tInt);
  checkAgainst(cx, e.to, tInt);
  cx.env.push();
  const sym = cx.env.newSymbol(e.variable.text, 'forVar', tInt, e);
  cx.env.define(sym);
  cx.tables.forVars.set(e, sym);
  checkStatement(cx, e.body);
  cx.env.pop();
  return tUnit;
}

/** The lines of a block in a new scope; a non-unit value dropped mid-block warns (FS0020). */
function checkBlock(cx: Checker, e: Extract<Expr, { kind: 'Block' }>, expected: Type | undefined, id: MessageId | null): Type {
  cx.env.push();
  let result: Type = tUnit;
  for (let i = 0; i < e.items.length; i++) {
    const item = e.items[i]!;
    const last = i === e.items.length - 1;
    if (item.kind === 'LocalLet') {
      checkLocalLet(cx, item);
      if (last) {
        cx.report('unfinishedLet', item.span);
        result = tError;
      }
    } else if (!last) {
      checkStatement(cx, item);
    } else if (id !== null) {
      result = checkAgainst(cx, item, expected!, id);
    } else {
      result = checkExpr(cx, item, expected);
    }
  }
  cx.env.pop();
  return result;
}

/** An expression whose value is dropped: it should be `unit`, else FS0020. */
export function checkStatement(cx: Checker, e: Expr): void {
  const t = prune(checkExpr(cx, e));
  if (t.kind === 'Var') {
    cx.unifier.unify(t, tUnit);
    return;
  }
  if (t.kind === 'Error' || (t.kind === 'Prim' && t.name === 'unit')) return;
  cx.report('discardedValue', lastLine(e), cx.show(t));
}

/** The span F# points at for a block's value: its last line, recursively. */
function lastLine(e: Expr): Span {
  if (e.kind === 'Block' && e.items.length > 0) {
    const last = e.items[e.items.length - 1]!;
    return last.kind === 'LocalLet' ? last.span : lastLine(last);
  }
  return e.span;
}

/** `target <- value`: the target must be a mutable local, a mutable field, or an array element. */
function checkAssign(cx: Checker, e: Extract<Expr, { kind: 'Assign' }>): Type {
  const target = resolveAssignTarget(cx, e);
  checkAgainst(cx, e.value, target);
  return tUnit;
}
