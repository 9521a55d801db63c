/**
 * The MLIR types Alex emits: integers `i1 i8 i16 i32 i64`, `!llvm.ptr`, literal
 * `!llvm.struct<(...)>`, `!llvm.array<N x T>`, `!llvm.void`, function types `(i32) -> i64` and
 * `none`.
 *
 * Types are interned: every constructor returns the one frozen instance for its structure, so
 * `a === b` exactly when the types are equal (`typeEquals` says so by name). Printing follows
 * MLIR 19: inside LLVM type bodies the `!llvm.` prefix is dropped (`!llvm.struct<(ptr, i64)>`).
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

/** The interned types by structural key, and each interned type's number (its part in the keys of types built from it). */
const interned = new Map<string, MlirType>();
const ids = new Map<MlirType, number>();

/** The number of the interned instance of `t` (interning it first when it was built by hand). */
function idOf(t: MlirType): number {
  return ids.get(t) ?? ids.get(intern(canonicalParts(t)))!;
}

/** `t` rebuilt from interned parts, so a hand-built type (a literal in a test) interns like a constructed one. */
function canonicalParts(t: MlirType): MlirType {
  switch (t.kind) {
    case 'struct': return { kind: 'struct', fields: Object.freeze(t.fields.map((f) => intern(canonicalParts(f)))) };
    case 'array': return { kind: 'array', size: t.size, element: intern(canonicalParts(t.element)) };
    case 'func': return { kind: 'func', params: Object.freeze(t.params.map((p) => intern(canonicalParts(p)))), results: Object.freeze(t.results.map((r) => intern(canonicalParts(r)))) };
    default: return { ...t };
  }
}

/**
 * A key equal for equal structures: the kind and the numbers of the interned parts, so no type is
 * printed to intern it (function and struct types are built for every function and call).
 */
function structuralKey(t: MlirType): string {
  switch (t.kind) {
    case 'int': return `i${t.width}`;
    case 'struct': return `s(${t.fields.map(idOf).join(',')})`;
    case 'array': return `a${t.size}x${idOf(t.element)}`;
    case 'func': return `f(${t.params.map(idOf).join(',')})(${t.results.map(idOf).join(',')})`;
    default: return t.kind;
  }
}

function intern<T extends MlirType>(t: T): T {
  const key = structuralKey(t);
  const existing = interned.get(key);
  if (existing !== undefined) return existing as T;
  Object.freeze(t);
  interned.set(key, t);
  ids.set(t, ids.size);
  return t;
}

/** `iN` for the widths the project uses. */
export const intType = (width: IntWidth): IntType => intern({ kind: 'int', width });
export const i1 = intType(1);
export const i8 = intType(8);
export const i16 = intType(16);
export const i32 = intType(32);
export const i64 = intType(64);
/** `!llvm.ptr` (opaque pointer, address space 0). */
export const ptr: MlirType = intern({ kind: 'ptr' });
/** `!llvm.void`, the result of LLVM functions that return nothing. */
export const llvmVoid: MlirType = intern({ kind: 'void' });
/** `none` */
export const none: MlirType = intern({ kind: 'none' });
/** `!llvm.struct<(f1, f2, ...)>`, a literal (unnamed) struct. */
export const structType = (fields: readonly MlirType[]): StructType => intern({ kind: 'struct', fields: Object.freeze([...fields]) });
/** `!llvm.array<size x element>` */
export const arrayType = (size: number, element: MlirType): ArrayType => intern({ kind: 'array', size, element });
/** `(params) -> results` */
export const funcType = (params: readonly MlirType[], results: readonly MlirType[]): FuncType =>
  intern({ kind: 'func', params: Object.freeze([...params]), results: Object.freeze([...results]) });
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
