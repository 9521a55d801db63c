/**
 * Printing and parsing agree: print(parse(print(m))) === print(m) for modules using every op,
 * with and without debug locations; locations survive the trip; types print and parse back.
 */
import { describe, expect, it } from 'vitest';
import {
  arrayType, i1, i16, i32, i64, i8, llvmVoid, none, opSpecs, parseMlir, parseType, printModule, printType, ptr,
  funcType, structType, type, typeEquals, verifyModule, walk, ModuleBuilder, type Loc, type Module,
} from '../../compiler/alex/ir/index.js';
import { everyOpModule, sectionFiveModule } from './sampleModules.js';

function reparse(text: string, file = 'roundtrip.mlir'): Module {
  const r = parseMlir(text, file);
  if (!r.ok) throw new Error(`${r.error.file}:${r.error.line}:${r.error.col}: ${r.error.message}\n${text}`);
  return r.module;
}

const locs = (m: Module): Loc[] => {
  const out: Loc[] = [];
  walk(m.ops, (op) => out.push(op.loc));
  return out;
};

describe('coverage', () => {
  it('the every-op module uses every op in the table', () => {
    const used = new Set<string>();
    walk(everyOpModule().ops, (op) => used.add(op.name));
    expect(opSpecs.map((s) => s.name).filter((n) => !used.has(n))).toEqual([]);
  });
});

describe.each([
  ['section 5', sectionFiveModule],
  ['every op', everyOpModule],
])('round trip of %s', (_, build) => {
  it('print ∘ parse ∘ print is the identity on text, without debug info', () => {
    const text = printModule(build());
    expect(printModule(reparse(text))).toBe(text);
  });

  it('print ∘ parse ∘ print is the identity on text, with debug info', () => {
    const text = printModule(build(), { debugInfo: true });
    expect(text).toMatch(/ loc\("Frame\.fs":\d+:\d+\)\n/);
    expect(printModule(reparse(text), { debugInfo: true })).toBe(text);
  });

  it('reads the source locations back from loc(...)', () => {
    const m = build();
    const back = reparse(printModule(m, { debugInfo: true }));
    expect(locs(back)).toEqual(locs(m));
    expect(back.loc).toEqual(m.loc);
  });

  it('without loc(...), gives each op its place in the MLIR text', () => {
    const text = printModule(build());
    const lines = text.split('\n');
    walk(reparse(text, 'in.mlir').ops, (op) => {
      expect(op.loc.file).toBe('in.mlir');
      expect(lines[op.loc.line - 1]!.slice(op.loc.col - 1)).toMatch(op.results.length > 0 ? /^%/ : new RegExp(`^${op.name.replace('.', '\\.')}`));
    });
  });

  it('the parsed module verifies', () => {
    expect(verifyModule(reparse(printModule(build())))).toEqual([]);
  });
});

