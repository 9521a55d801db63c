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

/** One line per token: position, type and image, virtual layout tokens included. */
export function printTokens(tokens: readonly IToken[]): string {
  return tokens.map((t) => `${t.startLine}:${t.startColumn}\t${t.tokenType.name}${t.image === '' ? '' : `\t${JSON.stringify(t.image)}`}`).join('\n') + '\n';
}

export interface CompileOptions {
  readonly emit: EmitStage;
  readonly debugInfo?: boolean;
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
  const fe = frontEnd(file, text);
  if (fe.program === null || hasErrors(fe.diagnostics)) return { text: null, diagnostics: fe.diagnostics };
  if (options.emit === 'typed') return { text: printTyped(fe.program), diagnostics: fe.diagnostics };
  return lowerToText(fe.program, fe.diagnostics, options);
}

/** Filled in by the Alex stage: lowering to MLIR text. */
function lowerToText(_program: TypedProgram, diagnostics: readonly Diagnostic[], _options: CompileOptions): CompileOutput {
  return { text: null, diagnostics: [...diagnostics] };
}
