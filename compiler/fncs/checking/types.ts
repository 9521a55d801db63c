/**
 * Semantic types of the F# subset, and how they print (F# style: `int -> nativeptr<byte> -> int`).
 *
 * During inference a type may contain unification variables (`Var`) that are linked as they are
 * solved; `prune` follows links and `zonk` copies a type with every solved variable replaced. In
 * the finished `TypedProgram` types are zonked: the only `Var`s left are the generic parameters of
 * a generic function (`generic: true`), printed `'a`, `'b`… or with their annotated name (`'T`).
 */

import type { IntLiteralType, LiteralValue } from '../syntax/ast.js';

/** The primitive (non-generic, non-record) types. */
export type PrimName =
  | 'int' | 'int64' | 'int16' | 'uint16' | 'uint32' | 'uint64' | 'byte' | 'sbyte'
  | 'bool' | 'string' | 'unit' | 'Region' | 'SockAddr';

/** The operator-support classes a type variable may be constrained to (see `unify.ts`). */
export type Constraint = 'equality' | 'comparison' | 'addable' | 'integer' | 'signed';

/** A constraint on a type variable and the operator that imposed it. */
export interface ConstraintUse {
  readonly constraint: Constraint;
  readonly op: string;
}

/** A unification variable. Mutable by design: solving it sets `link`. Never part of the AST. */
export interface TypeVar {
  readonly id: number;
  /** The solution, once known. */
  link: Type | null;
  /** Let-nesting depth at which the variable was created (for generalisation). */
  level: number;
  /**
   * Operator constraints gathered so far, in order, each once, with the operator that imposed it
   * (for messages); null until the first one. A short list: a variable gets a few at most, and
   * operators on not-yet-known types are common enough that a `Map` each would cost.
   */
  constraints: ConstraintUse[] | null;
  /** True once generalised: a generic parameter of a let-bound function. */
  generic: boolean;
  /** Display name of a generic parameter (`'a`, or `'T` when annotated). */
  name: string | null;
}

export type Type =
  | { readonly kind: 'Prim'; readonly name: PrimName }
  | { readonly kind: 'Ptr'; readonly elem: Type }
  | { readonly kind: 'Array'; readonly elem: Type }
  /** A record, by its declared name; fields live in `TypedProgram.records`. */
  | { readonly kind: 'Record'; readonly name: string }
  | { readonly kind: 'Fun'; readonly from: Type; readonly to: Type }
  | { readonly kind: 'Var'; readonly tv: TypeVar }
  /** The type of an expression already reported as wrong; unifies with anything, silently. */
  | { readonly kind: 'Error' };

const prims = new Map<PrimName, Type>();
/** The (shared) primitive type `name`. */
export function prim(name: PrimName): Type {
  let t = prims.get(name);
  if (t === undefined) {
    t = { kind: 'Prim', name };
    prims.set(name, t);
  }
  return t;
}

export const tInt = prim('int');
export const tBool = prim('bool');
export const tString = prim('string');
export const tUnit = prim('unit');
export const tError: Type = { kind: 'Error' };
const ptrToPrim = new Map<Type, Type>();
/** `nativeptr<elem>`; one object per primitive `elem` (`nativeptr<byte>` is written and built often). */
export function ptr(elem: Type): Type {
  if (elem.kind !== 'Prim') return { kind: 'Ptr', elem };
  let t = ptrToPrim.get(elem);
  if (t === undefined) {
    t = { kind: 'Ptr', elem };
    ptrToPrim.set(elem, t);
  }
  return t;
}
export const array = (elem: Type): Type => ({ kind: 'Array', elem });
export const fun = (from: Type, to: Type): Type => ({ kind: 'Fun', from, to });
/**
 * Function types between final types (no variable in them), one object per pair of parts: the
 * program keeps a type per binding, and most of those repeat (`int -> int`). One per check run,
 * as record types are the run's own.
 */
