/**
 * Finding and running the real MLIR tools (`mlir-opt-19`, `mlir-translate-19`) from tests.
 *
 * A test asks for a tool with `mlirTool(name, ctx)`. When the tool is missing, the test is
 * skipped with a message saying what to install, except in CI (`CI=true`), where a missing tool
 * is a failure: CI must never pass by skipping the check against real MLIR.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';

/** The tools the tests use. */
export type MlirToolName = 'mlir-opt-19' | 'mlir-translate-19';

/** The passes that lower the emitted dialects to the LLVM dialect, in order (see spec/mlir.md). */
export const LOWERING_PASSES: readonly string[] = [
  '--convert-scf-to-cf',
  '--convert-cf-to-llvm',
  '--convert-arith-to-llvm',
  '--convert-func-to-llvm',
  '--reconcile-unrealized-casts',
];

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The tool's path from PATH, or LLVM 19's own bin directory; undefined when it is not installed. */
export function findMlirTool(name: MlirToolName): string | undefined {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  const candidates = [...dirs.map((d) => join(d, name)), join('/usr/lib/llvm-19/bin', name.replace(/-19$/, ''))];
  return candidates.find(executable);
}

/** The part of vitest's test context this helper needs. */
export interface SkippableContext {
  readonly skip: (note?: string) => never;
}

/**
 * The tool's path. If it is missing: in CI (`CI=true`) throw, failing the test; elsewhere skip
 * the test with a message naming the package to install. `find` is the lookup (replaceable in tests).
 */
export function mlirTool(name: MlirToolName, ctx: SkippableContext, find: (name: MlirToolName) => string | undefined = findMlirTool): string {
  const path = find(name);
  if (path !== undefined) return path;
  const message = `${name} is not installed (Debian/Ubuntu package mlir-19-tools); the check against real MLIR was not run`;
  if (process.env['CI'] === 'true') throw new Error(`${message}, and CI requires it`);
  return ctx.skip(message);
}

/** What a tool run produced. */
export interface ToolRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `tool args` with `input` on stdin; never rejects on a non-zero exit. */
export async function runTool(tool: string, args: readonly string[], input: string): Promise<ToolRun> {
  const r = await execa(tool, [...args], { input, reject: false, timeout: 60_000 });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** `mlir-opt-19` on a file: parse and verify (no passes); the output is mlir-opt's own printing. */
export async function mlirOptVerify(file: string, ctx: SkippableContext): Promise<ToolRun> {
  return runTool(mlirTool('mlir-opt-19', ctx), [file], '');
}

/**
 * The full lowering: `mlir-opt-19 <LOWERING_PASSES> file | mlir-translate-19 --mlir-to-llvmir`.
 * Returns the failing stage's run, or the translation's (LLVM IR on stdout).
 */
export async function lowerToLlvmIr(file: string, ctx: SkippableContext): Promise<ToolRun & { readonly stage: 'mlir-opt' | 'mlir-translate' }> {
  const opt = mlirTool('mlir-opt-19', ctx);
  const translate = mlirTool('mlir-translate-19', ctx);
  const lowered = await runTool(opt, [...LOWERING_PASSES, file], '');
  if (lowered.exitCode !== 0) return { ...lowered, stage: 'mlir-opt' };
  return { ...(await runTool(translate, ['--mlir-to-llvmir'], lowered.stdout)), stage: 'mlir-translate' };
}
