/**
 * How the checker writes the program's side tables, and the zonking that finishes them.
 *
 * A type with no variable in it is final, and is stored as it stands. Any other type may still be
 * solved: it is stored too, and listed, so that the end of checking zonks only the listed entries
 * rather than rewriting every table (most types are final when written: literals, annotated
 * parameters, solved operands). The objects the checker builds for the program (symbols, binding
 * infos, resolutions, match infos) are its own until checking ends, and are zonked in place.
 */
import type { Expr, Param, Pattern, Span } from '../syntax/ast.js';
import type { Intrinsic } from '../../intrinsics/table.js';
import type { NodeTable } from '../psg/nodeTable.js';
import { ProgramTables, type FieldAccess, type MatchInfo, type PathResolution } from '../psg/program.js';
import type { MutableBindingInfo, MutableSymbol } from './environment.js';
import { isGround, prune, sameType, tError, zonk, type Type } from './types.js';
import type { TypeArgMap } from './typeArgMap.js';

type Writable<T> = { -readonly [P in keyof T]: T[P] };
type IntrinsicResolution = Writable<Extract<PathResolution, { kind: 'intrinsic' }>> & { typeArgs: TypeArgMap };

/** Shared by every resolution without type arguments or fields (never written to). */
export const NONE: readonly never[] = Object.freeze([]);

/** The resolution of every path that names nothing known. */
const UNRESOLVED: PathResolution = { kind: 'error' };

/**
 * The resolution of the plain uses of a symbol (its name alone, no type arguments): one per symbol
 * used, so nearly one per symbol, kept on the symbol (`MutableSymbol.plainUse`). What every such
 * resolution says but its symbol lives on the prototype, which makes each one object of one field
 * rather than four.
 */
class PlainUse {
  declare readonly kind: 'symbol';
  declare readonly typeArgs: readonly Type[];
  declare readonly fields: readonly FieldAccess[];
  constructor(readonly symbol: MutableSymbol) {}
}
Object.defineProperties(PlainUse.prototype, {
  kind: { value: 'symbol', enumerable: true },
  typeArgs: { value: NONE, enumerable: true },
  fields: { value: NONE, enumerable: true },
});

/**
 * A list filled during a declaration, read by `zonk`, then reused: emptying an array by setting its
 * length to 0 frees its storage, so that refilling it would allocate again at every declaration.
 */
class Batch<T> {
  private readonly items: T[] = [];
  private count = 0;

  add(item: T): void {
    this.items[this.count++] = item;
  }

  /** How many items were added since the last `clear`. */
  get length(): number {
    return this.count;
  }

  /** Item `i` (below `length`). */
  at(i: number): T {
    return this.items[i]!;
  }

  clear(): void {
    this.count = 0;
  }
}

/** One type table and the entries of it that zonking may change. */
class TypeColumn<K extends { readonly span: Span }> {
  /**
   * The entries (as `NodeTable.set` numbers them, within the declaration being checked, which
   * `zonk` ends) whose type may change since the last `zonk`, with those types: the first `count`
   * are current (the lists are reused).
   */
  private readonly entries: number[] = [];
  private readonly types: Type[] = [];
  private count = 0;

  constructor(private readonly table: NodeTable<K, Type>) {}

  /** Store `t` for `k`; true when `t` is not final yet (it contains a variable). */
  set(k: K, t: Type): boolean {
    const p = prune(t);
    if (isGround(p)) {
      this.table.set(k, p);
      return false;
    }
    this.entries[this.count] = this.table.set(k, t);
    this.types[this.count] = t;
    this.count++;
    return true;
  }

  zonk(): void {
    for (let i = 0; i < this.count; i++) {
      const t = this.types[i]!;
      const z = zonk(t);
      if (z !== t) this.table.rewrite(this.entries[i]!, z);
    }
    this.count = 0;
  }
}

