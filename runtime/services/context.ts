/**
 * The context every service call receives: the run's memory, its libc (fd table, sockets, console
 * streams) and the allocation site of the call being executed, which the interpreter sets before
 * each `llvm.call` so allocations made by the service are labelled with the F# call and location.
 */
import { Memory, type AllocationSite } from '../memory/memory.js';
import { Libc, type LibcOptions, type OutputStream } from '../os/libc.js';

/** What a service can reach. One per program run. */
export interface ServiceContext {
  readonly memory: Memory;
  readonly libc: Libc;
  /** Console output (the same streams as fd 1 and fd 2). */
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /**
   * The call being executed: `{ description: 'Region.alloc<byte>', location: 'samples/X.fs(5,18)' }`.
   * Set by the interpreter before a call (or left undefined); read only for labels and messages.
   */
  site: AllocationSite | undefined;
}

/** Options for a run's context; stdout/stderr default to the process's. */
export interface ServiceContextOptions extends LibcOptions {
  memory?: Memory;
}

/** A fresh context: new memory, a new fd table. */
export function createServiceContext(options: ServiceContextOptions = {}): ServiceContext {
  const libc = new Libc(options);
  return { memory: options.memory ?? new Memory(), libc, stdout: libc.stdout, stderr: libc.stderr, site: undefined };
}

/** The context's site with `description` filled in when the interpreter gave none. */
export function siteOf(ctx: ServiceContext, description: string): AllocationSite {
  const s = ctx.site;
  if (s === undefined) return { description };
  return s.description === undefined ? { ...s, description } : s;
}
