#!/usr/bin/env node
/**
 * The `firefly-sim` command: `compile` (print any stage) and `run` (compile if needed and execute).
 * Exit codes: 0 success, 1 compile errors, 2 bad usage, 70 runtime error.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { chalkStderr } from 'chalk';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { renderDiagnostic } from '../diagnostics/render.js';
import { helpText, parseArgs, type CompileRequest, type Request } from './args.js';
import { compileSource } from './pipeline.js';

export const EXIT_OK = 0;
export const EXIT_COMPILE_ERROR = 1;
export const EXIT_USAGE = 2;

function usageError(message: string): number {
  process.stderr.write(`firefly-sim: ${message}\n`);
  return EXIT_USAGE;
}

/** Read a source file, or say plainly why not. */
export function readSource(file: string): { ok: true; text: string } | { ok: false; error: string } {
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    return { ok: false, error: `cannot read '${file}': no such file` };
  }
  if (isDir) return { ok: false, error: `cannot read '${file}': it is a directory, not a source file` };
  try {
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (e) {
    return { ok: false, error: `cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}` };
  }
}

export function useColor(flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  return chalkStderr.level > 0;
}

function compile(req: CompileRequest): number {
  const source = readSource(req.file);
  if (!source.ok) return usageError(source.error);
  const out = compileSource(req.file, source.text, { emit: req.emit, debugInfo: req.debugInfo });
  const color = useColor(req.color);
  for (const d of out.diagnostics) process.stderr.write(`${renderDiagnostic(d, source.text, { color })}\n\n`);
  if (out.text !== null) {
    if (req.output === null) process.stdout.write(out.text);
    else {
      try {
        writeFileSync(req.output, out.text);
      } catch (e) {
        return usageError(`cannot write '${req.output}': ${(e as NodeJS.ErrnoException).code ?? 'unwritable'}`);
      }
    }
  }
  return hasErrors(out.diagnostics) || out.text === null ? EXIT_COMPILE_ERROR : EXIT_OK;
}

async function dispatch(req: Request): Promise<number> {
  switch (req.command) {
    case 'help':
      process.stdout.write(`${helpText()}\n`);
      return EXIT_OK;
    case 'version':
      process.stdout.write('firefly-sim 0.1.0\n');
      return EXIT_OK;
    case 'compile':
      return compile(req);
    case 'run':
      return usageError('`run` needs the interpreter backend, which this build does not have yet');
  }
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  const code = parsed.ok ? await dispatch(parsed.request) : usageError(parsed.error);
  process.exitCode = code;
}

main().catch((e: unknown) => {
  process.stderr.write(`firefly-sim: internal error (a bug in firefly-sim, not in your program): ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 70;
});
