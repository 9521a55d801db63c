/**
 * The seed's section 5 is the contract (spec/mlir.md): `golden/section5.mlir` holds its sequence as
 * the spec writes it, and the F# function of `tests/fixtures/section5.fs` that writes a text-frame
 * header with a 50-byte payload must lower to that sequence, op for op, as one contiguous run (SSA
 * names free). Variants show the shape comes from the general lowering of `NativePtr.stackalloc`,
 * `NativePtr.set` and `Sys.write`, not from a case for one function.
 */
import { describe, expect, it } from 'vitest';
import { findRunModuloNames, mismatchModuloNames } from '../ir/matchOps.js';
import { compileFile, compileMlir, expectRun, functionHeader, functionOps, parameterNames, readRoot } from './support.js';

const FIXTURE = 'tests/fixtures/section5.fs';
const GOLDEN = readRoot('golden/section5.mlir');

/** The contract: the ops of the golden file's @writeTextHeader50, without its `func.return`. */
const contract = functionOps(GOLDEN, 'writeTextHeader50').filter((op) => op !== 'func.return');
const contractParams = parameterNames(functionHeader(GOLDEN, 'writeTextHeader50'));

/** The ops of `@name` in `mlir`, and its parameters bound to the contract's `%client`, `%payload`. */
function compiled(mlir: string, name: string): { ops: string[]; given: Map<string, string> } {
  const params = parameterNames(functionHeader(mlir, name));
  return { ops: functionOps(mlir, name), given: new Map(contractParams.map((p, i) => [p, params[i]!])) };
}

/** `module Variant` with one function around the given body lines. */
const variant = (signature: string, ...body: string[]): string =>
  ['module Variant', '', `let ${signature} =`, ...body.map((l) => `    ${l}`), '', '[<EntryPoint>]', 'let main _ = 0', ''].join('\n');

describe('golden/section5.mlir', () => {
  it("holds spec/mlir.md's nine ops and its %c2, %c50 constants, in the spec's order and names", () => {
    expect(contract).toEqual([
      '%c2 = arith.constant 2 : i64',
      '%header = llvm.alloca %c2 x i8 : (i64) -> !llvm.ptr',
      '%b0 = arith.constant 0x81 : i8',
      '%h0 = llvm.getelementptr %header[0] : (!llvm.ptr) -> !llvm.ptr, i8',
      'llvm.store %b0, %h0 : i8, !llvm.ptr',
      '%b1 = arith.constant 50 : i8',
      '%h1 = llvm.getelementptr %header[1] : (!llvm.ptr) -> !llvm.ptr, i8',
      'llvm.store %b1, %h1 : i8, !llvm.ptr',
      '%r0 = llvm.call @write(%client, %header, %c2) : (i32, !llvm.ptr, i64) -> i64',
      '%c50 = arith.constant 50 : i64',
      '%r1 = llvm.call @write(%client, %payload, %c50) : (i32, !llvm.ptr, i64) -> i64',
    ]);
    expect(contractParams).toEqual(['%client', '%payload']);
  });
});

