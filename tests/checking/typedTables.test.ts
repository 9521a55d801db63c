/**
 * What the typed program's side tables promise, checked across whole programs: every type is final
 * (no solved variable is left, the only variables are generic parameters), a path's type agrees
 * with its resolution, each use of a generic function records its own instantiation, and a generic
 * function stays generic whatever later declarations do with it. Also name scopes (shadowing ends
 * with its block) and the record a field access picks when the value's type is not yet known.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allExprs, checkSource, mod, typeOfBinding, where, type Checked } from './support.js';
import { printType, type Type } from '../../compiler/fncs/checking/types.js';
import type { Expr, Pattern } from '../../compiler/fncs/syntax/ast.js';

/** Every variable in `t` is unsolved and generic; `where` names the table entry for the message. */
function expectFinal(t: Type, where: string): void {
  switch (t.kind) {
    case 'Var':
      expect(t.tv.link, `${where}: a solved variable`).toBeNull();
      expect(t.tv.generic, `${where}: a variable that is not generic`).toBe(true);
      return;
    case 'Ptr': case 'Array': return expectFinal(t.elem, where);
    case 'Fun': expectFinal(t.from, where); return expectFinal(t.to, where);
    default: return;
  }
}

function patternsOf(p: Pattern): Pattern[] {
  return p.kind === 'POr' ? [p, ...p.alternatives.flatMap(patternsOf)] : [p];
}

/** Walk every table entry of a checked program and require its types to be final. */
function expectAllFinal(c: Checked): number {
  const p = c.program;
  let count = 0;
  const check = (t: Type, where: string): void => {
    count++;
    expectFinal(t, where);
  };
  for (const e of allExprs(c)) {
    const at = `${e.kind} at ${e.span.startLine}:${e.span.startCol}`;
    check(p.typeOf(e), at);
    if (e.kind === 'Path') {
      const r = p.resolutionOf(e);
      if (r.kind === 'symbol') r.typeArgs.forEach((t) => check(t, `${at} type argument`));
      if (r.kind === 'intrinsic') {
        check(r.type, `${at} intrinsic type`);
        r.typeArgs.forEach((t) => check(t, `${at} intrinsic type argument`));
      }
    }
    if (e.kind === 'Infix' || e.kind === 'Prefix') check(p.operandTypeOf(e), `${at} operand`);
    if (e.kind === 'Match') {
      check(p.matchInfoOf(e).scrutineeType, `${at} scrutinee`);
      for (const arm of e.arms) {
        for (const q of patternsOf(arm.pattern)) {
          check(p.patternType(q), `pattern at ${q.span.startLine}:${q.span.startCol}`);
          if (q.kind === 'PVar') check(p.patternSymbol(q).type, `pattern symbol ${q.name.text}`);
        }
      }
    }
    if (e.kind === 'Block') {
      for (const item of e.items) {
        if (item.kind !== 'LocalLet') continue;
        for (const b of item.bindings) {
          const info = p.bindingInfo(b);
          check(info.symbol.type, `local ${b.name.text}`);
          info.paramTypes.forEach((t) => check(t, `local ${b.name.text} parameter`));
          check(info.returnType, `local ${b.name.text} result`);
          for (const prm of b.params) check(p.paramType(prm), `local ${b.name.text} parameter`);
        }
      }
    }
  }
  for (const info of p.topLevel) {
    check(info.symbol.type, info.binding.name.text);
    info.paramTypes.forEach((t) => check(t, `${info.binding.name.text} parameter`));
    check(info.returnType, `${info.binding.name.text} result`);
    for (const prm of info.binding.params) {
      check(p.paramType(prm), `${info.binding.name.text} parameter`);
      const s = p.paramSymbol(prm);
      if (s !== null) check(s.type, `${info.binding.name.text} parameter symbol`);
    }
  }
  return count;
}

const pathsNamed = (c: Checked, text: string): Expr[] =>
  allExprs(c).filter((e) => e.kind === 'Path' && e.parts.map((n) => n.text).join('.') === text);

