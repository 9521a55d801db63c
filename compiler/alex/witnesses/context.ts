/**
 * The state Alex's witnesses share while lowering one program: the module being built, the function
 * being built (its insertion point, its environment of F# symbols → SSA values or stack slots, its
 * cache of constants), the monomorphisation substitution, and the diagnostics.
 *
 * Witnesses are plain functions registered in a table by expression kind (see `lower.ts`); they call
 * back into `Lowerer.lower` for sub-expressions, so no witness imports another's file to recurse.
 */
import { report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { MessageId } from '../../diagnostics/messages.js';
import type { BindingInfo, Symbol, TypedProgram } from '../../fncs/psg/program.js';
import type { Expr, Span } from '../../fncs/syntax/ast.js';
import type { Type } from '../../fncs/checking/types.js';
import type { Loc, Value } from '../ir/ir.js';
import { ModuleBuilder, type OpBuilder } from '../ir/builder.js';
import type { MlirType } from '../ir/types.js';
import { substitute, toMlirType, type Subst } from './types2mlir.js';

/** A lowered F# value: an SSA value, or null for `unit`. */
export type LValue = Value | null;

/** How the value of an expression is wanted. `discard`: it is dropped, so conversions of the result can be skipped. */
export interface Want {
  readonly discard?: boolean;
}

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

export type Witness<E extends Expr = Expr> = (L: Lowerer, e: E, want: Want) => LValue;
export type WitnessTable = { readonly [K in Expr['kind']]: Witness<Extract<Expr, { kind: K }>> };

/** The key of an integer constant's value: a number when it is one exactly (the common case, cheap to hash), else the bigint. */
function constantKey(value: number | bigint | boolean): number | bigint {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** Per function: where ops go, what names mean, and which constants already exist. */
export class FunctionScope {
  /**
   * The constants visible at the insertion point, by type then value. A constant made in a nested
   * block is visible only there (outer constants dominate inner blocks, not the reverse), so each
   * nested block logs what it adds and `nested` removes it on the way out.
   */
  private readonly constants = new Map<MlirType, Map<number | bigint, Value>>();
  /** The constants added, in order: the map each went into and its key. */
  private readonly addedTo: Map<number | bigint, Value>[] = [];
  private readonly addedKeys: (number | bigint)[] = [];
  constructor(
    public b: OpBuilder,
    readonly name: string,
    readonly env: Map<number, EnvEntry>,
    readonly subst: Subst,
    /** Stack slots of the function's `let mutable` bindings, allocated in its entry block. */
    readonly slots: Map<object, { ptr: Value; type: MlirType }>,
  ) {}

  /** The constant `value` of `type` visible here, if one was made. */
  lookupConstant(type: MlirType, value: number | bigint | boolean): Value | undefined {
    return this.constants.get(type)?.get(constantKey(value));
  }
  /** Remember `v` as the constant `value` of `type` for the rest of the current block. */
  rememberConstant(type: MlirType, value: number | bigint | boolean, v: Value): void {
    let map = this.constants.get(type);
    if (map === undefined) {
      map = new Map();
      this.constants.set(type, map);
    }
    const key = constantKey(value);
    map.set(key, v);
    this.addedTo.push(map);
    this.addedKeys.push(key);
  }
  /** Run `fill` with the insertion point in a nested block (a branch or loop body). */
  nested<T>(b: OpBuilder, fill: () => T): T {
    const outer = this.b;
    const mark = this.addedKeys.length;
    this.b = b;
    try {
      return fill();
    } finally {
      // Only keys absent outside were added inside (a lookup comes first), so deleting them restores the outer view.
      for (let i = this.addedKeys.length - 1; i >= mark; i--) this.addedTo[i]!.delete(this.addedKeys[i]!);
      this.addedTo.length = mark;
      this.addedKeys.length = mark;
      this.b = outer;
    }
  }
}

/** The error a witness raises for a construct it cannot lower; caught per function, reported as FS4000. */
export class LoweringError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export class Lowerer {
  readonly diagnostics: Diagnostic[] = [];
  /** Names taken in the module, for lifted and specialised functions. */
  readonly usedNames = new Set<string>();
  fn!: FunctionScope;

  constructor(
    readonly program: TypedProgram,
    readonly module: ModuleBuilder,
    private readonly witnesses: WitnessTable,
  ) {}

  /** Set by `lower.ts` before lowering starts. */
  functions!: FunctionRequests;

  /** Lower an expression by its witness. */
  lower(e: Expr, want: Want = {}): LValue {
    const w = this.witnesses[e.kind] as Witness;
    return w(this, e, want);
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

  loc(span: Span): Loc {
    return { file: span.file, line: span.startLine, col: span.startCol };
  }

  /** The F# type of an expression in the current specialisation. */
  typeOf(e: Expr): Type {
    return substitute(this.program.typeOf(e), this.fn.subst);
  }

  /** The MLIR type of an F# type (null for unit); fails with FS4000 for types with no MLIR form. */
  mlirType(t: Type, span: Span): MlirType | null {
    const r = toMlirType(this.program, substitute(t, this.fn.subst));
    if (!r.ok) this.fail(span, 'loweringUnsupported', [r.why.charAt(0).toUpperCase() + r.why.slice(1)]);
    return r.type;
  }

  /** `arith.constant`, shared with an equal constant in this or an enclosing block. */
  constant(type: MlirType, value: number | bigint | boolean, loc: Loc): Value {
    const known = this.fn.lookupConstant(type, value);
    if (known !== undefined) return known;
    const v = this.b.constant(type, value, loc);
    this.fn.rememberConstant(type, value, v);
    return v;
  }

  /** Report and abandon the current function. */
  fail(span: Span, id: MessageId, args: readonly (string | number)[]): never {
    throw new LoweringError(report(id, span, args));
  }

  /** A fresh module-level name based on `base`. */
  freshName(base: string): string {
    let name = base;
    for (let n = 1; this.usedNames.has(name) || this.module.lookup(name) !== undefined; n++) name = `${base}_${n}`;
    this.usedNames.add(name);
    return name;
  }
}
