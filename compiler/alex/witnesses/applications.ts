/**
 * Witnesses for application: calls of top-level functions (`func.call`, specialised when generic),
 * of lifted local functions (captures passed first), and of intrinsics (see `intrinsics.ts`);
 * `argv.[i]` indexing. Only saturated calls are lowered: partial application needs closures,
 * which this lowering leaves out (FS4000).
 */
import type { Expr, Span } from '../../fncs/syntax/ast.js';
import { prune, type Type } from '../../fncs/checking/types.js';
import { attr, type Value } from '../ir/ir.js';
import { readEntry } from './bindings.js';
import type { LValue, Lowerer, Want, Witness } from './context.js';
import { lowerIntrinsic } from './intrinsics.js';
import { literalAs } from './literals.js';
import { i32 } from '../ir/types.js';
import { noTypes } from '../ir/opParts.js';
import { substitute } from './types2mlir.js';

/** A use's type arguments under the current specialisation (no copy when there are none). */
const typeArgsHere = (L: Lowerer, typeArgs: readonly Type[]): readonly Type[] =>
  typeArgs.length === 0 ? typeArgs : typeArgs.map((t) => substitute(t, L.fn.subst));

/** How many arguments a curried function type takes (`a -> b -> c`: 2), counted without collecting them. */
function curriedArity(t: Type): number {
  let n = 0;
  for (let cur = prune(t); cur.kind === 'Fun'; cur = prune(cur.to)) n++;
  return n;
}

function partial(L: Lowerer, span: Span, name: string, expected: number, given: number): never {
  return L.fail(span, 'loweringUnsupported', [
    given < expected ? `Partial application of '${name}' (${given} of ${expected} arguments; closures)` : `Applying the result of '${name}' to more arguments (closures)`,
  ]);
}

/**
 * Lower `fn args…`, the call expression `call` (whose F# type is the call's result type; it is
 * looked up only where the lowering needs it).
 */
export function lowerCall(L: Lowerer, fn: Expr, args: readonly Expr[], call: Expr, want: Want): LValue {
  const span = call.span;
  const head = fn.kind === 'TypeApp' ? fn.target : fn;
  if (head.kind !== 'Path') return L.fail(fn.span, 'loweringUnsupported', ['Calling a computed function value (closures)']);
  const r = L.program.resolutionOf(head);
  if (r.kind === 'error') return L.fail(head.span, 'loweringUnsupported', ['An unresolved name']);
  if (r.fields.length > 0) return L.fail(head.span, 'loweringUnsupported', ['Calling a function stored in a record field (closures)']);
  if (r.kind === 'intrinsic') {
    const arity = curriedArity(r.type);
    if (arity !== args.length) return partial(L, span, r.intrinsic.name, arity, args.length);
    return lowerIntrinsic(L, r, args, call, want);
  }
  const s = r.symbol;
  if (s.kind === 'topLevel') {
    const top = L.topLevel(s.id);
    if (top === undefined || !top.info.isFunction) return L.fail(head.span, 'loweringUnsupported', [`Calling the value '${s.name}' (closures)`]);
    const info = top.info;
    if (info.arity !== args.length) return partial(L, span, s.name, info.arity, args.length);
    // A non-generic function is named at its first call; after it, its call needs no lookup but this one.
    if (top.call !== undefined) return L.b.callWith(top.call.callee, loweredArgs(L, args), top.call.results, L.loc(span))[0] ?? null;
    const callee = L.functions.topLevel(info, typeArgsHere(L, r.typeArgs));
    const argValues = loweredArgs(L, args);
    // The result type of a saturated call of a non-generic top-level function is the one it declares (no lookup).
    if (info.symbol.typeParams.length > 0 || info.isEntryPoint) return emitCall(L, callee, argValues, L.typeOf(call), span);
    if (r.typeArgs.length > 0) return emitCall(L, callee, argValues, info.returnType, span);
    const t = L.mlirType(info.returnType, span);
    // Made here, not found in the module's shared records: kept for every call of the function,
    // it is asked for once, and a map entry would be looked up only to miss.
    top.call = { callee: { callee: attr.symbol(callee) }, results: t === null ? noTypes : [t] };
    return L.b.callWith(top.call.callee, argValues, top.call.results, L.loc(span))[0] ?? null;
  }
  const entry = L.fn.env.get(s.id);
  if (entry?.kind !== 'function') return L.fail(head.span, 'loweringUnsupported', [`Calling the function value '${s.name}' (closures)`]);
  const arity = entry.info.arity;
  if (arity !== args.length) return partial(L, span, s.name, arity, args.length);
  const callee = entry.nameFor(typeArgsHere(L, r.typeArgs));
  // The captured values a lifted local function takes first.
  const captured: Value[] = [];
  for (const c of entry.captures) {
    const ce = L.fn.env.get(c.id);
    if (ce === undefined) throw new Error(`internal error: captured '${c.name}' is not in scope`);
    const v = readEntry(L, ce, head);
    if (v !== null) captured.push(v);
  }
  const argValues = loweredArgs(L, args);
  return emitCall(L, callee, captured.length === 0 ? argValues : captured.concat(argValues), L.typeOf(call), span);
}

/**
 * The values of a call's arguments, unit ones left out, made at their final size: the call keeps
 * them (see the builder's header). Most calls have one to three arguments, none of them unit: those
 * are lowered into a literal of their size, with no callback per argument (as `map` would make)
 * and no second pass to find a unit.
 */
function loweredArgs(L: Lowerer, args: readonly Expr[]): Value[] {
  switch (args.length) {
    case 1: {
      const a = L.lower(args[0]!);
      return a === null ? [] : [a];
    }
    case 2: {
      const a = L.lower(args[0]!);
      const b = L.lower(args[1]!);
      return a !== null && b !== null ? [a, b] : withoutUnits([a, b]);
    }
    case 3: {
      const a = L.lower(args[0]!);
      const b = L.lower(args[1]!);
      const c = L.lower(args[2]!);
      return a !== null && b !== null && c !== null ? [a, b, c] : withoutUnits([a, b, c]);
    }
    default: return withoutUnits(args.map((a) => L.lower(a)));
  }
}

/** `lowered` without its unit values (a new list only when it has one). */
function withoutUnits(lowered: LValue[]): Value[] {
  return lowered.includes(null) ? lowered.filter((v): v is Value => v !== null) : (lowered as Value[]);
}

/** `func.call @callee(args)` of result type `resultType`: its value (null for unit). */
function emitCall(L: Lowerer, callee: string, args: readonly Value[], resultType: Type, span: Span): LValue {
  const t = L.mlirType(resultType, span);
  return L.b.call(callee, args, t === null ? [] : [t], L.loc(span))[0] ?? null;
}

export const application: Witness<Extract<Expr, { kind: 'App' }>> = (L, e, want): LValue => lowerCall(L, e.fn, e.args, e, want);

export const typeApplication: Witness<Extract<Expr, { kind: 'TypeApp' }>> = (L, e, want): LValue => lowerCall(L, e, [], e, want);

export const index: Witness<Extract<Expr, { kind: 'Index' }>> = (L, e): LValue => {
  const loc = L.loc(e.span);
  const elem = L.mlirType(L.typeOf(e), e.span)!;
  const data = L.b.extractValue(L.lowerValue(e.target), [0], loc);
  const i = literalAs(L, e.index, i32) ?? L.lowerValue(e.index);
  return L.b.load(L.b.gep(data, [i], elem, loc), elem, loc);
};
