/**
 * The syntax stage's entry points: source text → tokens (`lexTokens`, for `--emit tokens`) and
 * source text → AST (`parseSource`).
 *
 * Parsing has two paths over the same laid-out tokens. The fast path (`tokens2ast.ts`) parses a
 * program without syntax errors straight to the AST; on anything it does not accept, the
 * recovering path (the Chevrotain parser of `parser.ts`, built on first need, then `cst2ast.ts`)
 * parses it again and reports every error. Both build the same tree for a program both accept.
 */
import type { IToken } from 'chevrotain';
import { type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ModuleAst } from './ast.js';
import { AstBuilder } from './cst2ast.js';
import { lexWithChevrotain } from './lexer.js';
import { Layout, layOut } from './offside.js';
import { recoveringParser } from './parser.js';
import { syntaxDiagnostics } from './parseErrors.js';
import { endOfFileSpan } from './span.js';
import { scanInto } from './scanner.js';
import { TokenBuffer } from './token.js';
import { parseFastBuffer } from './tokens2ast.js';

export interface ParseResult {
  readonly ast: ModuleAst;
  readonly diagnostics: readonly Diagnostic[];
}

/** The laid-out token stream (real tokens plus INDENT/DEDENT/SEP), with lexing and layout diagnostics. */
export function lexTokens(file: string, text: string): { tokens: readonly IToken[]; diagnostics: readonly Diagnostic[] } {
  const { tokens, diagnostics } = layOutSource(file, text);
  return { tokens: tokens.toTokens(), diagnostics };
}

/**
 * `lexTokens` with the tokens left in a buffer: the lexing and layout `parseSource` runs, without
 * the token objects `lexTokens` makes (time this, not `lexTokens`, as the cost of lexing a compile).
 */
export function layOutSource(file: string, text: string): { tokens: TokenBuffer; diagnostics: readonly Diagnostic[] } {
  // The scanner feeds the offside pass directly. The stream is sized for about one real token per
  // four and a half characters and one virtual token per five real ones; it grows if a file has more.
  const layout = new Layout(file, (text.length >> 2) + (text.length >> 4) + 16);
  if (scanInto(text, layout)) return layout.finish();
  const lexed = lexWithChevrotain(file, text);
  const laid = layOut(file, TokenBuffer.of(lexed.tokens));
  return { tokens: laid.tokens, diagnostics: [...lexed.diagnostics, ...laid.diagnostics] };
}

/** The module name F# gives a file without a `module` line: its base name, capitalised. */
function implicitModuleName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.fsx?$/i, '');
  return base.length === 0 ? 'Program' : base[0]!.toUpperCase() + base.slice(1);
}

/**
 * The recovering path alone: the Chevrotain parser with error recovery, then CST → AST. Its
 * diagnostics are the syntax errors and what `cst2ast.ts` reports (lexing and layout ones are not
 * included). `parseSource` uses it when the fast path gives up; tests compare the two paths.
 */
export function parseRecovering(file: string, text: string, tokens: readonly IToken[]): ParseResult {
  const parser = recoveringParser();
  parser.input = tokens as IToken[];
  const cst = parser.compilationUnit();
  const endSpan = endOfFileSpan(file, text);
  const parseErrors = syntaxDiagnostics(file, parser.errors, endSpan);
  // The parser is reused: drop this run's tokens so they are not kept alive through checking and lowering.
  parser.input = [];
  const builder = new AstBuilder(file, endSpan);
  const ast = builder.compilationUnit(cst, implicitModuleName(file));
  return { ast, diagnostics: [...parseErrors, ...builder.diagnostics] };
}

/** Parse one F# file. Never throws on any input; every diagnostic comes back as data. */
export function parseSource(file: string, text: string): ParseResult {
  const { tokens, diagnostics } = layOutSource(file, text);
  const ast = parseFastBuffer(file, tokens);
  if (ast !== null) return { ast, diagnostics };
  const recovered = parseRecovering(file, text, tokens.toTokens());
  return { ast: recovered.ast, diagnostics: [...diagnostics, ...recovered.diagnostics] };
}
