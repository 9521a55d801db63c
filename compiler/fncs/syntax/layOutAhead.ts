/**
 * Lexing and layout a top-level item ahead of the fast parser, for the streamed compile: the scanner
 * feeds the offside pass only as far as the parser is about to read, and the laid-out tokens of
 * items already parsed are let go, so the token buffer holds about one declaration, reused from
 * one to the next.
 *
 * Why: laid out whole first, a 100k-line file's tokens filled a buffer of some 30 MB that the parser
 * then read back, long out of the processor's caches, and that the buffer grew into by copying
 * (issue 6). Laid out just ahead, they are read while still in cache, and the buffer stays small.
 *
 * A file that does not lex or lay out cleanly is found out only when the scan reaches the trouble,
 * which may be after many items have been parsed: then `next` says so, the parser gives up, and the
 * caller compiles the file whole, which reports exactly what it always did.
 */
import { Layout } from './offside.js';
import { Scanner } from './scanner.js';
import type { TokenBuffer } from './token.js';
import { MAX_LOOKAHEAD, type TokenFeed } from './tokens2ast/cursor.js';

/** Real tokens scanned at a time while looking for the end of an item. */
const STRETCH = 128;
/** Tokens past the SEP that ends an item kept laid out: as far as the parser looks ahead from it, and one more. */
const AHEAD = MAX_LOOKAHEAD + 2;

/** The laid-out tokens of a file, a top-level item at a time (see `TokenFeed`). */
export class LayOutAhead implements TokenFeed {
  private readonly scanner: Scanner;
  private readonly layout: Layout;
  private done = false;

  constructor(file: string, text: string) {
    this.scanner = new Scanner(text);
    // Room for several declarations of a few hundred tokens; it grows if one is larger. Kept small
    // (29 KB), it is cheap to allocate and stays in cache.
    this.layout = new Layout(file, 1024);
  }

  get tokens(): TokenBuffer {
    return this.layout.out;
  }

  /** Whether the whole file has been laid out (and the offside pass finished). */
  get finished(): boolean {
    return this.done;
  }

  next(from: number): number {
    const layout = this.layout;
    let at = from;
    // Tokens are let go once they fill half the buffer: moving the ones kept to the front then costs little per token.
    if (at > layout.out.capacity >> 1) {
      layout.dropBefore(at);
      at = 0;
    }
    if (this.done) return at;
    // The SEP that ends the item starting at token `at` (which is the SEP before it), then tokens past it.
    while (layout.rootSep <= at) {
      if (!this.scan(STRETCH)) return -1;
      if (this.done) return at;
    }
    const target = layout.rootSep + AHEAD;
    while (layout.out.count < target) {
      // Each real token lays out as one token or more.
      if (!this.scan(target - layout.out.count)) return -1;
      if (this.done) return at;
    }
    return at;
  }

  /** Scan up to `budget` real tokens into the offside pass; false if the file does not lex or lay out cleanly. */
  private scan(budget: number): boolean {
    if (!this.scanner.scan(this.layout, budget)) return false;
    if (this.scanner.done) {
      this.layout.finish();
      this.done = true;
    }
    return this.layout.diagnostics.length === 0;
  }
}
