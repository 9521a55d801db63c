/**
 * The contract between the op table (what each op becomes in JavaScript) and the function
 * compiler (naming, scopes, blocks and regions). An op's entry only sees this interface: it asks
 * for the JS names of its operands, defines its results, writes lines, and hands nested regions,
 * yields and branches back to the function compiler.
 */
import type { Operation, Region, Successor, Value } from '../../compiler/alex/ir/ir.js';
import type { Service } from '../services/service.js';
import type { OpenWindow } from './loopWindows.js';

/** What a call's callee resolves to. */
export type Callee =
  /** A function with a body in this module, compiled to the JS function `js`. */
  | { readonly kind: 'function'; readonly js: string; readonly isAsync: boolean }
  /** A runtime service (libc or `fidelity_*`), bound to the JS constant `js`. */
  | { readonly kind: 'service'; readonly js: string; readonly service: Service; readonly description: string };

/** Receives the operands of the `scf.yield` / `scf.condition` that ends a nested region. */
export type YieldHandler = (op: Operation) => void;

/** What the op table may ask of the function being compiled. */
export interface FnEmitter {
  /** The JS expression naming `value`. */
  v(value: Value): string;
  /** Defines `value` as `expr` (a `const`, or an assignment when the value is hoisted). */
  def(value: Value, expr: string): void;
  /** Declares values that are assigned later (`let a, b;`), e.g. the results of `scf.if`. */
  declare(values: readonly Value[]): void;
  /** Makes `value` another name for the JS variable of `as` (no code). */
  alias(value: Value, as: string): void;
  /** A fresh JS temporary name. */
  temp(): string;
  /** Writes one line at the current indentation. */
  line(text: string): void;
  /** Writes `body` one level deeper. */
  indented(body: () => void): void;
  /** A compile-time value captured by the generated code, by the name it gets there. */
  constant(value: unknown, hint: string): string;
  /** The name of the constant holding the op's source location text (`samples/X.fs(3,5)`), or `undefined`. */
  loc(op: Operation): string;
  /** The name of the constant holding the op's allocation site (`{ description, location }`). */
  site(op: Operation, description: string): string;
  /** The JS name of a string global's static bytes. */
  global(symbol: string): string;
  /** What `@symbol` calls. */
  callee(symbol: string, op: Operation): Callee;
  /** Whether the function being compiled is `async` (can reach a blocking service). */
  readonly isAsync: boolean;
  /** Emits the single block of a nested region, its block arguments bound to `args`, ending in `onYield`. */
  region(region: Region, args: readonly string[], onYield: YieldHandler): void;
  /** Passes control along a `cf` edge (assigns block arguments, jumps). */
  branch(successor: Successor): void;
  /** Ends the nested region being emitted with its terminator. */
  yieldOp(op: Operation): void;
  /** The access plan's verdicts (accessPlan.ts): a promoted alloca, a fused GEP, a promoted cell's pointer. */
  isPromoted(alloca: Operation): boolean;
  isFused(gep: Operation): boolean;
  isCell(pointer: Value): boolean;
  isInPlace(insert: Operation): boolean;
  isFresh(undef: Operation): boolean;
  /** Defines a promoted cell (a mutable JS variable named for the alloca's result) holding `zero`. */
  defCell(pointer: Value, zero: string): void;
  /** Records a fused GEP's address, emitted inside its access. */
  setAddress(pointer: Value, address: FusedAddress): void;
  /** The address of a fused GEP's result, if `pointer` is one. */
  address(pointer: Value): FusedAddress | undefined;
  /** Emits `body` (a loop) with the loop's windows made at its entry (loopWindows.ts). */
  loopWindows(loop: Operation, body: () => void): void;
  /** The innermost open window at `base`, if any. */
  window(base: Value): OpenWindow | undefined;
}

/** A GEP emitted inside the access that uses it: the base pointer and the byte offset, as JS. */
export interface FusedAddress {
  /** The base pointer's IR value, to find its loop window. */
  readonly baseValue: Value;
  readonly base: string;
  readonly offset: string;
}
