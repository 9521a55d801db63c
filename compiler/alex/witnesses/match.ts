/**
 * The witness for `match`: the scrutinee is evaluated once, then the arms become a chain of
 * `scf.if`s, each testing its pattern (and guard) with the next arms in its `else`. A match the
 * checker found incomplete (FS0025) ends in `@fidelity_match_failure`, as F# raises
 * MatchFailureException; an exhaustive match's last arm needs no test.
 */
import type { Expr, LiteralValue, Pattern } from '../../fncs/syntax/ast.js';
import { SUPPORT } from '../../intrinsics/table.js';
import { arith, predicates } from '../ir/builder.js';
import type { Loc, Value } from '../ir/ir.js';
import { i1, i32, type MlirType } from '../ir/types.js';
import { noTypes } from '../ir/opParts.js';
import { DISCARD, type LValue, type Lowerer, type Want, type Witness } from './context.js';
import { stringValue } from './literals.js';
import { boolResult } from './operators.js';
import { callSupport } from './support.js';

type MatchExpr = Extract<Expr, { kind: 'Match' }>;
/** A pattern's test: an i1 value, or 'always' when it matches anything. */
type Test = Value | 'always';

function constTest(L: Lowerer, v: LiteralValue, s: LValue, loc: Loc): Test {
  switch (v.type) {
    case 'unit': return 'always';
    case 'bool': return L.b.cmpi(predicates.eq, s!, L.constant(i1, v.value, loc), loc);
    case 'int': return L.b.cmpi(predicates.eq, s!, L.constant(s!.type, v.value, loc), loc);
    case 'string': return callSupport(L, SUPPORT.stringEquals, [s!, stringValue(L, v.value, loc)], loc);
  }
}

function patternTest(L: Lowerer, p: Pattern, s: LValue): Test {
  const loc = L.loc(p.span);
  switch (p.kind) {
    case 'PWild':
    case 'PVar': return 'always';
    case 'PConst': return constTest(L, p.value, s, loc);
    case 'POr': {
      // Loops, not `map` and `reduce`: their callbacks would be new closures at every pattern.
      const tests: Test[] = [];
      for (const a of p.alternatives) tests.push(patternTest(L, a, s));
      if (tests.includes('always')) return 'always';
      let any = tests[0] as Value;
      for (let i = 1; i < tests.length; i++) any = L.b.binary(arith.ori, any, tests[i] as Value, loc);
      return any;
    }
  }
}

function bindPattern(L: Lowerer, p: Pattern, s: LValue): void {
  if (p.kind === 'PVar') L.fn.env.set(L.program.patternSymbol(p).id, { kind: 'value', value: s });
  if (p.kind === 'POr') for (const a of p.alternatives) bindPattern(L, a, s);
}

function failure(L: Lowerer, e: MatchExpr, type: MlirType | null): LValue {
  const loc = L.loc(e.span);
  callSupport(L, SUPPORT.matchFailure, [stringValue(L, e.span.file, loc), L.constant(i32, e.span.startLine, loc), L.constant(i32, e.span.startCol, loc)], loc);
  return type === null ? null : L.b.poison(type, loc);
}

function arms(L: Lowerer, e: MatchExpr, s: LValue, i: number, type: MlirType | null, exhaustive: boolean, want: Want): LValue {
  const arm = e.arms[i];
  if (arm === undefined) return failure(L, e, type);
  const loc = L.loc(arm.span);
  bindPattern(L, arm.pattern, s);
  const lastOfExhaustive = exhaustive && i === e.arms.length - 1 && arm.guard === null;
  let cond: Test = lastOfExhaustive ? 'always' : patternTest(L, arm.pattern, s);
  const b = L.b;
  if (arm.guard !== null) {
    const guard = arm.guard;
    if (cond === 'always') cond = L.lowerValue(guard);
    else {
      b.beginBranch();
      const guarded = b.endBranch([L.lowerValue(guard)], loc);
      b.beginBranch();
      const unguarded = b.endBranch([L.constant(i1, false, loc)], loc);
      cond = b.ifOp(cond, boolResult, guarded, unguarded, loc)[0]!;
    }
  }
  const bodyWant = type === null ? DISCARD : want;
  if (cond === 'always') return L.lower(arm.body, bodyWant);
  b.beginBranch();
  const matched = b.endBranch(yielded(L.lower(arm.body, bodyWant), type), loc);
  b.beginBranch();
  const rest = b.endBranch(yielded(arms(L, e, s, i + 1, type, exhaustive, want), type), loc);
  return b.ifOp(cond, type === null ? noTypes : [type], matched, rest, loc)[0] ?? null;
}

/** What a branch of a match of result `type` yields. */
const yielded = (v: LValue, type: MlirType | null): Value[] => (type === null || v === null ? [] : [v]);

export const match: Witness<MatchExpr> = (L, e, want): LValue => {
  const s = L.lower(e.scrutinee);
  const type = L.mlirType(L.typeOf(e), e.span);
  return arms(L, e, s, 0, type, L.program.matchInfoOf(e).exhaustive, want);
};
