/**
 * The builder of one function's body: an `OpBuilder` (`builder.ts`) positioned in the function's
 * entry block, with the prologue the lowering puts the stack slots in (ops added while the body is
 * built, and put before it once it is complete). The `ModuleBuilder` gives one per definition.
 */
import type { Operation, Value } from './ir.js';
import type { ModuleBuilder } from './moduleBuilder.js';
import { OpBuilder } from './builder.js';
import { internalError, noValues, type MBlock, type MRegion } from './opParts.js';

/** An `OpBuilder` positioned in a new function's entry block. */
export class FunctionBuilder extends OpBuilder {
  /** The entry block's arguments: the function's parameters. */
  readonly args: readonly Value[];
  private readonly entry: MBlock;
  /** The prologue's ops while the body is built, and where they go (see `enterPrologue`). */
  private prologue: MBlock | undefined = undefined;
  private prologueAt = 0;
  /** Where the insertion point was before `enterPrologue`. */
  private outside: MBlock | undefined = undefined;

  constructor(
    module: ModuleBuilder,
    /** The `func.func` / `llvm.func` op being built. */
    readonly func: Operation,
    entry: MBlock,
    region: MRegion,
  ) {
    super(module, entry, region);
    this.args = entry.args;
    this.entry = entry;
  }

  /** Mark the entry block's end as where the prologue goes: ops added in the prologue go there, before the ops appended since. */
  startPrologue(): void {
    this.prologueAt = this.entry.ops.length;
  }

  /**
   * Move the insertion point to the prologue until `leavePrologue`. For a prologue that grows while
   * the body is built (stack slots found on the way); its ops are kept aside and put in place once,
   * by `closePrologue`. Two steps rather than a callback, which would be a new closure per slot.
   */
  enterPrologue(): void {
    this.outside = this.block;
    this.block = this.prologue ??= { args: noValues, ops: [] };
  }

  /** Move the insertion point back to where it was before `enterPrologue`. */
  leavePrologue(): void {
    this.block = this.outside ?? internalError('leavePrologue without enterPrologue');
    this.outside = undefined;
  }

  /** Put the prologue's ops in the entry block, where `startPrologue` marked: once the body is complete. */
  closePrologue(): void {
    const prologue = this.prologue?.ops;
    if (prologue === undefined) return;
    // In place: the body's ops move up by the prologue's length (no copy of the block is made).
    // Moved by a loop, not `copyWithin`, which takes a generic path (a property get and set per
    // element) and cost more than the rest of the prologue's handling.
    const ops = this.entry.ops;
    const at = this.prologueAt;
    const n = prologue.length;
    const end = ops.length;
    for (let i = 0; i < n; i++) ops.push(prologue[i]!);
    for (let i = end - 1; i >= at; i--) ops[i + n] = ops[i]!;
    for (let i = 0; i < n; i++) ops[at + i] = prologue[i]!;
    this.prologue = undefined;
  }
}
