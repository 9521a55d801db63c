/**
 * Syntax errors: each program asserts every diagnostic in F#'s line format (code, line, column,
 * wording), in the order the CLI prints them. Recovery must report more than the first error.
 */
import { describe, expect, it } from 'vitest';
import { frontEnd } from '../../compiler/driver/pipeline.js';
import { formatLine } from '../../compiler/diagnostics/render.js';
import { lines, mod, parse } from './support.js';

const errorsOf = (text: string): string[] => lines(parse(text).diagnostics);
const unsupported = (l: number, c: number, what: string): string => `t.fs(${l},${c}): error FS3900: ${what} is not supported by this compiler`;
const unexpected = (l: number, c: number, rest: string): string => `t.fs(${l},${c}): error FS0010: ${rest}`;
const incomplete = (l: number, c: number, where: string): string =>
  `t.fs(${l},${c}): error FS0010: Incomplete structured construct at or before this point in ${where}`;

describe('constructs outside the subset (FS3900)', () => {
  it('a lambda', () => {
    expect(errorsOf(mod('let f = fun x -> x + 1', 'let g = 2'))).toEqual([unsupported(2, 9, "A lambda expression ('fun')")]);
  });

  it('try … with, and the program after it still parses', () => {
    const r = parse(mod('let f x =', '    try', '        x', '    with _ -> 0', 'let g = 1'));
    expect(lines(r.diagnostics)).toEqual([unsupported(3, 5, "'try … with' / 'try … finally'")]);
    expect(r.ast.decls.map((d) => d.kind)).toEqual(['LetDecl', 'LetDecl']);
  });

  it('lists and arrays, once each', () => {
    expect(errorsOf(mod('let l = [1; 2; 3]', 'let a = [| 1 |]', 'let e = []'))).toEqual([
      unsupported(2, 9, 'A list expression'),
      unsupported(3, 9, 'An array expression'),
      unsupported(4, 9, 'A list expression'),
    ]);
  });

  it('tuples', () => {
    expect(errorsOf(mod('let t = (1, 2)', 'let u = f (a, b) c'))).toEqual([unsupported(2, 9, 'A tuple'), unsupported(3, 11, 'A tuple')]);
  });

  it('floats and character literals, reported once each (no FS0010 after them)', () => {
    expect(errorsOf(mod('let f = 1.5', "let c = 'a'", 'let g = x + 2.0e3'))).toEqual([
      unsupported(2, 9, 'Floating-point arithmetic'),
      unsupported(3, 9, 'A character literal'),
      unsupported(4, 13, 'Floating-point arithmetic'),
    ]);
  });

  it('a character literal pattern', () => {
    expect(errorsOf(mod('let f c =', '    match c with', "    | 'a' -> 1", '    | _ -> 0'))).toEqual([unsupported(4, 7, 'A character literal')]);
  });

  it('a namespace instead of a module', () => {
    expect(errorsOf('namespace N\nlet x = 1\n')).toEqual([unsupported(1, 1, 'A namespace declaration')]);
  });

  it('a top-level expression', () => {
    expect(errorsOf(mod('let x = 1', 'printfn "hi"'))).toEqual([unsupported(3, 1, 'A top-level expression')]);
  });
});

describe('file structure', () => {
  it('a missing module line is FS0222 at the first declaration', () => {
    expect(errorsOf('\n// comment\nlet x = 1\n')).toEqual([
      "t.fs(3,1): error FS0222: Files in libraries or multiple-file applications must begin with a namespace or module declaration, e.g. 'module WebSocketEcho'",
    ]);
  });

  it('a second module line', () => {
    expect(errorsOf(mod('let x = 1', 'module U'))).toEqual([unsupported(3, 1, 'A second module declaration')]);
  });
});

describe('lexical errors through the parser', () => {
  it('an unterminated string is reported once and the next line still parses', () => {
    const r = parse(mod('let s = "abc', 'let y = 2'));
    expect(lines(r.diagnostics)).toEqual(['t.fs(2,9): error FS3902: This string literal is not terminated']);
    expect(r.ast.decls).toHaveLength(2);
  });

  it('an unterminated comment', () => {
    expect(errorsOf(mod('let x = 1', '(* never closed', 'let y = 2'))).toEqual(['t.fs(3,1): error FS0516: End of file in comment begun at or before here']);
  });

  it('a bad escape, at its backslash', () => {
    expect(errorsOf(mod('let s = "a\\qb\\zc"'))).toEqual([
      "t.fs(2,11): error FS3903: Unknown escape sequence '\\q' in a string literal",
      "t.fs(2,14): error FS3903: Unknown escape sequence '\\z' in a string literal",
    ]);
  });

  it('out-of-range literals and bad numbers, each once', () => {
    expect(errorsOf(mod('let a = 2147483648', 'let b = 256uy', 'let c = 12abc', 'let d = -2147483648'))).toEqual([
      "t.fs(2,9): error FS1142: This number is outside the allowable range for this integer type: '2147483648' does not fit in 'int'",
      "t.fs(3,9): error FS1142: This number is outside the allowable range for this integer type: '256uy' does not fit in 'byte'",
      "t.fs(4,9): error FS1156: This is not a valid numeric literal: '12abc'",
    ]);
  });

  it('tabs, one FS1161 per run', () => {
    expect(errorsOf(mod('let f x =', '\tx', 'let g = 1\t+ 2'))).toEqual([
      't.fs(3,1): error FS1161: TABs are not allowed in F# code unless the #indent "off" option is used',
      't.fs(4,10): error FS1161: TABs are not allowed in F# code unless the #indent "off" option is used',
    ]);
  });
});

