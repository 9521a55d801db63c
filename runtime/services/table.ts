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
 *
 * Every impl is wrapped so that anything but a Trap (a bug in the runtime) becomes an
 * internal-error Trap, synchronously or through the returned Promise.
 */
import { asTrap } from '../trap.js';
import type { Value } from '../values.js';
import type { ServiceContext } from './context.js';
import { memoryServices } from './memory.js';
import type { Service, ServiceDef } from './service.js';
import { stringServices } from './strings.js';
import { sysServices } from './sys.js';
import { textServices } from './text.js';

/** Runtime symbols that no intrinsic lowers to directly (see the table above). */
export const EXTRA_RUNTIME_SYMBOLS: readonly string[] = ['fidelity_region_alloc', 'fidelity_string_concat', 'fidelity_string_equals', 'fidelity_match_failure'];

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
export const services: ReadonlyMap<string, Service> = build([...sysServices, ...memoryServices, ...stringServices, ...textServices]);

/** The service for `symbol`, or undefined (the interpreter reports an unknown external). */
export function lookupService(symbol: string): Service | undefined {
  return services.get(symbol);
}
