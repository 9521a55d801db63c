/**
 * Tokens, two ways: `TokenBuffer`, the stream the offside pass builds and the fast parser reads (a
 * typed array of kinds and one of the other fields), and `Token`, the Chevrotain `IToken` object the Chevrotain lexer and
 * parser work with, made from a buffer only when one of them needs it.
 *
 * Why a buffer: a large file has a hundred thousand tokens, all alive until parsing ends. As
 * objects they were the largest thing the garbage collector copied during the front end; in typed
 * arrays their positions cost no objects at all, and a token is an index (issue 6).
 */
import type { IToken, TokenType } from 'chevrotain';
import * as T from './tokens.js';

/**
 * A real or virtual token as an object; columns are 1-based and end-inclusive, as in Chevrotain.
 *
 * Why a class and not an object literal: Chevrotain creates its end-of-input token with NaN
 * positions, which turns the position fields of the hidden class of every object literal with
 * Chevrotain's field order into boxed doubles. A class has hidden classes of its own, so its
 * positions stay small integers.
 */
export class Token implements IToken {
  image: string;
  startOffset: number;
  endOffset: number;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  tokenTypeIdx: number;
  tokenType: TokenType;

  constructor(type: TokenType, image: string, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number) {
    this.image = image;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.startLine = startLine;
    this.endLine = endLine;
    this.startColumn = startColumn;
    this.endColumn = endColumn;
    this.tokenTypeIdx = type.tokenTypeIdx!;
    this.tokenType = type;
  }
}

/** Token type by `tokenTypeIdx`, for turning a buffer's kinds back into types. */
const typeOfKind: (TokenType | undefined)[] = [];
for (const type of T.allTokens) typeOfKind[type.tokenTypeIdx!] = type;

/**
 * The images every buffer's image list starts with, so each has the same id in every buffer: the
 * empty image of virtual tokens (id 0), then the keywords, `_` and the operators.
 */
const fixedImages: readonly string[] = ['', ...T.keywordTypes.keys(), '_', ...T.operatorImages.values()];
const fixedImageIds: ReadonlyMap<string, number> = new Map(fixedImages.map((image, id) => [image, id]));

/** The image id of a keyword, `_`, an operator or the empty image in every buffer. */
export function fixedImageId(image: string): number {
  const id = fixedImageIds.get(image);
  if (id === undefined) throw new Error(`internal error: '${image}' is not an image every token buffer has`);
  return id;
}

/** The `tokenTypeIdx` of a token type, checked to fit a buffer's one-byte kinds. */
export function kindOf(type: { tokenTypeIdx?: number }): number {
  const k = type.tokenTypeIdx;
  if (k === undefined || k <= 0 || k > 255) throw new Error(`internal error: token index ${String(k)} does not fit a token buffer's kinds`);
  return k;
}

/** Where the scanner puts the tokens it reads: a token buffer, or the offside pass laying them out as they come. */
export interface TokenSink {
  /** Add an image for tokens to name; its id. */
  addImage(image: string): number;
  /** Take the next token, whose image has id `imageId`. */
  push(kind: number, imageId: number, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): void;
}

/** Where each field of a token but its kind lies among its `TOKEN_FIELDS` entries in `TokenBuffer.fields`. */
export const IMAGE_ID = 0;
export const START_OFFSET = 1;
export const END_OFFSET = 2;
export const START_LINE = 3;
export const END_LINE = 4;
export const START_COLUMN = 5;
export const END_COLUMN = 6;
/** Entries per token: token `i`'s fields start at `TOKEN_FIELDS * i`. */
export const TOKEN_FIELDS = 7;
/** How many kinds past its last token a buffer always has, all 0: as far as a parser may look ahead without testing for the end. */
export const KINDS_PAST_END = 32;

/**
 * A token stream as two arrays: token `i` has kind `kinds[i]` (its type's `tokenTypeIdx`), and its
 * other fields side by side in `fields`, from `TOKEN_FIELDS * i` on: image `images[…IMAGE_ID]`, and
 * Chevrotain's positions (offsets 0-based and end-inclusive, lines and columns 1-based, columns
 * end-inclusive). Only the first `count` tokens are tokens; the kinds past them are 0, which no
 * token type has, for at least `KINDS_PAST_END` entries.
 *
 * Why so: a token is written with two bounds checks into two stretches of memory, where an array
 * per field cost eight (the offside pass writes every token of a file, issue 6); the kinds, which
 * the parser reads most, are an array of their own that it reads as it is, with no copy.
 * Images are kept once each in `images` and named by id, so that no array holds a string per
 * token: stores of new strings into a large array are what the garbage collector pays most for.
 */
