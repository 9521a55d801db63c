/**
 * Helpers for the interpreter tests: run a module (built, or parsed from MLIR text) with captured
 * stdout/stderr, and get its exit code and output.
 */
import { parseMlir, verifyModule, type Module } from '../../compiler/alex/ir/index.js';
import { runModule, type RunOptions } from '../../runtime/interpreter/index.js';
import type { ServiceContext } from '../../runtime/services/context.js';
import { Capture } from '../support/capture.js';

export { Capture };

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly js: string;
  readonly ctx: ServiceContext;
}

/** Parses and verifies MLIR text; throws with the message if it is not a valid module. */
export function parse(text: string, file = 'test.mlir'): Module {
  const r = parseMlir(text, file);
  if (!r.ok) throw new Error(`${r.error.file}(${r.error.line},${r.error.col}): ${r.error.message}`);
  const failures = verifyModule(r.module);
  if (failures.length > 0) throw new Error(failures.map((f) => f.message).join('\n'));
  return r.module;
}

/** Runs a module with captured output. */
export async function run(module: Module, args: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  let js = '';
  let ctx: ServiceContext | undefined;
  const code = await runModule(module, args, {
    stdout,
    stderr,
    ...options,
    dumpJs: (s) => (js = s),
    onContext: (c) => {
      ctx = c;
      options.onContext?.(c);
    },
  });
  return { code, stdout: stdout.text, stderr: stderr.text, js, ctx: ctx! };
}

/** Parses, verifies and runs MLIR text. */
export const runText = (text: string, args: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> => run(parse(text), args, options);

/** A `main` returning `expr`'s i32 computed by `body` (MLIR lines), for arithmetic tests. */
export const mainReturning = (body: string, result: string): string => `module {
  func.func @main() -> i32 {
${body}
    func.return ${result} : i32
  }
}
`;

/** The region services' declarations, for modules that carve buffers from a region. */
export const REGION = `  llvm.func @fidelity_region_create(i32) -> !llvm.ptr
  llvm.func @fidelity_region_alloc(!llvm.ptr, i64, i64) -> !llvm.ptr
  llvm.func @fidelity_region_release(!llvm.ptr)`;

/** Lines of a function body that carve `bytes` from a new one-page region as `%buf` (with `%one` and `%zero` defined). */
export const carveBuffer = (bytes: number): string => `    %one = arith.constant 1 : i32
    %zero = arith.constant 0 : i32
    %region = llvm.call @fidelity_region_create(%one) : (i32) -> !llvm.ptr loc("A.fs":2:18)
    %size = arith.constant ${bytes} : i64
    %align = arith.constant 1 : i64
    %buf = llvm.call @fidelity_region_alloc(%region, %size, %align) : (!llvm.ptr, i64, i64) -> !llvm.ptr loc("A.fs":3:15)`;
