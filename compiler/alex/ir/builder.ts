/**
 * The builder Alex's witnesses emit MLIR with: an `OpBuilder` appends operations at an insertion
 * point, with one typed helper per op; the `ModuleBuilder` (`moduleBuilder.ts`) owns the module's
 * symbols and gives a `FunctionBuilder` (`functionBuilder.ts`) for each function it defines.
 *
 * Structured ops are built in steps (`beginBranch` … `endBranch`, then `ifOp`; `beginWhile` …
 * `whileBody` … `endWhile`, see `insertionPoint.ts`), or with callbacks: `scfIf(cond, types, then,
 * else, loc)` runs each callback with the insertion point inside the branch and appends the
 * `scf.yield` of the values it returns.
 * Misuse of the builder (an unknown op, a constant that does not fit, calling an undeclared
 * symbol) is a bug in the caller and throws; type errors in well-formed calls are left to the
 * verifier, which reports them with the op's source location.
 *
 * Lowering a large program makes tens of thousands of ops, so the typed helpers build each op's
 * arrays once and hand them over (`append`) rather than copying what a caller passed; the generic
 * `op` copies, since its caller may keep and reuse its arrays. The arrays an op keeps are made at
 * their final size (`map`, literals), not grown by `push`, whose spare capacity the module would
 * keep: a grown array holds 16 slots for one op's two operands. A block's ops, which grow as they
 * are appended, are copied to their final size as it closes, if the module keeps its definitions
 * (`keepsDefinitions`: a definition handed on as it is complete is dropped at once, copies and
 * all). Ops without results, attributes, regions or successors share one empty array or record,
 * and equal attribute records are shared within a module (`sharedAttributes.ts`): the tree is
 * immutable, so sharing cannot be observed.
 */
import { attr, DYNAMIC_INDEX, type Attributes, type Block, type CmpPredicate, type Loc, type Operation, type Region, type Successor, type Value } from './ir.js';
import { InsertionPoint } from './insertionPoint.js';
import type { StringGlobal } from './moduleBuilder.js';
import { internalError, knownOp, makeKnownOp, makeOp, noAttributes, noRegions, noSuccessors, noValues, orNoValues, resultsOf, type KnownOp } from './opParts.js';
import { opsByName, typeAtPosition } from './ops.js';
import { i1, isInt, printType, ptr, type MlirType } from './types.js';

/** The arith ops with two operands and one result of the same integer type. */
export type BinaryOp = 'addi' | 'subi' | 'muli' | 'divsi' | 'divui' | 'remsi' | 'remui' | 'andi' | 'ori' | 'xori' | 'shli' | 'shrsi' | 'shrui';
/** The arith integer casts. */
export type CastOp = 'extsi' | 'extui' | 'trunci';

/** Extra pieces of an op made with the generic `op`. */
export interface OpExtras {
  readonly regions?: readonly Region[];
  readonly successors?: readonly Successor[];
}

/** An arith op of `binary` or `cast`, resolved once (see `arith`). */
export type ArithOp = KnownOp;
/** A `cmpi` predicate, resolved once (see `predicates`): the attribute record of the compares made with it. */
export type Predicate = Attributes;

/**
 * The ops of `binary` and `cast` and the predicates of `cmpi`, resolved: callers that choose among
 * them at every op (the witnesses' operator table, loops, conversions) pass these (`arith.addi`,
 * `predicates.slt`), and making the op looks nothing up; a name (`'addi'`, `'slt'`) is looked up.
 * Object literals, so that a load of a named entry is a fixed field. The op names are written out,
 * not joined from `arith.` and the helper argument: literal strings are interned, so the op tables
 * the verifier and the printer look names up in compare them by identity.
 */
export const arith = Object.freeze({
  addi: knownOp('arith.addi'), subi: knownOp('arith.subi'), muli: knownOp('arith.muli'), divsi: knownOp('arith.divsi'), divui: knownOp('arith.divui'),
  remsi: knownOp('arith.remsi'), remui: knownOp('arith.remui'), andi: knownOp('arith.andi'), ori: knownOp('arith.ori'), xori: knownOp('arith.xori'),
  shli: knownOp('arith.shli'), shrsi: knownOp('arith.shrsi'), shrui: knownOp('arith.shrui'),
  extsi: knownOp('arith.extsi'), extui: knownOp('arith.extui'), trunci: knownOp('arith.trunci'),
} satisfies Record<BinaryOp | CastOp, ArithOp>);

/** One `predicate` attribute per `cmpi` predicate, shared by every compare (attributes are immutable). */
const predicate = (p: CmpPredicate): Predicate => Object.freeze({ predicate: attr.enum(p) });
export const predicates = Object.freeze({
  eq: predicate('eq'), ne: predicate('ne'), slt: predicate('slt'), sle: predicate('sle'), sgt: predicate('sgt'),
  sge: predicate('sge'), ult: predicate('ult'), ule: predicate('ule'), ugt: predicate('ugt'), uge: predicate('uge'),
} satisfies Record<CmpPredicate, Predicate>);

