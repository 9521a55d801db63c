/** Source spans from tokens: the one place that turns Chevrotain positions, of token objects or token buffers, into `Span`s. */
import type { IToken } from 'chevrotain';
import type { Span } from './ast.js';
import { END_COLUMN, END_LINE, END_OFFSET, START_COLUMN, START_LINE, START_OFFSET, TOKEN_FIELDS, type TokenBuffer } from './token.js';

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

/** The span of token `i` of a buffer, as `tokenSpan` makes it for the same token as an object. */
export function bufferSpan(file: string, b: TokenBuffer, i: number): Span {
  return bufferRange(file, b, i, i);
}

/** The span from the start of token `first` of a buffer to the end of token `last`. */
export function bufferRange(file: string, b: TokenBuffer, first: number, last: number): Span {
  const f = b.fields;
  const s = TOKEN_FIELDS * first;
  const e = TOKEN_FIELDS * last;
  return {
    file,
    startLine: f[s + START_LINE]!,
    startCol: f[s + START_COLUMN]!,
    endLine: f[e + END_LINE]!,
    endCol: f[e + END_COLUMN]! + 1,
    startOffset: f[s + START_OFFSET]!,
    endOffset: f[e + END_OFFSET]! + 1,
  };
}

/** The span of a token known only by its Chevrotain positions (one the offside pass is laying out, not in a buffer yet). */
export function positionSpan(file: string, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): Span {
  return { file, startLine, startCol: startColumn, endLine, endCol: endColumn + 1, startOffset, endOffset: endOffset + 1 };
}

/** A one-character span where a token starts, for errors at virtual layout tokens (whose end lies before their start). */
export function pointSpan(file: string, t: IToken): Span {
  const line = t.startLine ?? 1;
  const col = t.startColumn ?? 1;
  return { file, startLine: line, startCol: col, endLine: line, endCol: col + 1, startOffset: t.startOffset, endOffset: t.startOffset + 1 };
}

/** The span from the start of `a` to the end of `b`. */
export function joinSpans(a: Span, b: Span): Span {
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
