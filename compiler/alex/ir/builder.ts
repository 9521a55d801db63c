/**
 * The builder Alex's witnesses emit MLIR with: an `OpBuilder` appends operations at an insertion
 * point, with one typed helper per op; the `ModuleBuilder` (`moduleBuilder.ts`) owns the module's
 * symbols and gives a `FunctionBuilder` (`functionBuilder.ts`) for each function it defines.
 *
 * Structured ops take callbacks: `scfIf(cond, types, then, else, loc)` runs each callback with the
 * insertion point inside the branch and appends the `scf.yield` of the values it returns.
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
import { attr, cmpPredicates, DYNAMIC_INDEX, type Attributes, type Block, type CmpPredicate, type Loc, type Operation, type Region, type Successor, type Value } from './ir.js';
import type { ModuleBuilder, StringGlobal } from './moduleBuilder.js';
import { blockArgs, closeBlock, emptyRegion, internalError, knownOp, makeKnownOp, makeOp, noAttributes, noRegions, noSuccessors, noTypes, noValues, resultsOf, type KnownOp, type MBlock, type MRegion } from './opParts.js';
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

/**
 * Ops by helper argument (see `makeKnownOp`). Their names written out as literals, not joined from
 * `arith.` and the argument: literal strings are interned, so the op tables the verifier and the
 * printer look names up in compare them by identity. Kept in a map: a property load with changing
 * names is megamorphic.
 */
const arithOps: ReadonlyMap<BinaryOp | CastOp, KnownOp> = new Map(Object.entries({
  addi: 'arith.addi', subi: 'arith.subi', muli: 'arith.muli', divsi: 'arith.divsi', divui: 'arith.divui',
  remsi: 'arith.remsi', remui: 'arith.remui', andi: 'arith.andi', ori: 'arith.ori', xori: 'arith.xori',
  shli: 'arith.shli', shrsi: 'arith.shrsi', shrui: 'arith.shrui', extsi: 'arith.extsi', extui: 'arith.extui', trunci: 'arith.trunci',
} satisfies Record<BinaryOp | CastOp, string>).map(([helper, name]) => [helper as BinaryOp | CastOp, knownOp(name)]));

/** The other ops the typed helpers make, each looked up once here (see `makeKnownOp`). */
const K = {
  constant: knownOp('arith.constant'), cmpi: knownOp('arith.cmpi'), select: knownOp('arith.select'),
  llvmCall: knownOp('llvm.call'), funcCall: knownOp('func.call'), funcReturn: knownOp('func.return'), llvmReturn: knownOp('llvm.return'), unreachable: knownOp('llvm.unreachable'),
  alloca: knownOp('llvm.alloca'), gep: knownOp('llvm.getelementptr'), load: knownOp('llvm.load'), store: knownOp('llvm.store'), addressOf: knownOp('llvm.mlir.addressof'),
  zero: knownOp('llvm.mlir.zero'), undef: knownOp('llvm.mlir.undef'), poison: knownOp('llvm.mlir.poison'), insertValue: knownOp('llvm.insertvalue'), extractValue: knownOp('llvm.extractvalue'),
  if: knownOp('scf.if'), yield: knownOp('scf.yield'), condition: knownOp('scf.condition'), while: knownOp('scf.while'), br: knownOp('cf.br'), condBr: knownOp('cf.cond_br'),
} as const;

/** `values`, or the shared empty list when it is empty (a caller's `[]` would be kept by the op). */
const orNoValues = (values: readonly Value[]): readonly Value[] => (values.length === 0 ? noValues : values);

/** `[first, ...rest]` at its final size; most lists here have no or one more value (a `concat` costs more). */
function withFirst(first: Value, rest: readonly Value[]): readonly Value[] {
  if (rest.length === 0) return [first];
  if (rest.length === 1) return [first, rest[0]!];
  return [first].concat(rest);
}

/** One `predicate` attribute per `cmpi` predicate, shared by every compare (attributes are immutable). */
const predicateAttrs = new Map<CmpPredicate, Attributes>(cmpPredicates.map((p) => [p, Object.freeze({ predicate: attr.enum(p) })]));

/**
 * What a builder's client is told as the insertion point enters a nested block (a branch of an
 * `scf.if`, a region of an `scf.while`) and leaves it: state kept per block (the lowering's visible
 * constants, see `witnesses/constants.ts`) is marked as the block opens and released as it closes.
 */
export interface BlockScopes {
  mark(): number;
  release(mark: number): void;
}

/**
 * Appends ops at an insertion point: the end of a block.
 *
 * The typed helpers keep the value lists they are given (call arguments, yielded and returned
 * values, GEP indices, positions) as the new op's own: pass arrays that are not changed afterwards.
 */
export class OpBuilder {
  private block: MBlock;
  private region: MRegion;
  /** Told of the nested blocks the structured ops open, if anyone asks (see `BlockScopes`). */
  scopes: BlockScopes | undefined = undefined;

  constructor(
    /** The module being built, for symbols and string globals. */
    readonly module: ModuleBuilder,
    block: MBlock,
    region: MRegion,
  ) {
    this.block = block;
    this.region = region;
  }

  /** The block ops are appended to. */
  get insertionBlock(): Block {
    return this.block;
  }

  /** Any op from the table: `op('arith.addi', [a, b], [i32], {}, loc)`. Its arguments are copied. */
  op(name: string, operands: readonly Value[], resultTypes: readonly MlirType[], attrs: Attributes, loc: Loc, extras?: OpExtras): Operation {
    if (!opsByName.has(name)) internalError(`unknown op '${name}'`);
    const regions = extras?.regions === undefined || extras.regions.length === 0 ? noRegions : [...extras.regions];
    const successors = extras?.successors === undefined || extras.successors.length === 0 ? noSuccessors : extras.successors.map((s) => ({ block: s.block, args: [...s.args] }));
    return this.append(makeOp(name, [...operands], resultsOf(resultTypes), { ...attrs }, loc, regions, successors));
  }

