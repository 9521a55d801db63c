/**
 * `let` bindings, top-level and local: parameters, annotations, `let rec … and …` groups,
 * let-polymorphism with F#'s value restriction (only functions and constants generalise), and the
 * captures of local functions.
 */
import type { Binding, LocalLet } from '../syntax/ast.js';
import type { Symbol } from '../psg/program.js';
import type { Checker, FunctionContext } from './context.js';
import type { MutableBindingInfo, MutableSymbol } from './environment.js';
import { checkAgainst, checkExpr } from './checkExpr.js';
import { freeVars, fun, funOf, hasFreeVar, isGround, tError, tUnit, zonk, type Type, type TypeVar } from './types.js';

/** Options for one binding group. */
export interface GroupOptions {
  readonly rec: boolean;
  readonly local: boolean;
  /** Called after parameters are typed, before the bodies (the entry point constrains them). */
  readonly beforeBody?: (b: Binding, paramTypes: readonly Type[], returnType: Type) => void;
}

const NOT_REC: ReadonlySet<MutableSymbol> = new Set();
const LOCAL: GroupOptions = { rec: false, local: true };
const LOCAL_REC: GroupOptions = { rec: true, local: true };
const NO_NAMES: ReadonlyMap<TypeVar, string> = new Map();

/** A local `let` line: check it and bring its names into the current scope. */
export function checkLocalLet(cx: Checker, item: LocalLet): void {
  checkBindingGroup(cx, item.bindings, item.rec ? LOCAL_REC : LOCAL);
}

/** Check a group of bindings; defines their symbols in the current scope and records their `BindingInfo`s. */
export function checkBindingGroup(cx: Checker, bindings: readonly Binding[], opts: GroupOptions): MutableBindingInfo[] {
  const kind = opts.local ? 'local' : 'topLevel';
  cx.enterLevel();
  // A list of the group's size (a list grown from empty starts with room for 17).
  const symbols = new Array<MutableBindingInfo>(bindings.length);
  for (let i = 0; i < bindings.length; i++) {
    // Outside `rec` no body sees the symbol: its type is set once its body is checked.
    symbols[i] = cx.env.newBindingSymbol(bindings[i]!, kind, opts.rec ? cx.fresh() : tError, opts.rec);
  }
  if (opts.rec) for (const s of symbols) defineChecked(cx, s, opts.local);
  // Outside `rec`, the group's names are not in scope in its bodies, so none can be captured.
  const group: ReadonlySet<MutableSymbol> = opts.rec ? new Set(symbols) : NOT_REC;
  for (const s of symbols) checkOne(cx, s, group, opts);
  cx.exitLevel();

  const preferred = cx.typeVarScope.size === 0 ? NO_NAMES : annotatedNames(cx);
  for (const sym of symbols) {
    const b = sym.binding;
    const generalisable = !b.mutable && (b.params.length > 0 || b.body.kind === 'Literal');
    if (generalisable) sym.typeParams = cx.generalize(sym.type, preferred);
    else if (hasFreeVar(sym.type)) for (const tv of freeVars(sym.type)) tv.level = Math.min(tv.level, cx.level);
    cx.side.binding(sym);
  }
  if (!opts.rec) for (const s of symbols) defineChecked(cx, s, opts.local);
  return symbols;
}

/** The `'T` names written in the current top-level binding's annotations, by the variable each became. */
function annotatedNames(cx: Checker): Map<TypeVar, string> {
  const names = new Map<TypeVar, string>();
  for (const [name, t] of cx.typeVarScope) for (const tv of freeVars(t)) names.set(tv, name);
  return names;
}

/**
 * Define a binding's symbol; a repeated top-level name is FS0037 (locals shadow, as in F#). Top-level
 * bindings are defined in the module scope, so any name they shadow was defined there before.
 */
function defineChecked(cx: Checker, s: MutableSymbol, local: boolean): void {
  if (cx.env.define(s) !== undefined && !local) cx.report('duplicateDefinition', (s.definition as Binding).name.span, [s.name]);
}


/**
 * `params -> result` built from what is solved so far: zonking the declaration then finds nothing
 * to rebuild in it (building it from the variables would have it copied once they are solved).
 * Final steps are the run's shared objects (see `GroundFunTypes`).
 */
function solvedFunOf(cx: Checker, params: readonly Type[], result: Type): Type {
  let t = zonk(result);
  // A value's type is its body's (most local `let`s): nothing to build, nor to test for variables.
  if (params.length === 0) return t;
  let ground = isGround(t);
  for (let i = params.length - 1; i >= 0; i--) {
    const p = zonk(params[i]!);
    ground = ground && isGround(p);
    t = ground ? cx.groundFuns.fun(p, t) : fun(p, t);
  }
  return t;
}
const byId = (x: Symbol, y: Symbol): number => x.id - y.id;

/** Check the binding of `sym`, recording its facts on it. */
function checkOne(cx: Checker, sym: MutableBindingInfo, group: ReadonlySet<MutableSymbol>, opts: GroupOptions): void {
  const b = sym.binding;
  const fn: FunctionContext | null = opts.local && b.params.length > 0
    ? { firstId: cx.env.nextSymbolId, group, captures: [] }
    : null;
  if (fn !== null) cx.functions.push(fn);
  // The parameters' scope: a value (most local `let`s) has none to open.
  const params = b.params.length > 0;
  if (params) cx.env.push();
  const paramTypes = b.params.length === 0 ? sym.paramTypes : new Array<Type>(b.params.length);
  for (let i = 0; i < b.params.length; i++) {
    const p = b.params[i]!;
    const t = p.type !== null ? cx.resolveTypeExpr(p.type) : p.unit ? tUnit : cx.fresh();
    if (p.unit && p.type !== null) cx.expect(t, tUnit, p.span);
    // A named parameter's type is its symbol's: only the others record theirs.
    if (p.name !== null) {
      cx.notePending(t, p.span);
      const ps = cx.env.newSymbol(p.name.text, 'param', t, p);
      cx.tables.paramSymbols.set(p, ps);
      cx.env.define(ps);
    } else {
      cx.setParamType(p, t);
      cx.tables.paramSymbols.set(p, null);
    }
    paramTypes[i] = t;
  }
  // With nothing known of the result beforehand, the body's type is the result: checking it against
  // a fresh variable would only solve that variable (and walk the body's type in the occurs check).
  const expected = b.returnType !== null ? cx.resolveTypeExpr(b.returnType) : opts.beforeBody !== undefined ? cx.fresh() : null;
  if (expected !== null) opts.beforeBody?.(b, paramTypes, expected);
  if (!opts.rec) cx.defining.push(b.name.text);
  let returnType = expected;
  if (returnType === null) returnType = checkExpr(cx, b.body);
  else checkAgainst(cx, b.body, returnType);
  if (!opts.rec) cx.defining.pop();
  if (params) cx.env.pop();
  if (fn !== null) cx.functions.pop();
  if (opts.rec) cx.expect(funOf(paramTypes, returnType), sym.type, b.name.span);
  else sym.type = solvedFunOf(cx, paramTypes, returnType);
  sym.paramTypes = paramTypes;
  sym.returnType = returnType;
  if (fn !== null && fn.captures.length > 0) sym.captures = fn.captures.sort(byId);
}
