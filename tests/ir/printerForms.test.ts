/**
 * The printer prints any op the IR can hold, also ones the verifier rejects: an unknown op, and
 * ops of the table missing operands, results or attributes print placeholders (`<<missing operand>>`,
 * `<<missing type>>`, `<<missing attribute>>`) where the piece would be. The expected texts are what
 * the printer printed before its op forms were generated as code (`formPrinter.ts`).
 */
import { describe, expect, it } from 'vitest';
import { attr, i1, i32, i64, printOp, ptr, type MlirType, type Operation, type Value } from '../../compiler/alex/ir/index.js';

const L = { file: 'P.fs', line: 1, col: 1 };
const op = (name: string, operands: Value[], results: Value[], attributes: Operation['attributes'] = {}): Operation => ({ name, operands, results, attributes, regions: [], successors: [], loc: L });
const arg = (type: MlirType = i32, index = 0): Value => ({ def: 'arg', index, type });
const res = (type: MlirType = i32): Value => ({ def: 'result', index: 0, type });
const printed = (o: Operation): string => printOp(o);

describe('printing ops the verifier rejects', () => {
  it('an unknown op', () => {
    expect(printed(op('foo.bar', [arg()], [res()]))).toBe('%0 = foo.bar <<unknown op>>\n');
  });
  it('missing operands and the types read from them', () => {
    expect(printed(op('llvm.load', [], [res()]))).toBe('%0 = llvm.load <<missing operand>> : <<missing type>> -> i32\n');
    expect(printed(op('llvm.load', [arg(ptr)], []))).toBe('llvm.load %arg0 : !llvm.ptr -> <<missing type>>\n');
    expect(printed(op('llvm.store', [arg()], []))).toBe('llvm.store %arg0 : i32, <<missing type>>\n');
    expect(printed(op('arith.addi', [], [res(i64)]))).toBe('%0 = arith.addi  : i64\n');
    expect(printed(op('arith.addi', [], []))).toBe('arith.addi  : <<missing type>>\n');
  });
  it('missing attributes', () => {
    expect(printed(op('func.call', [arg()], [res()]))).toBe('%0 = func.call <<missing attribute>>(%arg0) : (i32) -> i32\n');
    expect(printed(op('arith.cmpi', [arg(), arg()], [res(i1)]))).toBe('%0 = arith.cmpi <<missing attribute>>, %arg0, %arg1 : i32\n');
    expect(printed(op('llvm.extractvalue', [arg()], [res()]))).toBe('%0 = llvm.extractvalue %arg0<<missing attribute>> : i32\n');
    expect(printed(op('llvm.alloca', [arg()], [res(ptr)]))).toBe('%0 = llvm.alloca %arg0 x <<missing attribute>> : (i32) -> !llvm.ptr\n');
    expect(printed(op('llvm.mlir.addressof', [], [res(ptr)], { global_name: attr.int(1, i32) }))).toBe('%0 = llvm.mlir.addressof <<missing attribute>> : !llvm.ptr\n');
  });
  it('calls with no result and with several', () => {
    expect(printed(op('llvm.call', [], [], { callee: attr.symbol('f') }))).toBe('llvm.call @f() : () -> ()\n');
    expect(printed(op('func.call', [arg()], [res(), res(i1)], { callee: attr.symbol('g') }))).toBe('%0:2 = func.call @g(%arg0) : (i32) -> (i32, i1)\n');
  });
});
