/**
 * Stack slots of `let mutable` locals (`slots.ts`): however the body reaches its `let mutable`s
 * — first thing, nested in a branch or in another mutable's initialiser, after using `1L`, after
 * calling a generic function — the prologue is the same: `arith.constant 1 : i64`, then one
 * `llvm.alloca` per slot in source order, before any op of the body, the constant shared by the
 * body. A slot type with no MLIR form is reported as the prologue's failure, before anything the
 * body would report or request.
 */
import { describe, expect, it } from 'vitest';
import { bodyLines, compileMlir } from './support.js';

/** The body of `@fn` in the MLIR of a module with these declarations and an entry point calling `call`. */
function body(fn: string, call: string, ...lines: string[]): string[] {
  const out = compileMlir('test.fs', ['module Test', '', ...lines, '', '[<EntryPoint>]', `let main _ = ${call}`, ''].join('\n'));
  expect(out.rendered).toBe('');
  return bodyLines(out.text!, fn);
}

/** The element types of the prologue's allocas, after its constant, as long as the prologue lasts. */
function prologue(lines: readonly string[]): string[] {
  expect(lines[0]).toBe('%0 = arith.constant 1 : i64');
  const slots: string[] = [];
  for (const l of lines.slice(1)) {
    const m = /^%\d+ = llvm\.alloca %0 x (\S+) :/.exec(l);
    if (m === null) break;
    slots.push(m[1]!);
  }
  return slots;
}

const ones = (lines: readonly string[]): number => lines.filter((l) => l.endsWith('= arith.constant 1 : i64')).length;

describe('stack slots of mutable locals', () => {
  it('are made in source order before the body, for mutables nested in branches and initialisers', () => {
    const lines = body(
      'k', 'k 1',
      'let k (n: int) =',
      '    let a = n * 3',
      '    if a > 2 then',
      '        let mutable p = a',
      '        p <- p + 1',
      '    let mutable q =',
      '        let mutable r = 5L',
      '        r <- r + 1L',
      '        byte r',
      '    let mutable u = ()',
      '    int q + a',
    );
    expect(prologue(lines)).toEqual(['i32', 'i8', 'i64']);
    expect(lines[4]).toBe('%4 = arith.constant 3 : i32');
    expect(ones(lines)).toBe(1);
  });

  it('share their count with a body that uses 1L before its first mutable', () => {
    const lines = body(
      'f', 'int (f 2L)',
      'let f (n: int64) =',
      '    let a = n + 1L',
      '    let mutable x = a',
      '    x <- x + 1L',
      '    x',
    );
    expect(prologue(lines)).toEqual(['i64']);
    expect(lines[2]).toBe('%2 = arith.addi %arg0, %0 : i64');
    expect(ones(lines)).toBe(1);
  });

  it('share their count with a body that uses 1L before several mutables, a unit one first', () => {
    const lines = body(
      'f', 'int (f 2L)',
      'let f (n: int64) =',
      '    let a = n + 1L',
      '    let mutable u = ()',
      '    let mutable x = a',
      '    if n > 0L then',
      '        let mutable y = 2',
      '        y <- y + 1',
      '    let mutable z = 3uy',
      '    x <- x + int64 z',
      '    x',
    );
    expect(prologue(lines)).toEqual(['i64', 'i32', 'i8']);
    expect(lines[4]).toBe('%4 = arith.addi %arg0, %0 : i64');
    expect(ones(lines)).toBe(1);
  });

  it('come before the body when the body first calls a generic function', () => {
    const lines = body(
      'g', 'g 1',
      'let twice (x: \'a) = x',
      'let g (n: int) =',
      '    let a = twice n',
      '    let mutable b = a',
      '    b',
    );
    expect(prologue(lines)).toEqual(['i32']);
    expect(lines[2]).toMatch(/^%2 = func\.call @twice\$int\(%arg0\)/);
  });
});

describe('a mutable whose type has no MLIR form', () => {
  const compile = (...lines: string[]) =>
    compileMlir('test.fs', ['module Test', '', 'let inc (x: int) = x + 1', '', ...lines, '', '[<EntryPoint>]', 'let main _ = h 1', ''].join('\n'));

  it('is reported before what the body would fail on first', () => {
    const out = compile('let h (n: int) =', '    let a = inc', '    let mutable f = inc', '    n');
    expect(out.diagnostics.map((d) => [d.message, d.span.startLine])).toEqual([['A function used as a value (closures) cannot be lowered to native code by this compiler', 7]]);
  });

  it('is reported before what the body would fail on first, after the body used 1L', () => {
    const out = compile('let h (n: int) =', '    let a = 1L', '    let mutable x = a', '    let b = inc', '    let mutable f = inc', '    n');
    expect(out.diagnostics.map((d) => d.span.startLine)).toEqual([9]);
  });

  it('is reported before the body requests a function, which is then never lowered', () => {
    const out = compile(
      'let twice (x: \'a) =',
      '    let g = inc',
      '    x',
      '',
      'let h (n: int) =',
      '    let a = twice n',
      '    let mutable f = inc',
      '    n',
    );
    expect(out.diagnostics.map((d) => d.span.startLine)).toEqual([11]);
  });
});
