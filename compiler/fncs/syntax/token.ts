/**
 * The token object the scanner and the offside pass create: a Chevrotain `IToken` with the same
 * fields, in the same order, as the tokens Chevrotain's own lexer makes.
 *
 * Why a class and not an object literal: every literal with Chevrotain's field order shares one
 * V8 hidden class, and Chevrotain creates its end-of-input token with NaN positions, which turns
 * the position fields of that hidden class into boxed doubles. Each such token then costs seven
 * extra heap objects. A class has hidden classes of its own, so its positions stay small
 * integers and a token is one object: half the memory, and far less garbage-collector work on a
 * large file.
 */
import type { IToken, TokenType } from 'chevrotain';

/** A real or virtual token; columns are 1-based and end-inclusive, as in Chevrotain. */
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
