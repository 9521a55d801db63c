/**
 * The services table: for every `llvm.call @symbol` the interpreter can meet, the Service that
 * implements it. It covers every `libc` and `runtime` lowering of compiler/intrinsics/table.ts, plus
 * the runtime symbols Alex calls without an intrinsic of their own:
 *
 * | symbol                    | MLIR signature                                   | emitted for                       |
 * |---------------------------|--------------------------------------------------|-----------------------------------|
 * | `fidelity_region_alloc`   | `(!llvm.ptr, i64, i64) -> !llvm.ptr`             | `Region.alloc<'T>` (regionAlloc witness: region, bytes, align) |
 * | `fidelity_string_concat`  | `(!llvm.struct<(ptr, i64)>, same) -> same`       | `+` on strings                    |
 * | `fidelity_string_equals`  | `(!llvm.struct<(ptr, i64)>, same) -> i1`         | `=` / `<>` on strings             |
 * | `fidelity_match_failure`  | `(!llvm.struct<(ptr, i64)>, i32, i32) -> ()`     | the fall-through of an incomplete match (file, line, col); traps |
 * | `fidelity_region_scope_exit` | `(!llvm.ptr) -> ()`                           | the end of a scope that created a region (release unless released) |
 * | `fidelity_args`           | `(i32, !llvm.ptr) -> !llvm.struct<(ptr, i64)>`   | `main`'s string[] from C's argc/argv |
 * | `memmove`, `memset`       | C's                                              | `NativePtr.copy`, `NativePtr.fill` on bytes |
 *
 * Together they are the intrinsic table's `SUPPORT` functions (`EXTRA_RUNTIME_SYMBOLS`).
 *
 * Every impl is wrapped so that anything but a Trap (a bug in the runtime) becomes an
 * internal-error Trap, synchronously or through the returned Promise.
 */
import { SUPPORT } from '../../compiler/intrinsics/table.js';
import { asTrap } from '../trap.js';
import { argvServices } from './argv.js';
import type { Value } from '../values.js';
import type { ServiceContext } from './context.js';
import { memoryServices } from './memory.js';
import type { Service, ServiceDef } from './service.js';
import { stringServices } from './strings.js';
import { sysServices } from './sys.js';
import { textServices } from './text.js';

/** Runtime symbols that no intrinsic lowers to directly (see the table above): the SUPPORT functions. */
export const EXTRA_RUNTIME_SYMBOLS: readonly string[] = Object.values(SUPPORT).map((s) => s.symbol);

function guarded(def: ServiceDef): Service {
  const impl = def.impl;
  return {
    ...def,
    impl(args: readonly Value[], ctx: ServiceContext): Value | Promise<Value> {
      try {
        const r = impl(args, ctx);
        return r instanceof Promise ? r.catch((e: unknown) => Promise.reject(asTrap(e))) : r;
      } catch (e) {
        throw asTrap(e);
      }
    },
  };
}

function build(defs: readonly ServiceDef[]): ReadonlyMap<string, Service> {
  const table = new Map<string, Service>();
  for (const d of defs) {
    if (table.has(d.symbol)) throw new Error(`internal error: service @${d.symbol} defined twice`);
    table.set(d.symbol, guarded(d));
  }
  return table;
}

/** Every service, by symbol. Built once; services keep no state (it lives in the ServiceContext). */
export const services: ReadonlyMap<string, Service> = build([...sysServices, ...memoryServices, ...stringServices, ...textServices, ...argvServices]);

/** The service for `symbol`, or undefined (the interpreter reports an unknown external). */
export function lookupService(symbol: string): Service | undefined {
  return services.get(symbol);
}
