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
import { instantiateIntrinsic, intrinsicMember, intrinsicSchemes } from './intrinsicSignatures.js';
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
  const symbol = cx.env.lookup(first.text);
  if (symbol !== undefined) {
    noteCapture(cx, symbol, first);
    if (explicit !== null) cx.report('unsupported', explicit.node.span, [`Explicit type arguments on '${first.text}'`]);
    const typeArgs: Type[] | null = symbol.typeParams.length === 0 ? null : [];
    const type = typeArgs === null ? symbol.type : cx.instantiate(symbol, typeArgs);
    if (e.parts.length === 1) return recordPath(cx, e, cx.side.resolveSymbol(e, symbol, typeArgs, NONE), type);
    const fields: FieldAccess[] = [];
    const t = fieldChain(cx, type, e.parts, 1, fields);
    return recordPath(cx, e, cx.side.resolveSymbol(e, symbol, typeArgs, fields), t);
  }
  // `Module.name` (two parts), else a bare name (one part).
  let scheme = e.parts.length >= 2 ? intrinsicMember(first.text, e.parts[1]!.text) : undefined;
  const consumed = scheme === undefined ? 1 : 2;
  scheme ??= intrinsicSchemes.get(first.text);
  if (scheme !== undefined) {
    const given = explicit === null ? NONE : explicit.types.map((t) => cx.resolveTypeExpr(t));
    if (explicit !== null && scheme.typeParams.length === 0) {
      cx.report('unexpectedTypeArgs', explicit.node.span, [scheme.intrinsic.name]);
    } else if (explicit !== null && given.length !== scheme.typeParams.length) {
      cx.report('wrongTypeArgCount', explicit.node.span, [scheme.intrinsic.name, scheme.typeParams.length, given.length]);
    }
    const inst = instantiateIntrinsic(scheme, cx.supply, cx.level, given.length === scheme.typeParams.length ? given : NONE);
    let t = inst.type;
    let fields: readonly FieldAccess[] = NONE;
    if (e.parts.length > consumed) {
      const steps: FieldAccess[] = [];
      t = fieldChain(cx, t, e.parts, consumed, steps);
      fields = steps;
    }
    return recordPath(cx, e, cx.side.resolveIntrinsic(e, scheme.intrinsic, inst.typeArgs, inst.type, fields), t);
  }
  reportUnknown(cx, e);
  cx.tables.resolutions.set(e, UNRESOLVED);
  return recordPath(cx, e, UNRESOLVED, tError);
}

/** Record the type `t` of path `e` unless it follows from the resolution `r`; returns `t`. */
function recordPath(cx: Checker, e: PathExpr, r: PathResolution, t: Type): Type {
  if (derivedPathType(e, r) === null) return cx.setType(e, t);
  cx.notePending(t, e.span);
  return t;
}

const UNRESOLVED: PathResolution = { kind: 'error' };

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

/** Apply the `.Field` steps `names[from…]` to a value of type `t`, adding each access to `fields`. */
function fieldChain(cx: Checker, t: Type, names: readonly Name[], from: number, fields: FieldAccess[]): Type {
  let cur = t;
  for (let i = from; i < names.length; i++) {
    const access = accessField(cx, cur, names[i]!);
    if (access !== null) fields.push(access);
    cur = access === null ? tError : access.type;
  }
  return cur;
}

/**
 * Record that each enclosing local function being checked captures `symbol` when it was defined
 * outside it; capturing a local `let mutable` is FS0407, as in F#.
 */
function noteCapture(cx: Checker, symbol: MutableSymbol, at: Name): void {
  if (symbol.kind === 'topLevel') return;
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
  const t = checkExpr(cx, target);
  if (target.kind === 'Path') {
    const r: PathResolution | undefined = cx.tables.resolutions.get(target);
    if (r === undefined || r.kind === 'error') return t;
    const last = r.fields[r.fields.length - 1];
    if (last !== undefined) {
      if (!isMutableField(cx, last)) cx.report('fieldNotMutable', e.span);
    } else if (r.kind === 'intrinsic') {
      cx.report('notAssignable', e.span);
    } else if (!r.symbol.mutable) {
      cx.report('notMutable', e.span, [r.symbol.name]);
    }
    return t;
  }
  if (target.kind === 'FieldGet') {
    const access = cx.tables.fieldGets.get(target);
    if (access !== undefined && !isMutableField(cx, access)) cx.report('fieldNotMutable', e.span);
    return t;
  }
  if (target.kind !== 'Index') cx.report('notAssignable', e.span);
  return t;
}

const isMutableField = (cx: Checker, a: FieldAccess): boolean => cx.tables.records.get(a.record)?.fields[a.index]?.mutable ?? false;
