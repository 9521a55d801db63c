/**
 * The MLIR types Alex emits: integers `i1 i8 i16 i32 i64`, `!llvm.ptr`, literal
 * `!llvm.struct<(...)>`, `!llvm.array<N x T>`, `!llvm.void`, function types `(i32) -> i64` and
 * `none`.
 *
 * Types are interned: every constructor returns the one frozen instance for its structure, so
 * `a === b` exactly when the types are equal (`typeEquals` says so by name); a hand-built part
 * given to a constructor is replaced by its interned equal. Printing follows MLIR 19: inside LLVM
 * type bodies the `!llvm.` prefix is dropped (`!llvm.struct<(ptr, i64)>`).
 */
import { MlirSyntaxError, tokenize, TokenCursor } from './lexer.js';

/** The integer widths the project uses. */
export type IntWidth = 1 | 8 | 16 | 32 | 64;

export type MlirType =
  | { readonly kind: 'int'; readonly width: IntWidth }
  | { readonly kind: 'ptr' }
  | { readonly kind: 'struct'; readonly fields: readonly MlirType[] }
  | { readonly kind: 'array'; readonly size: number; readonly element: MlirType }
  | { readonly kind: 'void' }
  | { readonly kind: 'func'; readonly params: readonly MlirType[]; readonly results: readonly MlirType[] }
  | { readonly kind: 'none' };

export type IntType = Extract<MlirType, { kind: 'int' }>;
export type FuncType = Extract<MlirType, { kind: 'func' }>;
export type StructType = Extract<MlirType, { kind: 'struct' }>;
export type ArrayType = Extract<MlirType, { kind: 'array' }>;

/**
 * Interning: every interned type is in `internedTypes`; composite types are found by walking a
 * trie keyed by their interned parts (a struct's fields; a function's params, a separator, its
 * results; an array's size and element), so asking for a type that exists allocates nothing and
 * prints nothing (function types are asked for at every function definition).
 */
interface TrieNode {
  readonly next: Map<MlirType | number, TrieNode>;
  type: MlirType | undefined;
}

const newNode = (): TrieNode => ({ next: new Map(), type: undefined });
const structs = newNode();
const funcs = newNode();
const arrays = newNode();
/** Between a function type's params and its results in the trie (numbers never collide with types). */
const RESULTS = -1;
const internedTypes = new Set<MlirType>();

function step(node: TrieNode, key: MlirType | number): TrieNode {
  let next = node.next.get(key);
  if (next === undefined) {
    next = newNode();
    node.next.set(key, next);
  }
  return next;
}

/**
 * The child of `node` for the part `t`: looked up with `t` as it is first, since only interned types
 * are keys, so that a hit needs no `canonical` (a set lookup per part: function types are asked
 * for at every function definition, by lists of interned types).
 */
function stepType(node: TrieNode, t: MlirType): TrieNode {
  return node.next.get(t) ?? step(node, canonical(t));
}

/** The trie node's type, made by `make` (from interned parts) the first time. */
function typeAt<T extends MlirType>(node: TrieNode, make: () => T): T {
  if (node.type === undefined) {
    const t: MlirType = make();
    Object.freeze(t);
    internedTypes.add(t);
    node.type = t;
  }
  return node.type as T;
}

/** The interned instance equal to `t` (`t` itself when it is one; a hand-built type, as tests write them, is looked up by structure). */
function canonical(t: MlirType): MlirType {
  if (internedTypes.has(t)) return t;
  switch (t.kind) {
    case 'int': return intType(t.width);
    case 'ptr': return ptr;
    case 'void': return llvmVoid;
    case 'none': return none;
    case 'struct': return structType(t.fields);
    case 'array': return arrayType(t.size, t.element);
    case 'func': return funcType(t.params, t.results);
  }
}

function simple<T extends MlirType>(t: T): T {
  Object.freeze(t);
  internedTypes.add(t);
  return t;
}

