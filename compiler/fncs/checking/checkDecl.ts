/**
 * Module-level declarations: record types, `open`, and top-level `let` groups (with the
 * `[<EntryPoint>]` rules). After each `let` group, type variables still unsolved are settled as F#
 * does: integer-constrained ones default to `int`; others are reported (FS0030 for a value, else an
 * undetermined type), since Alex needs every type concrete or generic.
 */
import type { Decl, ModuleAst } from '../syntax/ast.js';
import type { RecordField } from '../psg/program.js';
import type { Checker } from './context.js';
import type { MutableBindingInfo } from './environment.js';
import { checkBindingGroup, type GroupOptions } from './checkBinding.js';
import { array, freeVars, fun, hasConstraint, hasFreeVar, tError, tInt, tString, type TypeVar } from './types.js';

type LetDecl = Extract<Decl, { kind: 'LetDecl' }>;
type RecordDecl = Extract<Decl, { kind: 'RecordDecl' }>;

/** The attributes the subset understands. */
const KNOWN_ATTRIBUTES: ReadonlySet<string> = new Set(['EntryPoint']);

export function checkModule(cx: Checker, m: ModuleAst): void {
  m.decls.forEach((d, i) => checkDeclaration(cx, d, i === m.decls.length - 1));
}

const NO_INFOS: readonly MutableBindingInfo[] = Object.freeze([]);

/**
 * One module-level declaration, after those before it; `isLast`: no declaration follows it.
 * Returns its top-level bindings, in order (as it adds them to `tables.topLevel`).
 */
export function checkDeclaration(cx: Checker, d: Decl, isLast: boolean): readonly MutableBindingInfo[] {
  switch (d.kind) {
    case 'OpenDecl': return NO_INFOS;
    case 'RecordDecl':
      checkRecordDecl(cx, d);
      return NO_INFOS;
    case 'LetDecl': return checkLetDecl(cx, d, isLast);
  }
}

function checkRecordDecl(cx: Checker, d: RecordDecl): void {
  if (cx.typeVarScope.size > 0) cx.typeVarScope = new Map();
  const fields: RecordField[] = [];
  for (const f of d.fields) {
    if (fields.some((x) => x.name === f.name.text)) {
      cx.report('duplicateField', f.name.span, [f.name.text]);
      continue;
    }
    let type = cx.resolveTypeExpr(f.type);
    if (freeVars(type).length > 0) {
      cx.report('unsupported', f.type.span, ['A generic record field']);
      type = tError;
    }
    fields.push({ name: f.name.text, type, index: fields.length, mutable: f.mutable });
  }
  if (cx.tables.records.has(d.name.text)) {
    cx.report('duplicateType', d.name.span, [d.name.text]);
    return;
  }
  cx.declareRecord({ name: d.name.text, fields });
}

const ENTRY_TYPE = fun(array(tString), tInt);
const TOP: GroupOptions = { rec: false, local: false };
const TOP_REC: GroupOptions = { rec: true, local: false };

function checkLetDecl(cx: Checker, d: LetDecl, isLast: boolean): readonly MutableBindingInfo[] {
  cx.tables.decls.open(d.span);
  if (cx.typeVarScope.size > 0) cx.typeVarScope = new Map();
  cx.pendingCount = 0;
  let entry = false;
  for (const a of d.attributes) {
    if (a.name.text === 'EntryPoint' || a.name.text === 'EntryPointAttribute') entry = true;
    else if (!KNOWN_ATTRIBUTES.has(a.name.text)) cx.report('unknownAttribute', a.name.span, [a.name.text]);
  }
  const first = d.bindings[0]!;
  let entryOk = true;
  if (entry) {
    if (!isLast) cx.report('entryPointNotLast', first.name.span);
    if (first.params.length !== 1) {
      cx.report('entryPointParams', first.name.span, [first.params.length]);
      entryOk = false;
    }
  }
  const options: GroupOptions = !entry ? (d.rec ? TOP_REC : TOP) : {
    rec: d.rec,
    local: false,
    beforeBody: (b, params, ret) => {
      if (b !== first || params.length !== 1) return;
      // Constrain first so `argv.[i]` and the exit code type inside the body.
      if (cx.unifier.unify(params[0]!, array(tString)) !== null) entryOk = false;
      cx.unifier.unify(ret, tInt);
    },
  };
  const infos = checkBindingGroup(cx, d.bindings, options);
  settleLeftovers(cx, infos);
  for (const info of infos) {
    const isEntry = entry && info.binding === first;
    if (isEntry && entryOk && cx.unifier.unify(info.symbol.type, ENTRY_TYPE) !== null) entryOk = false;
    if (isEntry && !entryOk && first.params.length === 1) cx.report('entryPointSignature', first.name.span, cx.show(info.symbol.type));
    if (isEntry) info.isEntryPoint = true;
    cx.tables.topLevel.push(info);
  }
  cx.zonkDeclaration();
  return infos;
}

/** Default or report the type variables left unsolved by a top-level group. */
function settleLeftovers(cx: Checker, infos: readonly MutableBindingInfo[]): void {
  for (const info of infos) {
    if (info.isFunction || !hasFreeVar(info.symbol.type)) continue;
    for (const tv of freeVars(info.symbol.type)) {
      settle(tv, () => cx.report('valueRestriction', info.binding.name.span, [info.symbol.name, cx.show(info.symbol.type)[0]!]));
    }
  }
  for (let i = 0; i < cx.pendingCount; i++) {
    const type = cx.pendingTypes[i]!;
    // Most are solved by now: the check spares listing their (no) variables.
    if (!hasFreeVar(type)) continue;
    for (const tv of freeVars(type)) settle(tv, () => cx.report('typeUndetermined', cx.pendingSpans[i]!, cx.show(type)));
  }
  cx.pendingCount = 0;
}

/**
 * Integer-like variables default to `int`; any other is reported (`report`) and becomes the error
 * type. Either way it is solved, so it is never free (and settled) again.
 */
function settle(tv: TypeVar, report: () => void): void {
  if (tv.generic) return;
  if (hasConstraint(tv, 'integer') || hasConstraint(tv, 'addable') || hasConstraint(tv, 'signed')) {
    tv.link = tInt;
    return;
  }
  report();
  tv.link = tError;
}
