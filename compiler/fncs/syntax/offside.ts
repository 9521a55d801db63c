/**
 * The offside rule: turns F#'s indentation-sensitive layout into explicit virtual tokens, so the
 * grammar can be written as if F# had braces.
 *
 *   INDENT  opens a block whose column is that of its first token;
 *   SEP     separates two lines of the same block (a new line starting at the block's column);
 *   DEDENT  closes a block (a line starting left of it, a closing bracket, or a keyword such as
 *           `else`, `|` or `with` that ends the construct the block belongs to).
 *
 * Blocks open after the `=` of a `let` or `type`, after `then`, `else`, `->` of a match arm, `do`,
 * and inside `{ … }`. As in F#, a block always opens at the column of the token that follows, on
 * the same line or the next, so `let x = 1` is `let x = INDENT 1 DEDENT`. Besides blocks, a stack
 * of contexts remembers the constructs a keyword may close (`if` until `then`/`else`, `match` until
 * `with` and its arms, loops until `do`, brackets until their closing bracket).
 *
 * The pass runs once per token of every file, so it is written for speed: token types are
 * classified by tables indexed by `tokenTypeIdx`, the context stack is a set of parallel arrays
 * reused in place, and tokens come straight from the scanner (or a `TokenBuffer`) into one, so a
 * token costs no allocation.
 */