describe('parse errors (FS0010, FS0583)', () => {
  it('an unexpected token in a binding', () => {
    expect(errorsOf(mod('let x = 1 )', 'let y = 2'))).toEqual([unexpected(2, 11, "Unexpected symbol ')' in binding")]);
  });

  it('`let` missing its `=`', () => {
    expect(errorsOf(mod('let x 1', 'let y = 2'))).toEqual([unexpected(2, 7, "Unexpected integer literal '1' in binding. Expected symbol '='.")]);
  });

  it('an unclosed parenthesis: FS0583 at it, and the next declaration still parses', () => {
    const r = parse(mod('let x = (1 + 2', 'let y = 3'));
    expect(lines(r.diagnostics)).toEqual(["t.fs(2,9): error FS0583: Unmatched '('", incomplete(3, 1, 'parenthesized expression')]);
    expect(r.ast.decls.map((d) => (d.kind === 'LetDecl' ? d.bindings[0]!.name.text : d.kind))).toEqual(['x', 'y']);
  });

  it('an unclosed parenthesis in a local binding, and an unclosed record', () => {
    expect(errorsOf(mod('let f () =', '    let x = g (1 + 2', '    x', 'let r = { A = 1', 'let q = 3'))).toEqual([
      "t.fs(3,15): error FS0583: Unmatched '('",
      incomplete(4, 5, 'parenthesized expression'),
      "t.fs(5,9): error FS0583: Unmatched '{'",
      incomplete(6, 1, 'record expression'),
    ]);
  });

  it('an operator with no right operand at the end of a line', () => {
    expect(errorsOf(mod('let a = 1 +', 'let b = 2'))).toEqual([incomplete(3, 1, 'expression')]);
  });

  it('a match without arms', () => {
    expect(errorsOf(mod('let f x =', '    match x with', 'let g = 1'))).toEqual([incomplete(4, 1, 'pattern')]);
  });

  it('`if` without `then`', () => {
    // The missing `then` also opens no block for the branch, so the layout ends one construct short.
    expect(errorsOf(mod('let f x = if x 1 else 2'))).toEqual([
      unexpected(2, 18, "Unexpected keyword 'else' in 'if' expression. Expected keyword 'then'."),
      incomplete(2, 24, 'definition'),
    ]);
  });

  it('a stray `|` at top level', () => {
    expect(errorsOf(mod('let x = 1', '| 2'))).toEqual([unexpected(3, 1, "Unexpected symbol '|' in definition. Expected end of input.")]);
  });

  it('an unexpected character does not stop the parse', () => {
    expect(errorsOf(mod('let x = 1 $ 2', 'let y = 1 @ 2'))).toEqual([
      unexpected(2, 11, "Unexpected character '$' in the source"),
      unexpected(3, 11, "Unexpected character '@' in the source"),
    ]);
  });
});

describe('several errors in one file: recovery reports them all', () => {
  it('five errors of four kinds across the file', () => {
    expect(errorsOf(mod(
      'let a = 1 +',
      'let b = fun x -> x',
      'let c = [1]',
      'let d = "x\\q"',
      'let e = 2 *',
    ))).toEqual([
      incomplete(3, 1, 'expression'),
      unsupported(3, 9, "A lambda expression ('fun')"),
      unsupported(4, 9, 'A list expression'),
      "t.fs(5,11): error FS3903: Unknown escape sequence '\\q' in a string literal",
      incomplete(6, 12, 'expression'),
    ]);
  });

  it('errors inside function bodies do not hide later declarations', () => {
    const r = parse(mod(
      'let f x =',
      '    let y = x )',
      '    y',
      'let g x =',
      '    x 1.0',
      'let h = 1',
    ));
    expect(lines(r.diagnostics)).toEqual([
      unexpected(3, 15, "Unexpected symbol ')' in binding"),
      unsupported(6, 7, 'Floating-point arithmetic'),
    ]);
    expect(r.ast.decls).toHaveLength(3);
  });

  it('through frontEnd: syntax errors stop before checking, sorted by position', () => {
    const fe = frontEnd('t.fs', mod('let x = (1, 2)', 'let y = undefinedName', 'let z = 1.5'));
    expect(fe.program).toBeNull();
    expect(fe.diagnostics.map(formatLine)).toEqual([unsupported(2, 9, 'A tuple'), unsupported(4, 9, 'Floating-point arithmetic')]);
  });
});
