/**
 * Name resolution for dotted paths (`x`, `frame.Length`, `Sys.read`, `int`) and explicit type
 * arguments (`Region.alloc<byte>`), plus the assignment-target rules of `<-`.
 *
 * A path resolves to a symbol in scope followed by record field accesses, or failing that to an
 * intrinsic (`Module.name` or a bare name like `int`) followed by field accesses. Unknown names are
 * FS0039 with "did you mean" over everything in scope, intrinsics included. References from a local
 * function to enclosing locals are recorded as captures (and a captured `let mutable` is FS0407).
 */
import type { Expr, Name, TypeExpr } from '../syntax/ast.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import { intrinsicModules, intrinsics } from '../../intrinsics/table.js';
import { derivedPathType, type FieldAccess, type PathResolution } from '../psg/program.js';
import type { Checker } from './context.js';
import type { MutableSymbol } from './environment.js';
import { accessField } from './checkRecord.js';
import { checkExpr } from './checkExpr.js';
import { instantiateIntrinsic } from './intrinsicSignatures.js';
import { NONE } from './sideTables.js';
import { tError, type Type } from './types.js';

type PathExpr = Extract<Expr, { kind: 'Path' }>;

/** Type arguments written on a path, with the node that wrote them (for spans). */
interface ExplicitTypeArgs {
  readonly types: readonly TypeExpr[];
  readonly node: Extract<Expr, { kind: 'TypeApp' }>;
}

/** The type of a path expression; its resolution goes into the tables. */
export function checkPath(cx: Checker, e: PathExpr, explicit: ExplicitTypeArgs | null): Type {
  const first = e.parts[0]!;
  const slot = cx.env.slot(first.text);
  const symbol = slot?.symbol;
  if (symbol !== undefined) {
    noteCapture(cx, symbol, first);
    if (explicit !== null) cx.report('unsupported', explicit.node.span, [`Explicit type arguments on '${first.text}'`]);
    const typeArgs: Type[] | null = symbol.typeParams.length === 0 ? null : [];
    const type = typeArgs === null ? symbol.type : cx.instantiate(symbol, typeArgs);
    if (e.parts.length === 1) return recordPath(cx, e, cx.side.resolveSymbol(e, symbol, typeArgs, NONE), type);
    const fields = fieldChain(cx, type, e.parts, 1);
    return recordPath(cx, e, cx.side.resolveSymbol(e, symbol, typeArgs, fields), chainType(fields, e.parts.length - 1));
  }
  // `Module.name` (two parts), else a bare name (one part).
  let scheme = e.parts.length >= 2 ? slot?.members?.get(e.parts[1]!.text) : undefined;
  const consumed = scheme === undefined ? 1 : 2;
  scheme ??= slot?.intrinsic;
  if (scheme !== undefined) {
    const given = explicit === null ? NONE : resolveTypeArgs(cx, explicit.types);
    if (explicit !== null && scheme.typeParams.length === 0) {
      cx.report('unexpectedTypeArgs', explicit.node.span, [scheme.intrinsic.name]);
    } else if (explicit !== null && given.length !== scheme.typeParams.length) {
      cx.report('wrongTypeArgCount', explicit.node.span, [scheme.intrinsic.name, scheme.typeParams.length, given.length]);
    }
    const inst = instantiateIntrinsic(scheme, cx.supply, cx.level, given.length === scheme.typeParams.length ? given : NONE);
    let t = inst.type;
    let fields: readonly FieldAccess[] = NONE;
    if (e.parts.length > consumed) {
      fields = fieldChain(cx, t, e.parts, consumed);
      t = chainType(fields, e.parts.length - consumed);
    }
    return recordPath(cx, e, cx.side.resolveIntrinsic(e, scheme.intrinsic, inst.typeArgs, inst.type, fields), t);
  }
  reportUnknown(cx, e);
  return recordPath(cx, e, cx.side.resolveUnknown(e), tError);
}

/**
 * The types written as `<…>`. (Not a closure in `checkPath`: one capturing `cx` there would cost
 * every path a context object, whether it has type arguments or not.)
 */
function resolveTypeArgs(cx: Checker, types: readonly TypeExpr[]): Type[] {
  return types.map((t) => cx.resolveTypeExpr(t));
}

/** Record the type `t` of path `e` unless it follows from the resolution `r`; returns `t`. */
function recordPath(cx: Checker, e: PathExpr, r: PathResolution, t: Type): Type {
  if (derivedPathType(e, r) === null) return cx.setType(e, t);
  cx.notePending(t, e.span);
  return t;
}

