/**
 * The builder: the section-5 contract, idempotent declarations, string interning, the constant
 * printing rule, structured ops, determinism and immutability.
 */
import { describe, expect, it } from 'vitest';
import { funcType, i1, i32, i64, i8, ModuleBuilder, printModule, printType, ptr, stringType, structType, verifyModule, walk, type MlirType, type Operation } from '../../compiler/alex/ir/index.js';
import { arith, predicates } from '../../compiler/alex/ir/builder.js';
import { mismatchModuloNames } from './matchOps.js';
import { at, everyOpModule, sectionFiveModule } from './sampleModules.js';

/** The section-5 sequence of spec/mlir.md, comments dropped: the contract the builder must print. */
const SECTION_FIVE = [
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
];

/** The op lines of function `name` in printed text, trimmed, without its final return. */
function bodyLines(text: string, name: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes(`func.func @${name}(`));
  const end = lines.findIndex((l, i) => i > start && l === '  }');
  return lines.slice(start + 1, end).map((l) => l.trim()).filter((l) => l !== 'func.return');
}

describe('section 5', () => {
  it('prints the frame-header write op for op, in order, as in spec/mlir.md', () => {
    const text = printModule(sectionFiveModule());
    expect(mismatchModuloNames(SECTION_FIVE, bodyLines(text, 'sendHeader'))).toBeUndefined();
    expect(text).toContain('llvm.func @write(i32, !llvm.ptr, i64) -> i64\n');
  });

  it('the matcher rejects a reordered or renamed-inconsistently sequence', () => {
    const swapped = [...SECTION_FIVE];
    [swapped[3], swapped[6]] = [swapped[6]!, swapped[3]!];
    expect(mismatchModuloNames(SECTION_FIVE, swapped)).toMatch(/line 4 differs/);
    const aliased = SECTION_FIVE.map((l) => l.replace('%h1', '%h0'));
    expect(mismatchModuloNames(SECTION_FIVE, aliased)).toBeDefined();
  });

  it('verifies', () => {
    expect(verifyModule(sectionFiveModule())).toEqual([]);
  });
});

