/**
 * Source spans from tokens: the one place that turns Chevrotain positions, of token objects or token
 * buffers, into `Span`s.
 *
 * The fast parser's spans are `TokenSpan`s: token indices into the laid-out token buffer,
 * whose position arrays they read their fields from. A large file's tree has hundreds of thousands
 * of spans, all alive until the compile ends; as objects of seven fields they were the largest part
 * of the tree the garbage collector copied, and the positions were already in the buffer (issue 6).
 */
import type { IToken } from 'chevrotain';
import type { Name, Span } from './ast.js';
import type { TokenBuffer } from './token.js';

/** The position arrays of a laid-out token buffer and its file: what `TokenSpan`s read. */
export class TokenPositions {
  readonly startOffsets: Int32Array;
  readonly endOffsets: Int32Array;
  readonly startLines: Int32Array;
  readonly endLines: Int32Array;
  readonly startColumns: Int32Array;
  readonly endColumns: Int32Array;

  /** `b` must not grow afterwards: the arrays are taken as they are. */
  constructor(readonly file: string, b: TokenBuffer) {
    this.startOffsets = b.startOffsets;
    this.endOffsets = b.endOffsets;
    this.startLines = b.startLines;
    this.endLines = b.endLines;
    this.startColumns = b.startColumns;
    this.endColumns = b.endColumns;
  }
}

/**
 * A span read from a laid-out token buffer: from the start of token `first` to the end of token
 * `last`, the same `Span` as `bufferSpan` makes for one token, with its fields read from the
 * buffer when asked for.
 */
export abstract class TokenSpan implements Span {
  abstract readonly first: number;
  abstract readonly last: number;

  constructor(protected readonly at: TokenPositions) {}

  get file(): string { return this.at.file; }
  get startLine(): number { return this.at.startLines[this.first]!; }
  get startCol(): number { return this.at.startColumns[this.first]!; }
  get endLine(): number { return this.at.endLines[this.last]!; }
  get endCol(): number { return this.at.endColumns[this.last]! + 1; }
  get startOffset(): number { return this.at.startOffsets[this.first]!; }
  get endOffset(): number { return this.at.endOffsets[this.last]! + 1; }

  /** The range starting where this span does and ending where `b` ends, if both are of one buffer. */
  to(b: Span): TokenRange | undefined {
    return b instanceof TokenSpan && b.at === this.at ? new TokenRange(this.at, this.first, b.last) : undefined;
  }

  /** The span as a plain object, field for field as `bufferSpan` writes one (for `JSON.stringify`). */
  toJSON(): object {
    const { file, startLine, startCol, endLine, endCol, startOffset, endOffset } = this;
    return { file, startLine, startCol, endLine, endCol, startOffset, endOffset };
  }
}

/** The span of tokens `first` to `last`: what the fast parser gives a node. */
export class TokenRange extends TokenSpan {
  constructor(at: TokenPositions, readonly first: number, readonly last: number) {
    super(at);
  }
}

/**
 * A name read from one token, and its own span. Identifiers are a sixth of a tree's objects, and
 * the nodes made of a name alone (a one-part path, a parameter, a type name, a pattern variable)
 * take the name's span as theirs, so one object of three fields serves as name and span where two
 * objects of nine did.
 */
export class TokenName extends TokenSpan implements Name {
  constructor(at: TokenPositions, readonly first: number, readonly text: string) {
    super(at);
  }

  get last(): number { return this.first; }
  get span(): Span { return this; }

  /** As a plain `Name`, `{ text, span }`, except where it stands for a node's span (`JSON.stringify` passes the key). */
  override toJSON(key?: string): object {
    return key === 'span' ? super.toJSON() : { text: this.text, span: super.toJSON() };
  }
}

/** The span of one token (Chevrotain columns are 1-based and end-inclusive). */
export function tokenSpan(file: string, t: IToken): Span {
  const endOffset = (t.endOffset ?? t.startOffset) + 1;
  return {
    file,
    startLine: t.startLine ?? 1,
    startCol: t.startColumn ?? 1,
    endLine: t.endLine ?? t.startLine ?? 1,
    endCol: (t.endColumn ?? t.startColumn ?? 1) + 1,
    startOffset: t.startOffset,
    endOffset,
  };
}

/** The span of token `i` of a buffer, as `tokenSpan` makes it for the same token as an object (for diagnostics of the offside pass). */
export function bufferSpan(file: string, b: TokenBuffer, i: number): Span {
  return {
    file,
    startLine: b.startLines[i]!,
    startCol: b.startColumns[i]!,
    endLine: b.endLines[i]!,
    endCol: b.endColumns[i]! + 1,
    startOffset: b.startOffsets[i]!,
    endOffset: b.endOffsets[i]! + 1,
  };
}

/** A one-character span where a token starts, for errors at virtual layout tokens (whose end lies before their start). */
export function pointSpan(file: string, t: IToken): Span {
  const line = t.startLine ?? 1;
  const col = t.startColumn ?? 1;
  return { file, startLine: line, startCol: col, endLine: line, endCol: col + 1, startOffset: t.startOffset, endOffset: t.startOffset + 1 };
}

/** The span from the start of `a` to the end of `b`. */
export function joinSpans(a: Span, b: Span): Span {
  if (a instanceof TokenSpan && a.endOffset <= b.endOffset) {
    const range = a.to(b);
    if (range !== undefined) return range;
  }
  return {
    file: a.file,
    startLine: a.startLine,
    startCol: a.startCol,
    endLine: b.endLine,
    endCol: b.endCol,
    startOffset: a.startOffset,
    endOffset: Math.max(a.endOffset, b.endOffset),
  };
}

/** A zero-width span at the end of a file's text, for "unexpected end of input". */
export function endOfFileSpan(file: string, text: string): Span {
  const lines = text.split('\n');
  const line = lines.length;
  const col = (lines[lines.length - 1]?.length ?? 0) + 1;
  return { file, startLine: line, startCol: col, endLine: line, endCol: col + 1, startOffset: text.length, endOffset: text.length };
}
