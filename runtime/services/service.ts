/**
 * The shape of one runtime service: what the interpreter calls for `llvm.call @symbol(args)`.
 */
import type { AbiType } from '../../compiler/intrinsics/table.js';
import type { Value } from '../values.js';
import type { ServiceContext } from './context.js';

/** One callable symbol of the runtime. */
export interface Service {
  /** The `llvm.call` callee, without `@`: `write`, `fidelity_string_contains`. */
  readonly symbol: string;
  /** `libc` for C functions, `runtime` for `fidelity_*` services. */
  readonly kind: 'libc' | 'runtime';
  /** MLIR parameter and result types, as declared with `llvm.func` (checked against the intrinsic table by a test). */
  readonly params: readonly AbiType[];
  readonly result: AbiType;
  /**
   * Whether `impl` may return a Promise (it still returns plain values when the result is ready
   * now). The interpreter must `await` a result only if it is a Promise (`instanceof Promise`).
   */
  readonly blocking: boolean;
  /**
   * Runs the service. `args` follow values.ts; the result is the value of `result` type
   * (`undefined` for void). Throws only `Trap`s (other errors are converted by the table).
   */
  impl(args: readonly Value[], ctx: ServiceContext): Value | Promise<Value>;
}

/** A service as the modules define it; the table adds error conversion. */
export type ServiceDef = Service;