export class GroundFunTypes {
  private readonly byFrom = new Map<Type, Map<Type, Type>>();

  /** `from -> to`, for `from` and `to` free of variables. */
  fun(from: Type, to: Type): Type {
    let byTo = this.byFrom.get(from);
    if (byTo === undefined) this.byFrom.set(from, (byTo = new Map()));
    let t = byTo.get(to);
    if (t === undefined) byTo.set(to, (t = fun(from, to)));
    return t;
  }
}

/** `a -> b -> … -> r` from parameter types and a result. */
export function funOf(params: readonly Type[], result: Type): Type {
  let t = result;
  for (let i = params.length - 1; i >= 0; i--) t = fun(params[i]!, t);
  return t;
}

const INT_LITERAL_TYPES: Readonly<Record<IntLiteralType, Type>> = {
  int: tInt, int64: prim('int64'), uint32: prim('uint32'), uint64: prim('uint64'),
  byte: prim('byte'), sbyte: prim('sbyte'), int16: prim('int16'), uint16: prim('uint16'),
};

/** The type of a literal: it follows from the value alone. */
export function literalType(v: LiteralValue): Type {
  switch (v.type) {
    // Most integer literals are `int`: that test spares a lookup by name.
    case 'int': return v.intType === 'int' ? tInt : INT_LITERAL_TYPES[v.intType];
    case 'bool': return tBool;
    case 'string': return tString;
    case 'unit': return tUnit;
  }
}

/** All the integer types, in the order F# lists them. */
export const INTEGER_TYPES: readonly PrimName[] = ['sbyte', 'byte', 'int16', 'uint16', 'int', 'uint32', 'int64', 'uint64'];
export const SIGNED_TYPES: readonly PrimName[] = ['sbyte', 'int16', 'int', 'int64'];
/** The type names written in annotations that map to primitives. */
export const PRIM_NAMES: ReadonlySet<string> = new Set<PrimName>([...INTEGER_TYPES, 'bool', 'string', 'unit', 'Region', 'SockAddr']);

const INTEGER_SET: ReadonlySet<string> = new Set(INTEGER_TYPES);
const SIGNED_SET: ReadonlySet<string> = new Set(SIGNED_TYPES);
export const isIntegerPrim = (name: string): boolean => INTEGER_SET.has(name);
export const isSignedPrim = (name: string): boolean => SIGNED_SET.has(name);

/** A fresh variable factory; one per check run so ids restart at 0. */
export class VarSupply {
  private next = 0;
  fresh(level: number): Type {
    return { kind: 'Var', tv: { id: this.next++, link: null, level, constraints: null, generic: false, name: null } };
  }
}

/** Whether `tv` carries constraint `c`. */
export function hasConstraint(tv: TypeVar, c: Constraint): boolean {
  if (tv.constraints === null) return false;
  for (const u of tv.constraints) if (u.constraint === c) return true;
  return false;
}

/** Add constraint `c`, imposed by operator `op`, unless `tv` already has it (the first operator is kept). */
export function addConstraint(tv: TypeVar, c: Constraint, op: string): void {
  if (tv.constraints === null) tv.constraints = [{ constraint: c, op }];
  else if (!hasConstraint(tv, c)) tv.constraints.push({ constraint: c, op });
}

/** Follow solved links at the top of `t`. */
export function prune(t: Type): Type {
  let cur = t;
  while (cur.kind === 'Var' && cur.tv.link !== null) cur = cur.tv.link;
  return cur;
}

/**
 * `t` with every solved variable replaced by its solution, all the way down. Parts already free of
 * solved variables are shared rather than copied, and a solved variable's link is replaced by its
 * zonked solution (an equal type), so zonking the same variable again costs one step: the checker
 * zonks every table entry at the end and many entries share their types.
 */