import type { IToken, TokenType } from 'chevrotain';
import { report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { bufferSpan, positionSpan } from './span.js';
import { fixedImageId, kindOf, TokenBuffer, type TokenSink } from './token.js';
import * as T from './tokens.js';

// ---- token kinds the pass puts out or tests by name ------------------------------------------------
const INDENT = kindOf(T.Indent);
const DEDENT = kindOf(T.Dedent);
const SEP = kindOf(T.Sep);
const LBRACE = kindOf(T.LBrace);
const ELIF_KIND = kindOf(T.Elif);
const NO_IMAGE = fixedImageId('');

// ---- contexts -------------------------------------------------------------------------------------
// The contexts, flags and actions below are const enums, so each is a literal where it is used: a
// module-level constant is a binding V8 reads again (and checks) on every use, several per token here.
const enum Context {
  ROOT = 0,
  BLOCK = 1,
  PAREN = 2,
  LET = 3,
  IF = 4,
  MATCH = 5,
  WITH = 6,
  LOOP = 7,
  FUN = 8,
}

// ---- what each token type does, by tokenTypeIdx ------------------------------------------------------
/** Flags: a closing bracket; continues the previous line at a block's column; continues a context of each kind. */
const enum Flag {
  CLOSER = 1,
  CONTINUES_LINE = 2,
  CONTINUES_IF = 4,
  CONTINUES_MATCH = 8,
  CONTINUES_WITH = 16,
  CONTINUES_LOOP = 32,
  CONTINUES_LET = 64,
}
/** For a context left at the column a line starts at, the flag of the tokens that continue it. */
const continuesKind = [0, 0, 0, Flag.CONTINUES_LET, Flag.CONTINUES_IF, Flag.CONTINUES_MATCH, Flag.CONTINUES_WITH, Flag.CONTINUES_LOOP, 0];

/** Actions of step 3, for tokens that open or close a construct. */
const enum Action {
  NONE = 0,
  OPEN_LET = 1,
  EQUALS = 2,
  OPEN_IF = 3,
  THEN_ELSE = 4,
  ELIF = 5,
  OPEN_MATCH = 6,
  WITH_ARMS = 7,
  BAR = 8,
  ARROW = 9,
  OPEN_LOOP = 10,
  DO = 11,
  MAYBE_FUN = 12,
}

const tableSize = Math.max(...T.allTokens.map((t) => t.tokenTypeIdx!)) + 1;
const flagsOf = new Uint8Array(tableSize);
const actionOf = new Uint8Array(tableSize);
/** For an opening bracket, the kind of the token that closes it (0 for any other token). */
const closerOf = new Uint8Array(tableSize);

const mark = (types: readonly TokenType[], flag: number): void => {
  for (const t of types) flagsOf[t.tokenTypeIdx!]! |= flag;
};
const brackets: readonly (readonly [TokenType, TokenType])[] = [
  [T.LParen, T.RParen], [T.LBracket, T.RBracket], [T.LArray, T.RArray], [T.LBrace, T.RBrace], [T.LAttr, T.RAttr],
  [T.Begin, T.End],
];
for (const [open, close] of brackets) closerOf[open.tokenTypeIdx!] = kindOf(close);
const closers = brackets.map(([, close]) => close);
mark(closers, Flag.CLOSER);
mark([
  T.Then, T.Else, T.Elif, T.With, T.Bar, T.And, T.Do, T.Arrow, T.When, T.In, T.To, T.Downto,
  T.Pipe, T.BarBar, T.AmpAmp, T.BarBarBar, T.AmpAmpAmp, T.HatHatHat, T.ShiftLeft, T.ShiftRight,
  T.Equals, T.NotEqual, T.Less, T.LessEqual, T.Greater, T.GreaterEqual, T.Plus, T.Minus, T.Star, T.Slash,
  T.Percent, T.LeftArrow, ...closers,
], Flag.CONTINUES_LINE);
mark([T.Then, T.Else, T.Elif], Flag.CONTINUES_IF);
mark([T.With, T.Bar], Flag.CONTINUES_MATCH);
mark([T.Bar], Flag.CONTINUES_WITH);
mark([T.Do], Flag.CONTINUES_LOOP);
mark([T.Equals, T.And], Flag.CONTINUES_LET);
const actions: readonly (readonly [TokenType, number])[] = [
  [T.Let, Action.OPEN_LET], [T.And, Action.OPEN_LET], [T.Type, Action.OPEN_LET], [T.Equals, Action.EQUALS], [T.If, Action.OPEN_IF], [T.Then, Action.THEN_ELSE],
  [T.Else, Action.THEN_ELSE], [T.Elif, Action.ELIF], [T.Match, Action.OPEN_MATCH], [T.With, Action.WITH_ARMS], [T.Bar, Action.BAR], [T.Arrow, Action.ARROW],
  [T.While, Action.OPEN_LOOP], [T.For, Action.OPEN_LOOP], [T.Do, Action.DO], [T.Unsupported, Action.MAYBE_FUN],
];
for (const [type, action] of actions) actionOf[type.tokenTypeIdx!] = action;
/** 1 for a token type that opens and closes nothing (no bracket, no action): in the middle of a line, such a token is only put out. */
const plain = new Uint8Array(tableSize);
for (let k = 0; k < tableSize; k++) plain[k] = closerOf[k] === 0 && (flagsOf[k]! & Flag.CLOSER) === 0 && actionOf[k] === Action.NONE ? 1 : 0;

export interface LayoutResult {
  readonly tokens: IToken[];
  readonly diagnostics: Diagnostic[];
}

/**
 * One run of the pass, fed a token at a time (`push`, then `finish`): the laid-out stream so far and
 * the stack of open contexts. It is a `TokenSink`, so the scanner lays tokens out as it reads them,
 * with no stream of real tokens in between (issue 6: at 100k lines that stream was 24 MB of arrays
 * allocated, zeroed and copied per compile).
 */
export class Layout implements TokenSink {
  /** The laid-out stream. */
  readonly out: TokenBuffer;
  readonly diagnostics: Diagnostic[] = [];
  /** The context stack, one entry per index below `depth` in each array. */
  depth = 0;
  readonly kinds: number[] = [];
  readonly cols: number[] = [];
  readonly lines: number[] = [];
  /** For PAREN: the kind of the closing token that ends it (0 for none), and the index of the opening token (-1 for none). */
  readonly closers: number[] = [];
  readonly openers: number[] = [];
  /** Where the token `layOutToken` lays out starts: the virtual tokens it causes start there too (errors point there, as F#'s do). */
  atOffset = 0;
  atLine = 1;
  atColumn = 1;
  /** Whether the previous token opens a block, and where the construct that opens it starts (a `let`, `if`, `match`, loop or `{`). */
  blockPending = false;
  ownerLine = 0;
  ownerCol = 0;
  /** The line the previous token ends on (0 before the first). */
  prevLine = 0;
  /** Where the last real token put out ends (DEDENT and SEP end there); `lastEndOffset` is -1 before the first. */
  lastEndOffset = -1;
  lastEndLine = 0;
  lastEndColumn = 0;
  /** The index of the last SEP put out between two top-level items (-1 before the first). */
  rootSep = -1;

  /** A run whose stream has room for `capacity` tokens, with a new image list or sharing `images`. */
  constructor(readonly file: string, capacity: number, images?: string[]) {
    this.out = new TokenBuffer(capacity, images);
    // The root's column is the first token's, set when it comes.
    this.enter(Context.ROOT, 1, 0, 0, -1);
  }

  /** Add an image for tokens to name. */
  addImage(image: string): number {
    return this.out.addImage(image);
  }

  /** Open a context. */
  enter(kind: number, col: number, line: number, closer: number, opener: number): void {
    const d = this.depth++;
    this.kinds[d] = kind;
    this.cols[d] = col;
    this.lines[d] = line;
    this.closers[d] = closer;
    this.openers[d] = opener;
  }

  /** Put out a real token. */
  emit(kind: number, imageId: number, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): void {
    this.out.push(kind, imageId, startOffset, endOffset, startLine, endLine, startColumn, endColumn);
    this.lastEndOffset = endOffset;
    this.lastEndLine = endLine;
    this.lastEndColumn = endColumn;
  }

  /**
   * A virtual token, starting where the token being laid out starts. DEDENT and SEP end where the
   * last real token before them ends, so a node that closes with one spans up to its own last
   * token, not into the next line; INDENT ends where it starts.
   */
  virtual(kind: number): void {
    const { atOffset, atLine, atColumn } = this;
    if (kind === INDENT || this.lastEndOffset < 0) this.out.push(kind, NO_IMAGE, atOffset, atOffset, atLine, atLine, atColumn, atColumn);
    else this.out.push(kind, NO_IMAGE, atOffset, this.lastEndOffset, atLine, this.lastEndLine, atColumn, this.lastEndColumn);
  }

  /** Close the innermost context; a block closes with a DEDENT. */
  pop(): void {
    if (this.kinds[--this.depth] === Context.BLOCK) this.virtual(DEDENT);
  }

  /** Close every context above `index`. */
  popAbove(index: number): void {
    while (this.depth - 1 > index) this.pop();
  }

  /** Index of the innermost context of `kind` above the innermost bracket, or -1. */
  findAboveParen(kind: number): number {
    for (let i = this.depth - 1; i >= 0; i--) {
      const k = this.kinds[i]!;
      if (k === kind) return i;
      if (k === Context.PAREN || k === Context.ROOT) return -1;
    }
    return -1;
  }

  /**
   * The column a bracket's contents must stay right of: that of the innermost block left of the
   * bracket (`g (a,` in a block at column 5 → 5; `let x = (` → the block around the `let`).
   */
  bracketOffsideCol(index: number): number {
    const bracketCol = this.cols[index]!;
    for (let i = index - 1; i >= 0; i--) {
      const k = this.kinds[i]!;
      if ((k === Context.BLOCK || k === Context.ROOT) && this.cols[i]! < bracketCol) return this.cols[i]!;
    }
    return 0;
  }

  /** Step 1: a token that starts a line, at column `col`, closes the blocks and constructs it is left of. */
  closeLeftOf(col: number, flags: number, blockPending: boolean): void {
    for (;;) {
      const top = this.depth - 1;
      const kind = this.kinds[top]!;
      if (kind === Context.ROOT) break;
      if (kind === Context.PAREN) {
        // A line back at or left of where the bracketed construct started: the bracket was never closed.
        const opener = this.openers[top]!;
        if ((flags & Flag.CLOSER) !== 0 || col > this.bracketOffsideCol(top) || opener < 0) break;
        this.diagnostics.push(report('unmatchedBracket', bufferSpan(this.file, this.out, opener), [this.out.image(opener)]));
        this.depth--;
        continue;
      }
      if (kind === Context.BLOCK) {
        if (this.cols[top]! > col) { this.pop(); continue; }
        break;
      }
      const continues = (flags & continuesKind[kind]!) !== 0;
      if (this.cols[top]! > col || (this.cols[top] === col && !continues)) { this.depth--; continue; }
      break;
    }
    const top = this.depth - 1;
    const kind = this.kinds[top];
    if (!blockPending && (kind === Context.BLOCK || kind === Context.ROOT) && this.cols[top] === col && (flags & Flag.CONTINUES_LINE) === 0) {
      if (kind === Context.ROOT) this.rootSep = this.out.count;
      this.virtual(SEP);
    }
  }

  /** Lay out the next real token; most are plain ones mid-line, only put out here, in code small enough for V8 to inline into the scanner. */
  push(kind: number, imageId: number, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): void {
    if (plain[kind] === 1 && startLine <= this.prevLine && !this.blockPending) {
      this.prevLine = endLine;
      this.emit(kind, imageId, startOffset, endOffset, startLine, endLine, startColumn, endColumn);
    } else {
      this.layOutToken(kind, imageId, startOffset, endOffset, startLine, endLine, startColumn, endColumn);
    }
  }

  /** Lay out a token that starts a line, starts a pending block, or opens or closes a construct. */
  private layOutToken(kind: number, imageId: number, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): void {
    const line = startLine;
    const col = startColumn;
    const flags = flagsOf[kind] ?? 0;
    this.atOffset = startOffset;
    this.atLine = line;
    this.atColumn = col;
    if (this.lastEndOffset < 0) this.cols[0] = col;

    // 1. A token that starts a line closes the blocks and constructs it is left of.
    if (line > this.prevLine) this.closeLeftOf(col, flags, this.blockPending);

    // 2. A block opened by the previous token starts here.
    if (this.blockPending) {
      this.blockPending = false;
      let enclosing = this.depth - 1;
      while (enclosing >= 0 && this.kinds[enclosing] !== Context.BLOCK && this.kinds[enclosing] !== Context.ROOT && this.kinds[enclosing] !== Context.PAREN) enclosing--;
      let blockCol = col;
      if (line > this.prevLine && enclosing >= 0 && this.kinds[enclosing] !== Context.PAREN && col <= this.cols[enclosing]!) {
        const at = positionSpan(this.file, startOffset, endOffset, line, endLine, col, endColumn);
        this.diagnostics.push(report('offside', at, [`${this.ownerLine}:${this.ownerCol}`]));
        blockCol = this.cols[enclosing]! + 1;
      }
      this.enter(Context.BLOCK, blockCol, line, 0, -1);
      this.virtual(INDENT);
    }

    // 3. What the token itself opens or closes.
    this.prevLine = endLine;
    const closer = closerOf[kind]!;
    if (closer !== 0) {
      const opener = this.out.count;
      this.emit(kind, imageId, startOffset, endOffset, line, endLine, col, endColumn);
      this.enter(Context.PAREN, col, line, closer, opener);
      if (kind === LBRACE) this.opensBlock(line, col);
      return;
    }
    if ((flags & Flag.CLOSER) !== 0) {
      let i = this.depth - 1;
      while (i >= 0 && !(this.kinds[i] === Context.PAREN && this.closers[i] === kind)) i--;
      if (i > 0) { this.popAbove(i); this.depth--; }
      this.emit(kind, imageId, startOffset, endOffset, line, endLine, col, endColumn);
      return;
    }
    const top = this.depth - 1;
    switch (actionOf[kind]) {
      case Action.OPEN_LET:
        this.enter(Context.LET, col, line, 0, -1);
        break;
      case Action.EQUALS:
        if (this.kinds[top] === Context.LET) {
          this.opensBlock(this.lines[top]!, this.cols[top]!);
          this.depth--;
        }
        break;
      case Action.OPEN_IF:
        this.enter(Context.IF, col, line, 0, -1);
        break;
      case Action.THEN_ELSE:
      case Action.ELIF: {
        const i = this.findAboveParen(Context.IF);
        if (kind !== ELIF_KIND) this.opensBlock(i >= 0 ? this.lines[i]! : line, i >= 0 ? this.cols[i]! : col);
        if (i >= 0) this.popAbove(i);
        break;
      }
      case Action.OPEN_MATCH:
        this.enter(Context.MATCH, col, line, 0, -1);
        break;
      case Action.WITH_ARMS: {
        const i = this.findAboveParen(Context.MATCH);
        if (i >= 0) {
          const matchCol = this.cols[i]!;
          const matchLine = this.lines[i]!;
          this.popAbove(i);
          this.depth--;
          this.enter(Context.WITH, matchCol, matchLine, 0, -1);
        }
        break;
      }
      case Action.BAR: {
        const i = this.findAboveParen(Context.WITH);
        if (i >= 0) this.popAbove(i);
        break;
      }
      case Action.ARROW:
        if (this.kinds[top] === Context.WITH || this.kinds[top] === Context.FUN) {
          this.opensBlock(this.lines[top]!, this.cols[top]!);
          if (this.kinds[top] === Context.FUN) this.depth--;
        }
        break;
      case Action.OPEN_LOOP:
        this.enter(Context.LOOP, col, line, 0, -1);
        break;
      case Action.DO: {
        const i = this.findAboveParen(Context.LOOP);
        this.opensBlock(i >= 0 ? this.lines[i]! : line, i >= 0 ? this.cols[i]! : col);
        if (i >= 0) { this.popAbove(i); this.depth--; }
        break;
      }
      case Action.MAYBE_FUN:
        if (this.out.images[imageId] === 'fun') this.enter(Context.FUN, col, line, 0, -1);
        break;
      default:
        break;
    }
    this.emit(kind, imageId, startOffset, endOffset, line, endLine, col, endColumn);
  }

  /**
   * Let go of the laid-out tokens before token `from` (see `TokenBuffer.dropBefore`), which must be
   * a SEP between top-level items: no context open then was opened before it, so none names an earlier token.
   */
  dropBefore(from: number): void {
    this.out.dropBefore(from);
    for (let d = 0; d < this.depth; d++) if (this.openers[d]! >= 0) this.openers[d]! -= from;
    this.rootSep -= from;
  }

  /** The token just laid out opens a block, for a construct that starts at `line`:`col`. */
  private opensBlock(line: number, col: number): void {
    this.blockPending = true;
    this.ownerLine = line;
    this.ownerCol = col;
  }

  /** Close what is still open, after the last token; the laid-out stream and the pass's diagnostics. */
  finish(): { readonly tokens: TokenBuffer; readonly diagnostics: Diagnostic[] } {
    if (this.lastEndOffset >= 0) {
      // A pending block was opened by the last token, which `layOutToken` took: `atOffset`, `atLine` and `atColumn` are where it starts.
      if (this.blockPending) { this.virtual(INDENT); this.virtual(DEDENT); }
      // The blocks still open close at the end of the last token.
      this.atOffset = this.lastEndOffset + 1;
      this.atLine = this.lastEndLine;
      this.atColumn = this.lastEndColumn + 1;
      while (this.depth > 1) this.pop();
    }
    return { tokens: this.out, diagnostics: this.diagnostics };
  }
}

/** Insert INDENT/DEDENT/SEP into a token stream. Never throws. */
export function applyOffside(file: string, tokens: readonly IToken[]): LayoutResult {
  const laid = layOut(file, TokenBuffer.of(tokens));
  return { tokens: laid.tokens.toTokens(), diagnostics: laid.diagnostics };
}

/** `applyOffside` on a token buffer, into a new one sized ahead for about one virtual token per five real ones. */
export function layOut(file: string, src: TokenBuffer): { readonly tokens: TokenBuffer; readonly diagnostics: Diagnostic[] } {
  const s = new Layout(file, src.count + (src.count >> 2) + 16, src.images);
  src.feed(s);
  return s.finish();
}
