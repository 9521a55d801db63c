/**
 * The checker's per-run state and the operations every checking file shares: reporting,
 * expecting a type, let-levels with generalisation and instantiation, and reading type annotations.
 * One `Checker` is built per `check` call, so no state leaks between runs.
 */
import type { Expr, Param, Pattern, Span, TypeExpr } from '../syntax/ast.js';
import { report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { MessageId } from '../../diagnostics/messages.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import { intrinsicsByName } from '../../intrinsics/table.js';
import type { ProgramTables, RecordInfo, Symbol } from '../psg/program.js';
import { Environment, type MutableSymbol } from './environment.js';
import { RecordIndex } from './recordIndex.js';
import { SideTables } from './sideTables.js';
import {
  addConstraint, array, freeVars, fun, GroundFunTypes, hasConstraint, hasFreeVar, isGround, prim, printType, prune, ptr, tError, tInt, VarSupply, PRIM_NAMES,
  type PrimName, type Type, type TypeVar,
} from './types.js';
import { Unifier, type UnifyFailure } from './unify.js';

/** F# types a user may write that the subset leaves out: FS3900 rather than "not defined". */
const UNSUPPORTED_TYPES: ReadonlySet<string> = new Set([
  'float', 'double', 'float32', 'single', 'decimal', 'char', 'obj', 'nativeint', 'unativeint',
  'list', 'option', 'seq', 'array', 'voption', 'Result', 'Map', 'Set', 'bigint',
]);

const NO_TYPES: readonly Type[] = Object.freeze([]);

/** The primitive types by the names annotations write them with. */
const PRIM_TYPES: ReadonlyMap<string, Type> = new Map([...PRIM_NAMES].map((name) => [name, prim(name as PrimName)]));

/** Constraints F# resolves to `int` when nothing else fixes the type ("weak resolution"). */
const DEFAULTS_TO_INT = ['integer', 'addable', 'signed'] as const;

/** A local function being checked: symbols with smaller ids than `firstId` are captured. */
export interface FunctionContext {
  readonly firstId: number;
  /** The bindings of its own `let rec … and …` group: never captures. */
  readonly group: ReadonlySet<Symbol>;
  /** Each captured symbol once, in order of first use (a list: a function captures few). */
  readonly captures: Symbol[];
}

export class Checker {
  readonly diagnostics: Diagnostic[] = [];
  readonly supply = new VarSupply();
  readonly side = new SideTables();
  readonly tables: ProgramTables = this.side.tables;
  readonly records = new RecordIndex(this.tables.records);
  readonly env = new Environment();
  readonly unifier = new Unifier((name) => this.tables.records.get(name)?.fields.map((f) => f.type) ?? []);
  /** Let-nesting depth, for generalisation. */
  level = 0;
  /** `'T` names in scope in the current top-level binding's annotations. */
  typeVarScope = new Map<string, Type>();
  readonly functions: FunctionContext[] = [];
  /**
   * Types recorded since the current top-level declaration began that were not final yet, with
   * where, for defaulting (parallel lists: one entry per expression would be an object each).
   */
  readonly pendingTypes: Type[] = [];
  readonly pendingSpans: Span[] = [];
  /** How many of `pendingTypes` and `pendingSpans` are current (the lists are reused, not shrunk). */
  pendingCount = 0;
  private readonly recordTypes = new Map<string, Type>();
  /** The types an annotation names without arguments: the primitives, then the records declared so far. */
  private readonly typeNames = new Map<string, Type>(PRIM_TYPES);
  readonly groundFuns = new GroundFunTypes();
  /** Names of non-`rec` bindings whose bodies are being checked (for the 'let rec' hint). */
  readonly defining: string[] = [];

  constructor(readonly moduleName: string) {}

  report(id: MessageId, span: Span, args: readonly (string | number)[] = [], help?: string): void {
    this.diagnostics.push(report(id, span, args, help));
  }

  fresh(): Type {
    return this.supply.fresh(this.level);
  }

  /** Record the type of `e` and return it. */
  setType(e: Expr, t: Type): Type {
    if (this.side.exprType(e, t)) this.addPending(t, e.span);
    return t;
  }

  setParamType(p: Param, t: Type): void {
    if (this.side.paramType(p, t)) this.addPending(t, p.span);
  }

  setPatternType(p: Pattern, t: Type): void {
    if (this.side.patternType(p, t)) this.addPending(t, p.span);
  }

  /** Note a type of something at `span` that is not recorded (its type follows from elsewhere), for defaulting. */
  notePending(t: Type, span: Span): void {
    if (!isGround(prune(t))) this.addPending(t, span);
  }

  private addPending(t: Type, span: Span): void {
    this.pendingTypes[this.pendingCount] = t;
    this.pendingSpans[this.pendingCount] = span;
    this.pendingCount++;
  }

  /**
   * Replace the solved type variables in what was recorded since the last call by their solutions;
   * called once a top-level declaration is settled (see `SideTables.zonk`), and at the end.
   */
  zonkDeclaration(): void {
    this.side.zonk(this.env.recent, this.env.recentCount);
    this.env.forgetRecent();
  }

  /** Print several types with one naming of their variables, so `'a` means the same in each. */
  show(...ts: Type[]): string[] {
    const names = new Map<TypeVar, string>();
    return ts.map((t) => printType(t, names));
  }

  /**
   * Unify `actual` (of the thing at `span`) with `expected`; on failure report FS0001 with message
   * `id` (which takes expected then actual). Returns whether they unified.
   */
  expect(actual: Type, expected: Type, span: Span, id: MessageId = 'typeMismatch', help?: string): boolean {
    const failure = this.unifier.unify(expected, actual);
    if (failure === null) return true;
    this.reportFailure(failure, expected, actual, span, id, help);
    return false;
  }

  reportFailure(failure: UnifyFailure, expected: Type, actual: Type, span: Span, id: MessageId, help?: string): void {
    if (failure.kind === 'constraint') {
      const [t] = this.show(failure.type);
      if (intrinsicsByName.get(failure.op)?.integerParams !== undefined) this.report('conversionNotSupported', span, [t!, failure.op]);
      else this.report('operatorNotSupported', span, [t!, failure.op]);
      return;
    }
    const [e, a] = this.show(expected, actual);
    if (failure.kind === 'occurs') this.report('recursiveType', span, [e!, a!]);
    else this.report(id, span, [e!, a!], help);
  }

  enterLevel(): void {
    this.level++;
  }

  exitLevel(): void {
    this.level--;
  }

  /**
   * Generalise the variables of `t` created deeper than the current level (call after
   * `exitLevel`). Variables under integer-like constraints default to `int` instead, as F# does
   * for non-inline functions. Returns the generic parameters in order of appearance.
   */
  generalize(t: Type, preferredNames: ReadonlyMap<TypeVar, string>): readonly Type[] {
    // Most types have no variable left: they share one empty list.
    if (!hasFreeVar(t)) return NO_TYPES;
    const params: Type[] = [];
    let letter = 0;
    for (const tv of freeVars(t)) {
      if (tv.level <= this.level || tv.generic) continue;
      if (DEFAULTS_TO_INT.some((c) => hasConstraint(tv, c))) {
        tv.link = tInt;
        continue;
      }
      tv.generic = true;
      tv.name = preferredNames.get(tv) ?? `'${String.fromCharCode(97 + letter++)}`;
      params.push({ kind: 'Var', tv });
    }
    return params;
  }

  /**
   * A fresh instance of a generic symbol's type: its generic parameters replaced by new variables
   * (pushed onto `typeArgs`, in order). A non-generic symbol's type is returned as it is.
   */
  instantiate(symbol: MutableSymbol, typeArgs: Type[]): Type {
    if (symbol.typeParams.length === 0) return symbol.type;
    const subst = new Map<TypeVar, Type>();
    for (const p of symbol.typeParams) {
      const v = this.fresh();
      const tv = (p as Extract<Type, { kind: 'Var' }>).tv;
      if (v.kind === 'Var' && tv.constraints !== null) for (const u of tv.constraints) addConstraint(v.tv, u.constraint, u.op);
      subst.set(tv, v);
      typeArgs.push(v);
    }
    const copy = (ty: Type): Type => {
      const p = prune(ty);
      switch (p.kind) {
        case 'Var': return subst.get(p.tv) ?? p;
        case 'Ptr': return ptr(copy(p.elem));
        case 'Array': return array(copy(p.elem));
        case 'Fun': return fun(copy(p.from), copy(p.to));
        default: return p;
      }
    };
    return copy(symbol.type);
  }

  /** Declare record `r`, whose name is new (a primitive's name keeps meaning the primitive in annotations). */
  declareRecord(r: RecordInfo): void {
    this.records.add(r);
    if (!this.typeNames.has(r.name)) this.typeNames.set(r.name, this.recordType(r.name));
  }

  /** The latest declared record that has every one of `labels`, if any. */
  recordWithLabels(labels: readonly string[]): RecordInfo | undefined {
    return this.records.withLabels(labels);
  }

  /** The type an annotation denotes; unknown names are reported and become the error type. */
  resolveTypeExpr(te: TypeExpr): Type {
    switch (te.kind) {
      case 'TypeVar': {
        let v = this.typeVarScope.get(te.name.text);
        if (v === undefined) {
          v = this.fresh();
          this.typeVarScope.set(te.name.text, v);
        }
        return v;
      }
      case 'TypeArray': return array(this.resolveTypeExpr(te.element));
      case 'TypeFun': return fun(this.resolveTypeExpr(te.from), this.resolveTypeExpr(te.to));
      case 'TypeName': return this.resolveTypeName(te);
    }
  }

  private resolveTypeName(te: Extract<TypeExpr, { kind: 'TypeName' }>): Type {
    const name = te.name.text;
    // Most annotations name a primitive or a record (`int`, `Header`), or write `nativeptr<…>`:
    // one lookup, or none, answers them; the rest of this handles what is wrong.
    if (te.args.length === 0) {
      const t = this.typeNames.get(name);
      if (t !== undefined) return t;
    } else if (te.args.length === 1 && name === 'nativeptr') {
      return ptr(this.resolveTypeExpr(te.args[0]!));
    }
    let args = NO_TYPES;
    if (te.args.length > 0) {
      const resolved = new Array<Type>(te.args.length);
      for (let i = 0; i < te.args.length; i++) resolved[i] = this.resolveTypeExpr(te.args[i]!);
      args = resolved;
    }
    const arity = name === 'nativeptr' ? 1 : PRIM_NAMES.has(name) || this.tables.records.has(name) ? 0 : -1;
    if (arity === -1) {
      if (UNSUPPORTED_TYPES.has(name)) this.report('unsupported', te.name.span, [`The type '${name}'`]);
      else this.report('undefinedType', te.name.span, [name], didYouMean(name, [...PRIM_NAMES, 'nativeptr', ...this.tables.records.keys()]));
      return tError;
    }
    if (args.length !== arity) {
      this.report('wrongTypeArgCount', te.span, [name, arity, args.length]);
      return tError;
    }
    if (name === 'nativeptr') return ptr(args[0]!);
    return PRIM_NAMES.has(name) ? prim(name as PrimName) : this.recordType(name);
  }

  /** The type of the record `name` (one object per record: types are values, compared by name). */
  recordType(name: string): Type {
    let t = this.recordTypes.get(name);
    if (t === undefined) {
      t = { kind: 'Record', name };
      this.recordTypes.set(name, t);
    }
    return t;
  }
}
