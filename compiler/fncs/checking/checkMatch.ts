/**
 * `match e with | pattern [when guard] -> body …`: patterns are checked against the scrutinee's
 * type and bind variables for their arm; every arm's body must have the first arm's type; then the
 * rules are analysed for completeness (FS0025) and redundancy (FS0026).
 */
import type { Expr, Pattern } from '../syntax/ast.js';
import type { Checker } from './context.js';
import type { MutableSymbol } from './environment.js';
import { checkAgainst, checkExpr } from './checkExpr.js';
import { analyseMatch } from './exhaustiveness.js';
import { containsError, literalType, tBool, zonk, type Type } from './types.js';

/** What a pattern that binds no name is checked with: never written. */
const NO_NAMES: Map<string, MutableSymbol> = new Map();

export function checkMatch(cx: Checker, e: Extract<Expr, { kind: 'Match' }>, hint: Type | undefined): Type {
  const scrutinee = checkExpr(cx, e.scrutinee);
  let result: Type | null = null;
  for (const arm of e.arms) {
    cx.env.push();
    if (bindsNames(arm.pattern)) {
      const bound = new Map<string, MutableSymbol>();
      checkPattern(cx, arm.pattern, scrutinee, bound);
      for (const s of bound.values()) cx.env.define(s);
    } else {
      checkPattern(cx, arm.pattern, scrutinee, NO_NAMES);
    }
    if (arm.guard !== null) checkAgainst(cx, arm.guard, tBool);
    if (result === null) result = checkExpr(cx, arm.body, hint);
    else checkAgainst(cx, arm.body, result, 'matchArmMismatch');
    cx.env.pop();
  }
  const t = zonk(scrutinee);
  const analysis = analyseMatch(t, e.arms);
  if (!containsError(t)) {
    if (analysis.missing !== null) cx.report('incompleteMatch', e.scrutinee.span, [analysis.missing]);
    for (const p of analysis.redundant) cx.report('ruleNeverMatched', p.span);
  }
  cx.side.match(e, scrutinee, analysis.missing === null);
  return result ?? cx.fresh();
}

/**
 * Check pattern `p` against type `t`, adding the variables it binds to `bound`. The alternatives of
 * an or-pattern must bind the same names; the later alternatives' variables share the first's symbols.
 */
export function checkPattern(cx: Checker, p: Pattern, t: Type, bound: Map<string, MutableSymbol>): void {
  cx.setPatternType(p, t);
  switch (p.kind) {
    case 'PWild':
      return;
    case 'PConst':
      cx.expect(literalType(p.value), t, p.span);
      return;
    case 'PVar': {
      const existing = bound.get(p.name.text);
      if (existing !== undefined) {
        cx.report('duplicateDefinition', p.name.span, [p.name.text]);
        cx.tables.patternSymbols.set(p, existing);
        return;
      }
      const s = cx.env.newSymbol(p.name.text, 'patternVar', t, p);
      bound.set(p.name.text, s);
      cx.tables.patternSymbols.set(p, s);
      return;
    }
    case 'POr': {
      if (!bindsNames(p)) {
        for (const alt of p.alternatives) checkPattern(cx, alt, t, bound);
        return;
      }
      const first = new Map<string, MutableSymbol>();
      p.alternatives.forEach((alt, i) => {
        if (i === 0) {
          checkPattern(cx, alt, t, first);
          return;
        }
        const mine = new Map<string, MutableSymbol>();
        checkPattern(cx, alt, t, mine);
        const same = mine.size === first.size && [...mine.keys()].every((k) => first.has(k));
        if (!same) cx.report('orPatternBindings', alt.span);
        for (const pv of pvarsOf(alt)) {
          const shared = first.get(pv.name.text);
          if (shared !== undefined) cx.tables.patternSymbols.set(pv, shared);
        }
      });
      for (const [k, s] of first) bound.set(k, s);
      return;
    }
  }
}

/** Whether `p` binds any name (most patterns are constants and wildcards: they need no map of names). */
function bindsNames(p: Pattern): boolean {
  if (p.kind === 'PVar') return true;
  if (p.kind !== 'POr') return false;
  for (const alt of p.alternatives) if (bindsNames(alt)) return true;
  return false;
}

function pvarsOf(p: Pattern): Extract<Pattern, { kind: 'PVar' }>[] {
  if (p.kind === 'PVar') return [p];
  if (p.kind === 'POr') return p.alternatives.flatMap(pvarsOf);
  return [];
}
