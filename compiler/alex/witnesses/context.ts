/**
 * The state Alex's witnesses share while lowering one program: the module being built, the function
 * being built (its insertion point, its `let mutable` slots, the monomorphisation substitution),
 * the environment of F# symbols → SSA values, slots or lifted functions (`environment.ts`) and the
 * constants visible at the insertion point (`constants.ts`) — one table each for the whole
 * lowering, begun afresh per function — and the diagnostics.
 *
 * Witnesses are plain functions dispatched to by expression kind (see `lower.ts`); they call
 * back into `Lowerer.lower` for sub-expressions, so no witness imports another's file to recurse.
 */
import { report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { MessageId } from '../../diagnostics/messages.js';
import type { BindingInfo, Symbol, TypedProgram } from '../../fncs/psg/program.js';
import type { Binding, Expr, Span } from '../../fncs/syntax/ast.js';
import type { Type } from '../../fncs/checking/types.js';
import { unknownLoc, type Attributes, type Loc, type Value } from '../ir/ir.js';
import type { OpBuilder } from '../ir/builder.js';
import type { ModuleBuilder } from '../ir/moduleBuilder.js';
import type { IntType, MlirType } from '../ir/types.js';
import { ConstantTable, type ConstantEntry } from './constants.js';
import { Environment } from './environment.js';
import type { MutableSlots } from './slots.js';
import { prunedMlirType, substitute, type Subst } from './types2mlir.js';

/** A position as a small integer when it is one. */
const smallInt = (n: number): number => (n === (n | 0) ? n | 0 : n);

/**
 * The location of the start of a span. Spans may hold positions as boxed doubles; copied as they
 * are, every op's location would keep two boxes alive (and, since all `{ file, line, col }` objects
 * share one hidden class, one such copy makes every location box its numbers).
 */
export const locOf = (span: Span): Loc => ({ file: span.file, line: smallInt(span.startLine), col: smallInt(span.startCol) });

/** A lowered F# value: an SSA value, or null for `unit`. */
export type LValue = Value | null;

/** How the value of an expression is wanted. `discard`: it is dropped, so conversions of the result can be skipped. */
export interface Want {
  readonly discard?: boolean;
}

/** The value is used (the default). */
export const KEEP: Want = Object.freeze({});
/** The value is dropped. */
export const DISCARD: Want = Object.freeze({ discard: true });

/** What an F# symbol is bound to while its scope is being lowered. */
export type EnvEntry =
  /** An immutable value (or unit). */
  | { readonly kind: 'value'; readonly value: LValue }
  /** A `let mutable`: a stack slot holding the current value. */
  | { readonly kind: 'slot'; readonly ptr: Value; readonly type: MlirType }
  /**
   * A local function lifted to a module function; `captures` (values of enclosing scopes) are passed
   * first at each call; `nameFor` gives the lifted function for an instantiation of its generic parameters.
   */
  | { readonly kind: 'function'; readonly info: BindingInfo; readonly captures: readonly Symbol[]; readonly nameFor: (typeArgs: readonly Type[]) => string };

/** How witnesses ask for module functions to exist: by binding and instantiation; the name comes back at once. */
export interface FunctionRequests {
  /** A top-level function (specialised when `typeArgs` is not empty). */
  topLevel(info: BindingInfo, typeArgs: readonly Type[]): string;
}

/** A top-level binding, and what calls of it need once it is known (see `lowerCall`). */
export interface TopLevelFunction {
  readonly info: BindingInfo;
  /**
   * For a non-generic function: its call's `callee` record and result types, found at its first
   * call (which names it) and the same at every call after.
   */
  call: { readonly callee: Attributes; readonly results: readonly MlirType[] } | undefined;
}

export type Witness<E extends Expr = Expr> = (L: Lowerer, e: E, want: Want) => LValue;

/**
 * Per function: where ops go and what names mean. Its builder tells the lowering's constant table
 * as nested blocks open and close (`OpBuilder.scopes`), so witnesses build branches and loop bodies
 * with no wrapper of their own.
 */
export class FunctionScope {
  constructor(
    public b: OpBuilder,
    readonly name: string,
    /** The lowering's environment, begun for this function. */
    readonly env: Environment,
    readonly subst: Subst,
    /** Stack slots of the function's `let mutable` bindings, allocated in its entry block (see `slots.ts`). */
    public slots: MutableSlots,
  ) {}
}

/** The error a witness raises for a construct it cannot lower; caught per function, reported as FS4000. */
export class LoweringError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export class Lowerer {
  readonly diagnostics: Diagnostic[] = [];
  /** The `arith.constant`s visible at the insertion point (see `constants.ts`). */
  readonly constants = new ConstantTable();
  /** What the symbols in scope are bound to (see `environment.ts`). */
  readonly env = new Environment();
  /** Per top-level value: whether its initialiser is pure, so inlined at its uses (`bindings.ts` asks once per value). */
  readonly pureValues = new Map<Binding, boolean>();
  fn!: FunctionScope;

  constructor(
    readonly program: TypedProgram,
    readonly module: ModuleBuilder,
    /** The witness of every expression kind (it dispatches on the kind, see `lower.ts`). */
    private readonly witness: Witness,
  ) {}

  /** Set by `lower.ts` before lowering starts. */
  functions!: FunctionRequests;

  /** By symbol id (ids are small integers: an index costs less than a map lookup). */
  private readonly topLevelById: (TopLevelFunction | undefined)[] = [];
  private topLevelIndexed = 0;

  /** The top-level binding of a symbol id, if it is one (the program's list may grow as lowering goes, see `TextLowering`). */
  topLevel(symbolId: number): TopLevelFunction | undefined {
    const known = this.topLevelById[symbolId];
    if (known !== undefined) return known;
    const all = this.program.topLevel;
    while (this.topLevelIndexed < all.length) {
      const info = all[this.topLevelIndexed++]!;
      this.topLevelById[info.symbol.id] = { info, call: undefined };
    }
    return this.topLevelById[symbolId];
  }

  /** Lower an expression by its witness. */
  lower(e: Expr, want: Want = KEEP): LValue {
    if (e === this.aheadExpr) return this.aheadValue;
    return this.witness(this, e, want);
  }

  /** An expression lowered before its turn (see `lowerAhead`), and its value. */
  private aheadExpr: Expr | null = null;
  private aheadValue: LValue = null;

  /**
   * Lower `e` now, then run `use`, during which lowering `e` yields that value instead of new ops.
   * For a pipe, `x |> f a`: F# evaluates `x` before `a`, but the call takes `x` last.
   */
  lowerAhead<T>(e: Expr, use: () => T): T {
    const value = this.lower(e);
    const outerExpr = this.aheadExpr;
    const outerValue = this.aheadValue;
    this.aheadExpr = e;
    this.aheadValue = value;
    try {
      return use();
    } finally {
      this.aheadExpr = outerExpr;
      this.aheadValue = outerValue;
    }
  }

  /** Lower an expression that must have a value (not unit). */
  lowerValue(e: Expr): Value {
    const v = this.lower(e);
    if (v === null) this.fail(e.span, 'loweringUnsupported', ['A unit value used where a value is needed']);
    return v;
  }

  get b(): OpBuilder {
    return this.fn.b;
  }

  private lastSpan: Span | undefined;
  private lastLoc: Loc = unknownLoc;

  /** The location of a span; a witness asking again for the span it just asked for gets the same object. */
  loc(span: Span): Loc {
    if (span !== this.lastSpan) {
      const last = this.lastLoc;
      if (span.startLine !== last.line || span.startCol !== last.col || span.file !== last.file) this.lastLoc = locOf(span);
      this.lastSpan = span;
    }
    return this.lastLoc;
  }

  /** The F# type of an expression in the current specialisation (pruned at the top, as `substitute` leaves it). */
  typeOf(e: Expr): Type {
    return substitute(this.program.typeOf(e), this.fn.subst);
  }

  /** The MLIR type of an F# type (null for unit); fails with FS4000 for types with no MLIR form. */
  mlirType(t: Type, span: Span): MlirType | null {
    const r = prunedMlirType(this.program, substitute(t, this.fn.subst));
    if (!r.ok) this.fail(span, 'loweringUnsupported', [r.why.charAt(0).toUpperCase() + r.why.slice(1)]);
    return r.type;
  }

  /** `constant` located at the start of `span` (its location is made only when the constant is). */
  constantAt(type: MlirType, value: number | bigint | boolean, span: Span): Value {
    const entry = this.constants.entry(type, value);
    return this.constants.visible(entry) ?? this.newConstant(entry, type, value, this.loc(span));
  }

  /** `arith.constant`, shared with an equal constant in this or an enclosing block. */
  constant(type: MlirType, value: number | bigint | boolean, loc: Loc): Value {
    const entry = this.constants.entry(type, value);
    return this.constants.visible(entry) ?? this.newConstant(entry, type, value, loc);
  }

  private newConstant(entry: ConstantEntry, type: MlirType, value: number | bigint | boolean, loc: Loc): Value {
    // The stack slots' count, `1 : i64`, is made before the body: a body that asks for it first finds it there.
    if (this.fn.slots.needsSettling(type, value)) {
      this.fn.slots.makeNext();
      const made = this.constants.visible(entry);
      if (made !== undefined) return made;
    }
    // An integer type: `ConstantTable.entry` throws for any other.
    const v = this.b.sharedConstant(type, (entry.attributes ??= this.module.shared.constant(type as IntType, value)), loc);
    this.constants.remember(entry, v);
    return v;
  }

  /** Report and abandon the current function. */
  fail(span: Span, id: MessageId, args: readonly (string | number)[]): never {
    throw new LoweringError(report(id, span, args));
  }

  /** A fresh module-level name based on `base`, for a function emitted later (see `ModuleBuilder.reserve`). */
  freshName(base: string): string {
    let name = base;
    for (let n = 1; this.module.taken(name); n++) name = `${base}_${n}`;
    this.module.reserve(name);
    return name;
  }
}
