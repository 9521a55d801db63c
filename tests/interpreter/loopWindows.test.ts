/**
 * Loop windows (loopWindows.ts): byte loads and stores in a loop at a base pointer defined before
 * it go through the allocation's bytes held in a JS variable, and still trap exactly as the checked
 * helper does: out of bounds, after a release made by a call inside the loop, into read-only
 * memory, and over bytes holding a stored pointer.
 */
import { describe, expect, it } from 'vitest';
import { carveBuffer, REGION, runText } from './harness.js';

/**
 * A module whose main carves `bytes` from a one-page region as `%buf`, runs `before`, then a loop
 * over `%j` from 0 while `%j < %n` (`n` given) whose body is `body`, and returns `result`.
 */
const loop = (bytes: number, n: number, body: string, { before = '', result = '%zero', globals = '' } = {}): string => `module {
${REGION}
${globals}
  func.func @main() -> i32 {
${carveBuffer(bytes)}
    %n = arith.constant ${n} : i32
${before}
    %last = scf.while (%i = %zero) : (i32) -> i32 {
      %more = arith.cmpi slt, %i, %n : i32
      scf.condition(%more) %i : i32
    } do {
    ^bb0(%j: i32):
${body}
      %next = arith.addi %j, %one : i32
      scf.yield %next : i32
    }
    func.return ${result} : i32
  }
}`;

/** Loop body: byte j becomes j + 1 (an in-place update through a write window). */
const FILL = `      %p = llvm.getelementptr %buf[%j] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %b = llvm.load %p : !llvm.ptr -> i8 loc("A.fs":20:9)
      %j8 = arith.trunci %j : i32 to i8
      %one8 = arith.constant 1 : i8
      %v = arith.addi %j8, %one8 : i8
      %v2 = arith.addi %v, %b : i8
      %q = llvm.getelementptr %buf[%j] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      llvm.store %v2, %q : i8, !llvm.ptr loc("A.fs":21:9)`;

/** After the loop: the sum of bytes 0..3 (through unfused, checked loads). */
const SUM = `    %s0 = llvm.load %buf : !llvm.ptr -> i8
    %p3 = llvm.getelementptr %buf[3] : (!llvm.ptr) -> !llvm.ptr, i8
    %s3 = llvm.load %p3 : !llvm.ptr -> i8
    %x0 = arith.extui %s0 : i8 to i32
    %x3 = arith.extui %s3 : i8 to i32
    %sum = arith.addi %x0, %x3 : i32`;

