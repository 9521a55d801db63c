/**
 * Tokens, two ways: `TokenBuffer`, the stream the offside pass builds and the fast parser reads (one
 * array per field), and `Token`, the Chevrotain `IToken` object the Chevrotain lexer and
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

/** Where each field of a token lies among its `TOKEN_FIELDS` entries in `TokenBuffer.fields`. */
export const KIND = 0;
export const IMAGE_ID = 1;
export const START_OFFSET = 2;
export const END_OFFSET = 3;
export const START_LINE = 4;
export const END_LINE = 5;
export const START_COLUMN = 6;
export const END_COLUMN = 7;
/** Entries per token: token `i`'s fields start at `TOKEN_FIELDS * i`. */
export const TOKEN_FIELDS = 8;

/**
 * A token stream as one array of numbers, a token's fields side by side: token `i` has kind
 * `fields[TOKEN_FIELDS * i + KIND]` (its type's `tokenTypeIdx`), image `images[…IMAGE_ID]`, and
 * Chevrotain's positions (offsets 0-based and end-inclusive, lines and columns 1-based, columns
 * end-inclusive). Only the first `count` tokens are tokens; the fields past them stay 0 (no token
 * type has kind 0).
 *
 * Why one array: a token is written with one bounds check into one stretch of memory, where eight
 * arrays, one per field, cost eight (the offside pass writes every token of a file, issue 6).
 * Images are kept once each in `images` and named by id, so that no array holds a string per
 * token: stores of new strings into a large array are what the garbage collector pays most for.
 */
export class TokenBuffer implements TokenSink {
  count = 0;
  fields: Int32Array;
  /** The images tokens name by id: `fixedImages` first, then those added. */
  readonly images: string[];

  /** An empty buffer with room for `capacity` tokens (it grows if more come), with a new image list or sharing `images`. */
  constructor(capacity: number, images: string[] = [...fixedImages]) {
    this.images = images;
    this.fields = new Int32Array(TOKEN_FIELDS * Math.max(capacity, 16));
  }

  /** How many tokens the buffer has room for before it grows. */
  get capacity(): number {
    return this.fields.length / TOKEN_FIELDS;
  }

  /** Add an image to the list tokens name images from; its id. */
  addImage(image: string): number {
    return this.images.push(image) - 1;
  }

  /** The kind of token `i` (0 past the tokens, up to the capacity). */
  kind(i: number): number {
    return this.fields[TOKEN_FIELDS * i + KIND]!;
  }

  /** The image of token `i`. */
  image(i: number): string {
    return this.images[this.fields[TOKEN_FIELDS * i + IMAGE_ID]!]!;
  }

  /** Field `field` (`START_OFFSET` … `END_COLUMN`) of token `i`. */
  at(i: number, field: number): number {
    return this.fields[TOKEN_FIELDS * i + field]!;
  }

  /** Append a token whose image has id `imageId`. */
  push(kind: number, imageId: number, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): void {
    const at = TOKEN_FIELDS * this.count;
    if (at === this.fields.length) this.grow();
    const f = this.fields;
    f[at + KIND] = kind;
    f[at + IMAGE_ID] = imageId;
    f[at + START_OFFSET] = startOffset;
    f[at + END_OFFSET] = endOffset;
    f[at + START_LINE] = startLine;
    f[at + END_LINE] = endLine;
    f[at + START_COLUMN] = startColumn;
    f[at + END_COLUMN] = endColumn;
    this.count++;
  }

  /** Token `i` as a Chevrotain token object. */
  token(i: number): IToken {
    const f = this.fields;
    const at = TOKEN_FIELDS * i;
    const type = typeOfKind[f[at + KIND]!]!;
    return new Token(type, this.image(i), f[at + START_OFFSET]!, f[at + END_OFFSET]!, f[at + START_LINE]!, f[at + END_LINE]!, f[at + START_COLUMN]!, f[at + END_COLUMN]!);
  }

  /** Every token as a Chevrotain token object, for the Chevrotain parser, `--emit tokens` and tests. */
  toTokens(): IToken[] {
    const tokens: IToken[] = [];
    for (let i = 0; i < this.count; i++) tokens.push(this.token(i));
    return tokens;
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
    const wider = new Int32Array(this.fields.length * 2);
    wider.set(this.fields);
    this.fields = wider;
  }
}
