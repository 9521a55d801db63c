/**
 * The typed program: what the FNCS front end hands to Alex, our analogue of the Program Semantic
 * Graph. The AST is not copied or mutated; every analysis result lives in a side table keyed by
 * node identity, and `TypedProgram` is the read-only view over those tables. What follows from
 * other facts is not recorded but derived on lookup (a literal's or a comparison's type, most
 * paths' types, an operator's operand type, a named parameter's type): the tables hold one entry
 * per fact that does not, since a large program has hundreds of thousands of nodes.
 *
 * Every type reachable from here is zonked (no solved variables left). The only `Var`s remaining
 * are generic parameters (`tv.generic === true`) of generic functions, as in `'a -> 'a`; each use of
 * a generic function records its instantiation so Alex can monomorphise.
 *
 * Lookups of a recorded fact on a node the checker never saw throw (a broken invariant, not a user
 * error). When the checker reported errors, some entries may hold the `Error` type; Alex only runs
 * on clean programs.
 */
import type { Binding, Expr, ModuleAst, Param, Pattern, Span } from '../syntax/ast.js';
import type { Intrinsic } from '../../intrinsics/table.js';
import { infixResult, infixTakesBools, prefixResult } from '../checking/operatorRules.js';
import { literalType, tBool, tError, tUnit, type Type } from '../checking/types.js';
import { DeclRanges, NodeTable } from './nodeTable.js';

/** What kind of definition introduced a symbol. */
export type SymbolKind =
  /** A module-level `let`. */
  | 'topLevel'
  /** A `let` inside a function body (value or nested function). */
  | 'local'
  | 'param'
  | 'forVar'
  | 'patternVar';

/** A named definition. Ids are unique in the program, in order of definition. */
export interface Symbol {
  readonly id: number;
  readonly name: string;
  readonly kind: SymbolKind;
  readonly mutable: boolean;
  /** Its type; for generic functions it contains the generic `Var`s listed in `typeParams`. */
  readonly type: Type;
  /** The generic parameters, in the order `PathResolution.typeArgs` instantiates them. */
  readonly typeParams: readonly Type[];
  /** The defining node: the `Binding`, `Param`, `For` expression or `PVar` pattern. */
  readonly definition: Binding | Param | Expr | Pattern;
}

/** One `.Field` step: which record, which field (by declaration index) and the field's type. */
export interface FieldAccess {
  readonly record: string;
  readonly field: string;
  readonly index: number;
  readonly type: Type;
}

/** What a `Path` expression (`x`, `frame.Length`, `Sys.read`) denotes. */
export type PathResolution =
  | {
      readonly kind: 'symbol';
      readonly symbol: Symbol;
      /** The instantiation of `symbol.typeParams` at this use (empty when not generic). */
      readonly typeArgs: readonly Type[];
      /** Record field accesses after the name, in order (`frame.Length` → one access). */
      readonly fields: readonly FieldAccess[];
    }
  | {
      readonly kind: 'intrinsic';
      readonly intrinsic: Intrinsic;
      /** Generic parameter of the signature (`'T`) → its type at this use. */
      readonly typeArgs: ReadonlyMap<string, Type>;
      /** The intrinsic's type at this use (e.g. `nativeptr<byte> -> int -> byte`). */
      readonly type: Type;
      readonly fields: readonly FieldAccess[];
    }
  /** The name was not found (already reported). */
  | { readonly kind: 'error' };

export interface RecordField {
  readonly name: string;
  readonly type: Type;
  readonly index: number;
  readonly mutable: boolean;
}

export interface RecordInfo {
  readonly name: string;
  /** In declaration order. */
  readonly fields: readonly RecordField[];
}

/** What the checker knows about one `let` binding, top-level or local. */
export interface BindingInfo {
  readonly binding: Binding;
  readonly symbol: Symbol;
  /** Number of curried parameters as written (`let f a b` → 2; a value → 0). */
  readonly arity: number;
  readonly isFunction: boolean;
  readonly paramTypes: readonly Type[];
  readonly returnType: Type;
  /** True for nested (local) bindings. */
  readonly isLocal: boolean;
  readonly isRec: boolean;
  /**
   * Local functions only: the local symbols of enclosing scopes the body refers to, directly, in
   * order of id (parameters, locals, loop and pattern variables, other local functions). Symbols of
   * the same `let rec … and …` group are not captures. Empty for top-level bindings.
   */
  readonly captures: readonly Symbol[];
  readonly isEntryPoint: boolean;
}