/** The same by name, for callers that pass names (in maps: a property load with changing names is megamorphic). */
const arithOps: ReadonlyMap<BinaryOp | CastOp, ArithOp> = new Map(Object.entries(arith) as [BinaryOp | CastOp, ArithOp][]);
const predicateAttrs: ReadonlyMap<CmpPredicate, Predicate> = new Map(Object.entries(predicates) as [CmpPredicate, Predicate][]);

/** The other ops the typed helpers make, each looked up once here (see `makeKnownOp`). */
const K = {
  constant: knownOp('arith.constant'), cmpi: knownOp('arith.cmpi'), select: knownOp('arith.select'),
  llvmCall: knownOp('llvm.call'), funcCall: knownOp('func.call'), funcReturn: knownOp('func.return'), llvmReturn: knownOp('llvm.return'), unreachable: knownOp('llvm.unreachable'),
  alloca: knownOp('llvm.alloca'), gep: knownOp('llvm.getelementptr'), load: knownOp('llvm.load'), store: knownOp('llvm.store'), addressOf: knownOp('llvm.mlir.addressof'),
  zero: knownOp('llvm.mlir.zero'), undef: knownOp('llvm.mlir.undef'), poison: knownOp('llvm.mlir.poison'), insertValue: knownOp('llvm.insertvalue'), extractValue: knownOp('llvm.extractvalue'),
  br: knownOp('cf.br'), condBr: knownOp('cf.cond_br'),
} as const;

/**
 * Appends ops at an insertion point: the end of a block.
 *
 * The typed helpers keep the value lists they are given (call arguments, yielded and returned
 * values, GEP indices, positions) as the new op's own: pass arrays that are not changed afterwards.
 */
export class OpBuilder extends InsertionPoint {
  /** Any op from the table: `op('arith.addi', [a, b], [i32], {}, loc)`. Its arguments are copied. */
  op(name: string, operands: readonly Value[], resultTypes: readonly MlirType[], attrs: Attributes, loc: Loc, extras?: OpExtras): Operation {
    if (!opsByName.has(name)) internalError(`unknown op '${name}'`);
    const regions = extras?.regions === undefined || extras.regions.length === 0 ? noRegions : [...extras.regions];
    const successors = extras?.successors === undefined || extras.successors.length === 0 ? noSuccessors : extras.successors.map((s) => ({ block: s.block, args: [...s.args] }));
    return this.append(makeOp(name, [...operands], resultsOf(resultTypes), { ...attrs }, loc, regions, successors));
  }

  /** Append an op `op` with one result of `type` and return that result. */
  private append1(op: KnownOp, operands: readonly Value[], type: MlirType, attrs: Attributes, loc: Loc): Value {
    const result: Value = { def: 'result', index: 0, type };
    this.block.ops.push(makeKnownOp(op, operands, [result], attrs, loc));
    return result;
  }

  // ---- arith ------------------------------------------------------------------------------------

  /** `arith.constant value : type`; `value` may be written signed or unsigned (`-1` or `255` for i8). */
  constant(type: MlirType, value: number | bigint | boolean, loc: Loc): Value {
    if (!isInt(type)) internalError(`constant of non-integer type ${printType(type)}`);
    return this.append1(K.constant, noValues, type, this.module.shared.constant(type, value), loc);
  }

  /** `arith.constant` of `type` with its attribute record at hand (`SharedAttributes.constant`'s). */
  sharedConstant(type: MlirType, attributes: Attributes, loc: Loc): Value {
    return this.append1(K.constant, noValues, type, attributes, loc);
  }

  /** `arith.<op> a, b : T` with the result type of `a`. */
  binary(op: BinaryOp | ArithOp, a: Value, b: Value, loc: Loc): Value {
    return this.append1(typeof op === 'string' ? arithOps.get(op)! : op, [a, b], a.type, noAttributes, loc);
  }

  /** `arith.cmpi pred, a, b : T` → i1 */
  cmpi(predicate: CmpPredicate | Predicate, a: Value, b: Value, loc: Loc): Value {
    const attributes = typeof predicate === 'string' ? predicateAttrs.get(predicate) ?? internalError(`unknown predicate ${predicate}`) : predicate;
    return this.append1(K.cmpi, [a, b], i1, attributes, loc);
  }

  /** `arith.extsi|extui|trunci v : From to To` */
  cast(op: CastOp | ArithOp, v: Value, to: MlirType, loc: Loc): Value {
    return this.append1(typeof op === 'string' ? arithOps.get(op)! : op, [v], to, noAttributes, loc);
  }

