/**
 * The access plan's fast paths (accessPlan.ts, scalarAccess.ts): a GEP fused into its only load or
 * store still traps with the location, allocation and offset the unfused access would give, and an
 * alloca promoted to a JS variable behaves like the zeroed stack memory it replaces, while one whose
 * pointer escapes stays in memory, checked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileToModule } from '../../compiler/driver/pipeline.js';
import { compileModule } from '../../runtime/interpreter/index.js';
import { carveBuffer, REGION, runText } from './harness.js';

/** A module whose main carves `bytes` from a one-page region and then runs `body` over `%buf`. */
const withBuffer = (bytes: number, body: string, result = '%zero'): string => `module {
${REGION}
  func.func @main() -> i32 {
${carveBuffer(bytes)}
${body}
    func.return ${result} : i32
  }
}`;

describe('a GEP fused into its only access', () => {
  it('is emitted inside the access: no Pointer is made', async () => {
    const r = await runText(withBuffer(16, `    %i = arith.constant 3 : i32
    %v = arith.constant 200 : i8
    %p = llvm.getelementptr %buf[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i8 loc("A.fs":5:9)
    llvm.store %v, %p : i8, !llvm.ptr loc("A.fs":5:9)
    %q = llvm.getelementptr %buf[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i8 loc("A.fs":6:9)
    %w = llvm.load %q : !llvm.ptr -> i8 loc("A.fs":6:9)
    %r = arith.extui %w : i8 to i32`, '%r'));
    expect(r.code).toBe(200);
    expect(r.js).toMatch(/st8at\(v\d+, v\d+, v\d+, loc_\d+\);/);
    expect(r.js).toMatch(/ld8at\(v\d+, v\d+, loc_\d+\)/);
    expect(r.js).not.toContain('new P(');
  });

  it('an out-of-bounds byte read traps at the load with the allocation and the offset', async () => {
    const r = await runText(withBuffer(4096, `    %i = arith.constant 4096 : i32
    %p = llvm.getelementptr %buf[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i8 loc("A.fs":12:9)
    %v = llvm.load %p : !llvm.ptr -> i8 loc("A.fs":12:20)`));
    expect(r.js).toContain('ld8at(');
    expect(r.code).toBe(70);
    expect(r.stderr).toBe(
      'A.fs(12,20): runtime error: out-of-bounds read of 1 byte at offset 4096 of Region.alloc 4096 bytes in region #1 (A.fs(3,15)) (valid offsets 0..4095)\n',
    );
  });

  it('an i32 store that runs off the end by two bytes traps, writing nothing', async () => {
    const r = await runText(withBuffer(8, `    %i = arith.constant 6 : i32
    %v = arith.constant -1 : i32
    %p = llvm.getelementptr %buf[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    llvm.store %v, %p : i32, !llvm.ptr loc("A.fs":7:5)`));
    expect(r.js).toContain('st32at(');
    expect(r.code).toBe(70);
    expect(r.stderr).toBe('A.fs(7,5): runtime error: out-of-bounds write of 4 bytes at offset 6 of Region.alloc 8 bytes in region #1 (A.fs(3,15)) (valid offsets 0..7)\n');
  });

  it('a negative index traps with the negative offset', async () => {
    const r = await runText(withBuffer(8, `    %i = arith.constant -1 : i32
    %p = llvm.getelementptr %buf[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    %v = llvm.load %p : !llvm.ptr -> i8 loc("A.fs":8:5)`));
    expect(r.stderr).toBe('A.fs(8,5): runtime error: out-of-bounds read of 1 byte at offset -1 of Region.alloc 8 bytes in region #1 (A.fs(3,15)) (valid offsets 0..7)\n');
  });

  it('a store after Region.release is a located use-after-release naming the release', async () => {
    const r = await runText(withBuffer(16, `    llvm.call @fidelity_region_release(%region) : (!llvm.ptr) -> () loc("A.fs":9:5)
    %i = arith.constant 2 : i32
    %b = arith.constant 7 : i8
    %p = llvm.getelementptr %buf[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    llvm.store %b, %p : i8, !llvm.ptr loc("A.fs":10:5)`));
    expect(r.js).toContain('st8at(');
    expect(r.code).toBe(70);
    expect(r.stderr).toBe(
      'A.fs(10,5): runtime error: use after release: write of 1 byte at offset 2 of Region.alloc 16 bytes in region #1 (A.fs(3,15)), released by Region.release of region #1 (A.fs(9,5))\n',
    );
  });

  it('a store into a string literal traps as read-only; a fused load through the null pointer as null', async () => {
    const literal = await runText(`module {
  llvm.mlir.global internal constant @str0("hello") {addr_space = 0 : i32}
  func.func @main() -> i32 {
    %s = llvm.mlir.addressof @str0 : !llvm.ptr
    %i = arith.constant 1 : i32
    %b = arith.constant 74 : i8
    %p = llvm.getelementptr %s[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    llvm.store %b, %p : i8, !llvm.ptr loc("L.fs":4:5)
    %z = arith.constant 0 : i32
    func.return %z : i32
  }
}`);
    expect(literal.stderr).toBe('L.fs(4,5): runtime error: write to read-only memory: 1 byte at offset 1 of string literal @str0 "hello" (5 bytes)\n');
    const nil = await runText(`module {
  func.func @main() -> i32 {
    %p = llvm.mlir.zero : !llvm.ptr
    %q = llvm.getelementptr %p[2] : (!llvm.ptr) -> !llvm.ptr, i32
    %v = llvm.load %q : !llvm.ptr -> i32 loc("L.fs":6:5)
    func.return %v : i32
  }
}`);
    expect(nil.stderr).toBe('L.fs(6,5): runtime error: null pointer read of 4 bytes at offset 8\n');
  });

  it('i16, i32 and i64 round-trip through memory little-endian, in the value conventions', async () => {
    const r = await runText(withBuffer(32, `    %c0 = arith.constant 0 : i32
    %c4 = arith.constant 4 : i32
    %c8 = arith.constant 8 : i32
    %h = arith.constant 65535 : i16
    %w = arith.constant -123456789 : i32
    %l = arith.constant -5000000000 : i64
    %p0 = llvm.getelementptr %buf[%c0] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    llvm.store %h, %p0 : i16, !llvm.ptr
    %p4 = llvm.getelementptr %buf[%c4] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    llvm.store %w, %p4 : i32, !llvm.ptr
    %p8 = llvm.getelementptr %buf[%c8] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    llvm.store %l, %p8 : i64, !llvm.ptr
    %q0 = llvm.getelementptr %buf[%c0] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    %h2 = llvm.load %q0 : !llvm.ptr -> i16
    %q4 = llvm.getelementptr %buf[%c4] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    %w2 = llvm.load %q4 : !llvm.ptr -> i32
    %q8 = llvm.getelementptr %buf[%c8] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    %l2 = llvm.load %q8 : !llvm.ptr -> i64
    %b = llvm.getelementptr %buf[%c4] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    %lowByte = llvm.load %b : !llvm.ptr -> i8
    %hOk = arith.cmpi eq, %h2, %h : i16
    %wOk = arith.cmpi eq, %w2, %w : i32
    %lOk = arith.cmpi eq, %l2, %l : i64
    %ok1 = arith.andi %hOk, %wOk : i1
    %ok = arith.andi %ok1, %lOk : i1
    %okI = arith.extui %ok : i1 to i32
    %lowI = arith.extui %lowByte : i8 to i32
    %sh = arith.constant 8 : i32
    %lowS = arith.shli %lowI, %sh : i32
    %out = arith.ori %lowS, %okI : i32
    %m = arith.constant 65535 : i32
    %res = arith.andi %out, %m : i32`, '%res'));
    // -123456789 = 0xF8A432EB: its first byte in memory is 0xEB
    expect(r.stderr).toBe('');
    expect(r.code & 0xff).toBe(1);
    expect(r.js).toContain('st16at(');
    expect(r.js).toContain('ld64at(');
  });
});