export class SideTables {
  /** The tables the typed program reads. */
  readonly tables = new ProgramTables();
  private readonly exprTypes = new TypeColumn(this.tables.exprTypes);
  private readonly paramTypes = new TypeColumn(this.tables.paramTypes);
  private readonly patternTypes = new TypeColumn(this.tables.patternTypes);
  private readonly symbolResolutions = new Batch<{ readonly typeArgs: Type[] }>();
  private readonly intrinsicResolutions = new Batch<IntrinsicResolution>();
  /** For each of `intrinsicResolutions`, its entry in the resolution table (see `zonkIntrinsic`). */
  private readonly intrinsicEntries = new Batch<number>();
  private readonly plainIntrinsics = new Map<Intrinsic, PathResolution>();
  private readonly bindingInfos = new Batch<MutableBindingInfo>();
  /** The resolution the latest `resolve…` call recorded (an assignment reads its target's without a lookup). */
  lastResolution: PathResolution = UNRESOLVED;
  private readonly matchInfos = new Batch<Writable<MatchInfo>>();
  /** Per generic intrinsic, its zonked instances at type arguments free of variables, shared by their uses. */
  private readonly instances = new Map<Intrinsic, SharedInstance[]>();

  /** The following methods record a type; each returns true when it is not final yet. */
  exprType(e: Expr, t: Type): boolean {
    return this.exprTypes.set(e, t);
  }

  /** Operator `e` does not apply to its operand (reported): its result is the error type. */
  failedOperator(e: Expr): Type {
    this.tables.failedOperators++;
    this.exprTypes.set(e, tError);
    return tError;
  }

  paramType(p: Param, t: Type): boolean {
    return this.paramTypes.set(p, t);
  }

  patternType(p: Pattern, t: Type): boolean {
    return this.patternTypes.set(p, t);
  }

  /**
   * `e` names `symbol` then takes `fields`; `typeArgs` instantiate a generic symbol (the checker's
   * own list, zonked in place), null for one that is not generic.
   */
  resolveSymbol(e: Expr, symbol: MutableSymbol, typeArgs: Type[] | null, fields: readonly FieldAccess[]): PathResolution {
    if (typeArgs === null) {
      const r = fields.length === 0 ? this.plainUse(symbol) : { kind: 'symbol' as const, symbol, typeArgs: NONE, fields };
      return this.resolve(e, r);
    }
    const r = { kind: 'symbol' as const, symbol, typeArgs, fields };
    this.symbolResolutions.add(r);
    return this.resolve(e, r);
  }

  /** `e` names nothing known (already reported). */
  resolveUnknown(e: Expr): PathResolution {
    return this.resolve(e, UNRESOLVED);
  }

  private resolve(e: Expr, r: PathResolution): PathResolution {
    this.resolveAt(e, r);
    return r;
  }

  /** Record `r` for `e`; returns its entry in the resolution table. */
  private resolveAt(e: Expr, r: PathResolution): number {
    this.lastResolution = r;
    return this.tables.resolutions.set(e, r);
  }

  private plainUse(symbol: MutableSymbol): PathResolution {
    return (symbol.plainUse ??= new PlainUse(symbol));
  }

  /**
   * `e` names `intrinsic`, at `type`, then takes `fields`. `typeArgs` is the checker's own map, whose
   * types are zonked in place when it instantiates generic parameters; an intrinsic without any (empty map)
   * has one resolution for all its plain uses.
   */
  resolveIntrinsic(e: Expr, intrinsic: Intrinsic, typeArgs: TypeArgMap, type: Type, fields: readonly FieldAccess[]): PathResolution {
    if (typeArgs.size === 0 && fields.length === 0) {
      let r = this.plainIntrinsics.get(intrinsic);
      if (r === undefined) {
        r = { kind: 'intrinsic', intrinsic, typeArgs, type, fields };
        this.plainIntrinsics.set(intrinsic, r);
      }
      return this.resolve(e, r);
    }
    const r: IntrinsicResolution = { kind: 'intrinsic', intrinsic, typeArgs, type, fields };
    if (typeArgs.size === 0) return this.resolve(e, r);
    this.intrinsicResolutions.add(r);
    this.intrinsicEntries.add(this.resolveAt(e, r));
    return r;
  }