describe('a byte loop at a base defined before the loop', () => {
  it('goes through a window made at the loop entry, and computes the same bytes', async () => {
    const r = await runText(loop(16, 16, FILL).replace('    func.return %zero : i32', `${SUM}\n    func.return %sum : i32`));
    expect(r.js).toMatch(/let w\d+ = writeWindow\(v\d+\);/);
    expect(r.js).toMatch(/if \(t\d+ >= 0 && t\d+ < w\d+\.length\) w\d+\[t\d+\] = v\d+; else st8at\(/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1 + 4);
  });

  it('a loop that only reads gets a read window', async () => {
    const r = await runText(loop(16, 4, `      %p = llvm.getelementptr %buf[%j] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %b = llvm.load %p : !llvm.ptr -> i8 loc("A.fs":20:9)`));
    expect(r.js).toMatch(/let w\d+ = readWindow\(v\d+\);/);
    expect(r.code).toBe(0);
  });

  it('running off the end traps at the load with the unfused message', async () => {
    const r = await runText(loop(16, 17, FILL));
    expect(r.code).toBe(70);
    expect(r.stderr).toBe(
      'A.fs(20,9): runtime error: out-of-bounds read of 1 byte at offset 16 of Region.alloc 16 bytes in region #1 (A.fs(3,15)) (valid offsets 0..15)\n',
    );
  });

  it('a load before the start traps at the load (the window read gives undefined there)', async () => {
    const r = await runText(
      loop(16, 4, `      %m = arith.constant -1 : i32
      %k = arith.addi %j, %m : i32
      %p = llvm.getelementptr %buf[%k] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %b = llvm.load %p : !llvm.ptr -> i8 loc("A.fs":27:9)`),
    );
    expect(r.js).toMatch(/const t\d+ = w\d+\[t\d+\];/);
    expect(r.stderr).toBe(
      'A.fs(27,9): runtime error: out-of-bounds read of 1 byte at offset -1 of Region.alloc 16 bytes in region #1 (A.fs(3,15)) (valid offsets 0..15)\n',
    );
  });

  it('a store before the start traps at the store', async () => {
    const r = await runText(
      loop(16, 4, `      %m = arith.constant -2 : i32
      %k = arith.addi %j, %m : i32
      %b = arith.constant 9 : i8
      %q = llvm.getelementptr %buf[%k] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      llvm.store %b, %q : i8, !llvm.ptr loc("A.fs":22:9)`),
    );
    expect(r.js).toMatch(/writeWindow/);
    expect(r.stderr).toBe(
      'A.fs(22,9): runtime error: out-of-bounds write of 1 byte at offset -2 of Region.alloc 16 bytes in region #1 (A.fs(3,15)) (valid offsets 0..15)\n',
    );
  });

  it('a region released by a call inside the loop makes the next access a use-after-release', async () => {
    const r = await runText(
      loop(
        16,
        4,
        `${FILL}
      %two = arith.constant 2 : i32
      %now = arith.cmpi eq, %j, %two : i32
      scf.if %now {
        llvm.call @fidelity_region_release(%region) : (!llvm.ptr) -> () loc("A.fs":23:13)
      }`,
      ),
    );
    expect(r.js).toMatch(/w\d+ = writeWindow\(v\d+\);\n/);
    expect(r.code).toBe(70);
    expect(r.stderr).toBe(
      'A.fs(20,9): runtime error: use after release: read of 1 byte at offset 3 of Region.alloc 16 bytes in region #1 (A.fs(3,15)), released by Region.release of region #1 (A.fs(23,13))\n',
    );
  });

  it('a store into a string literal traps as a write to read-only memory', async () => {
    const r = await runText(
      loop(16, 2, `      %b = arith.constant 65 : i8
      %q = llvm.getelementptr %s[%j] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      llvm.store %b, %q : i8, !llvm.ptr loc("A.fs":24:9)`, {
        globals: '  llvm.mlir.global internal constant @str0("hello") {addr_space = 0 : i32}',
        before: '    %s = llvm.mlir.addressof @str0 : !llvm.ptr',
      }),
    );
    expect(r.js).toMatch(/writeWindow/);
    expect(r.stderr).toBe('A.fs(24,9): runtime error: write to read-only memory: 1 byte at offset 0 of string literal @str0 "hello" (5 bytes)\n');
  });

  it('byte stores over a pointer stored in the loop forget it, as through the helper', async () => {
    // Iteration 0 stores %buf into bytes 8..15; the byte stores of iterations 1.. overwrite byte 8
    // on, so the pointer is gone and loading it back traps.
    const r = await runText(
      loop(
        16,
        10,
        `      %zero32 = arith.constant 0 : i32
      %first = arith.cmpi eq, %j, %zero32 : i32
      scf.if %first {
        %slot = llvm.getelementptr %buf[8] : (!llvm.ptr) -> !llvm.ptr, i8
        llvm.store %buf, %slot : !llvm.ptr, !llvm.ptr
      }
      %b = arith.constant 1 : i8
      %q = llvm.getelementptr %buf[%j] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      llvm.store %b, %q : i8, !llvm.ptr loc("A.fs":25:9)`,
      ).replace(
        '    func.return %zero : i32',
        `    %back = llvm.getelementptr %buf[8] : (!llvm.ptr) -> !llvm.ptr, i8
    %p = llvm.load %back : !llvm.ptr -> !llvm.ptr loc("A.fs":26:5)
    func.return %zero : i32`,
      ),
    );
    expect(r.js).toMatch(/writeWindow/);
    expect(r.stderr).toBe(
      'A.fs(26,5): runtime error: load of a pointer from 8 bytes at offset 8 of Region.alloc 16 bytes in region #1 (A.fs(3,15)) that do not hold a pointer\n',
    );
  });
});
