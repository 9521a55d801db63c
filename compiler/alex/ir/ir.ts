/**
 * The in-memory MLIR data model: a module of operations; an operation has operands, typed
 * results, attributes, regions and successors, and the source location it came from; a region is a
 * list of blocks, a block has arguments and operations.
 *
 * The trees are immutable once built: every field is `readonly`, so the type checker rejects any
 * write to a built tree. Freezing them at run time as well (`Object.freeze` on every op, value,
 * array, attribute and location) is a checking mode, on when `FIREFLY_FREEZE_IR=1` (the tests set
 * it): it costs a fifth of lowering a large program and adds nothing the types do not already
 * guarantee for code that compiles, so the builder and the text parser freeze only when asked
 * (`sealModule`). Values are identities: an analysis or the interpreter keys
 * its side tables (value → runtime value, value → printed name) by the `Value` object itself.
 */
import type { OpKind } from './opKinds.js';
import type { MlirType } from './types.js';

/** A source location: the F# file (or the `.mlir` file an op was parsed from), 1-based line and column. */
export interface Loc {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** The location of ops that come from nowhere in particular (`loc(unknown)` in MLIR text). */
export const unknownLoc: Loc = Object.freeze({ file: '', line: 0, col: 0 });

/** `file.fs(l,c)`, the form diagnostics and verifier failures use. */
export const formatLoc = (loc: Loc): string => (loc.file === '' ? '<unknown>' : `${loc.file}(${loc.line},${loc.col})`);

/**
 * An SSA value: the result of an operation or an argument of a block. Compare by identity.
 * `def` says which; `index` is the result number or argument position.
 */
export interface Value {
  readonly def: 'result' | 'arg';
  readonly index: number;
  readonly type: MlirType;
}

/** The `cmpi` predicates, in MLIR's order. */
export const cmpPredicates = ['eq', 'ne', 'slt', 'sle', 'sgt', 'sge', 'ult', 'ule', 'ugt', 'uge'] as const;
export type CmpPredicate = (typeof cmpPredicates)[number];

/** The linkages of `llvm.mlir.global` this project prints. */
export const linkages = ['private', 'internal', 'external'] as const;
export type Linkage = (typeof linkages)[number];

/**
 * A typed attribute. Integer values are kept as their two's-complement bit pattern, an unsigned
 * bigint below 2^width (`arith.constant -1 : i8` holds 255n); `signedValue` reads them back signed.
 */
export type Attribute =
  | { readonly kind: 'int'; readonly value: bigint; readonly type: MlirType }
  /** Unicode text; printed as UTF-8 bytes with MLIR escapes. */
  | { readonly kind: 'string'; readonly value: string }
  /** `@name`: a reference to a symbol (a function or a global). */
  | { readonly kind: 'symbol'; readonly name: string }
  | { readonly kind: 'type'; readonly type: MlirType }
  | { readonly kind: 'array'; readonly elements: readonly Attribute[] }
  /** `array<i32: 1, 2>` / `array<i64: ...>` dense integer arrays (GEP indices, struct positions). */
  | { readonly kind: 'dense'; readonly width: 32 | 64; readonly values: readonly number[] }
  /** An enumerated keyword such as a `cmpi` predicate or a linkage. */
  | { readonly kind: 'enum'; readonly value: string }
  /** A present-or-absent flag (`constant` on a global). */
  | { readonly kind: 'unit' };

export type Attributes = Readonly<Record<string, Attribute>>;

/** The attribute record every op without attributes shares (immutable, so sharing is unobservable): the verifier knows it at sight. */
export const noAttributes: Attributes = Object.freeze({});

/** A control-flow edge of a `cf` terminator: the target block and the values passed to its arguments. */
export interface Successor {
  readonly block: Block;
  readonly args: readonly Value[];
}

export interface Operation {
  /** Full name with dialect: `arith.addi`, `llvm.call`, `scf.if`. */
  readonly name: string;
  readonly operands: readonly Value[];
  readonly results: readonly Value[];
  readonly attributes: Attributes;
  readonly regions: readonly Region[];
  readonly successors: readonly Successor[];
  readonly loc: Loc;
  /**
   * The op table's entry for `name`, resolved when the op was made (`makeOp`), so that the walks
   * over it need not look the name up; absent in ops written as object literals (read it with
   * `kindOf`), undefined for a name the table does not know.
   */
  readonly kind?: OpKind | undefined;
}

export interface Block {
  readonly args: readonly Value[];
  readonly ops: readonly Operation[];
}

/** An ordered list of blocks; the first is the entry. External functions have a region with no blocks. */
export interface Region {
  readonly blocks: readonly Block[];
}

/** The top-level `module { ... }`: function declarations and definitions, globals. */
export interface Module {
  readonly ops: readonly Operation[];
  readonly loc: Loc;
}

/** The dense i32 GEP index that marks "this index is an SSA operand" (MLIR's kDynamicIndex). */
export const DYNAMIC_INDEX = -2147483648;

/** The signed reading of an integer attribute's bit pattern. */
export function signedValue(a: Extract<Attribute, { kind: 'int' }>): bigint {
  const width = a.type.kind === 'int' ? a.type.width : 64;
  return BigInt.asIntN(width, a.value);
}

/** Attribute constructors, so call sites read as data. */
export const attr = {
  int: (value: number | bigint, type: MlirType): Attribute => {
    const width = type.kind === 'int' ? type.width : 64;
    return { kind: 'int', value: BigInt.asUintN(width, BigInt(value)), type };
  },
  string: (value: string): Attribute => ({ kind: 'string', value }),
  symbol: (name: string): Attribute => ({ kind: 'symbol', name }),
  type: (type: MlirType): Attribute => ({ kind: 'type', type }),
  array: (elements: readonly Attribute[]): Attribute => ({ kind: 'array', elements }),
  dense: (width: 32 | 64, values: readonly number[]): Attribute => ({ kind: 'dense', width, values }),
  enum: (value: string): Attribute => ({ kind: 'enum', value }),
  unit: (): Attribute => ({ kind: 'unit' }),
} as const;

/** Typed attribute lookups that return undefined when the attribute is absent or of another kind. */
export function getAttr<K extends Attribute['kind']>(op: Operation, key: string, kind: K): Extract<Attribute, { kind: K }> | undefined {
  const a = op.attributes[key];
  return a !== undefined && a.kind === kind ? (a as Extract<Attribute, { kind: K }>) : undefined;
}

/** Visit every operation under `ops` (pre-order, including nested regions). */
export function walk(ops: readonly Operation[], visit: (op: Operation) => void): void {
  for (const op of ops) {
    visit(op);
    for (const r of op.regions) for (const b of r.blocks) walk(b.ops, visit);
  }
}

/** Whether built modules are deep-frozen as they are handed out: the checking mode (`FIREFLY_FREEZE_IR=1`). */
export const freezingIr = (): boolean => process.env['FIREFLY_FREEZE_IR'] === '1';

/** The module as the builder hands it out: deep-frozen in the checking mode, as built otherwise. */
export const sealModule = (m: Module): Module => (freezingIr() ? freezeModule(m) : m);

/** Deep-freeze a module tree (what `sealModule` does in the checking mode). */
export function freezeModule(m: Module): Module {
  for (const op of m.ops) freezeOp(op);
  Object.freeze(m.ops);
  Object.freeze(m.loc);
  return Object.freeze(m);
}

function freezeOp(op: Operation): void {
  Object.freeze(op.operands);
  for (const v of op.results) Object.freeze(v);
  Object.freeze(op.results);
  for (const a of Object.values(op.attributes)) freezeAttr(a);
  Object.freeze(op.attributes);
  for (const s of op.successors) Object.freeze(Object.freeze(s).args);
  Object.freeze(op.successors);
  for (const r of op.regions) {
    for (const b of r.blocks) {
      for (const v of b.args) Object.freeze(v);
      Object.freeze(b.args);
      for (const inner of b.ops) freezeOp(inner);
      Object.freeze(b.ops);
      Object.freeze(b);
    }
    Object.freeze(r.blocks);
    Object.freeze(r);
  }
  Object.freeze(op.regions);
  Object.freeze(op.loc);
  Object.freeze(op);
}

function freezeAttr(a: Attribute): void {
  if (a.kind === 'array') a.elements.forEach(freezeAttr);
  if (a.kind === 'array' || a.kind === 'dense') Object.freeze(a.kind === 'array' ? a.elements : a.values);
  Object.freeze(a);
}
