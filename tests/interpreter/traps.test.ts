/**
 * Runtime errors in compiled programs: each stops the program with exit code 70 and one line
 * naming the F# location of the op that failed (from the op's `loc`, or its place in the .mlir
 * text), the allocation and the offset; never a JS stack trace. A descriptor the program does not
 * own is not an error: the call answers -1, as in C.
 */
import { describe, expect, it } from 'vitest';
import { opSpecs } from '../../compiler/alex/ir/index.js';
import { MODULE_LEVEL_OPS, opTable } from '../../runtime/interpreter/index.js';
import { runText } from './harness.js';

const STR = '!llvm.struct<(ptr, i64)>';

describe('traps carry the F# location of the failing op', () => {
  it('out-of-bounds read of a Region.alloc buffer', async () => {
    const r = await runText(`module {
  llvm.func @fidelity_region_create(i32) -> !llvm.ptr
  llvm.func @fidelity_region_alloc(!llvm.ptr, i64, i64) -> !llvm.ptr
  func.func @main() -> i32 {
    %one = arith.constant 1 : i32
    %region = llvm.call @fidelity_region_create(%one) : (i32) -> !llvm.ptr loc("samples/X.fs":4:18)
    %n = arith.constant 4096 : i64
    %a = arith.constant 1 : i64
    %buf = llvm.call @fidelity_region_alloc(%region, %n, %a) : (!llvm.ptr, i64, i64) -> !llvm.ptr loc("samples/X.fs":5:15)
    %i = arith.constant 4096 : i32
    %p = llvm.getelementptr %buf[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i8 loc("samples/X.fs":12:9)
    %v = llvm.load %p : !llvm.ptr -> i8 loc("samples/X.fs":12:9)
    %r = arith.extui %v : i8 to i32
    func.return %r : i32
  }
}`);
    expect(r.code).toBe(70);
    expect(r.stderr).toBe(
      'samples/X.fs(12,9): runtime error: out-of-bounds read of 1 byte at offset 4096 of Region.alloc 4096 bytes in region #1 (samples/X.fs(5,15)) (valid offsets 0..4095)\n',
    );
  });

  it('a write after Region.release names the release', async () => {
    const r = await runText(`module {
  llvm.func @fidelity_region_create(i32) -> !llvm.ptr
  llvm.func @fidelity_region_alloc(!llvm.ptr, i64, i64) -> !llvm.ptr
  llvm.func @fidelity_region_release(!llvm.ptr)
  func.func @main() -> i32 {
    %one = arith.constant 1 : i32
    %region = llvm.call @fidelity_region_create(%one) : (i32) -> !llvm.ptr loc("R.fs":3:18)
    %n = arith.constant 16 : i64
    %a = arith.constant 1 : i64
    %buf = llvm.call @fidelity_region_alloc(%region, %n, %a) : (!llvm.ptr, i64, i64) -> !llvm.ptr loc("R.fs":4:15)
    llvm.call @fidelity_region_release(%region) : (!llvm.ptr) -> () loc("R.fs":5:5)
    %b = arith.constant 7 : i8
    llvm.store %b, %buf : i8, !llvm.ptr loc("R.fs":6:5)
    %z = arith.constant 0 : i32
    func.return %z : i32
  }
}`);
    expect(r.code).toBe(70);
    expect(r.stderr).toBe(
      'R.fs(6,5): runtime error: use after release: write of 1 byte at offset 0 of Region.alloc 16 bytes in region #1 (R.fs(4,15)), released by Region.release of region #1 (R.fs(5,5))\n',
    );
  });

  it('without loc(...), the location is the op\'s place in the .mlir text', async () => {
    const r = await runText(`module {
  func.func @main() -> i32 {
    %z = arith.constant 0 : i32
    %p = llvm.mlir.zero : !llvm.ptr
    %v = llvm.load %p : !llvm.ptr -> i32
    func.return %v : i32
  }
}`);
    expect(r.stderr).toBe('test.mlir(5,5): runtime error: null pointer read of 4 bytes at offset 0\n');
    expect(r.code).toBe(70);
  });

  it('llvm.unreachable and an incomplete match stop the program at their locations', async () => {
    const unreachable = await runText(`module {
  func.func @main() -> i32 {
    llvm.unreachable loc("M.fs":9:1)
  }
}`);
    expect(unreachable.stderr).toBe('M.fs(9,1): runtime error: reached llvm.unreachable: control flow the compiler said was impossible\n');
    const match = await runText(`module {
  llvm.func @fidelity_match_failure(${STR}, i32, i32)
  llvm.mlir.global internal constant @str0("M.fs") {addr_space = 0 : i32}
  func.func @main() -> i32 {
    %p = llvm.mlir.addressof @str0 : !llvm.ptr
    %n = arith.constant 4 : i64
    %u = llvm.mlir.undef : ${STR}
    %s0 = llvm.insertvalue %p, %u[0] : ${STR}
    %s = llvm.insertvalue %n, %s0[1] : ${STR}
    %l = arith.constant 14 : i32
    %c = arith.constant 5 : i32
    llvm.call @fidelity_match_failure(%s, %l, %c) : (${STR}, i32, i32) -> () loc("M.fs":20:1)
    llvm.unreachable
  }
}`);
    expect(match.code).toBe(70);
    expect(match.stderr).toBe('M.fs(14,5): runtime error: Microsoft.FSharp.Core.MatchFailureException: The match cases were incomplete at M.fs(14,5)\n');
  });

  it('a descriptor the program does not own gives -1, not a trap', async () => {
    const r = await runText(`module {
  llvm.func @write(i32, !llvm.ptr, i64) -> i64
  llvm.func @close(i32) -> i32
  func.func @main() -> i32 {
    %fd = arith.constant 7 : i32
    %n = arith.constant 1 : i64
    %buf = llvm.alloca %n x i8 : (i64) -> !llvm.ptr
    %w = llvm.call @write(%fd, %buf, %n) : (i32, !llvm.ptr, i64) -> i64
    %c = llvm.call @close(%fd) : (i32) -> i32
    %w32 = arith.trunci %w : i64 to i32
    %r = arith.addi %w32, %c : i32
    %k = arith.constant 100 : i32
    %out = arith.addi %r, %k : i32
    func.return %out : i32
  }
}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(98);
  });

  it('a call to a symbol that is neither defined nor a service is reported before the program starts', async () => {
    const r = await runText(`module {
  llvm.func @frobnicate(i32) -> i32
  func.func @main() -> i32 {
    %z = arith.constant 0 : i32
    %r = llvm.call @frobnicate(%z) : (i32) -> i32 loc("F.fs":2:3)
    func.return %r : i32
  }
}`);
    expect(r.code).toBe(70);
    expect(r.stderr).toBe('F.fs(2,3): runtime error: call to @frobnicate, which is neither defined in the module nor a runtime service\n');
  });
});

describe('the op table', () => {
  it('compiles every op of the IR except the top-level symbol definitions', () => {
    const missing = opSpecs.map((s) => s.name).filter((n) => !MODULE_LEVEL_OPS.has(n) && !opTable.has(n));
    expect(missing).toEqual([]);
    expect([...MODULE_LEVEL_OPS].every((n) => opSpecs.some((s) => s.name === n))).toBe(true);
  });
});