  /** `arith.select c, a, b : T` */
  select(cond: Value, a: Value, b: Value, loc: Loc): Value {
    return this.append1(K.select, [cond, a, b], a.type, noAttributes, loc);
  }

  // ---- calls and returns ------------------------------------------------------------------------

  /** `llvm.call @callee(args)` to a declared `llvm.func`; undefined for a void callee. */
  llvmCall(callee: string, args: readonly Value[], loc: Loc): Value | undefined {
    return this.callOf(this.module.lookup(callee), callee, args, loc);
  }

  /** Declare `@callee` if needed (see `declareLlvmFunc`) and call it. */
  callExternal(callee: string, params: readonly MlirType[], result: MlirType | undefined, args: readonly Value[], loc: Loc): Value | undefined {
    // The declaration and the call's attribute record come with one lookup (`ModuleBuilder.external`).
    const external = this.module.external(callee, params, result, loc);
    return this.append(makeKnownOp(K.llvmCall, args, resultsOf(external.results), external.callee, loc)).results[0];
  }

  /** `llvm.call` of `decl`, the symbol `callee` names. */
  private callOf(decl: Operation | undefined, callee: string, args: readonly Value[], loc: Loc): Value | undefined {
    const t = decl?.attributes['function_type'];
    if (decl?.name !== 'llvm.func' || t?.kind !== 'type' || t.type.kind !== 'func') return internalError(`llvm.call of @${callee}, which is not a declared llvm.func`);
    return this.append(makeKnownOp(K.llvmCall, args, resultsOf(t.type.results), this.module.shared.callee(callee), loc)).results[0];
  }

  /** `func.call @callee(args) : (...) -> (resultTypes)`; the callee may be defined later. */
  call(callee: string, args: readonly Value[], resultTypes: readonly MlirType[], loc: Loc): readonly Value[] {
    return this.append(makeKnownOp(K.funcCall, args, resultsOf(resultTypes), this.module.shared.callee(callee), loc)).results;
  }

  /** `func.call` with the callee's `{ callee }` record at hand (`SharedAttributes.callee`'s, looked up once by the caller). */
  callWith(callee: Attributes, args: readonly Value[], resultTypes: readonly MlirType[], loc: Loc): readonly Value[] {
    return this.append(makeKnownOp(K.funcCall, args, resultsOf(resultTypes), callee, loc)).results;
  }

  /** `func.return values` */
  ret(values: readonly Value[], loc: Loc): void {
    this.append(makeKnownOp(K.funcReturn, orNoValues(values), noValues, noAttributes, loc));
  }

  /** `llvm.return [value]` */
  llvmReturn(value: Value | undefined, loc: Loc): void {
    this.append(makeKnownOp(K.llvmReturn, value === undefined ? noValues : [value], noValues, noAttributes, loc));
  }

  /** `llvm.unreachable` */
  unreachable(loc: Loc): void {
    this.append(makeKnownOp(K.unreachable, noValues, noValues, noAttributes, loc));
  }

  // ---- memory -----------------------------------------------------------------------------------

  /** `llvm.alloca count x elemType : (T) -> !llvm.ptr` */
  alloca(count: Value, elemType: MlirType, loc: Loc): Value {
    return this.append1(K.alloca, [count], ptr, this.module.shared.elemType(elemType), loc);
  }

  /** `llvm.getelementptr base[i, ...] : (...) -> !llvm.ptr, elemType`; numbers are constant indices, values SSA ones. */
  gep(base: Value, indices: readonly (number | Value)[], elemType: MlirType, loc: Loc): Value {
    // One index is the common case: its attribute record is shared, and no list is filtered or mapped.
    if (indices.length === 1) {
      const i = indices[0]!;
      return typeof i === 'number'
        ? this.append1(K.gep, [base], ptr, this.module.shared.gep(elemType, i), loc)
        : this.append1(K.gep, [base, i], ptr, this.module.shared.gep(elemType, DYNAMIC_INDEX), loc);
    }
    const dynamic = indices.filter((i): i is Value => typeof i !== 'number');
    const operands = [base].concat(dynamic);
    const raw = indices.map((i) => (typeof i === 'number' ? i : DYNAMIC_INDEX));
    return this.append1(K.gep, operands, ptr, { rawConstantIndices: attr.dense(32, raw), elem_type: attr.type(elemType) }, loc);
  }

  /** `llvm.load p : !llvm.ptr -> type` */
  load(p: Value, type: MlirType, loc: Loc): Value {
    return this.append1(K.load, [p], type, noAttributes, loc);
  }

  /** `llvm.store value, p : T, !llvm.ptr` */
  store(value: Value, p: Value, loc: Loc): void {
    this.append(makeKnownOp(K.store, [value, p], noValues, noAttributes, loc));
  }

