/**
 * The token buffer the scanner, the offside pass and the fast parser pass along: it grows past the
 * capacity it was made with, keeps each token's image id (one per text, from the scanner), turns
 * tokens into Chevrotain token objects and back without losing a field, and the pieces of the front
 * end that read it (the offside pass, the fast parser, the lexer) give on a buffer what they give
 * on token objects.
 */
import type { IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { lex, lexToBuffer, lexWithChevrotain } from '../../compiler/fncs/syntax/lexer.js';
import { applyOffside, layOut } from '../../compiler/fncs/syntax/offside.js';
import { lexTokens, parseSource } from '../../compiler/fncs/syntax/parse.js';
import { bufferSpan, tokenSpan } from '../../compiler/fncs/syntax/span.js';
import {
  END_COLUMN, END_LINE, END_OFFSET, fixedImageId, IMAGE_ID, kindOf, KINDS_PAST_END, START_COLUMN, START_LINE, START_OFFSET, TOKEN_FIELDS, TokenBuffer,
} from '../../compiler/fncs/syntax/token.js';
import { scanToBuffer } from '../../compiler/fncs/syntax/scanner.js';
import { parseFast, parseFastBuffer } from '../../compiler/fncs/syntax/tokens2ast.js';
import * as T from '../../compiler/fncs/syntax/tokens.js';
import { generateProgram } from '../../scripts/bench/generateProgram.js';
import { canonical } from './differential.js';
import { mod } from './support.js';

/** Every field of a token object, the type by identity. */
const fields = (t: IToken): unknown[] => [t.tokenType, t.tokenTypeIdx, t.image, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn];

describe('TokenBuffer', () => {
  it('grows past its capacity, keeping every token', () => {
    const b = new TokenBuffer(1);
    const n = 1000;
    for (let i = 0; i < n; i++) b.push(kindOf(T.Ident), b.addImage(`x${i}`), i * 3, i * 3 + 1, i + 1, i + 1, 2, 3);
    expect(b.count).toBe(n);
    expect(b.capacity).toBeGreaterThan(n);
    for (const i of [0, 15, 16, 17, 511, 999]) {
      expect(b.image(i)).toBe(`x${i}`);
      expect([b.kinds[i], ...[START_OFFSET, END_OFFSET, START_LINE, END_LINE, START_COLUMN, END_COLUMN].map((f) => b.fields[TOKEN_FIELDS * i + f])]).toEqual([
        kindOf(T.Ident), i * 3, i * 3 + 1, i + 1, i + 1, 2, 3,
      ]);
    }
    // Past the tokens, kinds read as 0, which no token type has, for as far as a parser looks ahead.
    for (let i = n; i < n + KINDS_PAST_END; i++) expect(b.kinds[i]).toBe(0);
  });

  it('keywords, operators and the empty image have the same id in every buffer', () => {
    const a = new TokenBuffer(4);
    const b = new TokenBuffer(4);
    a.addImage('only in a');
    for (const image of ['', 'let', 'fun', '_', '|>', '(', '}']) {
      const id = fixedImageId(image);
      expect(a.images[id]).toBe(image);
      expect(b.images[id]).toBe(image);
    }
    expect(() => fixedImageId('notAKeyword')).toThrow(/internal error/);
  });

  it('the scanner gives the tokens of one word, number or string one image id, also once its word table has grown', () => {
    // Thousands of distinct names grow the table well past the size it starts with.
    const names = Array.from({ length: 3000 }, (_, i) => `name${i}`);
    const words = [...names, 'let', '42', '0x2Auy', '"text"', '"te\\nxt"', '``odd name``'];
    const text = mod(`let f = ${[...words, ...words.slice().reverse()].join(' ')}`);
    const b = scanToBuffer(text)!;
    const ids = new Map<string, Set<number>>();
    for (let i = 0; i < b.count; i++) {
      const image = b.image(i);
      ids.set(image, (ids.get(image) ?? new Set()).add(b.fields[TOKEN_FIELDS * i + IMAGE_ID]!));
    }
    for (const w of words) expect(ids.get(w), w).toHaveProperty('size', 1);
    // No two texts share an id.
    expect(new Set([...ids.values()].map((s) => [...s][0])).size).toBe(ids.size);
  });

  it('a buffer made from token objects gives the same token objects back, field for field', () => {
    const text = mod('let f (x: int) =', '    if x > 0 then "pos" else ``odd name``', 'let g = f 1');
    const tokens = lexWithChevrotain('t.fs', text).tokens;
    const back = TokenBuffer.of(tokens).toTokens();
    expect(back.map(fields)).toEqual(tokens.map(fields));
  });

  it('the span of a buffer token is the span of the same token as an object', () => {
    const { tokens } = lexTokens('t.fs', mod('let x =', '    1 + 2'));
    const b = TokenBuffer.of(tokens);
    tokens.forEach((t, i) => expect(bufferSpan('t.fs', b, i)).toEqual(tokenSpan('t.fs', t)));
  });
});

describe('the front end reads a buffer as it reads token objects', () => {
  const texts = [
    mod('let x = 1'),
    mod('let f x =', '    match x with', '    | 0 -> "zero"', '    | _ ->', '        let y = x - 1', '        string y'),
    mod('type R = { a: int; mutable b: int }', 'let r = { a = 1; b = 2 }', 'let s = { r with a = 3 }'),
    // Diagnostics on the way: an unmatched bracket and an offside body.
    mod('let x = (1 +', 'let y =', 'y'),
    generateProgram(200).text,
  ];

  it.each(texts.map((t, i) => [i, t]))('text %i: lexing, layout and the fast parser agree on both forms', (_i, text) => {
    const lexed = lex('t.fs', text);
    const buffered = lexToBuffer('t.fs', text);
    expect(buffered.tokens.toTokens().map(fields)).toEqual(lexed.tokens.map(fields));
    expect(buffered.diagnostics).toEqual(lexed.diagnostics);

    const laid = applyOffside('t.fs', lexed.tokens);
    const laidBuffer = layOut('t.fs', buffered.tokens);
    expect(laidBuffer.tokens.toTokens().map(fields)).toEqual(laid.tokens.map(fields));
    expect(laidBuffer.diagnostics).toEqual(laid.diagnostics);

    const fast = parseFast('t.fs', laid.tokens);
    // Only the text with diagnostics is left to the recovering parser.
    expect(fast === null).toBe(laid.diagnostics.length > 0);
    expect(canonical(parseFastBuffer('t.fs', laidBuffer.tokens))).toBe(canonical(fast));
    if (fast !== null) expect(canonical(parseSource('t.fs', text).ast)).toBe(canonical(fast));
  });
});