const ints = new Map<IntWidth, IntType>();
/** `iN` for the widths the project uses. */
export const intType = (width: IntWidth): IntType => {
  let t = ints.get(width);
  if (t === undefined) {
    t = simple({ kind: 'int', width });
    ints.set(width, t);
  }
  return t;
};
export const i1 = intType(1);
export const i8 = intType(8);
export const i16 = intType(16);
export const i32 = intType(32);
export const i64 = intType(64);
/** `!llvm.ptr` (opaque pointer, address space 0). */
export const ptr: MlirType = simple({ kind: 'ptr' });
/** `!llvm.void`, the result of LLVM functions that return nothing. */
export const llvmVoid: MlirType = simple({ kind: 'void' });
/** `none` */
export const none: MlirType = simple({ kind: 'none' });
/** `!llvm.struct<(f1, f2, ...)>`, a literal (unnamed) struct. */
export function structType(fields: readonly MlirType[]): StructType {
  let node = structs;
  for (let i = 0; i < fields.length; i++) node = stepType(node, fields[i]!);
  return typeAt(node, () => ({ kind: 'struct', fields: Object.freeze(fields.map(canonical)) }));
}
/** `!llvm.array<size x element>` */
export function arrayType(size: number, element: MlirType): ArrayType {
  const e = canonical(element);
  return typeAt(step(step(arrays, size), e), () => ({ kind: 'array', size, element: e }));
}
/** `(params) -> results` */
export function funcType(params: readonly MlirType[], results: readonly MlirType[]): FuncType {
  let node = funcs;
  for (let i = 0; i < params.length; i++) node = stepType(node, params[i]!);
  node = step(node, RESULTS);
  for (let i = 0; i < results.length; i++) node = stepType(node, results[i]!);
  return typeAt(node, () => ({ kind: 'func', params: Object.freeze(params.map(canonical)), results: Object.freeze(results.map(canonical)) }));
}
/** The string representation `!llvm.struct<(ptr, i64)>`: bytes and length. */
export const stringType = structType([ptr, i64]);

/** Structural equality; with interning this is identity, but it holds for any two types. */
export const typeEquals = (a: MlirType, b: MlirType): boolean => a === b || printType(a) === printType(b);

export const isInt = (t: MlirType): t is IntType => t.kind === 'int';

/** Printed types by identity: types never change, and the printer and verifier ask for the same few again and again. */
const printed = new WeakMap<MlirType, string>();

/** MLIR text of a type, as it appears outside LLVM type bodies (`!llvm.ptr`, `i64`). */
export function printType(t: MlirType): string {
  let text = printed.get(t);
  if (text === undefined) {
    text = printTypeUncached(t);
    printed.set(t, text);
  }
  return text;
}

function printTypeUncached(t: MlirType): string {
  switch (t.kind) {
    case 'int':
    case 'none':
    case 'func':
      return printBody(t);
    default:
      return `!llvm.${printBody(t)}`;
  }
}

/** The text of a type inside an LLVM type body, where the `!llvm.` prefix is dropped. */
function printBody(t: MlirType): string {
  switch (t.kind) {
    case 'int':
      return `i${t.width}`;
    case 'none':
      return 'none';
    case 'ptr':
      return 'ptr';
    case 'void':
      return 'void';
    case 'struct':
      return `struct<(${t.fields.map(printBody).join(', ')})>`;
    case 'array':
      return `array<${t.size} x ${printBody(t.element)}>`;
    case 'func': {
      const results = t.results.length === 1 && t.results[0]!.kind !== 'func' ? printType(t.results[0]!) : `(${t.results.map(printType).join(', ')})`;
      return `(${t.params.map(printType).join(', ')}) -> ${results}`;
    }
  }
}

const WIDTHS = new Set<number>([1, 8, 16, 32, 64]);

