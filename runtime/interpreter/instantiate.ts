/**
 * Turns a compiled module into callable JS functions bound to one program run: the factory is
 * built from the source once per compiled module (so V8 shares the optimised code between runs),
 * and each run supplies its memory and its service caller. The service caller is where every
 * runtime call passes: it records the allocation site, stamps the call's location on a Trap, and
 * refuses to continue a program that has been stopped (Ctrl-C).
 */
import { NULL_PTR, Pointer, type Value } from '../values.js';
import type { ServiceContext } from '../services/context.js';
import type { Service } from '../services/service.js';
import type { AllocationSite } from '../memory/memory.js';
import * as helpers from './helpers.js';
import * as scalarAccess from './scalarAccess.js';
import type { CompiledModule } from './ir2js.js';

/** Thrown into a stopped program's remaining work; never reported. */
export class ProgramStopped extends Error {
  constructor() {
    super('the program was stopped');
    this.name = 'ProgramStopped';
  }
}

/** A compiled function of the program (async ones return Promises). */
export type ProgramFunction = (...args: Value[]) => Value | Promise<Value>;

/** One run of a program: its functions by symbol, and the switch that stops it. */
export interface Instance {
  readonly functions: Readonly<Record<string, ProgramFunction>>;
  /** After this, every service call throws ProgramStopped. */
  stop(): void;
}

type Factory = (h: unknown, k: readonly unknown[], rt: unknown) => Record<string, ProgramFunction>;
const factories = new WeakMap<CompiledModule, Factory>();

const H = { ...helpers, ...scalarAccess, P: Pointer, NULL: NULL_PTR };

/** Instantiates `compiled` for one run over `ctx`. */
export function instantiate(compiled: CompiledModule, ctx: ServiceContext): Instance {
  let factory = factories.get(compiled);
  if (factory === undefined) {
    factory = new Function('H', 'K', 'rt', compiled.source) as Factory;
    factories.set(compiled, factory);
  }
  let stopped = false;
  const memory = ctx.memory;
  const call = (service: Service, args: readonly Value[], site: AllocationSite): Value | Promise<Value> => {
    if (stopped) throw new ProgramStopped();
    ctx.site = site;
    let r: Value | Promise<Value>;
    try {
      r = service.impl(args, ctx);
    } catch (e) {
      throw helpers.located(e, site.location);
    }
    if (r instanceof Promise) {
      return r.then(
        (v) => {
          if (stopped) throw new ProgramStopped();
          return v;
        },
        (e: unknown) => {
          throw stopped ? new ProgramStopped() : helpers.located(e, site.location);
        },
      );
    }
    return r;
  };
  const alloca = (bytes: number, site: AllocationSite): Pointer => {
    try {
      return memory.stackAlloc(bytes, site);
    } catch (e) {
      throw helpers.located(e, site.location);
    }
  };
  const functions = factory(H, compiled.constants, { M: memory, call, alloca });
  return {
    functions,
    stop() {
      stopped = true;
    },
  };
}
