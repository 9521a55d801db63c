/**
 * Runs a program: compiles the module to JavaScript, builds C's `argc`/`argv` in simulated memory,
 * calls `@main(argc, argv)` and returns its `i32` as the exit code. A Trap stops the program with
 * its located one-line message and exit code 70; SIGINT/SIGTERM stop it (even while it is blocked
 * in accept or read) with 130/143. Whatever happens, every descriptor the program opened is closed.
 */
import type { Module } from '../../compiler/alex/ir/ir.js';
import { asTrap, Trap, TRAP_EXIT_CODE } from '../trap.js';
import { store } from '../memory/access.js';
import { createServiceContext, type ServiceContext, type ServiceContextOptions } from '../services/context.js';
import { Pointer, type Value } from '../values.js';
import { compileModule, type CompiledModule } from './ir2js.js';
import { instantiate, ProgramStopped } from './instantiate.js';

/** How to run. */
export interface RunOptions extends ServiceContextOptions {
  /** `argv[0]`; default `program`. */
  readonly programName?: string;
  /** Install SIGINT/SIGTERM handlers for the duration of the run (the CLI does; tests do not). */
  readonly handleSignals?: boolean;
  /** Called with the generated JavaScript before the run (for debugging). */
  readonly dumpJs?: (source: string) => void;
  /** A module already compiled by `compileModule` (reuse across runs). */
  readonly compiled?: CompiledModule;
  /** Receives the context once it exists (tests read the fd table and memory through it). */
  readonly onContext?: (ctx: ServiceContext) => void;
}

/** Exit codes for the signals that stop a program, as shells report them. */
const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 };

const encoder = new TextEncoder();

/** C's argv: `argc` pointers to NUL-terminated strings, then a null pointer. */
function buildArgv(ctx: ServiceContext, args: readonly string[]): Pointer {
  const m = ctx.memory;
  const argv = m.serviceBytes(new Uint8Array((args.length + 1) * 8), `argv (${args.length} pointers)`, false);
  args.forEach((a, i) => {
    const bytes = encoder.encode(`${a}\0`);
    store(new Pointer(argv.alloc, i * 8), 'ptr', m.staticBytes(bytes, `argv[${i}] ${JSON.stringify(a)} (${bytes.length} bytes with its NUL)`));
  });
  return argv;
}

/** The message for a JS error that escaped the generated code (deep recursion is the program's). */
function toTrap(e: unknown): Trap {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return new Trap('stack-overflow', 'System.StackOverflowException: the call stack overflowed (recursion too deep)');
  return asTrap(e);
}

/** Runs `@main` of `module` with `programArgs`; resolves to the exit code. Never rejects for program errors. */
export async function runModule(module: Module, programArgs: readonly string[], options: RunOptions = {}): Promise<number> {
  const ctx = createServiceContext(options);
  options.onContext?.(ctx);
  const report = (message: string): void => void ctx.stderr.write(encoder.encode(`${message}\n`));
  let stopSignal: ((code: number) => void) | undefined;
  const stopped = new Promise<number>((resolve) => (stopSignal = resolve));
  const handlers = new Map<NodeJS.Signals, () => void>();
  let instance: ReturnType<typeof instantiate> | undefined;
  try {
    const compiled = options.compiled ?? compileModule(module);
    options.dumpJs?.(compiled.source);
    const main = compiled.callGraph.functions.get('main');
    if (main === undefined) {
      report('runtime error: the module has no @main function to run');
      return TRAP_EXIT_CODE;
    }
    instance = instantiate(compiled, ctx);
    if (options.handleSignals === true) {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        const h = (): void => {
          report(`firefly-sim: stopped by ${signal}; sockets closed`);
          instance?.stop();
          ctx.libc.closeAll();
          stopSignal?.(SIGNAL_EXIT[signal]);
        };
        handlers.set(signal, h);
        process.once(signal, h);
      }
    }
    const argv = [options.programName ?? 'program', ...programArgs];
    const params = main.op.regions[0]!.blocks[0]!.args.length;
    const args: Value[] = params === 0 ? [] : [argv.length | 0, buildArgv(ctx, argv)];
    const fn = instance.functions['main']!;
    const finished = (async (): Promise<number> => {
      const r = await fn(...args);
      return typeof r === 'number' ? r | 0 : typeof r === 'bigint' ? Number(BigInt.asIntN(32, r)) : 0;
    })();
    finished.catch(() => undefined); // a stopped program's rejection is not reported
    return await Promise.race([finished, stopped]);
  } catch (e) {
    if (e instanceof ProgramStopped) return await stopped;
    report(toTrap(e).render());
    return TRAP_EXIT_CODE;
  } finally {
    for (const [signal, h] of handlers) process.off(signal, h);
    for (const fd of ctx.libc.fds.fds()) ctx.libc.close(fd);
  }
}