describe('a promoted stack cell', () => {
  const counting = `module {
  func.func @sum(%n: i32) -> i32 {
    %one64 = arith.constant 1 : i64
    %acc = llvm.alloca %one64 x i32 : (i64) -> !llvm.ptr loc("C.fs":2:5)
    %i = llvm.alloca %one64 x i32 : (i64) -> !llvm.ptr loc("C.fs":3:5)
    scf.while : () -> () {
      %iv = llvm.load %i : !llvm.ptr -> i32
      %c = arith.cmpi slt, %iv, %n : i32
      scf.condition(%c)
    } do {
      %iv = llvm.load %i : !llvm.ptr -> i32
      %a = llvm.load %acc : !llvm.ptr -> i32
      %a2 = arith.addi %a, %iv : i32
      llvm.store %a2, %acc : i32, !llvm.ptr
      %one = arith.constant 1 : i32
      %next = arith.addi %iv, %one : i32
      llvm.store %next, %i : i32, !llvm.ptr
      scf.yield
    }
    %r = llvm.load %acc : !llvm.ptr -> i32
    func.return %r : i32
  }
  func.func @main() -> i32 {
    %n = arith.constant 10 : i32
    %r = func.call @sum(%n) : (i32) -> i32
    func.return %r : i32
  }
}`;

  it('starts at zero, holds what is stored, and needs no stack frame', async () => {
    const r = await runText(counting);
    expect(r.code).toBe(45);
    const sum = r.js.slice(r.js.indexOf('function fn_sum'), r.js.indexOf('function fn_main'));
    expect(sum).toMatch(/let v\d+ = 0;/);
    expect(sum).not.toContain('alloca(');
    expect(sum).not.toContain('pushFrame');
    expect(r.ctx.memory.stats().byKind.stack).toBe(0);
  });

  it('is hoisted with the values of an unstructured (cf) function and keeps its value across blocks', async () => {
    const r = await runText(`module {
  func.func @main() -> i32 {
    %one64 = arith.constant 1 : i64
    %cell = llvm.alloca %one64 x i32 : (i64) -> !llvm.ptr
    %zero = arith.constant 0 : i32
    cf.br ^loop(%zero : i32)
  ^loop(%i: i32):
    %limit = arith.constant 5 : i32
    %more = arith.cmpi slt, %i, %limit : i32
    cf.cond_br %more, ^body, ^done
  ^body:
    %v = llvm.load %cell : !llvm.ptr -> i32
    %three = arith.constant 3 : i32
    %v2 = arith.addi %v, %three : i32
    llvm.store %v2, %cell : i32, !llvm.ptr
    %one = arith.constant 1 : i32
    %next = arith.addi %i, %one : i32
    cf.br ^loop(%next : i32)
  ^done:
    %r = llvm.load %cell : !llvm.ptr -> i32
    func.return %r : i32
  }
}`);
    expect(r.code).toBe(15);
    expect(r.js).not.toContain('alloca(');
  });

  it('is not promoted when its pointer escapes: a GEP into it stays a checked access', async () => {
    const r = await runText(`module {
  func.func @main() -> i32 {
    %one = arith.constant 1 : i64
    %cell = llvm.alloca %one x i32 : (i64) -> !llvm.ptr loc("C.fs":2:5)
    %p = llvm.getelementptr %cell[1] : (!llvm.ptr) -> !llvm.ptr, i32
    %v = llvm.load %p : !llvm.ptr -> i32 loc("C.fs":3:5)
    func.return %v : i32
  }
}`);
    expect(r.js).toContain('alloca(');
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^C\.fs\(3,5\): runtime error: out-of-bounds read of 4 bytes at offset 4 of stackalloc<i32> 4 bytes in frame #1 of main \(C\.fs\(2,5\)\)/);
  });

  it('is not promoted when it is read as another type than its own', async () => {
    const r = await runText(`module {
  func.func @main() -> i32 {
    %one = arith.constant 1 : i64
    %cell = llvm.alloca %one x i8 : (i64) -> !llvm.ptr loc("C.fs":2:5)
    %v = llvm.load %cell : !llvm.ptr -> i32 loc("C.fs":3:5)
    func.return %v : i32
  }
}`);
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^C\.fs\(3,5\): runtime error: out-of-bounds read of 4 bytes at offset 0 of stackalloc<i8> 1 byte/);
  });
});

