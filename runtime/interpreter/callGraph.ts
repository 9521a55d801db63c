/**
 * The call graph of a module, as the JavaScript compiler needs it: what every `@symbol` a call
 * names resolves to (a function with a body, or a runtime service), and which functions can reach
 * a blocking service. Those become `async` functions; all others stay synchronous, so loops that
 * never touch a socket run without a single Promise.
 */
import { formatLoc, getAttr, walk, type Module, type Operation } from '../../compiler/alex/ir/ir.js';
import { intrinsics, SUPPORT } from '../../compiler/intrinsics/table.js';
import { lookupService } from '../services/table.js';
import type { Service } from '../services/service.js';
import { Trap } from '../trap.js';

/** A function with a body. */
export interface FunctionInfo {
  readonly symbol: string;
  readonly op: Operation;
  /** The JS function name it compiles to. */
  readonly js: string;
  /** Can reach a blocking service (directly or through calls). */
  readonly isAsync: boolean;
  /** Has an `llvm.alloca`, so it pushes a stack frame. */
  readonly hasAlloca: boolean;
}

/** What `@symbol` means in a module. */
export type Resolution = { readonly kind: 'function'; readonly info: FunctionInfo } | { readonly kind: 'service'; readonly service: Service };

export interface CallGraph {
  readonly functions: ReadonlyMap<string, FunctionInfo>;
  /** Every called symbol that is not a function with a body, resolved to its service. */
  readonly services: ReadonlyMap<string, Service>;
  resolve(symbol: string): Resolution;
}

const CALLS = new Set(['func.call', 'llvm.call']);
const symbolOf = (op: Operation): string | undefined => getAttr(op, 'sym_name', 'string')?.value;
const calleeOf = (op: Operation): string | undefined => getAttr(op, 'callee', 'symbol')?.name;

/** A JS identifier for a symbol (`@ws.send` → `fn_ws_send`), unique in `taken`. */
export function jsName(prefix: string, symbol: string, taken: Set<string>): string {
  const base = `${prefix}_${symbol.replace(/[^A-Za-z0-9_]/g, '_')}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

/**
 * Builds the call graph. A call to a symbol that is neither a function with a body nor a runtime
 * service is a Trap located at the first call, raised before the program starts.
 */
export function buildCallGraph(m: Module, taken: Set<string>): CallGraph {
  const bodies = m.ops.filter((op) => (op.name === 'func.func' || op.name === 'llvm.func') && (op.regions[0]?.blocks.length ?? 0) > 0);
  const defined = new Set(bodies.map(symbolOf));
  const calls = new Map<string, string[]>();
  const services = new Map<string, Service>();
  const allocas = new Set<string>();
  for (const f of bodies) {
    const sym = symbolOf(f)!;
    const out: string[] = [];
    walk(f.regions[0]!.blocks.flatMap((b) => b.ops), (op) => {
      if (op.name === 'llvm.alloca') allocas.add(sym);
      const callee = CALLS.has(op.name) ? calleeOf(op) : undefined;
      if (callee !== undefined) out.push(callee);
      if (callee !== undefined && !defined.has(callee) && !services.has(callee)) {
        const s = lookupService(callee);
        if (s === undefined) throw new Trap('invalid-argument', `call to @${callee}, which is neither defined in the module nor a runtime service`, op.loc.file === '' ? undefined : formatLoc(op.loc));
        services.set(callee, s);
      }
    });
    calls.set(sym, out);
  }
  // Fixed point: a function is async when it calls a blocking service or an async function.
  const isAsync = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [f, callees] of calls) {
      if (isAsync.has(f)) continue;
      if (callees.some((c) => isAsync.has(c) || services.get(c)?.blocking === true)) {
        isAsync.add(f);
        changed = true;
      }
    }
  }
  const functions = new Map<string, FunctionInfo>();
  for (const op of bodies) {
    const symbol = symbolOf(op)!;
    functions.set(symbol, { symbol, op, js: jsName('fn', symbol, taken), isAsync: isAsync.has(symbol), hasAlloca: allocas.has(symbol) });
  }
  return {
    functions,
    services,
    resolve(symbol) {
      const info = functions.get(symbol);
      if (info !== undefined) return { kind: 'function', info };
      const service = services.get(symbol);
      if (service === undefined) throw new Error(`internal error: @${symbol} was not resolved`);
      return { kind: 'service', service };
    },
  };
}

/** What a service call is called in allocation labels: the F# name when there is one (`Sys.write`). */
const SUPPORT_NAMES: Readonly<Record<keyof typeof SUPPORT, string>> = {
  regionAlloc: 'Region.alloc',
  regionScopeExit: 'the end of a region scope',
  stringConcat: 'string concatenation',
  stringEquals: 'string comparison',
  matchFailure: 'match',
  args: 'the program arguments',
  memmove: 'NativePtr.copy',
  memset: 'NativePtr.fill',
};

const fsharpNames: ReadonlyMap<string, string> = new Map([
  ...intrinsics.flatMap((i) => (i.lowering.kind === 'libc' || i.lowering.kind === 'runtime' ? [[i.lowering.symbol, i.name] as const] : [])),
  ...(Object.keys(SUPPORT) as (keyof typeof SUPPORT)[]).map((k) => [SUPPORT[k].symbol, SUPPORT_NAMES[k]] as const),
]);

/** `Sys.write` for `write`; the symbol itself when no F# construct lowers to it. */
export const describeSymbol = (symbol: string): string => fsharpNames.get(symbol) ?? symbol;
