/**
 * Programs the checker must reject or warn about: each asserts every diagnostic's code, line and
 * column (1-based, as F# prints them), plus the message or `help:` text where that is the point.
 * Sources start with `module Test` and a blank line, so the first line of code is line 3.
 */
import { describe, expect, test } from 'vitest';
import { checkSource, mod, where } from './support.js';

interface Case {
  readonly name: string;
  readonly src: readonly string[];
  readonly expect: readonly string[];
}

const cases: readonly Case[] = [
  { name: 'FS0001 byte operand with an int literal', src: ['let f (b0: byte) = b0 &&& 0x0F'], expect: ['(3,27) FS0001'] },
  { name: 'FS0001 int64 passed where int is expected', src: ['let f (fd: int) (p: nativeptr<byte>) = Sys.read fd p 4096L'], expect: ['(3,54) FS0001'] },
  { name: 'FS0001 if branches disagree', src: ['let f (c: bool) = if c then 1 else "one"'], expect: ['(3,36) FS0001'] },
  { name: 'FS0001 elif branch disagrees with the first', src: ['let f (c: bool) (d: bool) =', '    if c then 1', '    elif d then 2L', '    else 3'], expect: ['(5,17) FS0001'] },
  { name: 'FS0001 match arms disagree', src: ['let f (x: int) =', '    match x with', '    | 1 -> "one"', '    | _ -> 0'], expect: ['(6,12) FS0001'] },
  { name: 'FS0001 if without else must be unit', src: ['let f (c: bool) =', '    if c then 1', '    ()'], expect: ['(4,15) FS0001'] },
  { name: 'FS0001 annotated return type', src: ['let f (x: int) : int64 = x'], expect: ['(3,26) FS0001'] },
  { name: 'FS0001 pattern of another integer type', src: ['let f (x: byte) =', '    match x with', '    | 1 -> true', '    | _ -> false'], expect: ['(5,7) FS0001'] },
  { name: 'FS0001 string does not support &&&', src: ['let f (s: string) = s &&& s'], expect: ['(3,21) FS0001'] },
  { name: 'FS0001 unsigned types have no unary minus', src: ['let f (x: uint32) = -x'], expect: ['(3,22) FS0001'] },
  { name: 'FS0001 shift count must be int', src: ['let f (x: int64) = x <<< 2L'], expect: ['(3,26) FS0001'] },
  { name: 'FS0001 conversion from string', src: ['let f (s: string) = int s'], expect: ['(3,25) FS0001'] },
  { name: 'FS0001 while condition must be bool', src: ['let f (n: int) =', '    while n do', '        ()'], expect: ['(4,11) FS0001'] },
  { name: 'FS0003 applying a non-function', src: ['let f (x: int) = x 1'], expect: ['(3,18) FS0003'] },
  { name: 'FS0020 a dropped int in a block', src: ['let f (fd: int) =', '    Sys.close fd', '    0'], expect: ['(4,5) FS0020'] },
  { name: 'FS0025 incomplete int match names 0', src: ['let f (x: int) =', '    match x with', '    | 1 | 2 -> true', '    | 8 -> false'], expect: ['(4,11) FS0025'] },
  { name: 'FS0026 a rule after a wildcard', src: ['let f (x: int) =', '    match x with', '    | _ -> 0', '    | 1 -> 1'], expect: ['(6,7) FS0026'] },
  { name: 'FS0026 a repeated constant', src: ['let f (x: bool) =', '    match x with', '    | true -> 0', '    | true -> 1', '    | false -> 2'], expect: ['(6,7) FS0026'] },
  { name: 'FS0027 assigning an immutable local', src: ['let f () =', '    let x = 1', '    x <- 2', '    x'], expect: ['(5,5) FS0027'] },
  { name: 'FS0039 unknown local name with suggestion', src: ['let f (count: int) = coutn'], expect: ['(3,22) FS0039'] },
  { name: 'FS0039 misspelt intrinsic', src: ['let f () = Sys.sokcet 2 1 0'], expect: ['(3,16) FS0039'] },
  { name: 'FS0039 unknown type in an annotation', src: ['let f (x: int32) = x'], expect: ['(3,11) FS0039'] },
  { name: 'FS0039 unknown record field', src: ['type P = { X: int; Y: int }', 'let f (p: P) = p.Z'], expect: ['(4,18) FS0039'] },
  { name: 'FS0039 recursion without rec', src: ['let loop (n: int) : int = loop n'], expect: ['(3,27) FS0039'] },
  { name: 'FS0764 record construction missing a field', src: ['type P = { X: int; Y: int }', 'let p = { X = 1 }'], expect: ['(4,9) FS0764'] },
  { name: 'FS0668 record field given twice', src: ['type P = { X: int }', 'let p = { X = 1; X = 2 }'], expect: ['(4,18) FS0668'] },
  { name: 'FS0588 let as the last line of a block', src: ['let f () =', '    let x = 1', '    let y = x'], expect: ['(5,5) FS0588'] },
  { name: 'FS0407 a local mutable captured by a closure', src: ['let f () =', '    let mutable n = 0', '    let get () = n', '    get ()'], expect: ['(5,18) FS0407'] },
  { name: 'FS0037 duplicate top-level definition', src: ['let x = 1', 'let x = 2'], expect: ['(4,5) FS0037'] },
  { name: 'FS0433 entry point not last', src: ['[<EntryPoint>]', 'let main argv = 0', 'let x = 1'], expect: ['(4,5) FS0433'] },
  { name: 'FS3904 entry point with the wrong signature', src: ['[<EntryPoint>]', 'let main (n: int) = 0'], expect: ['(4,5) FS3904'] },
  { name: 'FS3900 an F# type outside the subset', src: ['let f (x: float) = x'], expect: ['(3,11) FS3900'] },
  { name: 'FS3906 a pointer type never determined', src: ['let f () =', '    let p = NativePtr.stackalloc 2', '    ()'], expect: ['(4,13) FS3906'] },
  { name: 'FS0686 type arguments on a non-generic intrinsic', src: ['let f () = Sys.close<int> 3'], expect: ['(3,12) FS0686'] },
  {
    name: 'several errors in one file, all reported',
    src: [
      'let a (b0: byte) = b0 ||| 1',
      'let b () = Console.writln "x"',
      'let c (n: int) : string = n',
      'let d () =',
      '    let k = 3',
      '    k <- 4',
      '    unknownThing',
    ],
    expect: ['(3,27) FS0001', '(4,20) FS0039', '(5,27) FS0001', '(8,5) FS0027', '(9,5) FS0039'],
  },
];

