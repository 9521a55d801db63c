#!/usr/bin/env node
/**
 * The `firefly-sim` command: `compile` (print any stage) and `run` (compile if needed and execute).
 * Exit codes: 0 success, 1 compile errors, 2 bad usage, 70 runtime error.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { chalkStderr } from 'chalk';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { renderDiagnostic } from '../diagnostics/render.js';
import { formatParseError, parseMlir, verifyModule, type Module } from '../alex/ir/index.js';
import { runModule } from '../../runtime/interpreter/index.js';
import { helpText, parseArgs, type CompileRequest, type Request, type RunRequest } from './args.js';
import { compileSource, compileToModule } from './pipeline.js';

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

/** The module to run: compiled from F#, or parsed from `.mlir` text; null (errors reported) if there is none. */
function moduleFor(req: RunRequest, text: string): Module | null {
  if (extname(req.file) === '.mlir') {
    const parsed = parseMlir(text, req.file);
    if (!parsed.ok) {
      process.stderr.write(`${formatParseError(parsed.error)}\n`);
      return null;
    }
    const failures = verifyModule(parsed.module);
    for (const f of failures) process.stderr.write(`${f.message}\n`);
    return failures.length === 0 ? parsed.module : null;
  }
  const out = compileToModule(req.file, text);
  const color = useColor(req.color);
  for (const d of out.diagnostics) process.stderr.write(`${renderDiagnostic(d, text, { color })}\n\n`);
  return hasErrors(out.diagnostics) ? null : out.module;
}

/**
 * `run`: compile (or parse) and execute. The exit code is the program's (its `main` result), 70
 * for a runtime error, 130/143 when stopped by SIGINT/SIGTERM. `FIREFLY_SIM_DUMP_JS=file` writes
 * the JavaScript the module was compiled to.
 */
async function run(req: RunRequest): Promise<number> {
  const source = readSource(req.file);
  if (!source.ok) return usageError(source.error);
  const module = moduleFor(req, source.text);
  if (module === null) return EXIT_COMPILE_ERROR;
  const dump = process.env['FIREFLY_SIM_DUMP_JS'];
  const code = await runModule(module, req.programArgs, {
    programName: basename(req.file, extname(req.file)),
    handleSignals: true,
    ...(dump === undefined || dump === '' ? {} : { dumpJs: (js: string) => writeFileSync(dump, js) }),
  });
  return code & 0xff;
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
      return run(req);
  }
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  const code = parsed.ok ? await dispatch(parsed.request) : usageError(parsed.error);
  process.exitCode = code;
}

// A reader that stops early (`| head`) closes the pipe: not an error of the program or of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK);
});

main().catch((e: unknown) => {
  // Invariant checks throw messages that already begin "internal error: "; say it once.
  const message = (e instanceof Error ? e.message : String(e)).replace(/^internal error: /, '');
  process.stderr.write(`firefly-sim: internal error (a bug in firefly-sim, not in your program): ${message}\n`);
  process.exitCode = 70;
});
