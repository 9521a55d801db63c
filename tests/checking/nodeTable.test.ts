/**
 * The node tables of the typed program (compiler/fncs/psg/nodeTable.ts): append-only logs cut by
 * top-level declaration, read by scanning the part whose source range holds the node. Each test
 * pins a case the layout could get wrong: parts of several declarations, long parts (indexed),
 * logs longer than a chunk, a node written twice, a node whose span points outside its part, a
 * node never written, a declaration released, a short part across chunks, and a node looked up
 * twice in a row (the table remembers the last one found).
 */
import { describe, expect, test } from 'vitest';
import type { Span } from '../../compiler/fncs/syntax/ast.js';
import { DeclRanges, NodeTable } from '../../compiler/fncs/psg/nodeTable.js';

interface Node {
  readonly span: Span;
  readonly name: string;
}

const span = (start: number, end = start + 1): Span => ({ file: 't.fs', startLine: 1, startCol: 1, endLine: 1, endCol: 1, startOffset: start, endOffset: end });
const node = (name: string, start: number): Node => ({ name, span: span(start) });

/** Declarations of `sizes[i]` nodes each, 1000 offsets apart; every node's value is its name. */
function build(sizes: readonly number[]): { table: NodeTable<Node, string>; nodes: Node[][] } {
  const ranges = new DeclRanges();
  const table = new NodeTable<Node, string>(ranges);
  const nodes = sizes.map((size, d) => {
    ranges.open(span(d * 1000, d * 1000 + 999));
    return Array.from({ length: size }, (_, i) => {
      const n = node(`d${d}n${i}`, d * 1000 + (i % 900));
      table.set(n, n.name);
      return n;
    });
  });
  return { table, nodes };
}

/** A table whose first declaration spans offsets `0` to `end`, already open; and the ranges, to open more. */
function openTable<V>(end: number): { table: NodeTable<Node, V>; ranges: DeclRanges } {
  const ranges = new DeclRanges();
  const table = new NodeTable<Node, V>(ranges);
  ranges.open(span(0, end));
  return { table, ranges };
}

describe('NodeTable', () => {
  test('finds the nodes of every declaration, in any order of lookup', () => {
    const { table, nodes } = build([3, 5, 1, 4]);
    const all = nodes.flat();
    for (const n of [...all].reverse()) expect(table.get(n)).toBe(n.name);
    for (const n of all) expect(table.get(n)).toBe(n.name);
  });

  test('long declarations (indexed) and logs over many chunks', () => {
    const { table, nodes } = build([700, 2, 1300]);
    for (const n of nodes.flat()) expect(table.get(n)).toBe(n.name);
  });

  test('nodes sharing a start offset are told apart by identity', () => {
    const { table } = openTable<string>(100);
    const same = [node('app', 10), node('fn', 10), node('block', 10)];
    same.forEach((n) => table.set(n, n.name));
    expect(same.map((n) => table.get(n))).toEqual(['app', 'fn', 'block']);
  });

  test('a later write for the same node wins, also in an indexed part', () => {
    for (const size of [3, 200]) {
      const { table, nodes } = build([size]);
      const n = nodes[0]![1]!;
      expect(table.get(n)).toBe(n.name);
      table.set(n, 'again');
      expect(table.get(n)).toBe('again');
    }
  });

  test('rewrite replaces the value of an entry', () => {
    const { table } = openTable<string>(10);
    const n = node('x', 1);
    const entry = table.set(n, 'before');
    table.rewrite(entry, 'after');
    expect(table.get(n)).toBe('after');
  });

  test('a node whose span lies outside its declaration is still found', () => {
    const { table, ranges } = openTable<string>(100);
    const stray = node('stray', 5000);
    const nan = { name: 'nan', span: { ...span(0), startOffset: Number.NaN } };
    table.set(stray, 'stray');
    table.set(nan, 'nan');
    ranges.open(span(200, 300));
    const elsewhere = node('elsewhere', 250);
    table.set(elsewhere, 'elsewhere');
    // Its offset falls in the second declaration's range, but it was written in the first.
    const misleading = node('misleading', 210);
    ranges.open(span(400, 500));
    expect(table.get(stray)).toBe('stray');
    expect(table.get(nan)).toBe('nan');
    expect(table.get(elsewhere)).toBe('elsewhere');
    expect(table.get(misleading)).toBeUndefined();
    table.set(misleading, 'late');
    expect(table.get(misleading)).toBe('late');
  });

  test('a node never written is undefined; a null value is an entry', () => {
    const { table } = openTable<string | null>(100);
    const written = node('w', 3);
    table.set(written, null);
    expect(table.get(written)).toBeNull();
    expect(table.get(node('other', 3))).toBeUndefined();
    expect(table.get(node('outside', 9999))).toBeUndefined();
  });

  test('a released declaration is forgotten; the others, and writes after, are not', () => {
    // Parts are numbered from 1 in order of opening; 700 + 300 + 600 entries fill several chunks.
    const { table, nodes } = build([700, 300, 600, 5]);
    table.get(node('stray', 99_999)); // builds the index over the whole log, which must not keep released nodes
    table.release(2);
    for (const n of nodes[1]!) expect(table.get(n)).toBeUndefined();
    table.release(1);
    table.release(3);
    for (const n of [...nodes[0]!, ...nodes[2]!]) expect(table.get(n)).toBeUndefined();
    for (const n of nodes[3]!) expect(table.get(n)).toBe(n.name);
    table.release(9); // a part that wrote nothing here
    const later = node('later', 4010);
    table.set(later, 'later');
    expect(table.get(later)).toBe('later');
    expect(table.get(nodes[3]![0]!)).toBe(nodes[3]![0]!.name);
  });

  test('a short part that crosses chunks is scanned across them', () => {
    // Entries 250 to 289 hold the second declaration: the first chunk ends at 256.
    const { table, nodes } = build([250, 40]);
    for (const n of nodes[1]!) expect(table.get(n)).toBe(n.name);
  });

  test('a node looked up again at once gets the current answer after a rewrite, a write or a release', () => {
    const { table, ranges } = openTable<string>(100);
    const n = node('n', 1);
    const entry = table.set(n, 'first');
    expect(table.get(n)).toBe('first');
    table.rewrite(entry, 'rewritten');
    expect(table.get(n)).toBe('rewritten');
    table.set(n, 'again');
    expect(table.get(n)).toBe('again');
    ranges.open(span(200, 300));
    table.set(node('m', 201), 'm');
    table.release(1);
    expect(table.get(n)).toBeUndefined();
  });

  test('writes before any declaration opens are kept too', () => {
    const ranges = new DeclRanges();
    const table = new NodeTable<Node, string>(ranges);
    const early = node('early', 0);
    table.set(early, 'early');
    ranges.open(span(0, 10));
    const inside = node('inside', 1);
    table.set(inside, 'inside');
    expect(table.get(early)).toBe('early');
    expect(table.get(inside)).toBe('inside');
  });
});
