/**
 * `let` bindings, top-level and local: parameters, annotations, `let rec … and …` groups,
 * let-polymorphism with F#'s value restriction (only functions and constants generalise), and the
 * captures of local functions.
 */
import type { Binding, LocalLet } from '../syntax/ast.js';
import type { SymbolKind } from '../psg/program.js';
import type { Checker, FunctionContext } from './context.js';
import type { MutableBindingInfo, MutableSymbol } from './environment.js';
import { checkAgainst } from './checkExpr.js';
import { freeVars, funOf, tUnit, type Type, type TypeVar } from './types.js';

/** Options for one binding group. */
export interface GroupOptions {
  readonly rec: boolean;
  readonly local: boolean;
  /** Called after parameters are typed, before the bodies (the entry point constrains them). */
  readonly beforeBody?: (b: Binding, paramTypes: readonly Type[], returnType: Type) => void;
}

const NOT_REC: ReadonlySet<MutableSymbol> = new Set();

/** A local `let` line: check it and bring its names into the current scope. */
export function checkLocalLet(cx: Checker, item: LocalLet): void {
  checkBindingGroup(cx, item.bindings, { rec: item.rec, local: true });
}

/** Check a group of bindings; defines their symbols in the current scope and records their `BindingInfo`s. */
export function checkBindingGroup(cx: Checker, bindings: readonly Binding[], opts: GroupOptions): MutableBindingInfo[] {
  const kind: SymbolKind = opts.local ? 'local' : 'topLevel';
  cx.enterLevel();
  const symbols = bindings.map((b) => cx.env.newSymbol(b.name.text, kind, b.mutable, cx.fresh(), b));
  if (opts.rec) for (const s of symbols) defineChecked(cx, s, opts.local);
  // Outside `rec`, the group's names are not in scope in its bodies, so none can be captured.
  const group: ReadonlySet<MutableSymbol> = opts.rec ? new Set(symbols) : NOT_REC;
  const parts = bindings.map((b, i) => checkOne(cx, b, symbols[i]!, group, opts));
  cx.exitLevel();

  const preferred = new Map<TypeVar, string>();
  for (const [name, t] of cx.typeVarScope) for (const tv of freeVars(t)) preferred.set(tv, name);
  const infos = bindings.map((b, i): MutableBindingInfo => {
    const sym = symbols[i]!;
    const generalisable = !b.mutable && (b.params.length > 0 || b.body.kind === 'Literal');
    if (generalisable) sym.typeParams = cx.generalize(sym.type, preferred);
    else for (const tv of freeVars(sym.type)) tv.level = Math.min(tv.level, cx.level);
    const info: MutableBindingInfo = {
      binding: b,
      symbol: sym,
      arity: b.params.length,
      isFunction: b.params.length > 0,
      paramTypes: parts[i]!.paramTypes,
      returnType: parts[i]!.returnType,
      isLocal: opts.local,
      isRec: opts.rec,
      captures: parts[i]!.captures,
      isEntryPoint: false,
    };
    cx.side.binding(info);
    return info;
  });
  if (!opts.rec) for (const s of symbols) defineChecked(cx, s, opts.local);
  return infos;
}

/** Define a binding's symbol; a repeated top-level name is FS0037 (locals shadow, as in F#). */
function defineChecked(cx: Checker, s: MutableSymbol, local: boolean): void {
  if (!local && cx.env.definedHere(s.name)) {
    cx.report('duplicateDefinition', (s.definition as Binding).name.span, [s.name]);
  }
  cx.env.define(s);
}

interface Checked {
  readonly paramTypes: Type[];
  readonly returnType: Type;
  readonly captures: readonly MutableSymbol[];
}

const NO_CAPTURES: readonly MutableSymbol[] = Object.freeze([]);

function checkOne(cx: Checker, b: Binding, sym: MutableSymbol, group: ReadonlySet<MutableSymbol>, opts: GroupOptions): Checked {
  const fn: FunctionContext | null = opts.local && b.params.length > 0
    ? { firstId: cx.env.nextSymbolId, group, captures: new Map() }
    : null;
  if (fn !== null) cx.functions.push(fn);
  cx.env.push();
  const paramTypes = b.params.map((p) => {
    const t = p.type !== null ? cx.resolveTypeExpr(p.type) : p.unit ? tUnit : cx.fresh();
    if (p.unit && p.type !== null) cx.expect(t, tUnit, p.span);
    cx.setParamType(p, t);
    if (p.name !== null) {
      const ps = cx.env.newSymbol(p.name.text, 'param', false, t, p);
      cx.tables.paramSymbols.set(p, ps);
      cx.env.define(ps);
    }
    return t;
  });
  const returnType = b.returnType !== null ? cx.resolveTypeExpr(b.returnType) : cx.fresh();
  opts.beforeBody?.(b, paramTypes, returnType);
  if (!opts.rec) cx.defining.push(b.name.text);
  checkAgainst(cx, b.body, returnType);
  if (!opts.rec) cx.defining.pop();
  cx.env.pop();
  if (fn !== null) cx.functions.pop();
  cx.expect(funOf(paramTypes, returnType), sym.type, b.name.span);
  const captures = fn === null ? NO_CAPTURES : [...fn.captures.values()].sort((x, y) => x.id - y.id) as MutableSymbol[];
  return { paramTypes, returnType, captures };
}
