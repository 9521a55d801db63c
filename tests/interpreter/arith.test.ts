/**
 * Integer semantics of the compiled code, op by op and width by width: wrap-around, signed and
 * unsigned division and remainder (with .NET's traps), shifts, comparisons, casts and select.
 * Each case compiles a one-op function from MLIR text and calls it with values in the runtime's
 * conventions (i8/i16 unsigned numbers, i32 signed numbers, i64 bigints).
 */
import { describe, expect, it } from 'vitest';
import { compileModule, instantiate } from '../../runtime/interpreter/index.js';
import { createServiceContext } from '../../runtime/services/context.js';
import type { Value } from '../../runtime/values.js';
import { Capture, parse } from './harness.js';
import { trapOf } from '../support/traps.js';

/** `@f(%a: T, %b: T) -> R` computing `line` (which defines `%r`), compiled and instantiated. */
function compile(params: string, result: string, line: string): (...args: Value[]) => Value {
  const m = parse(`module {
  func.func @f(${params}) -> ${result} {
    ${line} loc("Arith.fs":7:13)
    func.return %r : ${result}
  }
}
`);
  const ctx = createServiceContext({ stdout: new Capture(), stderr: new Capture() });
  return instantiate(compileModule(m), ctx).functions['f'] as (...args: Value[]) => Value;
}

const bin = (op: string, t: string) => compile(`%a: ${t}, %b: ${t}`, t, `%r = arith.${op} %a, %b : ${t}`);


describe('wrap-around per width', () => {
  it.each([
    ['addi', 'i8', 250, 10, 4],
    ['subi', 'i8', 3, 5, 254],
    ['muli', 'i8', 16, 17, 16],
    ['addi', 'i16', 65535, 2, 1],
    ['muli', 'i16', 300, 300, 24464],
    ['addi', 'i32', 2147483647, 1, -2147483648],
    ['subi', 'i32', -2147483648, 1, 2147483647],
    ['muli', 'i32', 65536, 65536, 0],
    ['muli', 'i32', 123456789, 987654321, -67153019],
    ['addi', 'i1', 1, 1, 0],
    ['xori', 'i1', 1, 1, 0],
    ['andi', 'i8', 0xf0, 0x3c, 0x30],
    ['ori', 'i16', 0xf000, 0x0f0f, 0xff0f],
    ['xori', 'i32', -1, 0x0f0f0f0f, -252645136],
  ] as const)('%s : %s  %d, %d -> %d', (op, t, a, b, want) => {
    expect(bin(op, t)(a, b)).toBe(want);
  });

  it.each([
    ['addi', 9223372036854775807n, 1n, -9223372036854775808n],
    ['subi', -9223372036854775808n, 1n, 9223372036854775807n],
    ['muli', 4294967296n, 4294967296n, 0n],
    ['muli', -3n, 5n, -15n],
    ['xori', -1n, 0xffn, -256n],
  ] as const)('%s : i64  %d, %d -> %d', (op, a, b, want) => {
    expect(bin(op, 'i64')(a, b)).toBe(want);
  });
});

describe('division and remainder', () => {
  it.each([
    ['divsi', 'i32', -7, 2, -3],
    ['remsi', 'i32', -7, 2, -1],
    ['divui', 'i32', -1, 2, 2147483647],
    ['remui', 'i32', -1, 10, 5],
    ['divsi', 'i8', 0xf9, 2, 0xfd], // -7 / 2 = -3
    ['remsi', 'i8', 0xf9, 2, 0xff], // -7 % 2 = -1
    ['divui', 'i8', 0xf9, 2, 124],
    ['divsi', 'i16', 0x8000, 2, 0xc000],
  ] as const)('%s : %s  %d, %d -> %d', (op, t, a, b, want) => {
    expect(bin(op, t)(a, b)).toBe(want);
  });

  it.each([
    ['divsi', -9223372036854775807n, 2n, -4611686018427387903n],
    ['remsi', -7n, 2n, -1n],
    ['divui', -1n, 2n, 9223372036854775807n],
    ['remui', -1n, 10n, 5n],
  ] as const)('%s : i64  %d, %d -> %d', (op, a, b, want) => {
    expect(bin(op, 'i64')(a, b)).toBe(want);
  });

  it('traps on division by zero like .NET, with the F# location', () => {
    for (const [op, t, zero] of [['divsi', 'i32', 0], ['remui', 'i32', 0], ['divsi', 'i8', 0], ['divsi', 'i64', 0n], ['remui', 'i64', 0n]] as const) {
      const t1 = trapOf(() => bin(op, t)(typeof zero === 'bigint' ? 5n : 5, zero));
      expect(t1.code).toBe('divide-by-zero');
      expect(t1.render()).toBe('Arith.fs(7,13): runtime error: System.DivideByZeroException: Attempted to divide by zero.');
    }
  });

  it('traps on MIN / -1 and MIN % -1 (overflow), as .NET does', () => {
    expect(trapOf(() => bin('divsi', 'i32')(-2147483648, -1)).message).toContain('System.OverflowException');
    expect(trapOf(() => bin('remsi', 'i32')(-2147483648, -1)).code).toBe('overflow');
    expect(trapOf(() => bin('divsi', 'i64')(-9223372036854775808n, -1n)).code).toBe('overflow');
    expect(trapOf(() => bin('divsi', 'i8')(0x80, 0xff)).code).toBe('overflow');
  });
});