/** Per-match facts Alex needs. */
export interface MatchInfo {
  readonly scrutineeType: Type;
  /** False when FS0025 was reported: Alex must add the match-failure path. */
  readonly exhaustive: boolean;
}

/** The typed program handed from FNCS to Alex. */
export interface TypedProgram {
  readonly module: ModuleAst;
  /** Records by name, in declaration order. */
  readonly records: ReadonlyMap<string, RecordInfo>;
  /** Top-level `let` bindings in source order (functions and values). */
  readonly topLevel: readonly BindingInfo[];
  /** The `[<EntryPoint>]` binding, or null. */
  readonly entryPoint: BindingInfo | null;

  /** The type of any expression. */
  typeOf(e: Expr): Type;
  /** The resolution of a `Path` expression. */
  resolutionOf(e: Expr): PathResolution;
  /** The field access of a `FieldGet` expression (`(f x).Length`). */
  fieldOf(e: Expr): FieldAccess;
  /** The operand type of an `Infix` (its left operand; for `|>` the piped value) or `Prefix` expression. */
  operandTypeOf(e: Expr): Type;
  /** The record built by a `Record` or `RecordUpdate` expression. */
  recordOf(e: Expr): RecordInfo;
  /** The loop variable of a `For` expression (kind `forVar`, type `int`). */
  forVariableOf(e: Expr): Symbol;
  matchInfoOf(e: Expr): MatchInfo;
  bindingInfo(b: Binding): BindingInfo;
  paramType(p: Param): Type;
  /** The symbol a named parameter introduces; null for `_` and `()`. */
  paramSymbol(p: Param): Symbol | null;
  patternType(p: Pattern): Type;
  /** The symbol of a `PVar` pattern. */
  patternSymbol(p: Pattern): Symbol;
}

/**
 * The side tables the checker fills; `TypedProgram` reads them. The node tables keep one part per
 * top-level declaration (see `nodeTable.ts`): the checker opens each declaration's part before
 * writing its nodes.
 */
export class ProgramTables {
  readonly decls = new DeclRanges();
  readonly exprTypes = new NodeTable<Expr, Type>(this.decls);
  readonly resolutions = new NodeTable<Expr, PathResolution>(this.decls);
  readonly fieldGets = new NodeTable<Expr, FieldAccess>(this.decls);
  readonly recordExprs = new NodeTable<Expr, RecordInfo>(this.decls);
  readonly forVars = new NodeTable<Expr, Symbol>(this.decls);
  readonly matches = new NodeTable<Expr, MatchInfo>(this.decls);
  readonly bindings = new NodeTable<Binding, BindingInfo>(this.decls);
  /** Only for parameters that bind no name: a named one's type is its symbol's. */
  readonly paramTypes = new NodeTable<Param, Type>(this.decls);
  /** Null for a parameter that binds no name (`_`, `()`), so every checked parameter has an entry. */
  readonly paramSymbols = new NodeTable<Param, Symbol | null>(this.decls);
  readonly patternTypes = new NodeTable<Pattern, Type>(this.decls);
  readonly patternSymbols = new NodeTable<Pattern, Symbol>(this.decls);
  /** All of the above, for `release`. */
  private readonly nodeTables = [
    this.exprTypes, this.resolutions, this.fieldGets, this.recordExprs, this.forVars, this.matches,
    this.bindings, this.paramTypes, this.paramSymbols, this.patternTypes, this.patternSymbols,
  ] as readonly NodeTable<{ readonly span: Span }, unknown>[];
  readonly records = new Map<string, RecordInfo>();
  readonly topLevel: BindingInfo[] = [];
  /**
   * How many operators taking their operand's type did not apply to it: only then is such an
   * operator's result type recorded (the error type), so only then need `typeOf` look for one.
   */
  failedOperators = 0;

  /**
   * Forget what the node tables hold for declaration part `part` (the value of `decls.current`
   * while it was checked), once nothing will look its nodes up again: a compile that lowers each
   * declaration as soon as it is checked drops it this way (`compiler/driver/streamCompile.ts`).
   */
  release(part: number): void {
    for (const table of this.nodeTables) table.release(part);
  }
}

/**
 * The type of `e` when it follows from the expression alone: a literal's from its value, a loop's
 * or an assignment's is `unit`, a comparison's or a logical operator's `bool` (even when an operand
 * was reported as wrong). Null for the rest, whose types the checker records, paths aside (see
 * `derivedPathType`). A good part of all expressions need no table entry this way.
 */
