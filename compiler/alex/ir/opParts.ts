/**
 * The parts the IR builders make new ops and blocks from: a block or region under construction,
 * the shared empty arrays and attribute record, an op's results and a block's arguments (made at
 * their final size), and closing a block (its ops copied to their final size). Used by
 * `moduleBuilder.ts`, `insertionPoint.ts`, `builder.ts` and `functionBuilder.ts`; see
 * `builder.ts`'s header for why sizes and sharing matter.
 */
import type { Attributes, Loc, Operation, Region, Successor, Value } from './ir.js';
import { kinds, type OpKind } from './opKinds.js';
import type { MlirType } from './types.js';

/** A block being built: ops are appended to it. */
export interface MBlock {
  readonly args: readonly Value[];
  ops: Operation[];
}
/** A region being built: `createBlock` appends to it. */
export interface MRegion {
  readonly blocks: MBlock[];
}

/** The empty lists and attribute record every op without them shares (immutable, so sharing is unobservable). */
export const noValues: readonly Value[] = Object.freeze([]);
export const noTypes: readonly MlirType[] = Object.freeze([]);
export const noRegions: readonly Region[] = Object.freeze([]);
export const noSuccessors: readonly Successor[] = Object.freeze([]);
export { noAttributes } from './ir.js';

/** `values`, or the shared empty list when it is empty (a caller's `[]` would be kept by the op). */
export const orNoValues = (values: readonly Value[]): readonly Value[] => (values.length === 0 ? noValues : values);

/** `[first, ...rest]` at its final size; most lists here have no or one more value (a `concat` costs more). */
export function withFirst(first: Value, rest: readonly Value[]): readonly Value[] {
  if (rest.length === 0) return [first];
  if (rest.length === 1) return [first, rest[0]!];
  return [first].concat(rest);
}

/** The types of `values`, at their final size (most lists here have none or one). */
export function typesOf(values: readonly Value[]): readonly MlirType[] {
  if (values.length === 0) return noTypes;
  if (values.length === 1) return [values[0]!.type];
  const types: MlirType[] = [];
  for (const v of values) types.push(v.type);
  return types.slice();
}

/** A misuse of the builder: a bug in its caller. */
export function internalError(message: string): never {
  throw new Error(`internal error in the MLIR builder: ${message}`);
}

/** The region of an op that has none built (an external function's body, an `scf.if` without `else`). */
export const emptyRegion: Region = Object.freeze({ blocks: Object.freeze([]) });

/**
 * The results of a new op, one per type, made at their final size with no callback: `map` with an
 * arrow function would make a new function object per op, and takes a slow path on the frozen
 * lists of an interned function type (`type.params`).
 */
export function resultsOf(types: readonly MlirType[]): readonly Value[] {
  switch (types.length) {
    case 0: return noValues;
    case 1: return [{ def: 'result', index: 0, type: types[0]! }];
    case 2: return [{ def: 'result', index: 0, type: types[0]! }, { def: 'result', index: 1, type: types[1]! }];
    default: return valuesOf('result', types);
  }
}

/** The arguments of a new block, one per type (made as `resultsOf` makes results). */
export function blockArgs(types: readonly MlirType[]): readonly Value[] {
  switch (types.length) {
    case 0: return noValues;
    case 1: return [{ def: 'arg', index: 0, type: types[0]! }];
    case 2: return [{ def: 'arg', index: 0, type: types[0]! }, { def: 'arg', index: 1, type: types[1]! }];
    case 3: return [{ def: 'arg', index: 0, type: types[0]! }, { def: 'arg', index: 1, type: types[1]! }, { def: 'arg', index: 2, type: types[2]! }];
    default: return valuesOf('arg', types);
  }
}

/** One value per type, in a list copied to its final size (a grown list keeps spare capacity). */
function valuesOf(def: Value['def'], types: readonly MlirType[]): readonly Value[] {
  const values: Value[] = [];
  for (let index = 0; index < types.length; index++) values.push({ def, index, type: types[index]! });
  return values.slice();
}

/** A block's ops at their final size, once the block is complete (a grown array keeps spare capacity). */
export function closeBlock(block: MBlock): void {
  if (block.ops.length < SMALL_BLOCK) block.ops = block.ops.slice();
}
/** Below this many ops a block's grown array is mostly spare capacity. */
const SMALL_BLOCK = 16;

/**
 * What a module keeps of a definition it has handed on: its symbol (name, attributes, location), not
 * its body. Made here, not by `makeOp`: an object literal of its own is an allocation site of its
 * own, whose objects all live to the module's end, so V8 learns to allocate them in the old
 * generation at once; from `makeOp`'s site, shared with ops that die young, each would be copied by
 * a scavenge and promoted by the next.
 */
export const symbolStub = (op: Operation): Operation => ({
  name: op.name, operands: noValues, results: noValues, attributes: op.attributes, regions: noRegions, successors: noSuccessors, loc: stubLoc(op.loc), kind: op.kind,
});
/** A copy of the location `symbolStub` keeps, for the same reason: locations are made at one site for every op. */
const stubLoc = (loc: Loc): Loc => ({ file: loc.file, line: loc.line, col: loc.col });

/** An op made of the parts given, which it keeps, with its kind from the op table. */
export function makeOp(name: string, operands: readonly Value[], results: readonly Value[], attributes: Attributes, loc: Loc, regions: readonly Region[] = noRegions, successors: readonly Successor[] = noSuccessors): Operation {
  return { name, operands, results, attributes, regions, successors, loc, kind: kinds.get(name) };
}

/**
 * An op name with its kind from the op table, for a builder to look up once (`knownOp`) rather than
 * at every op it makes (`makeKnownOp`). The name is kept beside the kind, not read from its table
 * entry: the entries come in many shapes, and reading one's name at every op is a megamorphic load.
 */
export interface KnownOp {
  readonly name: string;
  readonly kind: OpKind;
}

/** The `KnownOp` of `name`, which must be in the op table. */
export const knownOp = (name: string): KnownOp => ({ name, kind: kinds.get(name) ?? internalError(`unknown op '${name}'`) });

/**
 * `makeOp` of a known op: the typed helpers each make one kind of op, tens of thousands of times,
 * and a lookup of its name per op was a good part of making it.
 */
export function makeKnownOp(op: KnownOp, operands: readonly Value[], results: readonly Value[], attributes: Attributes, loc: Loc, regions: readonly Region[] = noRegions, successors: readonly Successor[] = noSuccessors): Operation {
  return { name: op.name, operands, results, attributes, regions, successors, loc, kind: op.kind };
}