describe('module symbols', () => {
  it('declares an external function once, however often it is asked for', () => {
    const mb = new ModuleBuilder(at(1));
    const a = mb.declareLlvmFunc('write', [i32, ptr, i64], i64, at(1));
    const b = mb.declareLlvmFunc('write', [i32, ptr, i64], i64, at(2));
    const fn = mb.defineFunc('main', [], [], at(3));
    fn.callExternal('close', [i32], i32, [fn.constant(i32, 3, at(4))], at(4));
    fn.callExternal('close', [i32], i32, [fn.constant(i32, 4, at(5))], at(5));
    fn.ret([], at(6));
    const text = printModule(mb.finish());
    expect(a).toBe(b);
    expect(text.match(/llvm\.func @write/g)).toHaveLength(1);
    expect(text.match(/llvm\.func @close/g)).toHaveLength(1);
    expect(text.match(/llvm\.call @close/g)).toHaveLength(2);
  });

  it('refuses a second declaration with another signature, or a call to an undeclared symbol', () => {
    const mb = new ModuleBuilder(at(1));
    mb.declareLlvmFunc('write', [i32, ptr, i64], i64, at(1));
    expect(() => mb.declareLlvmFunc('write', [i32, ptr, i32], i64, at(2))).toThrow(/internal error.*@write/);
    const fn = mb.defineFunc('main', [], [], at(3));
    expect(() => fn.llvmCall('read', [], at(4))).toThrow(/not a declared llvm.func/);
  });

  it('interns string literals: the same text gives the same global', () => {
    const mb = new ModuleBuilder(at(1));
    const hello = mb.stringGlobal('hello', at(1));
    expect(mb.stringGlobal('hello', at(9))).toBe(hello);
    const euro = mb.stringGlobal('5 €\n', at(2));
    expect(euro.symbol).not.toBe(hello.symbol);
    expect(euro.length).toBe(6);
    const text = printModule(mb.finish());
    expect(text).toContain('llvm.mlir.global internal constant @str0("hello") {addr_space = 0 : i32}\n');
    expect(text).toContain('llvm.mlir.global internal constant @str1("5 \\E2\\82\\AC\\0A") {addr_space = 0 : i32}\n');
  });

  it('measures a string global in UTF-8 bytes, a lone surrogate as U+FFFD', () => {
    const mb = new ModuleBuilder(at(1));
    for (const text of ['', 'a', '\u00e9', '\u07ff\u0800\uffff', '\u{1F600}', 'x\ud800y', '\udc00', '\ud800', '\ud800\ud800\udc00', 'é € 😀 end']) {
      expect(mb.stringGlobal(text, at(1)).length).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('constants', () => {
  const printed = (type: typeof i8, value: number | bigint | boolean): string => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [], [], at(1));
    fn.constant(type, value, at(2));
    fn.ret([], at(3));
    return bodyLines(printModule(mb.finish()), 'f')[0]!;
  };

  it('prints i8 bytes with the top bit set as hex, everything else as signed decimal, i1 as true/false', () => {
    expect(printed(i8, 0x81)).toBe('%0 = arith.constant 0x81 : i8');
    expect(printed(i8, -127)).toBe('%0 = arith.constant 0x81 : i8');
    expect(printed(i8, 0x7f)).toBe('%0 = arith.constant 127 : i8');
    expect(printed(i32, 0xffffffff)).toBe('%0 = arith.constant -1 : i32');
    expect(printed(i64, -(1n << 63n))).toBe('%0 = arith.constant -9223372036854775808 : i64');
    expect(printed(i1, true)).toBe('%0 = arith.constant true');
    expect(printed(i1, 0)).toBe('%0 = arith.constant false');
  });

  it('refuses a constant that does not fit its type', () => {
    expect(() => printed(i8, 256)).toThrow(/does not fit in i8/);
    expect(() => printed(i8, -129)).toThrow(/does not fit in i8/);
  });
});

describe('shared attribute records', () => {
  /** The ops of `@name`'s entry block. */
  const opsOf = (ops: readonly Operation[], name: string): readonly Operation[] =>
    ops.find((o) => o.attributes['sym_name']?.kind === 'string' && o.attributes['sym_name'].value === name)!.regions[0]!.blocks[0]!.ops;

  it('equal constants, callees and positions share one record within a module; a module shares none with another', () => {
    const build = () => {
      const mb = new ModuleBuilder(at(1));
      for (const name of ['f', 'g']) {
        const fn = mb.defineFunc(name, [stringType], [i64], at(2));
        const a = fn.constant(i64, 7, at(3));
        const b = fn.constant(i64, 7n, at(4));
        fn.constant(i8, -1, at(5));
        fn.constant(i8, 255, at(5));
        const len = fn.extractValue(fn.args[0]!, [1], at(6));
        fn.callExternal('h', [i64], i64, [fn.binary('addi', a, b, at(7))], at(7));
        fn.ret([len], at(8));
      }
      return mb.finish();
    };
    const m = build();
    const [f, g] = [opsOf(m.ops, 'f'), opsOf(m.ops, 'g')];
    for (const i of [0, 1, 2, 3, 4, 6]) expect(f[i]!.attributes, `op #${i} (${f[i]!.name})`).toBe(g[i]!.attributes);
    expect(f[0]!.attributes).toBe(f[1]!.attributes);
    // -1 and 255 are the same i8 bit pattern, written two ways: two records, one printed value.
    expect(bodyLines(printModule(m), 'f').slice(2, 4)).toEqual(['%2 = arith.constant 0xFF : i8', '%3 = arith.constant 0xFF : i8']);
    expect(opsOf(build().ops, 'f')[0]!.attributes).not.toBe(f[0]!.attributes);
  });

  it('a constant that does not fit is refused every time, not remembered', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [], [], at(1));
    expect(() => fn.constant(i8, 300, at(2))).toThrow(/does not fit in i8/);
    expect(() => fn.constant(i8, 300, at(2))).toThrow(/does not fit in i8/);
    expect(() => fn.constant(i8, 300n, at(2))).toThrow(/does not fit in i8/);
  });
});

describe('types', () => {
  it('are interned: equal structures are one object, however they were built', () => {
    const byHand: MlirType = { kind: 'struct', fields: [{ kind: 'ptr' }, { kind: 'int', width: 64 }] };
    expect(structType([byHand])).toBe(structType([stringType]));
    expect(structType([ptr, i64])).toBe(stringType);
    expect(funcType([i32, { kind: 'int', width: 32 }], [byHand])).toBe(funcType([i32, i32], [stringType]));
    expect(funcType([i32], [i64])).not.toBe(funcType([i64], [i32]));
    expect(funcType([i32, i64], [])).not.toBe(funcType([i32], [i64]));
    expect(structType([structType([i8]), i8])).not.toBe(structType([i8, structType([i8])]));
    expect(printType(funcType([byHand], [i1]))).toBe('(!llvm.struct<(ptr, i64)>) -> i1');
  });

  it('a declaration is found again by a signature built from hand-made types', () => {
    const mb = new ModuleBuilder(at(1));
    const first = mb.declareLlvmFunc('write', [i32, ptr, i64], i64, at(1));
    expect(mb.declareLlvmFunc('write', [{ kind: 'int', width: 32 }, { kind: 'ptr' }, i64], { kind: 'int', width: 64 }, at(2))).toBe(first);
  });
});

describe('structured ops', () => {
  it('scfIf yields what each branch returns and omits an absent else', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i1], [i32], at(1));
    const [r] = fn.scfIf(fn.args[0]!, [i32], (b) => [b.constant(i32, 1, at(2))], (b) => [b.constant(i32, 2, at(3))], at(2));
    fn.scfIf(fn.args[0]!, [], () => [], undefined, at(4));
    fn.ret([r!], at(5));
    const m = mb.finish();
    expect(verifyModule(m)).toEqual([]);
    expect(bodyLines(printModule(m), 'f')).toEqual([
      '%0 = scf.if %arg0 -> (i32) {',
      '%1 = arith.constant 1 : i32',
      'scf.yield %1 : i32',
      '} else {',
      '%2 = arith.constant 2 : i32',
      'scf.yield %2 : i32',
      '}',
      'scf.if %arg0 {',
      'scf.yield',
      '}',
      'func.return %0 : i32',
    ]);
  });

  it('scfWhile passes loop-carried values and names multiple results #0, #1', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i32], [i32], at(1));
    const [n] = fn.args;
    const zero = fn.constant(i32, 0, at(2));
    const [i, sum] = fn.scfWhile(
      [zero, zero],
      (b, [k, s]) => ({ cond: b.cmpi('slt', k!, n!, at(3)), values: [k!, s!] }),
      (b, [k, s]) => [b.binary('addi', k!, b.constant(i32, 1, at(4)), at(4)), b.binary('addi', s!, k!, at(4))],
      at(3),
    );
    fn.ret([fn.binary('addi', i!, sum!, at(5))], at(5));
    const m = mb.finish();
    expect(verifyModule(m)).toEqual([]);
    const text = printModule(m);
    expect(text).toContain('%1:2 = scf.while (%arg1 = %0, %arg2 = %0) : (i32, i32) -> (i32, i32) {\n');
    expect(text).toContain('      scf.condition(%2) %arg1, %arg2 : i32, i32\n    } do {\n    ^bb0(%arg3: i32, %arg4: i32):\n');
    expect(text).toContain('= arith.addi %1#0, %1#1 : i32\n');
  });

  it('builds scf.if and scf.while in steps as the callback forms build them, resolved ops and predicates as their names', () => {
    const build = (steps: boolean): string => {
      const mb = new ModuleBuilder(at(1));
      const fn = mb.defineFunc('f', [i1, i32], [i32], at(1));
      const [c, n] = fn.args;
      let result;
      if (steps) {
        fn.beginBranch();
        const then = fn.endBranch([fn.binary(arith.addi, n!, fn.constant(i32, 1, at(2)), at(2))], at(2));
        fn.beginBranch();
        const otherwise = fn.endBranch([fn.cast(arith.trunci, fn.cast(arith.extsi, n!, i64, at(3)), i32, at(3))], at(2));
        const [r] = fn.ifOp(c!, [i32], then, otherwise, at(2));
        const [k] = fn.beginWhile([r!]);
        const [kk] = fn.whileBody(fn.cmpi(predicates.slt, k!, n!, at(4)), [k!], at(4));
        [result] = fn.endWhile([fn.binary(arith.muli, kk!, kk!, at(5))], at(4));
      } else {
        const [r] = fn.scfIf(c!, [i32], (b) => [b.binary('addi', n!, b.constant(i32, 1, at(2)), at(2))], (b) => [b.cast('trunci', b.cast('extsi', n!, i64, at(3)), i32, at(3))], at(2));
        [result] = fn.scfWhile([r!], (b, [k]) => ({ cond: b.cmpi('slt', k!, n!, at(4)), values: [k!] }), (b, [kk]) => [b.binary('muli', kk!, kk!, at(5))], at(4));
      }
      fn.ret([result!], at(6));
      const m = mb.finish();
      expect(verifyModule(m)).toEqual([]);
      return printModule(m, { debugInfo: true });
    };
    expect(build(true)).toBe(build(false));
  });

  it('tells its scopes as each branch and loop region opens and closes, and releases them when a callback throws', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i1], [], at(1));
    const log: string[] = [];
    let depth = 0;
    fn.scopes = { mark: () => (log.push(`mark ${depth}`), depth++), release: (mark) => { log.push(`release ${mark}`); depth = mark; } };
    fn.scfIf(fn.args[0]!, [], () => (fn.scfIf(fn.args[0]!, [], () => [], undefined, at(3)), []), () => [], at(2));
    expect(log).toEqual(['mark 0', 'mark 1', 'release 1', 'release 0', 'mark 0', 'release 0']);
    log.length = 0;
    fn.scfWhile([], (b) => ({ cond: b.constant(i1, 1, at(4)), values: [] }), () => [], at(4));
    // The before and after regions are siblings: the first is released before the second opens.
    expect(log).toEqual(['mark 0', 'release 0', 'release 0']);
    log.length = 0;
    expect(() => fn.scfIf(fn.args[0]!, [], () => { throw new Error('boom'); }, undefined, at(5))).toThrow('boom');
    expect(log).toEqual(['mark 0', 'release 0']);
  });
});

