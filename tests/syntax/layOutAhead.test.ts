/**
 * Lexing and layout an item ahead of the parser (`layOutAhead.ts`), as the streamed compile does:
 * the parser reads the same declarations as from the file laid out whole, the token buffer stays
 * about one declaration long whatever the file's size, and a file that does not lex or lay out
 * cleanly, however late the trouble, is given up on.
 */
import { describe, expect, it } from 'vitest';
import type { Decl } from '../../compiler/fncs/syntax/ast.js';
import { LayOutAhead } from '../../compiler/fncs/syntax/layOutAhead.js';
import { layOutSource } from '../../compiler/fncs/syntax/parse.js';
import { streamFastBuffer, streamFastFeed } from '../../compiler/fncs/syntax/tokens2ast.js';
import { generateProgram } from '../../scripts/bench/generateProgram.js';

/** The declarations of `text` read from its tokens laid out whole, or null if the fast parser gives up. */
function wholeDecls(text: string): Decl[] | null {
  const laidOut = layOutSource('m.fs', text);
  const decls: Decl[] = [];
  return laidOut.diagnostics.length === 0 && streamFastBuffer('m.fs', laidOut.tokens, (d) => decls.push(d)) ? decls : null;
}

/** The declarations of `text` read with the tokens laid out ahead, or null if the feed or parser gives up; and the feed. */
function aheadDecls(text: string): { decls: Decl[] | null; feed: LayOutAhead; read: number } {
  const feed = new LayOutAhead('m.fs', text);
  const decls: Decl[] = [];
  const ok = streamFastFeed('m.fs', feed, (d) => decls.push(d));
  return { decls: ok ? decls : null, feed, read: decls.length };
}

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const bigFunction = lines('module Big', '', 'let f (x: int) =', '    let mutable a = x', ...Array.from({ length: 1000 }, (_, i) => `    a <- a + ${i} * (x - ${i})`), '    a');

describe('laid out an item ahead', () => {
  it.each([
    ['a generated program', generateProgram(2_000, 4).text],
    ['many one-line items on adjacent lines', lines('module M', ...Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? `open N${i}` : `let v${i} = ${i}`)))],
    ['a declaration larger than the buffer it starts with', bigFunction],
    ['items with attributes, and a record type', lines('module M', 'type P = { X: int; Y: int }', '[<A>]', '[<B>]', 'let f (p: P) = p.X', '[<EntryPoint>]', 'let main _ = 0')],
  ])('%s: the declarations the file laid out whole gives', (_, text) => {
    const want = wholeDecls(text);
    expect(want).not.toBeNull();
    expect(aheadDecls(text).decls).toEqual(want);
  });

  it('holds about one declaration of tokens, not the file', () => {
    const text = generateProgram(10_000).text;
    const { decls, feed } = aheadDecls(text);
    expect(decls).not.toBeNull();
    // The file has some hundred thousand tokens; the buffer keeps its first size.
    expect(layOutSource('m.fs', text).tokens.count).toBeGreaterThan(50_000);
    expect(feed.tokens.capacity).toBeLessThanOrEqual(1024);
  });

  it('grows the buffer for a declaration larger than it', () => {
    const { decls, feed } = aheadDecls(bigFunction);
    expect(decls).toHaveLength(1);
    expect(feed.tokens.capacity).toBeGreaterThan(1024);
  });
});

describe('a file that is not clean, found out late', () => {
  const clean = generateProgram(300, 2).text;
  const tail = (extra: string): string => `${clean}\n${extra}`;

  it.each([
    ['a tab in the last declaration', tail('let late (x: int) =\n\tx\n')],
    ['a character outside the language', tail('let late (x: int) = x § 1\n')],
    ['an unterminated string', tail('let late (x: int) = "open\n')],
    ['an offside line', tail('let late (x: int) =\n    let y = x\n  y\n')],
  ])('%s: the parser reads the declarations before it, then gives up', (_, text) => {
    expect(wholeDecls(text)).toBeNull();
    const { decls, read } = aheadDecls(text);
    expect(decls).toBeNull();
    expect(read).toBeGreaterThan(10);
  });
});
