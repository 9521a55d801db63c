/**
 * The pipeline as functions: source → tokens → AST → typed program → MLIR, stopping after any
 * stage. The CLI and the tests call these same entry points.
 */
import type { IToken } from 'chevrotain';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { check } from '../fncs/checking/check.js';
import { printTyped } from '../fncs/psg/printTyped.js';
import type { TypedProgram } from '../fncs/psg/program.js';
import type { ModuleAst } from '../fncs/syntax/ast.js';
import { lexTokens, parseSource } from '../fncs/syntax/parse.js';
import { printAst } from '../fncs/syntax/printAst.js';
import type { EmitStage } from './args.js';
import { lowerProgram, lowerProgramToText } from '../alex/witnesses/lower.js';
import { compileStreamed } from './streamCompile.js';
import type { Module } from '../alex/ir/ir.js';
import type { VerifyFailure } from '../alex/ir/verifier.js';

export interface FrontEndResult {
  readonly ast: ModuleAst;
  /** Present when parsing produced no errors (checking ran). */
  readonly program: TypedProgram | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parse and check; checking runs only when parsing produced no errors (as F# does per phase). */
export function frontEnd(file: string, text: string): FrontEndResult {
  const parsed = parseSource(file, text);
  if (hasErrors(parsed.diagnostics)) return { ast: parsed.ast, program: null, diagnostics: sortDiagnostics(parsed.diagnostics) };
  const checked = check(parsed.ast);
  return { ast: parsed.ast, program: checked.program, diagnostics: sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]) };
}

/** Text printed to a terminal ends with a newline. */
const withNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

/** One line per token: position, type and image, virtual layout tokens included. */
export function printTokens(tokens: readonly IToken[]): string {
  return tokens.map((t) => `${t.startLine}:${t.startColumn}\t${t.tokenType.name}${t.image === '' ? '' : `\t${JSON.stringify(t.image)}`}`).join('\n') + '\n';
}

export interface CompileOptions {
  readonly emit: EmitStage;
  readonly debugInfo?: boolean;
  /** Compile MLIR from the whole program even when it is clean (tests hold the declaration-at-a-time compile to it). */
  readonly wholeProgram?: boolean;
}

export interface CompileOutput {
  /** The requested stage's text, or null when errors stopped the pipeline before it. */
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Run the pipeline up to `options.emit` and print that stage. Never throws on user input. */
export function compileSource(file: string, text: string, options: CompileOptions): CompileOutput {
  if (options.emit === 'tokens') {
    const lexed = lexTokens(file, text);
    return { text: printTokens(lexed.tokens), diagnostics: sortDiagnostics(lexed.diagnostics) };
  }
  if (options.emit === 'ast') {
    const parsed = parseSource(file, text);
    const diagnostics = sortDiagnostics(parsed.diagnostics);
    return { text: hasErrors(diagnostics) ? null : printAst(parsed.ast), diagnostics };
  }
  if (options.emit === 'mlir' && options.wholeProgram !== true) {
    // Most compiles are of clean programs, which this compiles a declaration at a time.
    const streamed = compileStreamed(file, text, { debugInfo: options.debugInfo ?? false });
    if (streamed !== null) return { text: streamed, diagnostics: [] };
  }
  const fe = frontEnd(file, text);
  if (fe.program === null || hasErrors(fe.diagnostics)) return { text: null, diagnostics: fe.diagnostics };
  if (options.emit === 'typed') return { text: withNewline(printTyped(fe.program)), diagnostics: fe.diagnostics };
  return lowerToText(fe.program, fe.diagnostics, options, file);
}

/** A verifier failure is a bug in Alex, reported as an internal error naming the op and its F# source. */
function internalErrors(failures: readonly VerifyFailure[], file: string): Diagnostic[] {
  return failures.map((f) => ({
    severity: 'error' as const,
    code: 'FS4099',
    message: `internal error (a bug in firefly-sim's lowering, not in your program): the emitted MLIR does not verify: ${f.message}`,
    span: { file: f.loc.file === '' ? file : f.loc.file, startLine: Math.max(1, f.loc.line), startCol: Math.max(1, f.loc.col), endLine: Math.max(1, f.loc.line), endCol: Math.max(1, f.loc.col) + 1, startOffset: 0, endOffset: 0 },
  }));
}

export interface ModuleOutput {
  /** The verified module, or null when there were errors. */
  readonly module: Module | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Source → verified MLIR module (what `run` executes and `compile` prints). */
export function compileToModule(file: string, text: string): ModuleOutput {
  const fe = frontEnd(file, text);
  if (fe.program === null || hasErrors(fe.diagnostics)) return { module: null, diagnostics: fe.diagnostics };
  return lowerChecked(fe.program, fe.diagnostics, file);
}

function lowerChecked(program: TypedProgram, diagnostics: readonly Diagnostic[], file: string): ModuleOutput {
  const lowered = lowerProgram(program);
  const all = sortDiagnostics([...diagnostics, ...lowered.diagnostics, ...internalErrors(lowered.verifyFailures, file)]);
  return { module: hasErrors(all) ? null : lowered.module, diagnostics: all };
}

/** Lowered a function at a time (see `lower.ts`): the text is `printModule` of `lowerChecked`'s module. */
function lowerToText(program: TypedProgram, diagnostics: readonly Diagnostic[], options: CompileOptions, file: string): CompileOutput {
  const lowered = lowerProgramToText(program, { debugInfo: options.debugInfo ?? false });
  const all = sortDiagnostics([...diagnostics, ...lowered.diagnostics, ...internalErrors(lowered.verifyFailures, file)]);
  return { text: hasErrors(all) ? null : lowered.text, diagnostics: all };
}