  /** A binding's facts; `topLevel` also lists it among the module's bindings, in order. */
  binding(info: MutableBindingInfo): void {
    this.bindingInfos.add(info);
    this.tables.bindings.set(info.binding, info);
  }

  match(e: Expr, scrutineeType: Type, exhaustive: boolean): void {
    const info: Writable<MatchInfo> = { scrutineeType, exhaustive };
    this.matchInfos.add(info);
    this.tables.matches.set(e, info);
  }

  /**
   * Zonk a generic intrinsic's use, recorded as resolution table entry `entry`. Most uses
   * instantiate it at types without variables that an earlier use already had (`NativePtr.get` at
   * `byte`): those take that use's map and type, so the program keeps one of each rather than one
   * per use (and the type is not copied again), and a use with no field steps takes its resolution.
   */
  private zonkIntrinsic(r: IntrinsicResolution, entry: number): void {
    const types = r.typeArgs.types;
    zonkAll(types);
    for (const t of types) {
      if (!isGround(t)) {
        r.type = zonk(r.type);
        return;
      }
    }
    let known = this.instances.get(r.intrinsic);
    if (known === undefined) this.instances.set(r.intrinsic, (known = []));
    for (const s of known) {
      if (sameTypes(s.typeArgs.types, types)) {
        r.typeArgs = s.typeArgs;
        r.type = s.type;
        if (r.fields.length > 0) return;
        if (s.plain === null) s.plain = r;
        else this.tables.resolutions.rewrite(entry, s.plain);
        return;
      }
    }
    r.type = zonk(r.type);
    known.push({ typeArgs: r.typeArgs, type: r.type, plain: r.fields.length === 0 ? r : null });
  }

  /**
   * Replace every solved variable in what was recorded since the last call, and in the types of
   * the first `symbolCount` of `symbols`, by its solution. The checker calls this at the end of each
   * top-level declaration, when what it recorded is still in the cache: by then each variable there
   * is solved or generic for good (defaulting has settled the rest), so zonking it then gives what
   * zonking at the end would.
   */
  zonk(symbols: readonly MutableSymbol[], symbolCount: number): void {
    this.exprTypes.zonk();
    this.paramTypes.zonk();
    this.patternTypes.zonk();
    // Plain loops: callbacks written here would be new function objects at every declaration.
    for (let i = 0; i < this.symbolResolutions.length; i++) zonkAll(this.symbolResolutions.at(i).typeArgs);
    for (let i = 0; i < this.intrinsicResolutions.length; i++) this.zonkIntrinsic(this.intrinsicResolutions.at(i), this.intrinsicEntries.at(i));
    // Most types are final already: each is written back only when zonking changed it.
    for (let i = 0; i < this.bindingInfos.length; i++) {
      const info = this.bindingInfos.at(i);
      zonkAll(info.paramTypes);
      const r = zonk(info.returnType);
      if (r !== info.returnType) info.returnType = r;
    }
    for (let i = 0; i < this.matchInfos.length; i++) {
      const m = this.matchInfos.at(i);
      const t = zonk(m.scrutineeType);
      if (t !== m.scrutineeType) m.scrutineeType = t;
    }
    for (let i = 0; i < symbolCount; i++) {
      const s = symbols[i]!;
      const t = zonk(s.type);
      if (t !== s.type) s.type = t;
    }
    this.symbolResolutions.clear();
    this.intrinsicResolutions.clear();
    this.intrinsicEntries.clear();
    this.bindingInfos.clear();
    this.matchInfos.clear();
  }
}

/** A generic intrinsic's type arguments and type at one instantiation, zonked. */
interface SharedInstance {
  readonly typeArgs: TypeArgMap;
  readonly type: Type;
  /** The resolution of a use at this instance with no field steps, shared by all such uses once zonked. */
  plain: IntrinsicResolution | null;
}

function zonkAll(ts: Type[]): void {
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const z = zonk(t);
    if (z !== t) ts[i] = z;
  }
}

/** Whether two lists of zonked types are the same types, in order. */
function sameTypes(a: readonly Type[], b: readonly Type[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameType(a[i]!, b[i]!)) return false;
  return true;
}
