/**
 * Functions: each F# top-level function becomes a `func.func` named after it (`main` → `@main`
 * taking C's argc/argv); local functions are lambda-lifted to module functions that take the
 * values they capture as leading parameters; generic functions are specialised per instantiation
 * (monomorphisation). Requests are queued and emitted one function at a time, each complete when
 * emitted (the module may then hand it on, see `lower.ts`).
 *
 * `let mutable` locals get a stack slot each in the function's entry block (`slots.ts`).
 */
import { intrinsics, SUPPORT } from '../../intrinsics/table.js';
import type { BindingInfo, Symbol } from '../../fncs/psg/program.js';
import type { Binding, LocalLet, Param } from '../../fncs/syntax/ast.js';
import { printType, type Type } from '../../fncs/checking/types.js';
import type { Operation } from '../ir/ir.js';
import { i32, ptr, type MlirType } from '../ir/types.js';
import { DISCARD, FunctionScope, KEEP, LoweringError, type EnvEntry, type FunctionRequests, type Lowerer, type LValue } from './context.js';
import { MutableSlots } from './slots.js';
import { abiSignature, substitute, type Subst } from './types2mlir.js';

/** C and runtime symbols an F# function must not be named after. */
const reservedNames = new Set<string>([
  ...Object.values(SUPPORT).map((s) => s.symbol),
  ...intrinsics.flatMap((i) => (i.lowering.kind === 'libc' || i.lowering.kind === 'runtime' ? [i.lowering.symbol] : [])),
]);

interface Request {
  readonly name: string;
  readonly info: BindingInfo;
  readonly subst: Subst;
  /** Captured values, passed first. */
  readonly captures: readonly Symbol[];
  /** Environment entries of local functions visible in the body (itself and its group included). */
  readonly functions: ReadonlyMap<number, EnvEntry>;
}

/** Symbol-name text for a type in a specialisation's name: `id$int`, `wrap$nativeptr_byte`. */
const typeNamePart = (t: Type): string => printType(t).replace(/[^A-Za-z0-9_]+/g, '_');

const noSubst: Subst = new Map();
const noTypes: readonly Type[] = Object.freeze([]);
const noCaptures: readonly Symbol[] = Object.freeze([]);
const noFunctions: ReadonlyMap<number, EnvEntry> = new Map();
/** What a unit-typed parameter or capture is bound to (entries are immutable, so one serves all). */
const unitEntry: EnvEntry = Object.freeze({ kind: 'value', value: null });

function specialisation(info: BindingInfo, typeArgs: readonly Type[], outer: Subst): Subst {
  if (typeArgs.length === 0) return outer;
  const subst = new Map(outer);
  info.symbol.typeParams.forEach((p, i) => {
    const arg = typeArgs[i];
    if (p.kind === 'Var' && arg !== undefined) subst.set(p.tv, substitute(arg, outer));
  });
  return subst;
}

export class FunctionEmitter implements FunctionRequests {
  /** Top-level functions named from their declarations (`declare`): emitted first, in order. */
  private declared: Request[] = [];
  /**
   * Functions requested while emitting (local ones, specialisations): emitted after, in order, from
   * `requested[next]` on. Taken by index, not `shift()`, which can copy the rest of a long queue
   * each time; an emitted entry is cleared so its request can be collected.
   */
  private readonly requested: (Request | undefined)[] = [];
  private next = 0;
  /** The names given: a non-generic function's by symbol id (ids are small integers: an index costs less than a map lookup), a specialisation's by its key. */
  private readonly namesById: (string | undefined)[] = [];
  private readonly specialisedNames = new Map<string, string>();

  constructor(private readonly L: Lowerer) {}

  /** The name of a top-level function in the module, before any suffix that makes it unique. */
  private baseName(info: BindingInfo): string {
    const name = info.isEntryPoint ? 'main' : info.symbol.name;
    return reservedNames.has(name) ? `${name}_fs` : name;
  }