describe('an aggregate built field by field', () => {
  it('is copied once, then updated in place; a value used again keeps its fields', async () => {
    const r = await runText(`module {
  func.func @main() -> i32 {
    %u = llvm.mlir.undef : !llvm.struct<(i32, i32, i32)>
    %a = arith.constant 1 : i32
    %b = arith.constant 20 : i32
    %c = arith.constant 300 : i32
    %s0 = llvm.insertvalue %a, %u[0] : !llvm.struct<(i32, i32, i32)>
    %s1 = llvm.insertvalue %b, %s0[1] : !llvm.struct<(i32, i32, i32)>
    %s2 = llvm.insertvalue %c, %s1[2] : !llvm.struct<(i32, i32, i32)>
    %t = llvm.insertvalue %a, %s2[2] : !llvm.struct<(i32, i32, i32)>
    %x = llvm.extractvalue %s2[2] : !llvm.struct<(i32, i32, i32)>
    %y = llvm.extractvalue %t[2] : !llvm.struct<(i32, i32, i32)>
    %z = llvm.extractvalue %u[0] : !llvm.struct<(i32, i32, i32)>
    %f = llvm.extractvalue %s2[1] : !llvm.struct<(i32, i32, i32)>
    %xy = arith.addi %x, %y : i32
    %xyz = arith.addi %xy, %z : i32
    %r = arith.addi %xyz, %f : i32
    func.return %r : i32
  }
}`);
    // %s2 has two uses, so %t is a copy: %s2[2] stays 300; the undef constant is never written
    expect(r.code).toBe(300 + 1 + 0 + 20);
    expect(r.js.match(/insert1\(/g)?.length).toBe(2);
    expect(r.js).toMatch(/v\d+\[1\] = v\d+;/);
  });
});

describe('a record built from undef', () => {
  it('starts from a new array literal, filled in place: each build is its own value', async () => {
    const r = await runText(`module {
  func.func @pair(%a: i32, %b: i64) -> !llvm.struct<(i32, i64)> {
    %u = llvm.mlir.undef : !llvm.struct<(i32, i64)>
    %s0 = llvm.insertvalue %a, %u[0] : !llvm.struct<(i32, i64)>
    %s1 = llvm.insertvalue %b, %s0[1] : !llvm.struct<(i32, i64)>
    func.return %s1 : !llvm.struct<(i32, i64)>
  }
  func.func @main() -> i32 {
    %one = arith.constant 1 : i32
    %two = arith.constant 2 : i32
    %big = arith.constant 40 : i64
    %first = func.call @pair(%one, %big) : (i32, i64) -> !llvm.struct<(i32, i64)>
    %second = func.call @pair(%two, %big) : (i32, i64) -> !llvm.struct<(i32, i64)>
    %x = llvm.extractvalue %first[0] : !llvm.struct<(i32, i64)>
    %y = llvm.extractvalue %second[0] : !llvm.struct<(i32, i64)>
    %l = llvm.extractvalue %first[1] : !llvm.struct<(i32, i64)>
    %l32 = arith.trunci %l : i64 to i32
    %ten = arith.constant 10 : i32
    %x10 = arith.muli %x, %ten : i32
    %xy = arith.addi %x10, %y : i32
    %r = arith.addi %xy, %l32 : i32
    func.return %r : i32
  }
}`);
    expect(r.code).toBe(10 + 2 + 40);
    expect(r.js).toMatch(/const v\d+ = \[0, 0n\];/);
    expect(r.js).not.toContain('insert1(');
  });
});

describe('the echo sample\'s payload loops', () => {
  it('compile to checked byte accesses with no Pointer, no stack memory and no general helper per byte', () => {
    const { module } = compileToModule('samples/WebSocketEcho.fs', readFileSync('samples/WebSocketEcho.fs', 'utf8'));
    const js = compileModule(module!).source;
    for (const fn of ['fn_unmask', 'fn_utf8Validate']) {
      const start = js.indexOf(`function ${fn}(`);
      expect(start).toBeGreaterThan(0);
      const body = js.slice(start, js.indexOf('\n}\n', start));
      expect(body).toMatch(/ld8at\(/);
      expect(body).not.toMatch(/new P\(|alloca\(|pushFrame|\bld\(|\bst\(/);
    }
  });
});