/** `target<types>`: only a path may take explicit type arguments. */
export function checkTypeApp(cx: Checker, e: Extract<Expr, { kind: 'TypeApp' }>): Type {
  if (e.target.kind === 'Path') return checkPath(cx, e.target, { types: e.typeArgs, node: e });
  cx.report('unsupported', e.span, ['Explicit type arguments on this expression']);
  checkExpr(cx, e.target);
  return tError;
}

function reportUnknown(cx: Checker, e: PathExpr): void {
  const [first, second] = e.parts;
  if (second !== undefined && intrinsicModules.has(first!.text)) {
    const members = intrinsics.filter((i) => i.name.startsWith(`${first!.text}.`)).map((i) => i.name);
    cx.report('undefinedModuleMember', second.span, [second.text], didYouMean(`${first!.text}.${second.text}`, members));
    return;
  }
  if (cx.defining.includes(first!.text)) {
    cx.report('recursiveWithoutRec', first!.span, [first!.text]);
    return;
  }
  let help: string | undefined;
  if (second !== undefined) help = didYouMean(`${first!.text}.${second.text}`, intrinsics.map((i) => i.name));
  help ??= didYouMean(first!.text, [...cx.env.names(), ...intrinsics.filter((i) => !i.name.includes('.')).map((i) => i.name), ...intrinsicModules]);
  cx.report('undefinedName', first!.span, [first!.text], help);
}

/**
 * The accesses of the `.Field` steps `names[from…]` applied to a value of type `t`: one per step
 * unless a step fails (reported), after which the rest are on the error type and add none.
 */
function fieldChain(cx: Checker, t: Type, names: readonly Name[], from: number): readonly FieldAccess[] {
  const first = accessField(cx, t, names[from]!);
  // Most paths take one step: the field's shared list of exactly its access.
  if (names.length === from + 1) return first === null ? NONE : cx.records.chainOf(first);
  const fields: FieldAccess[] = [];
  let access = first;
  for (let i = from + 1; ; i++) {
    if (access !== null) fields.push(access);
    if (i === names.length) return fields;
    access = accessField(cx, access === null ? tError : access.type, names[i]!);
  }
}

/** The type a path's `steps` field steps end with, from their accesses (the error type if one failed). */
const chainType = (fields: readonly FieldAccess[], steps: number): Type => (fields.length === steps ? fields[steps - 1]!.type : tError);

/**
 * Record that each enclosing local function being checked captures `symbol` when it was defined
 * outside it; capturing a local `let mutable` is FS0407, as in F#.
 */
function noteCapture(cx: Checker, symbol: MutableSymbol, at: Name): void {
  // Most uses are outside any local function, where there is nothing to note.
  if (cx.functions.length === 0 || symbol.kind === 'topLevel') return;
  let reported = false;
  for (const fn of cx.functions) {
    if (symbol.id >= fn.firstId || fn.group.has(symbol)) continue;
    if (!fn.captures.includes(symbol)) fn.captures.push(symbol);
    if (symbol.mutable && !reported) {
      cx.report('capturedMutable', at.span, [symbol.name]);
      reported = true;
    }
  }
}

/** The type of the target of `target <- value`, after checking it may be assigned. */
export function resolveAssignTarget(cx: Checker, e: Extract<Expr, { kind: 'Assign' }>): Type {
  const target = e.target;
  if (target.kind === 'Path') {
    // What `checkExpr` does for a path; its resolution is then the latest recorded.
    const t = checkPath(cx, target, null);
    const r = cx.side.lastResolution;
    if (r.kind === 'error') return t;
    // A name alone (most targets: `i <- i + 1`) takes no field step.
    const last = target.parts.length === 1 ? undefined : r.fields[r.fields.length - 1];
    if (last !== undefined) {
      if (!isMutableField(cx, last)) cx.report('fieldNotMutable', e.span);
    } else if (r.kind === 'intrinsic') {
      cx.report('notAssignable', e.span);
    } else if (!r.symbol.mutable) {
      cx.report('notMutable', e.span, [r.symbol.name]);
    }
    return t;
  }
  const t = checkExpr(cx, target);
  if (target.kind === 'FieldGet') {
    const access = cx.tables.fieldGets.get(target);
    if (access !== undefined && !isMutableField(cx, access)) cx.report('fieldNotMutable', e.span);
    return t;
  }
  if (target.kind !== 'Index') cx.report('notAssignable', e.span);
  return t;
}

const isMutableField = (cx: Checker, a: FieldAccess): boolean => cx.tables.records.get(a.record)?.fields[a.index]?.mutable ?? false;
