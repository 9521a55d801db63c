/**
 * The open blocks of a walk: records are reused at each depth, yet a block the walk has left is
 * never taken for the one now open at its depth, and nearby definitions are found where they are.
 */
import { describe, expect, it } from 'vitest';
import { i32, type Block, type Value } from '../../compiler/alex/ir/index.js';
import { OpenBlocks } from '../../compiler/alex/ir/openBlocks.js';

const value = (): Value => ({ def: 'result', index: 0, type: i32 });
const block = (results: Value[], args: Value[] = []): Block => ({
  args,
  ops: results.map((r) => ({ name: 'arith.constant', operands: [], results: [r], attributes: {}, regions: [], successors: [], loc: { file: '', line: 0, col: 0 } })),
});

describe('OpenBlocks', () => {
  it('tells a left block from the one reusing its record', () => {
    const open = new OpenBlocks();
    const outer = open.enter(block([]));
    const first = open.enter(block([]));
    const firstSerial = first.serial;
    expect(open.depthOf(firstSerial)).toBe(1);
    open.leave();
    expect(open.depthOf(firstSerial)).toBe(-1);
    const second = open.enter(block([]));
    expect(second.depth).toBe(1);
    expect(second.serial).not.toBe(firstSerial);
    expect(open.depthOf(firstSerial)).toBe(-1);
    expect(open.depthOf(second.serial)).toBe(1);
    expect(open.depthOf(outer.serial)).toBe(0);
    open.leave();
    open.leave();
    expect(open.depthOf(outer.serial)).toBe(-1);
  });

  it('finds results a few ops before the position and arguments of open blocks, not those of a left block', () => {
    const [a, b, c] = [value(), value(), value()];
    const arg = value();
    const open = new OpenBlocks();
    const outer = open.enter(block([a, b], [arg]));
    outer.at = 1;
    expect(open.findNearby(a)).toBe(true);
    expect([open.foundDepth, open.foundAt, open.foundResult]).toEqual([0, 0, 0]);
    expect(open.findNearby(b)).toBe(false);
    const inner = open.enter(block([c]));
    inner.at = 1;
    expect(open.findNearby(c)).toBe(true);
    expect(open.findNearby(arg)).toBe(true);
    expect([open.foundDepth, open.foundAt]).toEqual([0, -1]);
    open.leave();
    open.enter(block([]));
    expect(open.findNearby(c)).toBe(false);
  });
});