describe('every type in the typed program is final', () => {
  for (const file of ['samples/HelloWorld.fs', 'samples/SocketBasics.fs', 'samples/WebSocketEcho.fs', 'tests/fixtures/section5.fs']) {
    test(file, () => {
      const c = checkSource(readFileSync(file, 'utf8'), file);
      expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(expectAllFinal(c)).toBeGreaterThan(5);
    });
  }

  test('generic functions, defaulting and local generalisation', () => {
    const c = checkSource(mod(
      'let id x = x',
      'let apply f x = f x',
      'let add a b = a + b',
      'let pick (c: bool) a b = if c then a else b',
      'let user (n: int) =',
      '    let twice g y = g (g y)',
      '    let s = twice id "s"',
      '    let k = apply (add 1) (id n)',
      '    match pick true k n with',
      '    | 0 | 1 -> twice (add 2) k',
      '    | m -> m',
    ));
    expect(where(c)).toEqual([]);
    expectAllFinal(c);
    expect(['id', 'apply', 'add', 'pick', 'user'].map((n) => typeOfBinding(c, n)))
      .toEqual(["'a -> 'a", "('a -> 'b) -> 'a -> 'b", 'int -> int -> int', "bool -> 'a -> 'a -> 'a", 'int -> int']);
  });
});

describe('path types agree with their resolutions', () => {
  const c = checkSource(mod(
    'type Frame = { Length: int64; Name: string }',
    'let id x = x',
    'let size (f: Frame) = f.Length',
    'let useAll (f: Frame) (p: nativeptr<byte>) =',
    '    let n = id 3',
    '    let s = id "s"',
    '    let b = NativePtr.get p n',
    '    let w = int b',
    '    let len = String.length f.Name',
    '    size f + int64 w + int64 len',
  ));

  test('checks cleanly', () => {
    expect(where(c)).toEqual([]);
  });

  test('plain names have the type of what they name', () => {
    const [f] = pathsNamed(c, 'f');
    expect(printType(c.program.typeOf(f!))).toBe('Frame');
    const [size] = pathsNamed(c, 'size');
    expect(printType(c.program.typeOf(size!))).toBe('Frame -> int64');
  });

  test('each use of a generic function has its own instance', () => {
    const uses = pathsNamed(c, 'id').map((e) => {
      const r = c.program.resolutionOf(e);
      return `${printType(c.program.typeOf(e))} [${r.kind === 'symbol' ? r.typeArgs.map((t) => printType(t)).join(', ') : r.kind}]`;
    });
    expect(uses).toEqual(['int -> int [int]', 'string -> string [string]']);
  });

  test('field chains have the last field type; intrinsics their type at the use', () => {
    const [len] = pathsNamed(c, 'f.Length');
    expect(printType(c.program.typeOf(len!))).toBe('int64');
    const [get] = pathsNamed(c, 'NativePtr.get');
    expect(printType(c.program.typeOf(get!))).toBe('nativeptr<byte> -> int -> byte');
    const [conv] = pathsNamed(c, 'int');
    expect(printType(c.program.typeOf(conv!))).toBe('byte -> int');
    const [strlen] = pathsNamed(c, 'String.length');
    expect(printType(c.program.typeOf(strlen!))).toBe('string -> int');
  });

  test('a failed field step, a field on an intrinsic, an unknown name: the error type', () => {
    const bad = checkSource(mod(
      'type P = { X: int }',
      'let f (p: P) = p.Y',
      'let g () = int.get',
      'let h () = nothing',
      'let k () = String.length.Q',
    ));
    expect(where(bad).map((d) => d.split(' ')[1])).toEqual(['FS0039', 'FS0039', 'FS0039', 'FS0039']);
    for (const text of ['p.Y', 'int.get', 'nothing', 'String.length.Q']) {
      const [e] = pathsNamed(bad, text);
      expect(printType(bad.program.typeOf(e!)), text).toBe('?');
    }
  });
});

describe('declarations after a generic function leave it generic', () => {
  test('uses at several types in later declarations', () => {
    const c = checkSource(mod(
      'let id x = x',
      'let a = id 1',
      'let b () = id "b"',
      'let c (p: nativeptr<byte>) = id p',
      'let d = id true',
    ));
    expect(where(c)).toEqual([]);
    expect(['id', 'a', 'b', 'c', 'd'].map((n) => typeOfBinding(c, n)))
      .toEqual(["'a -> 'a", 'int', 'unit -> string', 'nativeptr<byte> -> nativeptr<byte>', 'bool']);
    expectAllFinal(c);
  });

  test('a value left undetermined is reported where F# reports it, once', () => {
    const c = checkSource(mod('let id x = x', 'let v = id', 'let w = v 1'));
    expect(where(c)).toEqual(['(4,5) FS0030']);
  });
});

