/**
 * Control flow, calls and memory in compiled programs: scf.if with results, scf.while with
 * loop-carried values, cf blocks with arguments (including a swap, which needs parallel
 * assignment), recursion, structs in SSA and in memory (placed by layout.ts), and stack frames
 * whose allocations die when their function returns.
 */
import { describe, expect, it } from 'vitest';
import { i32, i64, ModuleBuilder, type Loc } from '../../compiler/alex/ir/index.js';
import { mainReturning, run, runText } from './harness.js';

describe('structured control flow', () => {
  it('scf.if yields results from either branch', async () => {
    const r = await runText(`module {
  func.func @pick(%c: i1) -> (i32, i64) {
    %r:2 = scf.if %c -> (i32, i64) {
      %a = arith.constant 1 : i32
      %b = arith.constant 10 : i64
      scf.yield %a, %b : i32, i64
    } else {
      %a = arith.constant 2 : i32
      %b = arith.constant 20 : i64
      scf.yield %a, %b : i32, i64
    }
    func.return %r#0, %r#1 : i32, i64
  }
  func.func @main() -> i32 {
    %t = arith.constant true
    %f = arith.constant false
    %x:2 = func.call @pick(%t) : (i1) -> (i32, i64)
    %y:2 = func.call @pick(%f) : (i1) -> (i32, i64)
    %s = arith.addi %x#0, %y#0 : i32
    %w = arith.addi %x#1, %y#1 : i64
    %w32 = arith.trunci %w : i64 to i32
    %r = arith.muli %s, %w32 : i32
    func.return %r : i32
  }
}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(3 * 30);
  });

  it('scf.while carries values around the loop and out as results', async () => {
    // Fibonacci by a while loop whose yield swaps its carried values: fib(20) = 6765.
    const r = await runText(mainReturning(`
    %zero = arith.constant 0 : i32
    %one = arith.constant 1 : i32
    %n = arith.constant 20 : i32
    %r:3 = scf.while (%i = %zero, %a = %zero, %b = %one) : (i32, i32, i32) -> (i32, i32, i32) {
      %more = arith.cmpi slt, %i, %n : i32
      scf.condition(%more) %i, %a, %b : i32, i32, i32
    } do {
    ^bb0(%i2: i32, %a2: i32, %b2: i32):
      %next = arith.addi %i2, %one : i32
      %sum = arith.addi %a2, %b2 : i32
      scf.yield %next, %b2, %sum : i32, i32, i32
    }`, '%r#1'));
    expect(r.code).toBe(6765);
  });

  it('a while loop that passes a loop variable on to another position keeps the old value', async () => {
    // (a, b) -> (b, a) three times: the yield reads the before-region values as passed on.
    const r = await runText(mainReturning(`
    %zero = arith.constant 0 : i32
    %one = arith.constant 1 : i32
    %seven = arith.constant 7 : i32
    %three = arith.constant 3 : i32
    %r:3 = scf.while (%i = %zero, %a = %one, %b = %seven) : (i32, i32, i32) -> (i32, i32, i32) {
      %more = arith.cmpi slt, %i, %three : i32
      scf.condition(%more) %i, %a, %b : i32, i32, i32
    } do {
    ^bb0(%i2: i32, %a2: i32, %b2: i32):
      %next = arith.addi %i2, %one : i32
      scf.yield %next, %b2, %a2 : i32, i32, i32
    }
    %ten = arith.constant 10 : i32
    %hi = arith.muli %r#1, %ten : i32
    %both = arith.addi %hi, %r#2 : i32`, '%both'));
    expect(r.code).toBe(71);
  });
});

describe('cf blocks', () => {
  it('passes block arguments in parallel, even when they swap', async () => {
    const r = await runText(`module {
  func.func @main() -> i32 {
    %zero = arith.constant 0 : i32
    %one = arith.constant 1 : i32
    %n = arith.constant 10 : i32
    cf.br ^bb1(%zero, %zero, %one : i32, i32, i32)
  ^bb1(%i: i32, %a: i32, %b: i32):
    %done = arith.cmpi sge, %i, %n : i32
    cf.cond_br %done, ^bb3(%a : i32), ^bb2
  ^bb2:
    %i2 = arith.addi %i, %one : i32
    %s = arith.addi %a, %b : i32
    cf.br ^bb1(%i2, %b, %s : i32, i32, i32)
  ^bb3(%r: i32):
    func.return %r : i32
  }
}`);
    expect(r.code).toBe(55);
    expect(r.js).toContain('switch (bb)');
  });
});

describe('calls', () => {
  it('recurses (i64 factorial of 20)', async () => {
    const r = await runText(`module {
  func.func @fact(%n: i64) -> i64 {
    %one = arith.constant 1 : i64
    %base = arith.cmpi sle, %n, %one : i64
    %r = scf.if %base -> (i64) {
      scf.yield %one : i64
    } else {
      %m = arith.subi %n, %one : i64
      %f = func.call @fact(%m) : (i64) -> i64
      %p = arith.muli %n, %f : i64
      scf.yield %p : i64
    }
    func.return %r : i64
  }
  func.func @main() -> i32 {
    %n = arith.constant 20 : i64
    %f = func.call @fact(%n) : (i64) -> i64
    %expected = arith.constant 2432902008176640000 : i64
    %ok = arith.cmpi eq, %f, %expected : i64
    %r = arith.extui %ok : i1 to i32
    func.return %r : i32
  }
}`);
    expect(r.code).toBe(1);
  });

  it('reports runaway recursion as a stack overflow, exit 70, no JS stack trace', async () => {
    const r = await runText(`module {
  func.func @down(%n: i32) -> i32 {
    %r = func.call @down(%n) : (i32) -> i32
    func.return %r : i32
  }
  func.func @main() -> i32 {
    %z = arith.constant 0 : i32
    %r = func.call @down(%z) : (i32) -> i32
    func.return %r : i32
  }
}`);
    expect(r.code).toBe(70);
    expect(r.stderr).toBe('runtime error: System.StackOverflowException: the call stack overflowed (recursion too deep)\n');
  });
});

describe('structs and memory', () => {
  it('builds structs with insertvalue and reads them back with extractvalue, nested too', async () => {
    const r = await runText(mainReturning(`
    %u = llvm.mlir.undef : !llvm.struct<(i32, struct<(i8, i64)>)>
    %a = arith.constant 5 : i32
    %b = arith.constant 7 : i8
    %s1 = llvm.insertvalue %a, %u[0] : !llvm.struct<(i32, struct<(i8, i64)>)>
    %s2 = llvm.insertvalue %b, %s1[1, 0] : !llvm.struct<(i32, struct<(i8, i64)>)>
    %s3 = llvm.insertvalue %a, %s1[0] : !llvm.struct<(i32, struct<(i8, i64)>)>
    %x = llvm.extractvalue %s2[0] : !llvm.struct<(i32, struct<(i8, i64)>)>
    %y = llvm.extractvalue %s2[1, 0] : !llvm.struct<(i32, struct<(i8, i64)>)>
    %y32 = arith.extui %y : i8 to i32
    %z = llvm.extractvalue %s3[1, 0] : !llvm.struct<(i32, struct<(i8, i64)>)>
    %z32 = arith.extui %z : i8 to i32
    %t = arith.addi %x, %y32 : i32
    %r = arith.addi %t, %z32 : i32`, '%r'));
    expect(r.code).toBe(12); // s1 was not changed by the insert that made s2
  });

  it('stores and loads structs at layout.ts offsets, and indexes arrays of them with GEP', async () => {
    const r = await runText(mainReturning(`
    %two = arith.constant 2 : i64
    %arr = llvm.alloca %two x !llvm.struct<(i8, i64)> : (i64) -> !llvm.ptr
    %u = llvm.mlir.undef : !llvm.struct<(i8, i64)>
    %b = arith.constant 200 : i8
    %n = arith.constant -3 : i64
    %s1 = llvm.insertvalue %b, %u[0] : !llvm.struct<(i8, i64)>
    %s2 = llvm.insertvalue %n, %s1[1] : !llvm.struct<(i8, i64)>
    %one = arith.constant 1 : i32
    %p1 = llvm.getelementptr %arr[%one] : (!llvm.ptr, i32) -> !llvm.ptr, !llvm.struct<(i8, i64)>
    llvm.store %s2, %p1 : !llvm.struct<(i8, i64)>, !llvm.ptr
    %f = llvm.getelementptr %arr[1, 1] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i8, i64)>
    %lo = llvm.load %f : !llvm.ptr -> i64
    %raw = llvm.getelementptr %arr[16] : (!llvm.ptr) -> !llvm.ptr, i8
    %byte = llvm.load %raw : !llvm.ptr -> i8
    %back = llvm.load %p1 : !llvm.ptr -> !llvm.struct<(i8, i64)>
    %bb = llvm.extractvalue %back[0] : !llvm.struct<(i8, i64)>
    %same = arith.cmpi eq, %bb, %byte : i8
    %lo32 = arith.trunci %lo : i64 to i32
    %same32 = arith.extui %same : i1 to i32
    %r0 = arith.muli %lo32, %same32 : i32
    %r = arith.subi %one, %r0 : i32`, '%r'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(4); // 1 - (-3 * 1): element 1 starts at byte 16, its i64 field at 16 + 8
  });
});

describe('stack frames', () => {
  const at = (line: number): Loc => ({ file: 'Frames.fs', line, col: 5 });

  /** `@leak` returns a pointer to its own stack buffer; main reads through it after the return. */
  function leakModule() {
    const mb = new ModuleBuilder(at(1));
    const leak = mb.defineFunc('leak', [], [{ kind: 'ptr' }], at(2));
    const four = leak.constant(i64, 4, at(3));
    const buf = leak.alloca(four, i32, at(3));
    leak.ret([buf], at(4));
    const main = mb.defineFunc('main', [], [i32], at(6));
    const p = main.call('leak', [], [{ kind: 'ptr' }], at(7))[0]!;
    const v = main.load(p, i32, at(8));
    main.ret([v], at(9));
    return mb.finish();
  }

  it('frees a function\'s allocas when it returns: a later read is a located use-after-release', async () => {
    const r = await run(leakModule());
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^Frames\.fs\(8,5\): runtime error: use after release: read of 4 bytes at offset 0 of stackalloc<i32> 16 bytes in frame #\d+ of leak \(Frames\.fs\(3,5\)\), released by return from leak/);
    expect(r.ctx.memory.frameDepth).toBe(0);
    expect(r.ctx.memory.stats().byKind.stack).toBe(0);
  });

  it('pops frames when a trap unwinds through them', async () => {
    const r = await runText(`module {
  func.func @inner() -> i8 {
    %n = arith.constant 4 : i32
    %buf = llvm.alloca %n x i8 : (i32) -> !llvm.ptr
    %p = llvm.getelementptr %buf[4] : (!llvm.ptr) -> !llvm.ptr, i8
    %v = llvm.load %p : !llvm.ptr -> i8 loc("Frames.fs":12:9)
    func.return %v : i8
  }
  func.func @main() -> i32 {
    %n = arith.constant 8 : i32
    %buf = llvm.alloca %n x i8 : (i32) -> !llvm.ptr
    %v = func.call @inner() : () -> i8
    %r = arith.extui %v : i8 to i32
    func.return %r : i32
  }
}`);
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^Frames\.fs\(12,9\): runtime error: out-of-bounds read of 1 byte at offset 4 of stackalloc<i8> 4 bytes in frame #2 of inner/);
    expect(r.ctx.memory.frameDepth).toBe(0);
  });
});
