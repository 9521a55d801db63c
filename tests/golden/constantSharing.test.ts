/**
 * Sharing of `arith.constant`s: a constant is reused where it dominates (later in its block, and in
 * the blocks nested in it), and made again anywhere else — after the branch that made it, in a
 * sibling branch, in another function, or for another type. First the table on its own, then
 * whole programs, whose MLIR must also verify (a constant used outside its block would not).
 * Last, the attribute records a module's ops share (`sharedAttributes.ts`): equal records are one
 * object, unequal ones never are.
 */
import { describe, expect, it } from 'vitest';
import { i32, i64, i8, ptr, type MlirType } from '../../compiler/alex/ir/types.js';
import { DYNAMIC_INDEX, type Value } from '../../compiler/alex/ir/ir.js';
import { memo, SharedAttributes } from '../../compiler/alex/ir/sharedAttributes.js';
import { ConstantTable } from '../../compiler/alex/witnesses/constants.js';
import { bodyLines, compileMlir } from './support.js';

const value = (n: number): Value => ({ def: 'result', index: n, type: i32 });
/** The table's find-then-record protocol, as the lowering uses it. */
const lookup = (t: ConstantTable, type: MlirType, v: number | bigint | boolean): Value | undefined => t.visible(t.entry(type, v));
const remember = (t: ConstantTable, type: MlirType, v: number | bigint | boolean, made: Value): void => t.remember(t.entry(type, v), made);

describe('the constant table', () => {
  it('finds a constant by type and value, whichever way the value is written', () => {
    const t = new ConstantTable();
    t.beginFunction();
    const one = value(1);
    remember(t, i32, 1, one);
    expect(lookup(t, i32, 1)).toBe(one);
    expect(lookup(t, i32, 1n)).toBe(one);
    expect(lookup(t, i32, true)).toBe(one);
    expect(lookup(t, i64, 1)).toBeUndefined();
    expect(lookup(t, i32, 2)).toBeUndefined();
    const huge = value(2);
    remember(t, i64, 1n << 62n, huge);
    expect(lookup(t, i64, 1n << 62n)).toBe(huge);
    expect(lookup(t, i64, (1n << 62n) + 1n)).toBeUndefined();
  });

  it('forgets what a nested block made when it closes, keeps what the enclosing block made', () => {
    const t = new ConstantTable();
    t.beginFunction();
    const outer = value(1);
    remember(t, i32, 1, outer);
    const mark = t.mark();
    const inner = value(2);
    remember(t, i32, 2, inner);
    expect(lookup(t, i32, 1)).toBe(outer);
    expect(lookup(t, i32, 2)).toBe(inner);
    t.release(mark);
    expect(lookup(t, i32, 1)).toBe(outer);
    expect(lookup(t, i32, 2)).toBeUndefined();
    const again = value(3);
    remember(t, i32, 2, again);
    expect(lookup(t, i32, 2)).toBe(again);
  });

  it('forgets everything when the next function begins', () => {
    const t = new ConstantTable();
    t.beginFunction();
    remember(t, i32, 1, value(1));
    t.beginFunction();
    expect(lookup(t, i32, 1)).toBeUndefined();
  });
});

/** The lines of `@fn` in the MLIR of `lines` (a module with an entry point), which must compile cleanly. */
function linesOf(fn: string, ...lines: string[]): string[] {
  const out = compileMlir('test.fs', ['module Test', '', ...lines, '', '[<EntryPoint>]', 'let main _ = 0', ''].join('\n'));
  expect(out.rendered).toBe('');
  return bodyLines(out.text!, fn);
}

const constants = (lines: readonly string[], text: string): number => lines.filter((l) => l.endsWith(`= arith.constant ${text}`)).length;

describe('constants in lowered programs', () => {
  it('a constant made before a branch is reused inside it', () => {
    const lines = linesOf('f', 'let f (x: int) =', '    let a = x + 7', '    if x > 0 then a + 7 else a - 7');
    expect(constants(lines, '7 : i32')).toBe(1);
  });

  it('a constant made inside a branch is made again after it, and in the sibling branch', () => {
    const lines = linesOf('f', 'let f (x: int) =', '    let a = if x > 0 then x + 7 else x - 7', '    a * 7');
    expect(constants(lines, '7 : i32')).toBe(3);
  });

  it('a constant made inside a loop body is made again after the loop', () => {
    const lines = linesOf('f', 'let f (n: int) =', '    let mutable i = 0', '    while i < n do', '        i <- i + 3', '    i + 3');
    expect(constants(lines, '3 : i32')).toBe(2);
  });

  it('each function makes its own constants, and the same value of another type is another constant', () => {
    const source = ['let f (x: int) = x + 5', 'let g (x: int) = x + 5', 'let h (x: int64) = x + 5L + 5L'];
    expect(constants(linesOf('f', ...source), '5 : i32')).toBe(1);
    expect(constants(linesOf('g', ...source), '5 : i32')).toBe(1);
    const h = linesOf('h', ...source);
    expect(constants(h, '5 : i64')).toBe(1);
    expect(constants(h, '5 : i32')).toBe(0);
  });
});

describe('shared attribute records', () => {
  it('memo makes a value once per key and keeps it', () => {
    const map = new Map<string, { readonly key: string }>();
    let made = 0;
    const make = (key: string) => ({ key, n: ++made });
    const a = memo(map, 'a', make);
    expect(memo(map, 'a', make)).toBe(a);
    expect(memo(map, 'b', make)).not.toBe(a);
    expect(made).toBe(2);
    expect(map.get('a')).toBe(a);
  });

  it('one getelementptr record per element type and index, holding both', () => {
    const shared = new SharedAttributes();
    const bytes3 = shared.gep(i8, 3);
    expect(shared.gep(i8, 3)).toBe(bytes3);
    expect(bytes3).toEqual({ rawConstantIndices: { kind: 'dense', width: 32, values: [3] }, elem_type: { kind: 'type', type: i8 } });
    expect(shared.gep(i8, 4)).not.toBe(bytes3);
    expect(shared.gep(i32, 3)).not.toBe(bytes3);
    const dynamic = shared.gep(ptr, DYNAMIC_INDEX);
    expect(dynamic.rawConstantIndices).toEqual({ kind: 'dense', width: 32, values: [DYNAMIC_INDEX] });
    expect(shared.gep(ptr, DYNAMIC_INDEX)).toBe(dynamic);
  });

  it('calls of one callee share their record, other callees and constants of other types do not', () => {
    const shared = new SharedAttributes();
    expect(shared.callee('f')).toBe(shared.callee('f'));
    expect(shared.callee('f')).not.toBe(shared.callee('g'));
    expect(shared.constant(i32, 1)).toBe(shared.constant(i32, 1n));
    expect(shared.constant(i32, 1)).not.toBe(shared.constant(i64, 1));
  });
});