describe('scopes', () => {
  test('a local shadows until the end of its block', () => {
    const c = checkSource(mod(
      'let f (x: int) =',
      '    let g () =',
      '        let x = "inner"',
      '        x',
      '    let s = g ()',
      '    x + 1',
    ));
    expect(where(c)).toEqual([]);
    const xs = pathsNamed(c, 'x').map((e) => printType(c.program.typeOf(e)));
    expect(xs).toEqual(['string', 'int']);
  });

  test('names from closed blocks are not suggested; names in scope are', () => {
    const c = checkSource(mod(
      'let f (counts: int) =',
      '    let inner () =',
      '        let counter = 1',
      '        counter',
      '    countr',
    ));
    expect(where(c)).toEqual(['(7,5) FS0039']);
    expect(c.diagnostics[0]!.help).toBe('did you mean `counts`?');
  });

  test('a name whose block closed is unknown again, and free to define anew, locally or at the top level', () => {
    const c = checkSource(mod(
      'let f () =',
      '    let g () =',
      '        let tmp = 1',
      '        tmp',
      '    let h () =',
      '        let tmp = "s"',
      '        tmp',
      '    tmp',
      'let tmp = true',
      'let useTmp () = tmp',
    ));
    expect(where(c)).toEqual(['(10,5) FS0039']);
    const tmps = pathsNamed(c, 'tmp').map((e) => printType(c.program.typeOf(e)));
    expect(tmps).toEqual(['int', 'string', '?', 'bool']);
  });
});

describe('records by label', () => {
  test('a field access on an unannotated value picks the latest record with that label', () => {
    const c = checkSource(mod(
      'type A = { Id: int; Name: string }',
      'type B = { Id: int64 }',
      'let idOf r = r.Id',
      'let nameOf r = r.Name',
      'let mk () = { Id = 1; Name = "a" }',
    ));
    expect(where(c)).toEqual([]);
    expect(['idOf', 'nameOf', 'mk'].map((n) => typeOfBinding(c, n))).toEqual(['B -> int64', 'A -> string', 'unit -> A']);
  });
});

describe('types that are not recorded follow from the expression', () => {
  const c = checkSource(mod(
    'let f (n: int) (s: string) _ =',
    '    let mutable i = 0',
    '    while i < n && not (s = "") do',
    '        i <- i + 1',
    '    for k in 0 .. n do',
    '        i <- i <<< 1',
    '    let bad = s - s',
    '    let worse = -s',
    '    i',
  ));
  const infix = (op: string): Expr => allExprs(c).find((e) => e.kind === 'Infix' && e.op === op)!;
  const show = (e: Expr): string => printType(c.program.typeOf(e));

  test('statements are unit, comparisons and logic bool', () => {
    expect(where(c)).toEqual(['(9,15) FS0001', '(10,18) FS0001']);
    for (const kind of ['While', 'For', 'Assign']) expect(show(allExprs(c).find((e) => e.kind === kind)!), kind).toBe('unit');
    expect(['<', '&&', '='].map((op) => show(infix(op)))).toEqual(['bool', 'bool', 'bool']);
    expect(show(allExprs(c).find((e) => e.kind === 'Prefix' && e.op === 'not')!)).toBe('bool');
  });

  test('an arithmetic operator has its operand type, or the error type when it does not apply', () => {
    expect(['+', '<<<'].map((op) => show(infix(op)))).toEqual(['int', 'int']);
    const minus = infix('-');
    expect([show(minus), printType(c.program.operandTypeOf(minus))]).toEqual(['?', 'string']);
    const negate = allExprs(c).find((e) => e.kind === 'Prefix' && e.op === '-')!;
    expect([show(negate), printType(c.program.operandTypeOf(negate))]).toEqual(['?', 'string']);
  });

  test("a named parameter has its symbol's type; an unnamed one its own", () => {
    const info = c.program.topLevel[0]!;
    expect(info.binding.params.map((p) => printType(c.program.paramType(p)))).toEqual(['int', 'string', "'a"]);
    expect(info.binding.params.map((p) => c.program.paramSymbol(p)?.type ?? null)).toEqual(
      info.binding.params.map((p, i) => (i < 2 ? c.program.paramType(p) : null)),
    );
  });
});