describe('the built module', () => {
  it('prints the same bytes every time it is built', () => {
    expect(printModule(everyOpModule())).toBe(printModule(everyOpModule()));
    expect(printModule(everyOpModule(), { debugInfo: true })).toBe(printModule(everyOpModule(), { debugInfo: true }));
  });

  /** Build a module with `FIREFLY_FREEZE_IR` set to `value` (undefined: unset), restoring it after. */
  function builtWithFreezing(value: string | undefined): ReturnType<typeof everyOpModule> {
    const saved = process.env['FIREFLY_FREEZE_IR'];
    if (value === undefined) delete process.env['FIREFLY_FREEZE_IR'];
    else process.env['FIREFLY_FREEZE_IR'] = value;
    try {
      return everyOpModule();
    } finally {
      if (saved === undefined) delete process.env['FIREFLY_FREEZE_IR'];
      else process.env['FIREFLY_FREEZE_IR'] = saved;
    }
  }

  it('is deep-frozen once finished in the checking mode (FIREFLY_FREEZE_IR=1)', () => {
    const m = builtWithFreezing('1');
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.ops)).toBe(true);
    const main = m.ops.find((o) => o.name === 'func.func' && o.regions[0]!.blocks.length > 0)!;
    expect(Object.isFrozen(main.regions[0]!.blocks[0]!.ops)).toBe(true);
    expect(Object.isFrozen(main.regions[0]!.blocks[0]!.ops[0]!.loc)).toBe(true);
    expect(() => (main.regions[0]!.blocks[0]!.ops as unknown[]).push(1)).toThrow(TypeError);
    // Every op, value, array and attribute, at every depth: nothing built is left writable.
    const unfrozen: string[] = [];
    const check = (what: string, x: object): void => { if (!Object.isFrozen(x)) unfrozen.push(what); };
    walk(m.ops, (op) => {
      check(op.name, op);
      for (const part of [op.operands, op.results, op.regions, op.successors, op.attributes, op.loc]) check(`part of ${op.name}`, part);
      for (const v of op.results) check(`a result of ${op.name}`, v);
      for (const a of Object.values(op.attributes)) check(`an attribute of ${op.name}`, a);
      for (const s of op.successors) { check(`a successor of ${op.name}`, s); check(`a successor's args of ${op.name}`, s.args); }
      for (const r of op.regions) {
        check(`a region of ${op.name}`, r);
        check(`the blocks of a region of ${op.name}`, r.blocks);
        for (const b of r.blocks) { check(`a block of ${op.name}`, b); check(`a block's args of ${op.name}`, b.args); check(`a block's ops of ${op.name}`, b.ops); b.args.forEach((v) => check(`a block arg of ${op.name}`, v)); }
      }
    });
    expect(unfrozen).toEqual([]);
  });

  it('is left as built outside the checking mode (its readonly types keep it unchanged), and prints the same', () => {
    const m = builtWithFreezing(undefined);
    expect(Object.isFrozen(m)).toBe(false);
    expect(printModule(m, { debugInfo: true })).toBe(printModule(builtWithFreezing('1'), { debugInfo: true }));
  });

  it('keeps declarations, then globals, then definitions', () => {
    const names = everyOpModule().ops.map((o) => o.name);
    const firstGlobal = names.indexOf('llvm.mlir.global');
    expect(names.slice(0, firstGlobal).every((n) => n === 'llvm.func' || n === 'func.func')).toBe(true);
    expect(names.slice(firstGlobal + 1).includes('llvm.mlir.global')).toBe(false);
  });
});