describe('parser details', () => {
  it('accepts bare top-level ops, unqualified return/call and // comments', () => {
    const r = parseMlir([
      'func.func private @g(i32) -> i32 // external',
      'func.func @f(%x: i32) -> i32 {',
      '  %y = call @g(%x) : (i32) -> i32',
      '  return %y : i32',
      '}',
    ].join('\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(printModule(r.module)).toContain('    %0 = func.call @g(%arg0) : (i32) -> i32\n    func.return %0 : i32\n');
  });

  it('keeps string bytes that need escapes', () => {
    const text = 'module {\n  llvm.mlir.global internal constant @str0("say \\22hi\\22 \\\\ \\E2\\82\\AC\\00") {addr_space = 0 : i32}\n}\n';
    const m = reparse(text);
    const value = m.ops[0]!.attributes['value'];
    expect(value).toEqual({ kind: 'string', value: 'say "hi" \\ €\0' });
    expect(printModule(m)).toBe(text);
  });

  it('reads loc(unknown) and file names with quotes', () => {
    const text = 'module {\n  llvm.func @f() loc(unknown)\n  llvm.func @g() loc("a\\22b.fs":3:4)\n} loc("m.fs":1:1)\n';
    const m = reparse(text);
    expect(m.ops.map((o) => o.loc)).toEqual([{ file: '', line: 0, col: 0 }, { file: 'a"b.fs', line: 3, col: 4 }]);
    expect(printModule(m, { debugInfo: true })).toBe(text);
  });
});

describe('printer text', () => {
  it('writes non-ASCII file names as UTF-8, and a module printed twice the same way', () => {
    const mb = new ModuleBuilder({ file: 'Grüße\\€.fs', line: 1, col: 1 });
    const fn = mb.defineFunc('f', [], [i64], { file: 'Grüße\\€.fs', line: 2, col: 3 });
    fn.ret([fn.constant(i64, 5, { file: 'Grüße\\€.fs', line: 3, col: 5 })], { file: 'Grüße\\€.fs', line: 4, col: 5 });
    const m = mb.finish();
    const text = printModule(m, { debugInfo: true });
    expect(text).toBe([
      'module {',
      '  func.func @f() -> i64 {',
      '    %0 = arith.constant 5 : i64 loc("Grüße\\\\€.fs":3:5)',
      '    func.return %0 : i64 loc("Grüße\\\\€.fs":4:5)',
      '  } loc("Grüße\\\\€.fs":2:3)',
      '} loc("Grüße\\\\€.fs":1:1)',
      '',
    ].join('\n'));
    expect(printModule(m, { debugInfo: true })).toBe(text);
    expect(printModule(reparse(text), { debugInfo: true })).toBe(text);
  });

  it('prints a module larger than the printer\'s first buffer', () => {
    const mb = new ModuleBuilder({ file: 'big.fs', line: 1, col: 1 });
    const fn = mb.defineFunc('f', [], [i64], { file: 'big.fs', line: 1, col: 1 });
    let acc = fn.constant(i64, 0, { file: 'big.fs', line: 1, col: 1 });
    for (let i = 0; i < 3000; i++) acc = fn.binary('addi', acc, fn.constant(i64, i, { file: 'big.fs', line: 1, col: 1 }), { file: 'big.fs', line: 1, col: 1 });
    fn.ret([acc], { file: 'big.fs', line: 1, col: 1 });
    const text = printModule(mb.finish());
    expect(text.length).toBeGreaterThan(1 << 17);
    expect(text.split('\n').slice(-6)).toEqual(['    %5999 = arith.constant 2999 : i64', '    %6000 = arith.addi %5998, %5999 : i64', '    func.return %6000 : i64', '  }', '}', '']);
  });
});

describe('types', () => {
  const texts = [
    'i1', 'i8', 'i16', 'i32', 'i64', '!llvm.ptr', 'none', '!llvm.void',
    '!llvm.struct<(ptr, i64)>', '!llvm.struct<()>', '!llvm.struct<(ptr, struct<(ptr, i64)>, array<3 x i8>, i1)>',
    '!llvm.array<6 x i8>', '!llvm.array<2 x struct<(i32, ptr)>>', '(i32, !llvm.ptr, i64) -> i64', '() -> ()', '(i32) -> (i32, i64)',
  ];

  it.each(texts)('%s prints back as written', (t) => {
    const r = parseType(t);
    expect('type' in r ? printType(r.type) : r.error).toBe(t);
  });

  it('are interned: equal structure is the same object', () => {
    expect(type('!llvm.struct<(ptr, i64)>')).toBe(structType([ptr, i64]));
    expect(typeEquals(type('!llvm.array<3 x i8>'), arrayType(3, i8))).toBe(true);
    expect(typeEquals(funcType([i32], [i64]), funcType([i32], [i32]))).toBe(false);
    expect(new Set([i1, i8, i16, i32, i64, ptr, none, llvmVoid]).size).toBe(8);
  });

  it('accepts the !llvm. prefix inside struct bodies and prints the short form', () => {
    const r = parseType('!llvm.struct<(!llvm.ptr, i64)>');
    expect('type' in r && printType(r.type)).toBe('!llvm.struct<(ptr, i64)>');
  });

  it.each(['i7', '!llvm.pointer', '!foo.bar', '!llvm.struct<(ptr, i64>', 'i32 i32', '!llvm.array<x i8>', ''])('rejects %j', (t) => {
    expect('error' in parseType(t)).toBe(true);
  });
});
