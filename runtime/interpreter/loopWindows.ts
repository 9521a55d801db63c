/**
 * Loop windows: byte accesses inside an `scf.while` loop at a base pointer defined before the loop
 * read the base's allocation through a JS variable set at loop entry, instead of going from the
 * Pointer to its Allocation to its bytes on every access. V8 does not hoist those loads out of a
 * loop by itself, and in a per-byte loop (unmasking, UTF-8 checking) they are a large part of the
 * work.
 *
 * A window is the allocation's byte array when an access at the base could take the checked fast
 * path at all (the allocation exists and is live; for a loop that stores at the base, also writable
 * and holding no stored pointers), else an empty array. Every access is still checked: the fast
 * path is taken only when `[offset, offset + 1)` lies inside the window, exactly the condition of
 * the helper's own fast path (scalarAccess.ts), and anything else calls that helper, which traps
 * with the same message at the same op. What makes a window stale is a release (a popped frame, a
 * released region) or an allocation's first stored pointer, and both happen only inside calls and
 * pointer or aggregate stores (`invalidatesWindows`): the function compiler makes the windows of
 * every loop it is inside anew after each such op, so a window always equals what the helper would
 * look at.
 */
import type { Block, Operation, Value } from '../../compiler/alex/ir/ir.js';
import type { ScalarType } from '../memory/access.js';
import type { FnEmitter, FusedAddress } from './emitter.js';

/** One window of a loop: its base pointer, and whether the loop stores through it. */
export interface LoopWindow {
  readonly base: Value;
  readonly write: boolean;
}

/** A window open while its loop is being emitted: its JS names. */
export interface OpenWindow extends LoopWindow {
  /** The variable holding the window's bytes. */
  readonly bytes: string;
  /** The constant holding the base's offset in its allocation. */
  readonly offset: string;
}

/** Ops that cannot release memory nor store a pointer: the windows stay valid across them. */
const KEEPS_WINDOWS = new Set([
  'llvm.getelementptr',
  'llvm.load',
  'llvm.extractvalue',
  'llvm.insertvalue',
  'llvm.mlir.addressof',
  'llvm.mlir.zero',
  'llvm.mlir.undef',
  'llvm.mlir.poison',
  'llvm.return',
  'llvm.unreachable',
  'func.return',
  'scf.if',
  'scf.while',
  'scf.yield',
  'scf.condition',
  'cf.br',
  'cf.cond_br',
]);

/** Whether the windows must be made anew after `op` (a call, an alloca, a pointer or aggregate store). */
export function invalidatesWindows(op: Operation): boolean {
  if (op.name.startsWith('arith.') || KEEPS_WINDOWS.has(op.name)) return false;
  // An integer store never adds a stored pointer, and does not release anything
  return !(op.name === 'llvm.store' && op.operands[0]!.type.kind === 'int');
}

/** For a byte (i8) load or store at a fused GEP's result: that GEP, and whether it is a store. */
function byteAccess(op: Operation, fused: ReadonlySet<Operation>, defs: ReadonlyMap<Value, Operation>): { gep: Operation; write: boolean } | undefined {
  const isLoad = op.name === 'llvm.load';
  if (!isLoad && op.name !== 'llvm.store') return undefined;
  const t = isLoad ? op.results[0]!.type : op.operands[0]!.type;
  if (t.kind !== 'int' || t.width !== 8) return undefined;
  const gep = defs.get(op.operands[isLoad ? 0 : 1]!);
  return gep !== undefined && fused.has(gep) ? { gep, write: !isLoad } : undefined;
}

/**
 * The windows of each `scf.while` of `fn`: one per base pointer, defined outside the loop, of a
 * byte load or store at a fused GEP directly in the loop (a nested loop has its own windows).
 */
export function planWindows(fn: Operation, fused: ReadonlySet<Operation>): ReadonlyMap<Operation, readonly LoopWindow[]> {
  const defs = new Map<Value, Operation>();
  /** The innermost loop each value is defined in (null: outside every loop). */
  const owner = new Map<Value, Operation | null>();
  const found = new Map<Operation, Map<Value, boolean>>();
  const walk = (blocks: readonly Block[], loop: Operation | null): void => {
    for (const block of blocks) {
      block.args.forEach((a) => owner.set(a, loop));
      for (const op of block.ops) {
        op.results.forEach((r) => {
          defs.set(r, op);
          owner.set(r, loop);
        });
        const access = loop === null ? undefined : byteAccess(op, fused, defs);
        if (access !== undefined && loop !== null) {
          const base = access.gep.operands[0]!;
          if (owner.get(base) !== loop) {
            const bases = found.get(loop) ?? new Map<Value, boolean>();
            bases.set(base, (bases.get(base) ?? false) || access.write);
            found.set(loop, bases);
          }
        }
        const inner = op.name === 'scf.while' ? op : loop;
        for (const r of op.regions) walk(r.blocks, inner);
      }
    }
  };
  walk(fn.regions[0]!.blocks, null);
  const plan = new Map<Operation, readonly LoopWindow[]>();
  for (const [loop, bases] of found) plan.set(loop, [...bases].map(([base, write]) => ({ base, write })));
  return plan;
}

/** A byte access through a window: the base pointer, the offset from it and the index in the window, as JS names. */
interface WindowAccess {
  readonly window: OpenWindow;
  readonly base: string;
  readonly offset: string;
  readonly index: string;
}

/** A byte access at fused address `at` through an open window, its offset and index named here; else undefined. */
export function windowAccess(at: FusedAddress | undefined, type: ScalarType, e: FnEmitter): WindowAccess | undefined {
  const window = at !== undefined && type === 'i8' ? e.window(at.baseValue) : undefined;
  if (window === undefined || at === undefined) return undefined;
  const offset = e.temp();
  const index = e.temp();
  e.line(`const ${offset} = ${at.offset};`);
  e.line(`const ${index} = ${window.offset} + ${offset};`);
  return { window, base: at.base, offset, index };
}

/**
 * The JS of the load: the window's byte when the index is inside it, else the checked helper. A
 * typed array gives undefined for any index that is not one of its own (negative, past the end,
 * not an integer), so V8's bounds check on the read is the window test: one test instead of two.
 */
export function windowLoad(a: WindowAccess, loc: string, e: FnEmitter): string {
  const byte = e.temp();
  e.line(`const ${byte} = ${a.window.bytes}[${a.index}];`);
  return `${byte} !== undefined ? ${byte} : ld8at(${a.base}, ${a.offset}, ${loc})`;
}

/** The JS statement of the store: into the window when the index is inside it, else the checked helper. */
export function windowStore(a: WindowAccess, value: string, loc: string): string {
  const { bytes } = a.window;
  return `if (${a.index} >= 0 && ${a.index} < ${bytes}.length) ${bytes}[${a.index}] = ${value}; else st8at(${a.base}, ${a.offset}, ${value}, ${loc});`;
}

/** The JS making (or making anew) window `w`. */
export const windowBytes = (w: LoopWindow, base: string): string => `${w.write ? 'writeWindow' : 'readWindow'}(${base})`;
