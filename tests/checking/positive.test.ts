/**
 * Programs the checker accepts: the inferred type of each construct of the subset, printed F#-style,
 * with no diagnostics.
 */
import { describe, expect, test } from 'vitest';
import { checkSource, mod, typeOfBinding, where } from './support.js';

/** Check `src` cleanly and return the printed type of each named top-level binding. */
function types(src: string, ...names: string[]): string[] {
  const r = checkSource(src);
  expect(where(r)).toEqual([]);
  return names.map((n) => typeOfBinding(r, n));
}

describe('inferred types', () => {
  test('annotated and inferred functions', () => {
    expect(types(mod(
      'let read (fd: int) (buf: nativeptr<byte>) : int = Sys.read fd buf 4096',
      'let inc x = x + 1',
      'let greet name = "hello " + name',
      'let answer = 42',
    ), 'read', 'inc', 'greet', 'answer')).toEqual(['int -> nativeptr<byte> -> int', 'int -> int', 'string -> string', 'int']);
  });

  test('let-polymorphism: generic functions used at several types', () => {
    expect(types(mod(
      'let id x = x',
      'let twice f x = f (f x)',
      'let same a b = a = b',
      'let useBoth () = same (id 1) 2 && same (id "a") "b"',
    ), 'id', 'twice', 'same', 'useBoth')).toEqual(["'a -> 'a", "('a -> 'a) -> 'a -> 'a", "'a -> 'a -> bool", 'unit -> bool']);
  });

  test('a definition shadows an intrinsic of its name, bare or as a module', () => {
    expect(types(mod(
      'type Box = { length: int }',
      'let AF_INET = "inet"',
      'let family = AF_INET',
      'let shout (int: string) = int + "!"',
      'let size (String: Box) = String.length',
      'let count (s: string) = String.length s',
    ), 'family', 'shout', 'size', 'count')).toEqual(['string', 'string -> string', 'Box -> int', 'string -> int']);
  });

  test('annotated type variables keep their names', () => {
    expect(types(mod("let first (p: nativeptr<'T>) : 'T = NativePtr.get p 0"), 'first')).toEqual(["nativeptr<'T> -> 'T"]);
  });

  test('operators without annotations default to int, as F# does', () => {
    expect(types(mod('let add a b = a + b', 'let mask a = a &&& 255', 'let neg a = -a'), 'add', 'mask', 'neg'))
      .toEqual(['int -> int -> int', 'int -> int', 'int -> int']);
  });

  test('literal suffixes give their types', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const lits = ['1', '1L', '1u', '1UL', '1uy', '1y', '1s', '1us'];
    expect(types(mod(...names.map((n, i) => `let ${n} = ${lits[i]}`)), ...names))
      .toEqual(['int', 'int64', 'uint32', 'uint64', 'byte', 'sbyte', 'int16', 'uint16']);
  });

  test('bitwise, shifts and comparisons on bytes', () => {
    expect(types(mod(
      'let parse (buffer: nativeptr<byte>) =',
      '    let b0 = NativePtr.get buffer 0',
      '    let b1 = NativePtr.get buffer 1',
      '    let opcode = b0 &&& 0x0Fuy',
      '    let isMasked = (b1 &&& 0x80uy) <> 0uy',
      '    let shifted = b1 >>> 4',
      '    int opcode + int shifted',
    ), 'parse')).toEqual(['nativeptr<byte> -> int']);
  });

  test('conversions take any integer type', () => {
    expect(types(mod('let widen (b: byte) (s: int16) = int64 b + int64 s + int64 (uint32 7)'), 'widen')).toEqual(['byte -> int16 -> int64']);
  });

  test('if/elif/else, while, both for forms, mutable and assignment', () => {
    expect(types(mod(
      'let sum (n: int) =',
      '    let mutable total = 0',
      '    for i in 1 .. n do',
      '        total <- total + i',
      '    for j = 1 to n do',
      '        total <- total + j',
      '    let mutable k = n',
      '    while k > 0 do',
      '        k <- k / 2',
      '    if total > 100 then 100 elif total > 10 then 10 else total',
    ), 'sum')).toEqual(['int -> int']);
  });

  test('if without else is unit', () => {
    expect(types(mod('let say (c: bool) = if c then Console.writeln "yes"'), 'say')).toEqual(['bool -> unit']);
  });

  test('records: construction by labels, field chains, copy-and-update', () => {
    expect(types(mod(
      'type Inner = { Code: int }',
      'type Frame = { Opcode: int; Inner: Inner; Payload: nativeptr<byte> }',
      'let make (p: nativeptr<byte>) = { Opcode = 1; Inner = { Code = 2 }; Payload = p }',
      'let code f = f.Inner.Code',
      'let bump (f: Frame) = { f with Opcode = f.Opcode + 1 }',
    ), 'make', 'code', 'bump')).toEqual(['nativeptr<byte> -> Frame', 'Frame -> int', 'Frame -> Frame']);
  });

  test('match: literals, or-patterns, guards, variables, strings and bools', () => {
    expect(types(mod(
      'let classify (op: int) (s: string) (b: bool) =',
      '    let kind =',
      '        match op with',
      '        | 0x01 | 0x02 -> "data"',
      '        | 0x08 when b -> "close"',
      '        | other -> Format.int other',
      '    match s with',
      '    | "ping" -> true',
      '    | _ -> (match b with | true -> false | false -> true)',
    ), 'classify')).toEqual(['int -> string -> bool -> bool']);
  });

  test('pipes, ignore, generic intrinsics with and without type arguments', () => {
    expect(types(mod(
      'let run (fd: int) =',
      '    let region = Region.create 4',
      '    let buffer = Region.alloc<byte> region 4096',
      '    let scratch = NativePtr.stackalloc 2',
      '    NativePtr.set scratch 0 0x81uy',
      '    Sys.write fd scratch 2 |> ignore',
      '    Sys.read fd buffer 4096',
    ), 'run')).toEqual(['int -> int']);
  });

  test('let rec and mutual recursion', () => {
    expect(types(mod(
      'let rec fact (n: int) = if n = 0 then 1 else n * fact (n / 1)',
      'let rec isEven n = if n = 0 then true else isOdd (n / 2)',
      'and isOdd n = if n = 1 then true else isEven (n / 2)',
    ), 'fact', 'isEven', 'isOdd')).toEqual(['int -> int', 'int -> bool', 'int -> bool']);
  });

  test('local functions are generalised and may read outer locals', () => {
    expect(types(mod(
      'let outer (start: int) =',
      '    let pair x = x',
      '    let addBase y = y + start',
      '    let s = pair "s"',
      '    addBase (pair 1)',
    ), 'outer')).toEqual(['int -> int']);
  });

  test('entry point with argv, argv.[i] and Array.length', () => {
    expect(types(mod(
      '[<EntryPoint>]',
      'let main argv =',
      '    let port = if Array.length argv > 0 then Parse.int argv.[0] else 8081',
      '    Console.writeln (Format.int port)',
      '    0',
    ), 'main')).toEqual(['string[] -> int']);
  });

  test('entry point written main _', () => {
    expect(types(mod('[<EntryPoint>]', 'let main _ =', '    0'), 'main')).toEqual(['string[] -> int']);
  });
});
