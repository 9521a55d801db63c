/**
 * Bad MLIR text gives a located error value: never an exception, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { formatParseError, parseMlir, printModule, type Block, type MlirParseError, type Module } from '../../compiler/alex/ir/index.js';
import { everyOpModule } from './sampleModules.js';

function errorOf(text: string): MlirParseError {
  const r = parseMlir(text, 'bad.mlir');
  if (r.ok) throw new Error(`expected a parse error for:\n${text}`);
  return r.error;
}

const wrap = (...body: string[]): string => ['module {', '  func.func @f(%arg0: i32, %arg1: !llvm.ptr) -> i32 {', ...body.map((l) => `    ${l}`), '  }', '}'].join('\n');

describe('parse errors', () => {
  it.each<[string, string, number, number, RegExp]>([
    ['garbage', 'hello world', 1, 1, /expected an op name|unknown op/],
    ['a stray character', 'module { ` }', 1, 10, /unexpected character '`'/],
    ['an unknown op', wrap('%0 = arith.frobnicate %arg0 : i32', 'func.return %0 : i32'), 3, 10, /unknown op 'arith.frobnicate'/],
    ['a bad integer type', wrap('%0 = arith.constant 1 : i7', 'func.return %0 : i32'), 3, 29, /expected a type, found 'i7'/],
    ['an unknown LLVM type', wrap('%0 = llvm.load %arg1 : !llvm.pointer -> i32', 'func.return %0 : i32'), 3, 28, /unknown LLVM type '!llvm.pointer'/],
    ['an undefined value', wrap('func.return %7 : i32'), 3, 17, /use of undefined value %7/],
    ['a type that contradicts the definition', wrap('%0 = arith.addi %arg0, %arg0 : i64', 'func.return %0 : i32'), 3, 36, /i32 is written here as i64/],
    ['a constant that does not fit', wrap('%0 = arith.constant 300 : i8', 'func.return %arg0 : i32'), 3, 25, /300 does not fit in i8/],
    ['a wrong number of result names', wrap('%0, %1 = arith.addi %arg0, %arg0 : i32', 'func.return %0 : i32'), 3, 5, /has 1 result but 2 are named/],
    ['an undefined block', wrap('cf.br ^bb9'), 3, 11, /reference to undefined block \^bb9/],
    ['a redefined value', wrap('%0 = arith.addi %arg0, %arg0 : i32', '%0 = arith.addi %arg0, %arg0 : i32', 'func.return %0 : i32'), 4, 5, /redefinition of %0/],
    ['an unterminated string', 'module {\n  llvm.mlir.global internal constant @s("abc) {addr_space = 0 : i32}\n}', 2, 41, /unterminated string/],
    ['a bad cmpi predicate', wrap('%0 = arith.cmpi lt, %arg0, %arg0 : i32', 'func.return %arg0 : i32'), 3, 21, /expected one of eq, ne/],
    ['text after the module', 'module {\n}\nmodule {\n}', 3, 1, /expected the end of the text/],
    ['a value from another function', ['module {', '  func.func @a(%x: i32) {', '    func.return', '  }', '  func.func @b() -> i32 {', '    func.return %x : i32', '  }', '}'].join('\n'), 6, 17, /use of undefined value %x/],
  ])('%s', (_, text, line, col, message) => {
    const e = errorOf(text);
    expect(e.message).toMatch(message);
    expect([e.file, e.line, e.col]).toEqual(['bad.mlir', line, col]);
    expect(formatParseError(e)).toBe(`bad.mlir(${line},${col}): error: ${e.message}`);
  });

  it('every truncation of a printed module is an error value, never a throw', () => {
    const text = printModule(everyOpModule(), { debugInfo: true });
    // Up to the module's closing brace: `}` without its trailing loc is a whole module again.
    for (let n = 1; n <= text.lastIndexOf('\n}'); n += 4) {
      const r = parseMlir(text.slice(0, n), 't.mlir');
      expect(r.ok, `prefix of ${n} characters`).toBe(false);
      if (!r.ok) expect(r.error.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('deep nesting is an error value, not a crash', () => {
    const text = `module {\n${'scf.if %c {\n'.repeat(20000)}`;
    const r = parseMlir(text);
    expect(r.ok).toBe(false);
  });

  it('random byte noise never throws', () => {
    let seed = 12345;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'module{}()[]<>,:=%@^!"\\ \nxi0123456789abc.-#';
    for (let k = 0; k < 500; k++) {
      const len = Math.floor(rand() * 80);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(() => parseMlir(s)).not.toThrow();
    }
  });
});

describe('what the parser hands out', () => {
  function parsedWithFreezing(value: string | undefined): Module {
    const saved = process.env['FIREFLY_FREEZE_IR'];
    if (value === undefined) delete process.env['FIREFLY_FREEZE_IR'];
    else process.env['FIREFLY_FREEZE_IR'] = value;
    try {
      const r = parseMlir(printModule(everyOpModule(), { debugInfo: true }), 'frozen.mlir');
      if (!r.ok) throw new Error(formatParseError(r.error));
      return r.module;
    } finally {
      if (saved === undefined) delete process.env['FIREFLY_FREEZE_IR'];
      else process.env['FIREFLY_FREEZE_IR'] = saved;
    }
  }
  const firstBody = (m: Module): Block => m.ops.find((o) => o.name === 'func.func' && o.regions[0]!.blocks.length > 0)!.regions[0]!.blocks[0]!;

  it('is deep-frozen in the checking mode (FIREFLY_FREEZE_IR=1), as the builder does', () => {
    const m = parsedWithFreezing('1');
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(firstBody(m).ops)).toBe(true);
    expect(Object.isFrozen(firstBody(m).ops[0]!.results)).toBe(true);
  });

  it('is left as parsed outside the checking mode, and prints the same', () => {
    const m = parsedWithFreezing(undefined);
    expect(Object.isFrozen(m)).toBe(false);
    expect(Object.isFrozen(firstBody(m).ops)).toBe(false);
    expect(printModule(m, { debugInfo: true })).toBe(printModule(parsedWithFreezing('1'), { debugInfo: true }));
  });
});
