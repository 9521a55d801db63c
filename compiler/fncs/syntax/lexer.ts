/**
 * The lexer: F# source text → real tokens, plus the diagnostics for what cannot be a token
 * (tabs, unterminated strings and comments, bad numbers, characters outside the language).
 *
 * Two paths give the same result: the hand-written scanner (`scanner.ts`) for a file that lexes
 * cleanly, and the Chevrotain lexer over the token patterns of tokens.ts, the reference, for any
 * file the scanner gives up on. The Chevrotain lexer is built once, on first need, so a clean
 * compile never pays for building it; each call is independent.
 */
import { Lexer, type IToken } from 'chevrotain';
import { report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { decodeInt, decodeString } from './literals.js';
import { scanToBuffer } from './scanner.js';
import { tokenSpan } from './span.js';
import { TokenBuffer } from './token.js';
import * as T from './tokens.js';

let chevrotainLexer: Lexer | undefined;
function reference(): Lexer {
  if (chevrotainLexer === undefined) {
    T.Unknown.START_CHARS_HINT = T.unknownStartChars();
    // ensureOptimizations: construction fails if a token would turn off the first-character optimisation.
    chevrotainLexer = new Lexer(T.lexerTokens, { positionTracking: 'full', ensureOptimizations: true, skipValidations: true });
  }
  return chevrotainLexer;
}

export interface LexResult {
  /** Real tokens in source order, comments and white space removed. */
  readonly tokens: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
}

/** What each kind of bad token means, reported once per token. */
const tokenChecks: ReadonlyMap<T.TokenTypeLike, (file: string, t: IToken) => Diagnostic[]> = new Map<T.TokenTypeLike, (file: string, t: IToken) => Diagnostic[]>([
  [T.UnterminatedString, (file, t) => [report('unterminatedString', tokenSpan(file, t))]],
  [T.BadNumber, (file, t) => [report('badNumber', tokenSpan(file, t), [t.image])]],
  [T.FloatLit, (file, t) => [report('unsupported', tokenSpan(file, t), ['Floating-point arithmetic'])]],
  [T.CharLit, (file, t) => [report('unsupported', tokenSpan(file, t), ['A character literal'], 'use a string, or a byte literal such as 65uy')]],
  [T.Unknown, (file, t) => [report('unexpectedCharacter', tokenSpan(file, t), [t.image])]],
  [T.IntLit, (file, t) => {
    const d = decodeInt(t.image);
    // A literal that fits only once negated (`-2147483648`) is checked by the parser, which sees the minus.
    if (d.ok || decodeInt(t.image, true).ok) return [];
    return [report('literalOutOfRange', tokenSpan(file, t), [t.image, d.intType])];
  }],
  [T.StringLit, (file, t) => decodeString(t.image).badEscapes.map((b) => {
    const at = { ...tokenSpan(file, t) };
    const span = { ...at, startCol: at.startCol + b.offset, startOffset: at.startOffset + b.offset, endCol: at.startCol + b.offset + 2, endOffset: at.startOffset + b.offset + 2, endLine: at.startLine };
    return report('badEscape', span, [b.char]);
  })],
]);

/** Lex one file. Never throws on any input. */
export function lex(file: string, text: string): LexResult {
  const tokens = scanToBuffer(text);
  return tokens !== null ? { tokens: tokens.toTokens(), diagnostics: [] } : lexWithChevrotain(file, text);
}

/** `lex`, with the tokens in a buffer: what the rest of the front end reads. */
export function lexToBuffer(file: string, text: string): { readonly tokens: TokenBuffer; readonly diagnostics: readonly Diagnostic[] } {
  const tokens = scanToBuffer(text);
  if (tokens !== null) return { tokens, diagnostics: [] };
  const lexed = lexWithChevrotain(file, text);
  return { tokens: TokenBuffer.of(lexed.tokens), diagnostics: lexed.diagnostics };
}

/** Lex one file with the Chevrotain lexer alone: the path `lex` falls back to, exported for the test that compares the two. */
export function lexWithChevrotain(file: string, text: string): LexResult {
  const result = reference().tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const t of (result.groups['errors'] ?? []) as IToken[]) {
    diagnostics.push(report('tabsNotAllowed', tokenSpan(file, t)));
  }
  for (const t of (result.groups['comments'] ?? []) as IToken[]) {
    if (!T.isClosedBlockComment(t.image)) diagnostics.push(report('unterminatedComment', tokenSpan(file, t)));
  }
  for (const e of result.errors) {
    const span = { file, startLine: e.line ?? 1, startCol: e.column ?? 1, endLine: e.line ?? 1, endCol: (e.column ?? 1) + e.length, startOffset: e.offset, endOffset: e.offset + e.length };
    diagnostics.push(report('unexpectedCharacter', span, [text.slice(e.offset, e.offset + e.length)]));
  }
  const tokens: IToken[] = [];
  for (const t of result.tokens) {
    const check = tokenChecks.get(t.tokenType);
    if (check !== undefined) diagnostics.push(...check(file, t));
    if (t.tokenType === T.Unknown) continue;
    tokens.push(t);
  }
  return { tokens, diagnostics };
}
