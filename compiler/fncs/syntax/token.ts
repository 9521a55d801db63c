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

/**
 * A token stream as parallel arrays: token `i` has kind `kinds[i]` (its type's `tokenTypeIdx`),
 * image `images[imageIds[i]]`, and Chevrotain's positions (offsets 0-based and end-inclusive,
 * lines and columns 1-based, columns end-inclusive). Only the first `count` entries are tokens;
 * the kinds past them stay 0, which no token type has.
 *
 * Images are kept once each in `images` and named by id, so that no array holds a string per
 * token: stores of new strings into a large array are what the garbage collector pays most for.
 */
export class TokenBuffer implements TokenSink {
  count = 0;
  kinds: Uint8Array;
  imageIds: Int32Array;
  /** The images tokens name by id: `fixedImages` first, then those added. */
  readonly images: string[];
  startOffsets: Int32Array;
  endOffsets: Int32Array;
  startLines: Int32Array;
  endLines: Int32Array;
  startColumns: Int32Array;
  endColumns: Int32Array;

  /** An empty buffer with room for `capacity` tokens (it grows if more come), with a new image list or sharing `images`. */
  constructor(capacity: number, images: string[] = [...fixedImages]) {
    const n = Math.max(capacity, 16);
    this.images = images;
    this.kinds = new Uint8Array(n);
    this.imageIds = new Int32Array(n);
    this.startOffsets = new Int32Array(n);
    this.endOffsets = new Int32Array(n);
    this.startLines = new Int32Array(n);
    this.endLines = new Int32Array(n);
    this.startColumns = new Int32Array(n);
    this.endColumns = new Int32Array(n);
  }

  /** Add an image to the list tokens name images from; its id. */
  addImage(image: string): number {
    return this.images.push(image) - 1;
  }

  /** The image of token `i`. */
  image(i: number): string {
    return this.images[this.imageIds[i]!]!;
  }

  /** Append a token whose image has id `imageId`. */
  push(kind: number, imageId: number, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): void {
    const i = this.count;
    if (i === this.kinds.length) this.grow();
    this.kinds[i] = kind;
    this.imageIds[i] = imageId;
    this.startOffsets[i] = startOffset;
    this.endOffsets[i] = endOffset;
    this.startLines[i] = startLine;
    this.endLines[i] = endLine;
    this.startColumns[i] = startColumn;
    this.endColumns[i] = endColumn;
    this.count = i + 1;
  }

  /** Token `i` as a Chevrotain token object. */
  token(i: number): IToken {
    const type = typeOfKind[this.kinds[i]!]!;
    return new Token(type, this.image(i), this.startOffsets[i]!, this.endOffsets[i]!, this.startLines[i]!, this.endLines[i]!, this.startColumns[i]!, this.endColumns[i]!);
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
    const n = this.kinds.length * 2;
    const wider = <A extends Uint8Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.kinds = wider(this.kinds, (k) => new Uint8Array(k));
    this.imageIds = wider(this.imageIds, (k) => new Int32Array(k));
    this.startOffsets = wider(this.startOffsets, (k) => new Int32Array(k));
    this.endOffsets = wider(this.endOffsets, (k) => new Int32Array(k));
    this.startLines = wider(this.startLines, (k) => new Int32Array(k));
    this.endLines = wider(this.endLines, (k) => new Int32Array(k));
    this.startColumns = wider(this.startColumns, (k) => new Int32Array(k));
    this.endColumns = wider(this.endColumns, (k) => new Int32Array(k));
  }
}