  /** `llvm.mlir.addressof @symbol : !llvm.ptr` */
  addressOf(symbol: string, loc: Loc): Value {
    return this.append1(K.addressOf, noValues, ptr, this.module.shared.globalName(symbol), loc);
  }

  /** The interned global for `text` and its address: the pointer to its bytes and their count. */
  stringBytes(text: string, loc: Loc): { readonly ptr: Value; readonly length: number; readonly global: StringGlobal } {
    const global = this.module.stringGlobal(text, loc);
    return { ptr: this.addressOf(global.symbol, loc), length: global.length, global };
  }

  /** `llvm.mlir.zero : !llvm.ptr` (or another type) */
  zero(loc: Loc, type: MlirType = ptr): Value {
    return this.append1(K.zero, noValues, type, noAttributes, loc);
  }

  /** `llvm.mlir.undef : type` */
  undef(type: MlirType, loc: Loc): Value {
    return this.append1(K.undef, noValues, type, noAttributes, loc);
  }

  /** `llvm.mlir.poison : type` */
  poison(type: MlirType, loc: Loc): Value {
    return this.append1(K.poison, noValues, type, noAttributes, loc);
  }

  /** `llvm.insertvalue value, aggregate[position] : T` → the updated aggregate */
  insertValue(aggregate: Value, value: Value, position: readonly number[], loc: Loc): Value {
    return this.append1(K.insertValue, [value, aggregate], aggregate.type, this.module.shared.position(position), loc);
  }

  /** `llvm.extractvalue aggregate[position] : T` → the field (its type is computed) */
  extractValue(aggregate: Value, position: readonly number[], loc: Loc): Value {
    const field = typeAtPosition(aggregate.type, position);
    if (typeof field === 'string') internalError(`extractvalue: ${field}`);
    return this.append1(K.extractValue, [aggregate], field, this.module.shared.position(position), loc);
  }

  // ---- structured control flow ------------------------------------------------------------------

  /**
   * `scf.if cond -> (resultTypes) { then } else { else }`. Each callback builds its branch at the
   * builder's insertion point and returns the values to yield; `buildElse` may be omitted when
   * there are no results. Returns the if's results.
   */
  scfIf(cond: Value, resultTypes: readonly MlirType[], buildThen: (b: OpBuilder) => readonly Value[], buildElse: ((b: OpBuilder) => readonly Value[]) | undefined, loc: Loc): readonly Value[] {
    const thenRegion = this.branch(buildThen, loc);
    const elseRegion = buildElse === undefined ? undefined : this.branch(buildElse, loc);
    return this.ifOp(cond, resultTypes, thenRegion, elseRegion, loc);
  }

  /** A branch of `scf.if`: one block built by `build`, ending in the `scf.yield` of what it returns. */
  private branch(build: (b: OpBuilder) => readonly Value[], loc: Loc): Region {
    const depth = this.depth;
    this.beginBranch();
    let values: readonly Value[];
    try {
      values = build(this);
    } catch (e) {
      this.abandon(depth);
      throw e;
    }
    return this.endBranch(values, loc);
  }

  /**
   * `scf.while (inits) : (...) -> (resultTypes)`. `before` gets the iteration values and returns
   * the condition and the values passed on (to `after` while it holds, out as the results when it
   * does not); `after` gets those and returns the next iteration values. `resultTypes` defaults to
   * the types of the inits.
   */
  scfWhile(
    inits: readonly Value[],
    before: (b: OpBuilder, args: readonly Value[]) => { readonly cond: Value; readonly values: readonly Value[] },
    after: (b: OpBuilder, args: readonly Value[]) => readonly Value[],
    loc: Loc,
    resultTypes?: readonly MlirType[],
  ): readonly Value[] {
    const depth = this.depth;
    const iteration = this.beginWhile(inits, resultTypes);
    let next: readonly Value[];
    try {
      const { cond, values } = before(this, iteration);
      next = after(this, this.whileBody(cond, values, loc));
    } catch (e) {
      this.abandon(depth);
      throw e;
    }
    return this.endWhile(next, loc);
  }

  // ---- unstructured control flow ----------------------------------------------------------------

  /** `cf.br ^target(args)` */
  br(target: Block, args: readonly Value[], loc: Loc): void {
    this.append(makeKnownOp(K.br, noValues, noValues, noAttributes, loc, noRegions, [{ block: target, args }]));
  }

  /** `cf.cond_br cond, ^ifTrue(trueArgs), ^ifFalse(falseArgs)` */
  condBr(cond: Value, ifTrue: Block, trueArgs: readonly Value[], ifFalse: Block, falseArgs: readonly Value[], loc: Loc): void {
    this.append(makeKnownOp(K.condBr, [cond], noValues, noAttributes, loc, noRegions, [{ block: ifTrue, args: trueArgs }, { block: ifFalse, args: falseArgs }]));
  }
}