  private append(op: Operation): Operation {
    this.block.ops.push(op);
    return op;
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
  binary(op: BinaryOp, a: Value, b: Value, loc: Loc): Value {
    return this.append1(arithOps.get(op)!, [a, b], a.type, noAttributes, loc);
  }

  /** `arith.cmpi pred, a, b : T` → i1 */
  cmpi(predicate: CmpPredicate, a: Value, b: Value, loc: Loc): Value {
    return this.append1(K.cmpi, [a, b], i1, predicateAttrs.get(predicate) ?? internalError(`unknown predicate ${predicate}`), loc);
  }

  /** `arith.extsi|extui|trunci v : From to To` */
  cast(op: CastOp, v: Value, to: MlirType, loc: Loc): Value {
    return this.append1(arithOps.get(op)!, [v], to, noAttributes, loc);
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
    const elseRegion = buildElse === undefined ? emptyRegion : this.branch(buildElse, loc);
    return this.append(makeKnownOp(K.if, [cond], resultsOf(resultTypes), noAttributes, loc, [thenRegion, elseRegion])).results;
  }

  /** A branch of `scf.if`: one block built by `build`, ending in the `scf.yield` of what it returns. */
  private branch(build: (b: OpBuilder) => readonly Value[], loc: Loc): Region {
    const block: MBlock = { args: noValues, ops: [] };
    const region: MRegion = { blocks: [block] };
    // The insertion point moved by hand, not by a callback: an `scf.if` is among the commonest ops, and this spares a closure per branch.
    const outerBlock = this.block;
    const outerRegion = this.region;
    const scopes = this.scopes;
    const mark = scopes === undefined ? 0 : scopes.mark();
    this.block = block;
    this.region = region;
    try {
      this.append(makeKnownOp(K.yield, orNoValues(build(this)), noValues, noAttributes, loc));
    } finally {
      scopes?.release(mark);
      this.block = outerBlock;
      this.region = outerRegion;
    }
    if (this.module.keepsDefinitions) closeBlock(block);
    return region;
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
    const initTypes = inits.length === 0 ? noTypes : inits.map((v) => v.type);
    const carried = resultTypes ?? initTypes;
    const beforeBlock: MBlock = { args: blockArgs(initTypes), ops: [] };
    const beforeRegion: MRegion = { blocks: [beforeBlock] };
    const afterBlock: MBlock = { args: blockArgs(carried), ops: [] };
    const afterRegion: MRegion = { blocks: [afterBlock] };
    // The insertion point moved by hand, as in `branch`: a loop is common, and this spares two closures per loop.
    const outerBlock = this.block;
    const outerRegion = this.region;
    const scopes = this.scopes;
    const mark = scopes === undefined ? 0 : scopes.mark();
    try {
      this.block = beforeBlock;
      this.region = beforeRegion;
      const { cond, values } = before(this, beforeBlock.args);
      this.append(makeKnownOp(K.condition, withFirst(cond, values), noValues, noAttributes, loc));
      if (this.module.keepsDefinitions) closeBlock(beforeBlock);
      // The regions are siblings: what the first made is not visible in the second.
      scopes?.release(mark);
      this.block = afterBlock;
      this.region = afterRegion;
      this.append(makeKnownOp(K.yield, orNoValues(after(this, afterBlock.args)), noValues, noAttributes, loc));
      if (this.module.keepsDefinitions) closeBlock(afterBlock);
    } finally {
      scopes?.release(mark);
      this.block = outerBlock;
      this.region = outerRegion;
    }
    return this.append(makeKnownOp(K.while, inits, resultsOf(carried), noAttributes, loc, [beforeRegion, afterRegion])).results;
  }

  /** Run `fill` with the insertion point at the end of `block` (in the current region). */
  protected withBlock(block: MBlock, fill: (b: OpBuilder) => void): void {
    const outerBlock = this.block;
    this.block = block;
    try {
      fill(this);
    } finally {
      this.block = outerBlock;
    }
  }

  // ---- unstructured control flow ----------------------------------------------------------------

  /** A new block at the end of the current region (for `cf` branches); the insertion point stays put. */
  createBlock(argTypes: readonly MlirType[] = []): Block {
    const block: MBlock = { args: blockArgs(argTypes), ops: [] };
    this.region.blocks.push(block);
    return block;
  }

  /** Move the insertion point to the end of `block`, which must belong to the current region. */
  setInsertionPoint(block: Block): void {
    const target = this.region.blocks.find((b) => b === block) ?? internalError('setInsertionPoint to a block of another region');
    this.block = target;
  }

  /** `cf.br ^target(args)` */
  br(target: Block, args: readonly Value[], loc: Loc): void {
    this.append(makeKnownOp(K.br, noValues, noValues, noAttributes, loc, noRegions, [{ block: target, args }]));
  }

  /** `cf.cond_br cond, ^ifTrue(trueArgs), ^ifFalse(falseArgs)` */
  condBr(cond: Value, ifTrue: Block, trueArgs: readonly Value[], ifFalse: Block, falseArgs: readonly Value[], loc: Loc): void {
    this.append(makeKnownOp(K.condBr, [cond], noValues, noAttributes, loc, noRegions, [{ block: ifTrue, args: trueArgs }, { block: ifFalse, args: falseArgs }]));
  }
}