export function derivedExprType(e: Expr): Type | null {
  switch (e.kind) {
    case 'Literal': return literalType(e.value);
    case 'Assign': case 'While': case 'For': return tUnit;
    case 'Infix': return infixResult(e.op) === 'bool' ? tBool : null;
    case 'Prefix': return prefixResult(e.op) === 'bool' ? tBool : null;
    default: return null;
  }
}


/**
 * The type of the `Path` expression `e`, resolved as `r`, when it follows from the resolution: a
 * name alone (no field step, successful or not) has the type of the non-generic symbol or of the
 * intrinsic at this use it names, and an unresolved path the error type. Null otherwise (a generic
 * use, field steps): the checker records those types. Paths are a good part of all expressions, so
 * this saves recording theirs.
 */
export function derivedPathType(e: Extract<Expr, { kind: 'Path' }>, r: PathResolution): Type | null {
  switch (r.kind) {
    case 'error': return tError;
    case 'symbol': return r.typeArgs.length === 0 && e.parts.length === 1 ? r.symbol.type : null;
    case 'intrinsic': {
      // `Module.name` takes two parts, a bare name (`int`) one.
      const nameParts = e.parts[0]!.text === r.intrinsic.name ? 1 : 2;
      return e.parts.length === nameParts ? r.type : null;
    }
  }
}

/** A missing entry is a broken invariant: the checker records every node it checks. */
function missing(what: string): never {
  throw new Error(`internal error: the typed program has no ${what} for this node`);
}

/** The read-only view over filled tables. */
export function makeTypedProgram(module: ModuleAst, t: ProgramTables): TypedProgram {
  const { exprTypes, resolutions, fieldGets, recordExprs, forVars, matches, bindings, paramTypes, paramSymbols, patternTypes, patternSymbols } = t;
  const typeOf = (e: Expr): Type => {
    // Some types follow from the expression, and most paths' from their resolution: neither is recorded.
    switch (e.kind) {
      case 'Infix': case 'Prefix': {
        // An operator's result, looked up once, answers all but `|>`: `bool`, or its (left)
        // operand's type, which the checker records only when the operator did not apply to
        // that operand (the error type, after FS0001).
        const result = e.kind === 'Infix' ? infixResult(e.op) : prefixResult(e.op);
        if (result === 'bool') return tBool;
        if (result === 'operand') return (t.failedOperators > 0 ? exprTypes.get(e) : undefined) ?? typeOf(e.kind === 'Infix' ? e.left : e.operand);
        break;
      }
      case 'Path': {
        const r = resolutions.get(e);
        const pathType = r === undefined ? null : derivedPathType(e, r);
        if (pathType !== null) return pathType;
        break;
      }
      default: {
        const derived = derivedExprType(e);
        if (derived !== null) return derived;
      }
    }
    return exprTypes.get(e) ?? missing('type');
  };
  // An operator's operand type is its (left) operand's, bool aside: the checker records none.
  const operandTypeOf = (e: Expr): Type => {
    if (e.kind === 'Infix') return infixTakesBools(e.op) ? tBool : typeOf(e.left);
    if (e.kind === 'Prefix') return prefixResult(e.op) === 'bool' ? tBool : typeOf(e.operand);
    return missing('operand type');
  };
  return {
    module,
    records: t.records,
    topLevel: t.topLevel,
    // Read when lowering ends: a program checked a declaration at a time has it only by then.
    get entryPoint() {
      return t.topLevel.find((b) => b.isEntryPoint) ?? null;
    },
    typeOf,
    resolutionOf: (e) => resolutions.get(e) ?? missing('path resolution'),
    fieldOf: (e) => fieldGets.get(e) ?? missing('field access'),
    operandTypeOf,
    recordOf: (e) => recordExprs.get(e) ?? missing('record'),
    forVariableOf: (e) => forVars.get(e) ?? missing('loop variable'),
    matchInfoOf: (e) => matches.get(e) ?? missing('match info'),
    bindingInfo: (b) => bindings.get(b) ?? missing('binding info'),
    paramType: (p) => {
      // A named parameter's type is its symbol's (see `ProgramTables.paramTypes`).
      const s = paramSymbols.get(p);
      return (s === undefined ? undefined : s === null ? paramTypes.get(p) : s.type) ?? missing('parameter type');
    },
    paramSymbol: (p) => paramSymbols.get(p) ?? null,
    patternType: (p) => patternTypes.get(p) ?? missing('pattern type'),
    patternSymbol: (p) => patternSymbols.get(p) ?? missing('pattern symbol'),
  };
}