/** Read one type at the cursor (outside LLVM bodies: `i64`, `!llvm.ptr`, `(i32) -> i64`). */
export function readType(cur: TokenCursor): MlirType {
  const t = cur.peek();
  if (t.kind === 'dialectType') {
    if (!t.text.startsWith('llvm.')) cur.fail(`unknown dialect type '!${t.text}'`);
    cur.next();
    return readLlvmBody(cur, t.text.slice('llvm.'.length), t);
  }
  if (t.kind === 'punct' && t.text === '(') {
    const params = readTypeList(cur);
    cur.expect('->');
    const results = cur.at('(') ? readTypeList(cur) : [readType(cur)];
    return funcType(params, results);
  }
  if (t.kind === 'ident') {
    const builtin = readBuiltin(t.text);
    if (builtin !== undefined) {
      cur.next();
      return builtin;
    }
  }
  return cur.fail('expected a type');
}

/** `(t1, t2)` or `()` */
export function readTypeList(cur: TokenCursor): MlirType[] {
  cur.expect('(');
  const types: MlirType[] = [];
  if (!cur.eat(')')) {
    do types.push(readType(cur));
    while (cur.eat(','));
    cur.expect(')', "',' or ')'");
  }
  return types;
}

function readBuiltin(text: string): MlirType | undefined {
  if (text === 'none') return none;
  const m = /^i([0-9]+)$/.exec(text);
  if (m === null || !WIDTHS.has(Number(m[1]))) return undefined;
  return intType(Number(m[1]) as IntWidth);
}

/** Inside an LLVM body: `ptr`, `i64`, `struct<(...)>`, `array<N x T>`, or a prefixed type. */
function readLlvmElement(cur: TokenCursor): MlirType {
  const t = cur.peek();
  if (t.kind === 'ident') {
    const builtin = readBuiltin(t.text);
    if (builtin !== undefined) {
      cur.next();
      return builtin;
    }
    if (t.text === 'ptr' || t.text === 'struct' || t.text === 'array' || t.text === 'void') {
      cur.next();
      return readLlvmBody(cur, t.text, t);
    }
  }
  return readType(cur);
}

function readLlvmBody(cur: TokenCursor, name: string, at: { line: number; col: number }): MlirType {
  switch (name) {
    case 'ptr':
      return ptr;
    case 'void':
      return llvmVoid;
    case 'struct': {
      cur.expect('<');
      cur.expect('(');
      const fields: MlirType[] = [];
      if (!cur.eat(')')) {
        do fields.push(readLlvmElement(cur));
        while (cur.eat(','));
        cur.expect(')', "',' or ')'");
      }
      cur.expect('>');
      return structType(fields);
    }
    case 'array': {
      cur.expect('<');
      const size = cur.expectKind('int', 'an array size');
      if (!/^[0-9]+$/.test(size.text)) throw new MlirSyntaxError(size, 'array size must be a non-negative decimal integer');
      if (!cur.at('x')) cur.fail("expected 'x'");
      cur.next();
      const element = readLlvmElement(cur);
      cur.expect('>');
      return arrayType(Number(size.text), element);
    }
    default:
      throw new MlirSyntaxError(at, `unknown LLVM type '!llvm.${name}'`);
  }
}

/** Parse the whole of `text` as one type; undefined with a message when it is not one. */
export function parseType(text: string): { readonly type: MlirType } | { readonly error: string } {
  try {
    const cur = new TokenCursor(tokenize(text));
    const type = readType(cur);
    if (cur.peek().kind !== 'eof') cur.fail('expected the end of the type');
    return { type };
  } catch (e) {
    if (e instanceof MlirSyntaxError) return { error: `${e.pos.line}:${e.pos.col}: ${e.message}` };
    throw e;
  }
}

/** Parse a type the caller knows is well formed (for tables and tests); throws on bad text. */
export function type(text: string): MlirType {
  const r = parseType(text);
  if ('error' in r) throw new Error(`internal error: bad MLIR type '${text}': ${r.error}`);
  return r.type;
}