export function zonk(t: Type): Type {
  switch (t.kind) {
    case 'Var': {
      const link = t.tv.link;
      if (link === null) return t;
      const z = zonk(link);
      t.tv.link = z;
      return z;
    }
    case 'Ptr': {
      const elem = zonk(t.elem);
      return elem === t.elem ? t : ptr(elem);
    }
    case 'Array': {
      const elem = zonk(t.elem);
      return elem === t.elem ? t : array(elem);
    }
    case 'Fun': {
      const from = zonk(t.from);
      const to = zonk(t.to);
      return from === t.from && to === t.to ? t : fun(from, to);
    }
    default: return t;
  }
}

/** Whether `t` holds no variable at all, solved or not: such a type is final as it stands. */
export function isGround(t: Type): boolean {
  switch (t.kind) {
    case 'Var': return false;
    case 'Ptr': case 'Array': return isGround(t.elem);
    case 'Fun': return isGround(t.from) && isGround(t.to);
    default: return true;
  }
}

/** The unsolved variables of `t`, in order of first occurrence. */
export function freeVars(t: Type, out: TypeVar[] = []): TypeVar[] {
  const p = prune(t);
  switch (p.kind) {
    case 'Var': if (!out.includes(p.tv)) out.push(p.tv); break;
    case 'Ptr': case 'Array': freeVars(p.elem, out); break;
    case 'Fun': freeVars(p.from, out); freeVars(p.to, out); break;
    default: break;
  }
  return out;
}

/** Whether `t` is, or has inside it, a type of kind `kind` (a leaf kind: no arguments to search). */
function containsKind(t: Type, kind: 'Var' | 'Error'): boolean {
  const p = prune(t);
  if (p.kind === kind) return true;
  switch (p.kind) {
    case 'Ptr': case 'Array': return containsKind(p.elem, kind);
    case 'Fun': return containsKind(p.from, kind) || containsKind(p.to, kind);
    default: return false;
  }
}

/** Whether `t` has an unsolved variable (as `freeVars(t).length > 0`, without building the list). */
export const hasFreeVar = (t: Type): boolean => containsKind(t, 'Var');

export const containsError = (t: Type): boolean => containsKind(t, 'Error');

/** Structural equality of two zonked types. */
export function sameType(a: Type, b: Type): boolean {
  const x = prune(a);
  const y = prune(b);
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'Prim': return x.name === (y as typeof x).name;
    case 'Record': return x.name === (y as typeof x).name;
    case 'Ptr': case 'Array': return sameType(x.elem, (y as typeof x).elem);
    case 'Fun': return sameType(x.from, (y as typeof x).from) && sameType(x.to, (y as typeof x).to);
    case 'Var': return x.tv === (y as typeof x).tv;
    case 'Error': return true;
  }
}

/**
 * F#-style text. Unsolved, non-generic variables print as `'?N`-free F# names: they are named
 * `'a`, `'b`… in order of appearance within this one printing, as F# does in messages.
 */
export function printType(t: Type, names: Map<TypeVar, string> = new Map()): string {
  const go = (ty: Type, ctx: 'top' | 'arg' | 'postfix'): string => {
    const p = prune(ty);
    switch (p.kind) {
      case 'Prim': return p.name;
      case 'Record': return p.name;
      case 'Error': return '?';
      case 'Ptr': return `nativeptr<${go(p.elem, 'top')}>`;
      case 'Array': return `${go(p.elem, 'postfix')}[]`;
      case 'Var': {
        let n = p.tv.name ?? names.get(p.tv);
        if (n === undefined) {
          n = `'${String.fromCharCode(97 + (names.size % 26))}${names.size >= 26 ? Math.floor(names.size / 26) : ''}`;
          names.set(p.tv, n);
        }
        return n;
      }
      case 'Fun': {
        const s = `${go(p.from, 'arg')} -> ${go(p.to, 'top')}`;
        return ctx === 'top' ? s : `(${s})`;
      }
    }
  };
  return go(t, 'top');
}
