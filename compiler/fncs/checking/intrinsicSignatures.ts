/**
 * Reads the intrinsic table's signatures (strings in F# type syntax, e.g.
 * `nativeptr<'T> -> int -> 'T`) into type schemes, and instantiates them at each use.
 *
 * The grammar is the annotation subset: `T -> U` (right associative), `T[]`, `name<T, …>`, `'T`,
 * parentheses. The table is ours, so a signature that does not parse is an internal error.
 */
import { intrinsics, type Intrinsic } from '../../intrinsics/table.js';
import { addConstraint, array, fun, prim, ptr, PRIM_NAMES, type PrimName, type Type, type VarSupply } from './types.js';
import { TypeArgMap } from './typeArgMap.js';

/** A parsed signature: a type with named generic parameters. */
type SigType =
  | { readonly kind: 'name'; readonly name: string; readonly args: readonly SigType[] }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'array'; readonly elem: SigType }
  | { readonly kind: 'fun'; readonly from: SigType; readonly to: SigType };

/**
 * A signature ready to instantiate: each part without a generic parameter built once, as the type
 * it denotes, and each generic parameter by its index in `IntrinsicScheme.typeParams`. Instantiating
 * then copies only the parts on the way to a parameter, with no name to look up.
 */
type Template =
  | { readonly kind: 'fixed'; readonly type: Type }
  | { readonly kind: 'param'; readonly index: number }
  | { readonly kind: 'ptr' | 'array'; readonly elem: Template }
  | { readonly kind: 'fun'; readonly from: Template; readonly to: Template };

/** An intrinsic's type scheme. */
export interface IntrinsicScheme {
  readonly intrinsic: Intrinsic;
  /** Generic parameter names (`'T`) in order of first appearance: explicit type arguments bind them in this order. */
  readonly typeParams: readonly string[];
  /** Per generic parameter, whether the table constrains it to integer types (`integerParams`). */
  readonly integerParams: readonly boolean[];
  readonly template: Template;
  /** The one instance of an intrinsic without generic parameters, shared by all its uses (else null). */
  readonly monomorphic: IntrinsicInstance | null;
}

/** An instantiated intrinsic: its type at this use and the fresh type for each generic parameter. */
export interface IntrinsicInstance {
  readonly type: Type;
  /** A new map for each instance (the checker zonks its types in place). */
  readonly typeArgs: TypeArgMap;
}