describe('the fixture tests/fixtures/section5.fs', () => {
  const mlir = compileFile(FIXTURE);

  it('@writeTextHeader50 takes the client fd and the payload pointer', () => {
    expect(functionHeader(mlir, 'writeTextHeader50')).toBe('func.func @writeTextHeader50(%arg0: i32, %arg1: !llvm.ptr) {');
  });

  it('@writeTextHeader50 contains the section-5 sequence as one contiguous run, in order', () => {
    const { ops, given } = compiled(mlir, 'writeTextHeader50');
    expectRun(contract, ops, given);
  });

  it('the body is exactly the sequence and the return: nothing is inserted into it or left over', () => {
    const { ops, given } = compiled(mlir, 'writeTextHeader50');
    expect(mismatchModuloNames([...contract, 'func.return'], ops, given)).toBeUndefined();
  });

  it('with --debug-info, each op of the sequence points at the F# line that produced it', () => {
    const ops = functionOps(compileFile(FIXTURE, true), 'writeTextHeader50');
    const lineOf = (op: string): number => Number(/loc\("tests\/fixtures\/section5\.fs":(\d+):\d+\)$/.exec(op)?.[1]);
    const source = readRoot(FIXTURE).split('\n');
    const code = (op: string): string => source[lineOf(op) - 1]!.trim();
    expect(ops.slice(0, 11).map(code)).toEqual([
      'let header = NativePtr.stackalloc<byte> 2',
      'let header = NativePtr.stackalloc<byte> 2',
      'NativePtr.set header 0 0x81uy',
      'NativePtr.set header 0 0x81uy',
      'NativePtr.set header 0 0x81uy',
      'NativePtr.set header 1 50uy',
      'NativePtr.set header 1 50uy',
      'NativePtr.set header 1 50uy',
      'Sys.write client header 2 |> ignore',
      'Sys.write client payload 50 |> ignore',
      'Sys.write client payload 50 |> ignore',
    ]);
  });

  it('a different header (0x81, 49) is not taken for the contract: the check can fail', () => {
    const other = compileMlir('v.fs', variant(
      'writeTextHeader49 (client: int) (payload: nativeptr<byte>)',
      'let header = NativePtr.stackalloc<byte> 2',
      'NativePtr.set header 0 0x81uy',
      'NativePtr.set header 1 49uy',
      'Sys.write client header 2 |> ignore',
      'Sys.write client payload 49 |> ignore',
    ));
    const { ops, given } = compiled(other.text!, 'writeTextHeader49');
    expect(findRunModuloNames(contract, ops, given)).toBe(-1);
  });
});

describe('the shape comes from the general lowering', () => {
  it('a binary frame of 125 bytes (0x82, 125), with other names, gives the same ops with its constants', () => {
    const out = compileMlir('v.fs', variant(
      'sendBinary (fd: int) (data: nativeptr<byte>)',
      'let h = NativePtr.stackalloc<byte> 2',
      'NativePtr.set h 0 0x82uy',
      'NativePtr.set h 1 125uy',
      'Sys.write fd h 2 |> ignore',
      'Sys.write fd data 125 |> ignore',
    ));
    expect(out.rendered).toBe('');
    const expected = contract.map((op) => op
      .replace('arith.constant 0x81 : i8', 'arith.constant 0x82 : i8')
      .replace('arith.constant 50 : i8', 'arith.constant 125 : i8')
      .replace('arith.constant 50 : i64', 'arith.constant 125 : i64'));
    expect(expected.filter((op, i) => op !== contract[i])).toHaveLength(3);
    const { ops, given } = compiled(out.text!, 'sendBinary');
    expectRun(expected, ops, given);
  });

  it('a length known only at run time gives a truncated store and a widened write length instead of constants', () => {
    const out = compileMlir('v.fs', variant(
      'writeTextHeader (client: int) (payload: nativeptr<byte>) (len: int)',
      'let header = NativePtr.stackalloc<byte> 2',
      'NativePtr.set header 0 0x81uy',
      'NativePtr.set header 1 (byte len)',
      'Sys.write client header 2 |> ignore',
      'Sys.write client payload len |> ignore',
    ));
    expect(out.rendered).toBe('');
    const expected = contract.map((op) => op
      .replace('%b1 = arith.constant 50 : i8', '%b1 = arith.trunci %len : i32 to i8')
      .replace('%c50 = arith.constant 50 : i64', '%c50 = arith.extsi %len : i32 to i64'));
    const { ops, given } = compiled(out.text!, 'writeTextHeader');
    given.set('%len', parameterNames(functionHeader(out.text!, 'writeTextHeader'))[2]!);
    expectRun(expected, ops, given);
    expect(ops.join('\n')).not.toContain('arith.constant 50');
  });

  it('a header at a run-time index stores through a dynamic getelementptr', () => {
    const out = compileMlir('v.fs', variant(
      'setAt (p: nativeptr<byte>) (i: int)',
      'NativePtr.set p i 0x81uy',
    ));
    expect(out.rendered).toBe('');
    const { ops } = compiled(out.text!, 'setAt');
    expect(mismatchModuloNames([
      '%b = arith.constant 0x81 : i8',
      '%h = llvm.getelementptr %p[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i8',
      'llvm.store %b, %h : i8, !llvm.ptr',
      'func.return',
    ], ops, new Map([['%p', '%arg0'], ['%i', '%arg1']]))).toBeUndefined();
  });
});