export class TokenBuffer implements TokenSink {
  count = 0;
  kinds: Uint8Array;
  fields: Int32Array;
  /** The images tokens name by id: `fixedImages` first, then those added. */
  readonly images: string[];
  /** How many tokens the buffer has room for before it grows. */
  capacity: number;

  /** An empty buffer with room for `capacity` tokens (it grows if more come), with a new image list or sharing `images`. */
  constructor(capacity: number, images: string[] = [...fixedImages]) {
    this.images = images;
    this.capacity = Math.max(capacity, 16);
    this.kinds = new Uint8Array(this.capacity + KINDS_PAST_END);
    this.fields = new Int32Array(TOKEN_FIELDS * this.capacity);
  }

  /** Add an image to the list tokens name images from; its id. */
  addImage(image: string): number {
    return this.images.push(image) - 1;
  }

  /** The image of token `i`. */
  image(i: number): string {
    return this.images[this.fields[TOKEN_FIELDS * i + IMAGE_ID]!]!;
  }

  /** Append a token whose image has id `imageId`. */
  push(kind: number, imageId: number, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): void {
    const i = this.count;
    if (i === this.capacity) this.grow();
    this.kinds[i] = kind;
    const f = this.fields;
    const at = TOKEN_FIELDS * i;
    f[at + IMAGE_ID] = imageId;
    f[at + START_OFFSET] = startOffset;
    f[at + END_OFFSET] = endOffset;
    f[at + START_LINE] = startLine;
    f[at + END_LINE] = endLine;
    f[at + START_COLUMN] = startColumn;
    f[at + END_COLUMN] = endColumn;
    this.count = i + 1;
  }

  /** Token `i` as a Chevrotain token object. */
  token(i: number): IToken {
    const f = this.fields;
    const at = TOKEN_FIELDS * i;
    const type = typeOfKind[this.kinds[i]!]!;
    return new Token(type, this.image(i), f[at + START_OFFSET]!, f[at + END_OFFSET]!, f[at + START_LINE]!, f[at + END_LINE]!, f[at + START_COLUMN]!, f[at + END_COLUMN]!);
  }

  /** Every token as a Chevrotain token object, for the Chevrotain parser, `--emit tokens` and tests. */
  toTokens(): IToken[] {
    const tokens: IToken[] = [];
    for (let i = 0; i < this.count; i++) tokens.push(this.token(i));
    return tokens;
  }

  /** Hand every token, in order, to `sink`, as the scanner would have. */
  feed(sink: TokenSink): void {
    const { kinds, fields: f } = this;
    for (let i = 0, at = 0; i < this.count; i++, at += TOKEN_FIELDS) {
      sink.push(kinds[i]!, f[at + IMAGE_ID]!, f[at + START_OFFSET]!, f[at + END_OFFSET]!, f[at + START_LINE]!, f[at + END_LINE]!, f[at + START_COLUMN]!, f[at + END_COLUMN]!);
    }
  }

  /** Let go of the tokens before token `from`: the rest move to the front, token `from` becoming token 0. */
  dropBefore(from: number): void {
    const n = this.count;
    this.kinds.copyWithin(0, from, n);
    // The kinds past the last token stay 0.
    this.kinds.fill(0, n - from, n);
    this.fields.copyWithin(0, TOKEN_FIELDS * from, TOKEN_FIELDS * n);
    this.count = n - from;
  }

  /** A buffer holding `tokens` (from the Chevrotain lexer, or a test); a missing end position is the start's, as `tokenSpan` reads it. */
  static of(tokens: readonly IToken[]): TokenBuffer {
    const b = new TokenBuffer(tokens.length);
    for (const t of tokens) {
      const startLine = t.startLine ?? 1;
      const startColumn = t.startColumn ?? 1;
      b.push(kindOf(t.tokenType), b.addImage(t.image), t.startOffset, t.endOffset ?? t.startOffset, startLine, t.endLine ?? startLine, startColumn, t.endColumn ?? startColumn);
    }
    return b;
  }

  private grow(): void {
    this.capacity *= 2;
    const kinds = new Uint8Array(this.capacity + KINDS_PAST_END);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const fields = new Int32Array(TOKEN_FIELDS * this.capacity);
    fields.set(this.fields);
    this.fields = fields;
  }
}