  /**
   * Name a non-generic top-level function (or the entry point) of the declaration being lowered,
   * to be emitted by the next `emitDeclared`. A module's functions are named in declaration order
   * before any of them is emitted, or, lowering a declaration at a time, before any later one is.
   * False (and not named) when the module already holds its name.
   */
  declare(info: BindingInfo): boolean {
    if (this.namesById[info.symbol.id] !== undefined) return true;
    // Named before anything is emitted, a function never meets a name the module has taken (an
    // external's, a string's); named after, it would get another name than that: refuse.
    const base = this.baseName(info);
    if (this.L.module.lookup(base) !== undefined) return false;
    this.namesById[info.symbol.id] = this.name(info, noTypes, this.declared, base);
    return true;
  }

  topLevel(info: BindingInfo, typeArgs: readonly Type[]): string {
    // Most calls are of non-generic functions: those are named by symbol id, with no key to build.
    if (typeArgs.length === 0) {
      const id = info.symbol.id;
      const known = this.namesById[id];
      if (known !== undefined) return known;
      this.beforeRequest();
      return (this.namesById[id] = this.name(info, typeArgs, this.requested));
    }
    const key = `${info.symbol.id}:${typeArgs.map((t) => printType(t)).join(',')}`;
    const known = this.specialisedNames.get(key);
    if (known !== undefined) return known;
    this.beforeRequest();
    const name = this.name(info, typeArgs, this.requested);
    this.specialisedNames.set(key, name);
    return name;
  }

  /**
   * How many local functions have been requested so far: lowered after every declared function,
   * from the trees of the functions they are in (a specialisation of a top-level function reads
   * only that function's).
   */
  liftedCount = 0;

  /** A fresh name for `info` specialised by `typeArgs`, its request queued; the caller records the name. */
  private name(info: BindingInfo, typeArgs: readonly Type[], queue: (Request | undefined)[], base = this.baseName(info)): string {
    const name = this.L.freshName(typeArgs.length === 0 ? base : `${base}$${typeArgs.map(typeNamePart).join('$')}`);
    queue.push({ name, info, subst: specialisation(info, typeArgs, noSubst), captures: noCaptures, functions: noFunctions });
    return name;
  }

  /** A function being lowered requests no function before its stack slots are settled (see `slots.ts`). */
  private beforeRequest(): void {
    (this.L.fn as FunctionScope | undefined)?.slots.settle();
  }

  /** Bind the local functions of one `let` (a `let rec … and …` group shares its captures). */
  bindLocal(item: LocalLet, functions: readonly Binding[]): void {
    const L = this.L;
    this.beforeRequest();
    const infos = functions.map((b) => L.program.bindingInfo(b));
    const group = new Set(infos.map((i) => i.symbol.id));
    const captures = new Map<number, Symbol>();
    for (const info of infos) {
      for (const c of info.captures) {
        if (group.has(c.id)) continue;
        const entry = L.fn.env.get(c.id);
        if (entry?.kind === 'function') entry.captures.forEach((x) => captures.set(x.id, x));
        else captures.set(c.id, c);
      }
    }
    const captured = [...captures.values()].sort((a, b) => a.id - b.id);
    const outerName = L.fn.name;
    const outerSubst = L.fn.subst;
    const visible = L.fn.env.functions();
    for (const info of infos) {
      const names = new Map<string, string>();
      const nameFor = (typeArgs: readonly Type[]): string => {
        const key = typeArgs.map((t) => printType(t)).join(',');
        const known = names.get(key);
        if (known !== undefined) return known;
        this.beforeRequest();
        const base = `${outerName}.${info.symbol.name}`;
        const name = L.freshName(typeArgs.length === 0 ? base : `${base}$${typeArgs.map(typeNamePart).join('$')}`);
        names.set(key, name);
        this.requested.push({ name, info, subst: specialisation(info, typeArgs, outerSubst), captures: captured, functions: visible });
        this.liftedCount++;
        return name;
      };
      const entry: EnvEntry = { kind: 'function', info, captures: captured, nameFor };
      visible.set(info.symbol.id, entry);
      L.fn.env.set(info.symbol.id, entry);
    }
    // Non-generic local functions are emitted even when nothing calls them, as F# compiles them.
    for (const info of infos) if (info.symbol.typeParams.length === 0) (L.fn.env.get(info.symbol.id) as Extract<EnvEntry, { kind: 'function' }>).nameFor([]);
  }