describe('negative programs', () => {
  for (const c of cases) {
    test(c.name, () => {
      const r = checkSource(mod(...c.src));
      expect(r.parseDiagnostics).toEqual([]);
      expect(where(r)).toEqual(c.expect);
    });
  }
});

describe('messages and help', () => {
  test('a byte/int mismatch suggests the suffixed literal', () => {
    const [d] = checkSource(mod('let f (b0: byte) = b0 &&& 0x0F')).diagnostics;
    expect(d?.message).toBe("This expression was expected to have type 'byte' but here has type 'int'");
    expect(d?.help).toBe('write the literal as `0x0Fuy`');
  });

  test('Sys.sokcet suggests Sys.socket', () => {
    const [d] = checkSource(mod('let f () = Sys.sokcet 2 1 0')).diagnostics;
    expect(d?.message).toBe("The value, constructor, namespace or type 'sokcet' is not defined.");
    expect(d?.help).toBe('did you mean `Sys.socket`?');
  });

  test('an unknown local suggests the names in scope', () => {
    const [d] = checkSource(mod('let f (count: int) = cout')).diagnostics;
    expect(d?.message).toBe("The value or constructor 'cout' is not defined.");
    expect(d?.help).toBe('did you mean `count`?');
  });

  test('Console.writln suggests Console.writeln', () => {
    const [d] = checkSource(mod('let b () = Console.writln "x"')).diagnostics;
    expect(d?.help).toBe('did you mean one of `Console.writeln`, `Console.write`?');
  });

  test('FS0025 gives the first value not covered, with the type suffix', () => {
    const ints = checkSource(mod('let f (x: int) =', '    match x with', '    | 0 | 1 -> true', '    | 3 -> false')).diagnostics;
    expect(ints[0]?.message).toContain("the value '2' may indicate");
    const bytes = checkSource(mod('let f (x: byte) =', '    match x with', '    | 0uy -> true')).diagnostics;
    expect(bytes[0]?.message).toContain("the value '1uy' may indicate");
    const bools = checkSource(mod('let f (x: bool) =', '    match x with', '    | true -> 1')).diagnostics;
    expect(bools[0]?.message).toContain("the value 'false' may indicate");
  });

  test('FS0020 names the dropped type', () => {
    const [d] = checkSource(mod('let f (fd: int) =', '    Sys.close fd', '    0')).diagnostics;
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain("has type 'int' and is implicitly ignored");
  });

  test('FS0764 names the field and the qualified record type', () => {
    const [d] = checkSource(mod('type P = { X: int; Y: int }', 'let p = { X = 1 }')).diagnostics;
    expect(d?.message).toBe("No assignment given for field 'Y' of type 'Test.P'");
  });

  test('FS0027 suggests let mutable', () => {
    const [d] = checkSource(mod('let f () =', '    let x = 1', '    x <- 2', '    x')).diagnostics;
    expect(d?.message).toContain("let mutable x = expression");
  });

  test('the recursion hint mentions let rec', () => {
    const [d] = checkSource(mod('let loop (n: int) : int = loop n')).diagnostics;
    expect(d?.message).toContain("'let rec'");
  });
});
