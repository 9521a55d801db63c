/**
 * Where an `OpBuilder` (`builder.ts`) appends ops: the end of a block, moved into the blocks of the
 * structured ops (`scf.if`, `scf.while`) as they are built and back out, or to another block of the
 * current region (`cf` branches).
 *
 * Structured ops are built in steps, with no callback: to lower an `if`, a witness begins a branch,
 * lowers into it, ends it with the values it yields, does the same for the other branch, then
 * appends the `scf.if` of the two regions. Callbacks would be new function objects (closures over
 * the witness's state) at every `if` and loop, which lowering meets by the thousand; the builder's
 * callback forms (`OpBuilder.scfIf`, `scfWhile`) are written over these steps.
 */
import type { Block, Loc, Operation, Region, Value } from './ir.js';
import type { ModuleBuilder } from './moduleBuilder.js';
import { blockArgs, closeBlock, emptyRegion, internalError, knownOp, makeKnownOp, noAttributes, noTypes, noValues, orNoValues, resultsOf, typesOf, withFirst, type MBlock, type MRegion } from './opParts.js';
import type { MlirType } from './types.js';

/** The ops that end and make the structured ops, looked up once (see `makeKnownOp`). */
const K = { if: knownOp('scf.if'), yield: knownOp('scf.yield'), condition: knownOp('scf.condition'), while: knownOp('scf.while') } as const;

/**
 * What a builder's client is told as the insertion point enters a nested block (a branch of an
 * `scf.if`, a region of an `scf.while`) and leaves it: state kept per block (the lowering's visible
 * constants, see `witnesses/constants.ts`) is marked as the block opens and released as it closes.
 */
export interface BlockScopes {
  mark(): number;
  release(mark: number): void;
}

/** A structured op being built: where the insertion point was before it, and its parts so far. */
interface OpenOp {
  outerBlock: MBlock;
  outerRegion: MRegion;
  /** The scopes' mark as it began (see `BlockScopes`). */
  mark: number;
  /** Of an `scf.while`: its initial values, its result types, and its before region once ended. */
  inits: readonly Value[];
  carried: readonly MlirType[];
  before: Region;
}

/** The insertion point of a builder, and the structured ops being built around it. */
export class InsertionPoint {
  protected block: MBlock;
  protected region: MRegion;
  /** Told of the nested blocks the structured ops open, if anyone asks (see `BlockScopes`). */
  scopes: BlockScopes | undefined = undefined;
  /** The structured ops being built, innermost last: the first `depth` (the objects are reused). */
  private readonly open: OpenOp[] = [];
  /** How many structured ops are being built. */
  protected depth = 0;

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

  protected append(op: Operation): Operation {
    this.block.ops.push(op);
    return op;
  }

  // ---- scf.if -----------------------------------------------------------------------------------

  /** Begin a branch of an `scf.if`: ops go to a new block until `endBranch`. */
  beginBranch(): void {
    const block: MBlock = { args: noValues, ops: [] };
    this.enter(block, { blocks: [block] });
  }

  /** End the branch begun last with `scf.yield values`, the insertion point back where it was; returns the branch. */
  endBranch(values: readonly Value[], loc: Loc): Region {
    this.append(makeKnownOp(K.yield, orNoValues(values), noValues, noAttributes, loc));
    const block = this.block;
    const region = this.region;
    this.leave();
    if (this.module.keepsDefinitions) closeBlock(block);
    return region;
  }

  /** `scf.if cond -> (resultTypes) { then } else { else }` of branches built with `beginBranch`; no else when there are no results. */
  ifOp(cond: Value, resultTypes: readonly MlirType[], thenRegion: Region, elseRegion: Region | undefined, loc: Loc): readonly Value[] {
    return this.append(makeKnownOp(K.if, [cond], resultsOf(resultTypes), noAttributes, loc, [thenRegion, elseRegion ?? emptyRegion])).results;
  }

  // ---- scf.while --------------------------------------------------------------------------------

  /**
   * Begin `scf.while (inits) : (...) -> (resultTypes)` (`resultTypes` defaults to the types of the
   * inits): ops go to its before region until `whileBody`. Returns the iteration values.
   */
  beginWhile(inits: readonly Value[], resultTypes?: readonly MlirType[]): readonly Value[] {
    const initTypes = typesOf(inits);
    const block: MBlock = { args: blockArgs(initTypes), ops: [] };
    const op = this.enter(block, { blocks: [block] });
    op.inits = inits;
    op.carried = resultTypes ?? initTypes;
    return block.args;
  }

  /**
   * End the before region with `scf.condition(cond) values`: the values passed on, to the after
   * region while `cond` holds, out as the results when it does not. Ops go to the after region
   * until `endWhile`; returns its arguments (the values passed on).
   */
  whileBody(cond: Value, values: readonly Value[], loc: Loc): readonly Value[] {
    const op = this.innermost();
    this.append(makeKnownOp(K.condition, withFirst(cond, values), noValues, noAttributes, loc));
    if (this.module.keepsDefinitions) closeBlock(this.block);
    // The regions are siblings: what the first made is not visible in the second.
    this.scopes?.release(op.mark);
    op.before = this.region;
    const block: MBlock = { args: blockArgs(op.carried), ops: [] };
    this.block = block;
    this.region = { blocks: [block] };
    return block.args;
  }

  /** End the after region with `scf.yield next` (the next iteration values) and append the `scf.while`; returns its results. */
  endWhile(next: readonly Value[], loc: Loc): readonly Value[] {
    const op = this.innermost();
    this.append(makeKnownOp(K.yield, orNoValues(next), noValues, noAttributes, loc));
    if (this.module.keepsDefinitions) closeBlock(this.block);
    const regions = [op.before, this.region];
    const { inits, carried } = op;
    this.leave();
    return this.append(makeKnownOp(K.while, inits, resultsOf(carried), noAttributes, loc, regions)).results;
  }

  // ---- moving the insertion point ---------------------------------------------------------------

  /** Move into `block` of `region`, a part of a structured op, telling the scopes. */
  private enter(block: MBlock, region: MRegion): OpenOp {
    const scopes = this.scopes;
    const mark = scopes === undefined ? 0 : scopes.mark();
    let op = this.open[this.depth];
    if (op === undefined) {
      op = { outerBlock: this.block, outerRegion: this.region, mark, inits: noValues, carried: noTypes, before: emptyRegion };
      this.open[this.depth] = op;
    } else {
      op.outerBlock = this.block;
      op.outerRegion = this.region;
      op.mark = mark;
    }
    this.depth++;
    this.block = block;
    this.region = region;
    return op;
  }

  /** The structured op begun last. */
  private innermost(): OpenOp {
    return this.depth > 0 ? this.open[this.depth - 1]! : internalError('no structured op is being built');
  }

  /** Leave the structured op begun last, its parts complete: the scopes are told, the insertion point goes back where it was. */
  private leave(): void {
    const op = this.innermost();
    this.depth--;
    this.scopes?.release(op.mark);
    this.block = op.outerBlock;
    this.region = op.outerRegion;
    op.inits = noValues;
    op.before = emptyRegion;
  }

  /** Leave the structured ops begun since `depth` ops were being built, abandoned when a callback of the builder's throws. */
  protected abandon(depth: number): void {
    while (this.depth > depth) this.leave();
  }

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
}