function parseSignature(text: string): SigType {
  const tokens = text.match(/->|'?[A-Za-z_][A-Za-z0-9_]*|\[\]|[<>(),]/g) ?? [];
  let pos = 0;
  const fail = (): never => {
    throw new Error(`internal error: cannot parse intrinsic signature '${text}'`);
  };
  const next = (): string => tokens[pos++] ?? fail();
  const peek = (): string | undefined => tokens[pos];
  const arrow = (): SigType => {
    const from = postfix();
    if (peek() !== '->') return from;
    pos++;
    return { kind: 'fun', from, to: arrow() };
  };
  const postfix = (): SigType => {
    let t = atom();
    while (peek() === '[]') {
      pos++;
      t = { kind: 'array', elem: t };
    }
    return t;
  };
  const atom = (): SigType => {
    const tok = next();
    if (tok === '(') {
      const t = arrow();
      if (next() !== ')') fail();
      return t;
    }
    if (tok.startsWith("'")) return { kind: 'var', name: tok };
    if (!/^[A-Za-z_]/.test(tok)) fail();
    const args: SigType[] = [];
    if (peek() === '<') {
      pos++;
      args.push(arrow());
      while (peek() === ',') {
        pos++;
        args.push(arrow());
      }
      if (next() !== '>') fail();
    }
    return { kind: 'name', name: tok, args };
  };
  const t = arrow();
  if (pos !== tokens.length) fail();
  return t;
}

function varsOf(t: SigType, out: string[]): string[] {
  switch (t.kind) {
    case 'var': if (!out.includes(t.name)) out.push(t.name); break;
    case 'name': t.args.forEach((a) => varsOf(a, out)); break;
    case 'array': varsOf(t.elem, out); break;
    case 'fun': varsOf(t.from, out); varsOf(t.to, out); break;
  }
  return out;
}

/** The template of signature `t`, whose generic parameters are `params`. */
function templateOf(t: SigType, params: readonly string[]): Template {
  const fixed = (type: Type): Template => ({ kind: 'fixed', type });
  switch (t.kind) {
    case 'var': return { kind: 'param', index: params.indexOf(t.name) };
    case 'array': {
      const elem = templateOf(t.elem, params);
      return elem.kind === 'fixed' ? fixed(array(elem.type)) : { kind: 'array', elem };
    }
    case 'fun': {
      const from = templateOf(t.from, params);
      const to = templateOf(t.to, params);
      return from.kind === 'fixed' && to.kind === 'fixed' ? fixed(fun(from.type, to.type)) : { kind: 'fun', from, to };
    }
    case 'name':
      if (t.name === 'nativeptr' && t.args.length === 1) {
        const elem = templateOf(t.args[0]!, params);
        return elem.kind === 'fixed' ? fixed(ptr(elem.type)) : { kind: 'ptr', elem };
      }
      if (PRIM_NAMES.has(t.name) && t.args.length === 0) return fixed(prim(t.name as PrimName));
      throw new Error(`internal error: unknown type '${t.name}' in an intrinsic signature`);
  }
}

/** The type `t` denotes with its generic parameters at `types`. */
function build(t: Template, types: readonly Type[]): Type {
  switch (t.kind) {
    case 'fixed': return t.type;
    case 'param': return types[t.index]!;
    case 'ptr': return ptr(build(t.elem, types));
    case 'array': return array(build(t.elem, types));
    case 'fun': return fun(build(t.from, types), build(t.to, types));
  }
}

function schemeOf(intrinsic: Intrinsic): IntrinsicScheme {
  const body = parseSignature(intrinsic.signature);
  const typeParams = varsOf(body, []);
  const template = templateOf(body, typeParams);
  const integerParams = typeParams.map((p) => intrinsic.integerParams?.includes(p) ?? false);
  // Its type has no variable, and its empty `typeArgs` is never written.
  const monomorphic = typeParams.length > 0 ? null : { type: build(template, []), typeArgs: new TypeArgMap(typeParams, []) };
  return { intrinsic, typeParams, integerParams, template, monomorphic };
}

/** Every intrinsic's scheme, by F# name; parsed once. */
export const intrinsicSchemes: ReadonlyMap<string, IntrinsicScheme> = new Map(intrinsics.map((i) => [i.name, schemeOf(i)]));

function membersByModule(): ReadonlyMap<string, ReadonlyMap<string, IntrinsicScheme>> {
  const members = new Map<string, Map<string, IntrinsicScheme>>();
  for (const [name, scheme] of intrinsicSchemes) {
    const dot = name.indexOf('.');
    if (dot < 0) continue;
    const module = name.slice(0, dot);
    let names = members.get(module);
    if (names === undefined) members.set(module, (names = new Map()));
    names.set(name.slice(dot + 1), scheme);
  }
  return members;
}

/** Intrinsics named `Module.name`, by module then name: no string is built to look one up. */
export const intrinsicModuleMembers = membersByModule();

/**
 * A fresh instance of `scheme` at let-level `level`. `explicit` are the types given as `<…>`
 * (already checked for count by the caller); the table's `integerParams` become integer constraints.
 * An intrinsic without generic parameters has one instance, shared.
 */
export function instantiateIntrinsic(scheme: IntrinsicScheme, supply: VarSupply, level: number, explicit: readonly Type[]): IntrinsicInstance {
  if (scheme.monomorphic !== null) return scheme.monomorphic;
  const types = new Array<Type>(scheme.typeParams.length);
  for (let i = 0; i < types.length; i++) {
    // Most uses give no type arguments: no read past the end of the empty list (a slow read in V8).
    if (i < explicit.length) {
      types[i] = explicit[i]!;
      continue;
    }
    const v = supply.fresh(level);
    if (scheme.integerParams[i] === true && v.kind === 'Var') addConstraint(v.tv, 'integer', scheme.intrinsic.name);
    types[i] = v;
  }
  return { type: build(scheme.template, types), typeArgs: new TypeArgMap(scheme.typeParams, types) };
}
