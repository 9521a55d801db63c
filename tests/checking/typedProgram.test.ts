/**
 * The TypedProgram contract Alex lowers from: resolutions (locals, field chains, intrinsics with
 * their instantiation), generic instantiations, captures, arities, operand types, the entry point,
 * and the `--emit typed` dump. Also the seed fixture's expected diagnostics.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allExprs, checkSource, mod, where } from './support.js';
import { printType } from '../../compiler/fncs/checking/types.js';
import { printTyped } from '../../compiler/fncs/psg/printTyped.js';
import type { Expr } from '../../compiler/fncs/syntax/ast.js';

const frameSrc = mod(
  'type WebSocketFrame = { Opcode: int; IsMasked: bool; Length: int64; Payload: nativeptr<byte> }',
  'let id x = x',
  'let first (buffer: nativeptr<byte>) = NativePtr.get buffer 0',
  'let size (frame: WebSocketFrame) =',
  '    let n = frame.Length',
  '    let scaled k = k + frame.Opcode',
  '    let code = id frame.Opcode',
  '    scaled code + int (first frame.Payload >>> 1)',
  '[<EntryPoint>]',
  'let main _ = 0',
);

const pathNamed = (es: Expr[], text: string): Expr => {
  const e = es.find((x) => x.kind === 'Path' && x.parts.map((p) => p.text).join('.') === text);
  if (e === undefined) throw new Error(`no path ${text}`);
  return e;
};

describe('TypedProgram', () => {
  const r = checkSource(frameSrc);
  const p = r.program;
  const es = allExprs(r);

  test('checks cleanly', () => {
    expect(where(r)).toEqual([]);
  });

  test('records keep declaration order with indices', () => {
    const rec = p.records.get('WebSocketFrame')!;
    expect(rec.fields.map((f) => `${f.index}:${f.name}:${printType(f.type)}`)).toEqual([
      '0:Opcode:int', '1:IsMasked:bool', '2:Length:int64', '3:Payload:nativeptr<byte>',
    ]);
  });

  test('frame.Length resolves to the parameter then field 2', () => {
    const e = pathNamed(es, 'frame.Length');
    const res = p.resolutionOf(e);
    expect(res.kind).toBe('symbol');
    if (res.kind !== 'symbol') return;
    expect(res.symbol.name).toBe('frame');
    expect(res.symbol.kind).toBe('param');
    expect(res.fields).toEqual([{ record: 'WebSocketFrame', field: 'Length', index: 2, type: { kind: 'Prim', name: 'int64' } }]);
    expect(printType(p.typeOf(e))).toBe('int64');
  });

  test('NativePtr.get is instantiated at byte', () => {
    const res = p.resolutionOf(pathNamed(es, 'NativePtr.get'));
    expect(res.kind).toBe('intrinsic');
    if (res.kind !== 'intrinsic') return;
    expect(res.intrinsic.name).toBe('NativePtr.get');
    expect(printType(res.typeArgs.get("'T")!)).toBe('byte');
    expect(printType(res.type)).toBe('nativeptr<byte> -> int -> byte');
  });

  test('uses of a generic intrinsic at the same types share one instance and resolution; other types get their own', () => {
    const c = checkSource(mod(
      'let a (p: nativeptr<byte>) = NativePtr.get p 0',
      'let b (p: nativeptr<byte>) = NativePtr.get p 1',
      'let c (p: nativeptr<int>) = NativePtr.get p 2',
      'let d p = NativePtr.get p 3',
    ));
    expect(where(c)).toEqual([]);
    const uses = allExprs(c).filter((e) => e.kind === 'Path' && e.parts.map((x) => x.text).join('.') === 'NativePtr.get');
    const rs = uses.map((e) => c.program.resolutionOf(e));
    expect(rs.map((x) => (x.kind === 'intrinsic' ? `${printType(x.typeArgs.get("'T")!)}: ${printType(x.type)}` : x.kind))).toEqual([
      'byte: nativeptr<byte> -> int -> byte',
      'byte: nativeptr<byte> -> int -> byte',
      'int: nativeptr<int> -> int -> int',
      "'a: nativeptr<'a> -> int -> 'a",
    ]);
    const [ra, rb, rc, rd] = rs.map((x) => (x.kind === 'intrinsic' ? x : null));
    expect(rb!.typeArgs).toBe(ra!.typeArgs);
    expect(rb!.type).toBe(ra!.type);
    expect(rb).toBe(ra);
    expect(rc).not.toBe(ra);
    expect(rc!.typeArgs).not.toBe(ra!.typeArgs);
    expect(rd!.typeArgs).not.toBe(ra!.typeArgs);
  });

  test('a generic function records its instantiation at each use', () => {
    const res = p.resolutionOf(pathNamed(es, 'id'));
    expect(res.kind).toBe('symbol');
    if (res.kind !== 'symbol') return;
    expect(res.symbol.typeParams.map((t) => printType(t))).toEqual(["'a"]);
    expect(res.typeArgs.map((t) => printType(t))).toEqual(['int']);
  });

  test('local functions list their captures; bindings their arity', () => {
    const size = p.topLevel.find((b) => b.binding.name.text === 'size')!;
    expect(size.arity).toBe(1);
    expect(size.isFunction).toBe(true);
    const body = size.binding.body;
    if (body.kind !== 'Block') throw new Error('block expected');
    const scaledLet = body.items[1]!;
    if (scaledLet.kind !== 'LocalLet') throw new Error('let expected');
    const scaled = p.bindingInfo(scaledLet.bindings[0]!);
    expect(scaled.isLocal).toBe(true);
    expect(scaled.arity).toBe(1);
    expect(scaled.captures.map((s) => `${s.kind} ${s.name}`)).toEqual(['param frame']);
    expect(printType(scaled.symbol.type)).toBe('int -> int');
  });

  test('operators carry their operand type (logical shift on byte)', () => {
    const shift = es.find((e) => e.kind === 'Infix' && e.op === '>>>')!;
    expect(printType(p.operandTypeOf(shift))).toBe('byte');
    const plus = es.find((e) => e.kind === 'Infix' && e.op === '+')!;
    expect(printType(p.operandTypeOf(plus))).toBe('int');
  });

  test('the entry point is found and typed string[] -> int', () => {
    expect(p.entryPoint?.binding.name.text).toBe('main');
    expect(printType(p.entryPoint!.symbol.type)).toBe('string[] -> int');
    expect(p.paramSymbol(p.entryPoint!.binding.params[0]!)).toBeNull();
    expect(printType(p.paramType(p.entryPoint!.binding.params[0]!))).toBe('string[]');
  });

  test('--emit typed is deterministic and marks intrinsics', () => {
    const a = printTyped(p);
    expect(printTyped(checkSource(frameSrc).program)).toBe(a);
    expect(a).toContain("Path NativePtr.get : nativeptr<byte> -> int -> byte = intrinsic NativePtr.get : nativeptr<byte> -> int -> byte ['T=byte] (inline)");
    expect(a).toContain('Path frame.Length : int64 = param frame#');
    expect(a).toContain('captures frame#');
  });
});

describe('the seed sample (tests/fixtures/seed-6.1.fs)', () => {
  test('reports exactly the expected errors and warnings', () => {
    const text = readFileSync('tests/fixtures/seed-6.1.fs', 'utf8');
    const expected = [...text.matchAll(/^\/\/ expect(-warning)?: \((\d+),(\d+)\) (FS\d+)/gm)].map((m) => `(${m[2]},${m[3]}) ${m[4]} ${m[1] ? 'warning' : 'error'}`);
    const r = checkSource(text, 'seed-6.1.fs');
    const got = r.diagnostics.map((d) => `(${d.span.startLine},${d.span.startCol}) ${d.code} ${d.severity}`);
    expect(got.sort()).toEqual(expected.sort());
  });
});

describe('--emit typed on a program with errors', () => {
  test('prints without throwing, unresolved names marked', () => {
    const r = checkSource(mod('type P = { X: int }', 'let f (p: P) = p.Y + { Z = 1 }.X + Sys.sokcet 1', 'let g () = (f { X = 1 }).Q'));
    expect(r.diagnostics.length).toBeGreaterThan(0);
    const text = printTyped(r.program);
    expect(text).toContain('= <unresolved>');
  });
});
