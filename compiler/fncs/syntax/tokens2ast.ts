/**
 * Tokens → AST, the fast path: a hand-written recursive-descent parser from the laid-out token
 * array (real tokens plus INDENT/DEDENT/SEP) straight to the AST, for programs without syntax errors.
 *
 * The front end has two parsers. This one is for valid programs, which is nearly every compile: it
 * builds no CST and runs no parsing engine, so a program parses in a few milliseconds and the
 * Chevrotain parser is never even built. The other, the Chevrotain grammar in `parser.ts` with
 * `cst2ast.ts`, is for diagnostics: it recovers from errors and reports every one it can. This
 * parser mirrors that grammar rule for rule (the same one-token decisions and gates) and builds
 * what `cst2ast.ts` builds (the same node kinds, fields in the same order, the same spans). On the
 * first thing it does not accept, whether a syntax error or a construct `cst2ast.ts` would report
 * (a tuple, a lambda, a literal out of range…), it gives up and `parseSource` runs the recovering
 * parser instead, so every diagnostic comes from one place. `tests/syntax/fastParser.test.ts` keeps
 * the two in agreement: on every sample, fixture and generated program the trees are equal, and on
 * thousands of mutated programs this parser never accepts what the other rejects.
 *
 * The parser is split by grammar area, each a class extending the one before: `tokens2ast/cursor.ts`
 * (tokens, lookahead, spans) → `typesAndPatterns.ts` → `expressions.ts` → `constructs.ts` →
 * `declarations.ts` (the file level).
 */
import type { IToken } from 'chevrotain';
import type { ModuleAst } from './ast.js';
import { TokenBuffer } from './token.js';
import { GIVE_UP, type TokenFeed } from './tokens2ast/cursor.js';
import { ModuleReader, type DeclarationSink } from './tokens2ast/declarations.js';

export type { DeclarationSink, ModuleHeader } from './tokens2ast/declarations.js';

/**
 * The AST of a laid-out token stream, or null when the fast path does not accept it (then the
 * recovering parser must run). A non-null result is exactly what the recovering parser and
 * `cst2ast.ts` build, and means they would report no diagnostic.
 */
export function parseFast(file: string, tokens: readonly IToken[]): ModuleAst | null {
  return parseFastBuffer(file, TokenBuffer.of(tokens));
}

/** `parseFast` on a token buffer: what `parseSource` runs. */
export function parseFastBuffer(file: string, tokens: TokenBuffer): ModuleAst | null {
  try {
    return new ModuleReader(file, tokens).module();
  } catch (e) {
    // A stack overflow on absurdly deep nesting is left to the recovering parser as well.
    if (e === GIVE_UP || e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * `parseFastBuffer` a declaration at a time: each goes to `sink` as soon as it is read, and none is
 * kept here. False when the fast path does not accept the tokens (the sink may have had some
 * declarations by then). What the sink throws, apart from a stack overflow, passes through.
 */
export function streamFastBuffer(file: string, tokens: TokenBuffer, sink: DeclarationSink): boolean {
  return streamFast(file, tokens, sink, undefined);
}

/**
 * `streamFastBuffer` with the tokens laid out an item ahead of the parser by `feed`: false also
 * when the feed finds that the file does not lex or lay out cleanly.
 */
export function streamFastFeed(file: string, feed: TokenFeed, sink: DeclarationSink): boolean {
  return streamFast(file, feed.tokens, sink, feed);
}

function streamFast(file: string, tokens: TokenBuffer, sink: DeclarationSink, feed: TokenFeed | undefined): boolean {
  try {
    new ModuleReader(file, tokens).stream(sink, feed);
    return true;
  } catch (e) {
    if (e === GIVE_UP || e instanceof RangeError) return false;
    throw e;
  }
}