  /** Emit the declared functions not emitted yet; what they request waits for `drain`. */
  emitDeclared(): void {
    const declared = this.declared;
    if (declared.length === 0) return;
    // A new list rather than `length = 0`, which takes a slow path (it was 1% of lowering, once per declaration).
    this.declared = [];
    for (let i = 0; i < declared.length; i++) this.emitOne(declared[i]!);
  }

  /** Emit everything named so far and all it requests in turn: the declared functions first. */
  drain(): void {
    this.emitDeclared();
    while (this.next < this.requested.length) {
      const r = this.requested[this.next]!;
      this.requested[this.next++] = undefined;
      this.emitOne(r);
    }
    this.requested.length = 0;
    this.next = 0;
  }

  private emitOne(r: Request): void {
    try {
      this.L.module.complete(this.emit(r));
    } catch (e) {
      if (!(e instanceof LoweringError)) throw e;
      this.L.diagnostics.push(e.diagnostic);
    }
    // Nothing asks for the scope of a function that is done (`beforeRequest` must not settle it).
    this.L.fn = undefined as never;
  }

  /** Emit the function `r` asks for; returns its `func.func`. */
  private emit(r: Request): Operation {
    const L = this.L;
    const { info } = r;
    const b = info.binding;
    const loc = L.loc(b.span);
    const env = L.env;
    env.begin(r.functions);
    // Types are computed under the specialisation's substitution.
    L.constants.beginFunction();
    L.fn = new FunctionScope(undefined as never, r.name, env, r.subst, undefined as never);
    // Per parameter of the MLIR function: its type, and the symbol its value binds (null: none).
    const types: MlirType[] = [];
    const binds: (number | null)[] = [];
    for (const c of r.captures) {
      const t = L.mlirType(c.type, b.span);
      if (t !== null) {
        types.push(t);
        binds.push(c.id);
      } else env.set(c.id, unitEntry);
    }
    if (info.isEntryPoint) {
      types.push(i32, ptr);
      binds.push(null, null);
    } else {
      for (let i = 0; i < b.params.length; i++) {
        const p: Param = b.params[i]!;
        const t = L.mlirType(info.paramTypes[i]!, p.span);
        const sym = L.program.paramSymbol(p);
        if (t !== null) {
          types.push(t);
          binds.push(sym === null ? null : sym.id);
        } else if (sym !== null) env.set(sym.id, unitEntry);
      }
    }
    const result = info.isEntryPoint ? i32 : L.mlirType(info.returnType, b.span);
    const fb = L.module.defineFunc(r.name, types, result === null ? [] : [result], loc);
    fb.scopes = L.constants;
    L.fn.b = fb;
    const args = fb.insertionBlock.args;
    for (let i = 0; i < binds.length; i++) {
      const id = binds[i];
      if (id !== null && id !== undefined) env.set(id, { kind: 'value', value: args[i]! });
    }
    if (info.isEntryPoint) {
      const abi = abiSignature(SUPPORT.args);
      const argv = fb.callExternal(SUPPORT.args.symbol, abi.params, abi.result, [args[0]!, args[1]!], loc)!;
      const p = b.params[0];
      const sym = p === undefined ? null : L.program.paramSymbol(p);
      if (sym !== null) env.set(sym.id, { kind: 'value', value: argv });
    }
    const slots = new MutableSlots(L, b.body, fb);
    L.fn.slots = slots;
    let value: LValue;
    try {
      value = L.lower(b.body, result === null ? DISCARD : KEEP);
    } catch (e) {
      // A slot type that fails is the diagnostic, as if the prologue had been made first (see slots.ts).
      if (e instanceof LoweringError) slots.settle();
      throw e;
    }
    slots.finish();
    fb.ret(result === null || value === null ? [] : [value], L.loc(b.body.span));
    return fb.func;
  }
}

/** Bind a local `let`'s functions (called by the block witness). */
export function bindLocalFunctions(L: Lowerer, item: LocalLet, functions: readonly Binding[]): void {
  (L.functions as FunctionEmitter).bindLocal(item, functions);
}