describe('shifts', () => {
  it.each([
    ['shli', 'i32', 1, 31, -2147483648],
    ['shrsi', 'i32', -16, 2, -4],
    ['shrui', 'i32', -16, 28, 15],
    ['shli', 'i8', 0x81, 1, 0x02],
    ['shrsi', 'i8', 0x80, 3, 0xf0],
    ['shrui', 'i8', 0x80, 3, 0x10],
    ['shrsi', 'i16', 0x8000, 15, 0xffff],
    ['shli', 'i32', 1, 33, 2], // counts are masked to the width, as .NET does
    ['shli', 'i8', 1, 9, 2],
  ] as const)('%s : %s  %d, %d -> %d', (op, t, a, b, want) => {
    expect(bin(op, t)(a, b)).toBe(want);
  });

  it('shifts i64 bigints with wrap-around', () => {
    expect(bin('shli', 'i64')(1n, 63n)).toBe(-9223372036854775808n);
    expect(bin('shrsi', 'i64')(-9223372036854775808n, 63n)).toBe(-1n);
    expect(bin('shrui', 'i64')(-9223372036854775808n, 63n)).toBe(1n);
  });
});

describe('comparisons', () => {
  const cmp = (pred: string, t: string) => compile(`%a: ${t}, %b: ${t}`, 'i1', `%r = arith.cmpi ${pred}, %a, %b : ${t}`);
  it.each([
    ['slt', 'i32', -1, 1, 1],
    ['ult', 'i32', -1, 1, 0],
    ['ugt', 'i32', -1, 1, 1],
    ['sge', 'i32', 5, 5, 1],
    ['slt', 'i8', 0xff, 1, 1],
    ['ult', 'i8', 0xff, 1, 0],
    ['sgt', 'i16', 0x7fff, 0x8000, 1],
    ['eq', 'i8', 3, 3, 1],
    ['ne', 'i32', 3, 3, 0],
    ['sle', 'i1', 1, 0, 1], // true is -1 signed
  ] as const)('%s : %s  %d, %d -> %d', (pred, t, a, b, want) => {
    expect(cmp(pred, t)(a, b)).toBe(want);
  });

  it('compares i64 signed and unsigned', () => {
    expect(cmp('slt', 'i64')(-1n, 0n)).toBe(1);
    expect(cmp('ult', 'i64')(-1n, 0n)).toBe(0);
    expect(cmp('uge', 'i64')(-1n, 9223372036854775807n)).toBe(1);
  });
});

describe('casts and select', () => {
  const cast = (op: string, from: string, to: string) => compile(`%a: ${from}`, to, `%r = arith.${op} %a : ${from} to ${to}`);
  it.each([
    ['extsi', 'i8', 'i32', 0xff, -1],
    ['extui', 'i8', 'i32', 0xff, 255],
    ['extsi', 'i1', 'i32', 1, -1],
    ['extsi', 'i8', 'i16', 0x80, 0xff80],
    ['extui', 'i32', 'i64', -1, 4294967295n],
    ['extsi', 'i32', 'i64', -1, -1n],
    ['extsi', 'i16', 'i64', 0x8000, -32768n],
    ['trunci', 'i64', 'i32', 4294967295n, -1],
    ['trunci', 'i64', 'i8', -1n, 255],
    ['trunci', 'i32', 'i8', 0x1234, 0x34],
    ['trunci', 'i32', 'i1', 3, 1],
    ['trunci', 'i64', 'i16', 0x12345n, 0x2345],
  ] as const)('%s %s to %s  %s -> %s', (op, from, to, a, want) => {
    expect(cast(op, from, to)(a)).toBe(want);
  });

  it('selects', () => {
    const sel = compile('%c: i1, %a: i64, %b: i64', 'i64', '%r = arith.select %c, %a, %b : i64');
    expect(sel(1, 5n, 6n)).toBe(5n);
    expect(sel(0, 5n, 6n)).toBe(6n);
  });
});
