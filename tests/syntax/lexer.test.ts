/**
 * The lexer: token kinds and images, literal decoding, comments, and the diagnostics for what
 * cannot be a token (tabs, unterminated strings and comments, bad escapes and numbers).
 */
import { describe, expect, it } from 'vitest';
import { lex } from '../../compiler/fncs/syntax/lexer.js';
import { decodeInt, decodeString } from '../../compiler/fncs/syntax/literals.js';
import { formatLine } from '../../compiler/diagnostics/render.js';
import { tokenNames } from './support.js';

const diags = (text: string): string[] => lex('t.fs', text).diagnostics.map(formatLine);

describe('tokens', () => {
  it('keywords, identifiers and keyword prefixes', () => {
    expect(tokenNames('let rec letter mutable x_1 iff if elif else then _ _x ``odd name`` rec1')).toEqual([
      'Let:let', 'Rec:rec', 'Ident:letter', 'Mutable:mutable', 'Ident:x_1', 'Ident:iff', 'If:if', 'Elif:elif',
      'Else:else', 'Then:then', 'Underscore:_', 'Ident:_x', 'Ident:``odd name``', 'Ident:rec1',
    ]);
  });

  it("identifiers may contain primes, as in F# (x')", () => {
    expect(tokenNames("x' x''")).toEqual(["Ident:x'", "Ident:x''"]);
  });

  it('keywords outside the subset are one token kind, so they can be reported', () => {
    expect(tokenNames('fun function try finally functor')).toEqual([
      'UnsupportedKeyword:fun', 'UnsupportedKeyword:function', 'UnsupportedKeyword:try', 'UnsupportedKeyword:finally', 'Ident:functor',
    ]);
  });

  it('operators by longest match', () => {
    expect(tokenNames('||| || |> | &&& && ^^^ ~~~ <<< >>> <- -> <> <= >= < > = .. . [< >] [| |] :: :')).toEqual([
      'BarBarBar:|||', 'BarBar:||', 'Pipe:|>', 'Bar:|', 'AmpAmpAmp:&&&', 'AmpAmp:&&', 'HatHatHat:^^^', 'TildeTildeTilde:~~~',
      'ShiftLeft:<<<', 'ShiftRight:>>>', 'LeftArrow:<-', 'Arrow:->', 'NotEqual:<>', 'LessEqual:<=', 'GreaterEqual:>=',
      'Less:<', 'Greater:>', 'Equals:=', 'DotDot:..', 'Dot:.', 'LAttr:[<', 'RAttr:>]', 'LArray:[|', 'RArray:|]',
      'ColonColon:::', 'Colon::',
    ]);
  });

  it('`argv.[0]`, `a.b`, `0 .. n` and `0..n`', () => {
    expect(tokenNames('argv.[0]')).toEqual(['Ident:argv', 'Dot:.', 'LBracket:[', 'IntLit:0', 'RBracket:]']);
    expect(tokenNames('frame.Payload')).toEqual(['Ident:frame', 'Dot:.', 'Ident:Payload']);
    expect(tokenNames('0..n')).toEqual(['IntLit:0', 'DotDot:..', 'Ident:n']);
  });

  it('`(*)` is the multiplication operator in parentheses, not a comment', () => {
    expect(tokenNames('(*) a')).toEqual(['LParen:(', 'Star:*', 'RParen:)', 'Ident:a']);
  });

  it('type variables and generic type syntax', () => {
    expect(tokenNames("nativeptr<'T> string[]")).toEqual([
      'Ident:nativeptr', 'Less:<', "TypeVar:'T", 'Greater:>', 'Ident:string', 'LBracket:[', 'RBracket:]',
    ]);
  });

  it('token positions are 1-based lines and columns', () => {
    const [a, b] = lex('t.fs', 'let\n  x').tokens;
    expect([a!.startLine, a!.startColumn, b!.startLine, b!.startColumn]).toEqual([1, 1, 2, 3]);
  });
});

describe('literals', () => {
  it('every integer form and suffix lexes as one token', () => {
    const forms = ['42', '0x81', '0x81uy', '0xFF', '0o17', '0b1010', '1_000', '5L', '5u', '5UL', '5uy', '5y', '5s', '5us'];
    expect(tokenNames(forms.join(' '))).toEqual(forms.map((f) => `IntLit:${f}`));
    expect(lex('t.fs', forms.join(' ')).diagnostics).toEqual([]);
  });

  it.each([
    ['42', 'int', 42n],
    ['0x81', 'int', 129n],
    ['0x81uy', 'byte', 129n],
    ['255uy', 'byte', 255n],
    ['0o17', 'int', 15n],
    ['0b1010', 'int', 10n],
    ['1_000_000', 'int', 1000000n],
    ['5L', 'int64', 5n],
    ['5u', 'uint32', 5n],
    ['5UL', 'uint64', 5n],
    ['5y', 'sbyte', 5n],
    ['5s', 'int16', 5n],
    ['5us', 'uint16', 5n],
    ['2147483647', 'int', 2147483647n],
    ['0xFFFFFFFF', 'int', -1n],
    ['0xFFuy', 'byte', 255n],
    ['9223372036854775807L', 'int64', 9223372036854775807n],
    ['18446744073709551615UL', 'uint64', 18446744073709551615n],
  ])('%s is %s %d', (image, intType, value) => {
    expect(decodeInt(image)).toEqual({ intType, value, ok: true });
  });

  it.each([
    ['2147483648', false, false],
    ['2147483648', true, true],
    ['256uy', false, false],
    ['128y', false, false],
    ['128y', true, true],
    ['65536us', false, false],
    ['0x1FFuy', false, false],
  ])('range of %s (negated: %s) is ok: %s', (image, negated, ok) => {
    expect(decodeInt(image, negated).ok).toBe(ok);
  });

  it('strings decode their escapes', () => {
    expect(decodeString('"a\\r\\n\\t\\\\\\"\\0b"').value).toBe('a\r\n\t\\"\0b');
    expect(decodeString('"\\u0041\\x42"').value).toBe('AB');
    expect(decodeString('"HTTP/1.1 101"').badEscapes).toEqual([]);
  });

  it('true, false and () are tokens of their own', () => {
    expect(tokenNames('true false ()')).toEqual(['True:true', 'False:false', 'LParen:(', 'RParen:)']);
  });

  it('a string may contain comment openers and `//`', () => {
    expect(tokenNames('"(* not // a comment"')).toEqual(['StringLit:"(* not // a comment"']);
  });
});

describe('comments', () => {
  it('`//`, `///` and `(* *)` are skipped', () => {
    expect(tokenNames('a // line\n/// doc\nb (* block *) c')).toEqual(['Ident:a', 'Ident:b', 'Ident:c']);
  });

  it('block comments nest', () => {
    expect(tokenNames('a (* outer (* inner *) still comment *) b')).toEqual(['Ident:a', 'Ident:b']);
    expect(lex('t.fs', 'a (* (* *) *) b').diagnostics).toEqual([]);
  });

  it('block comments span lines and keep positions right', () => {
    const t = lex('t.fs', '(* one\ntwo\n*) x').tokens[0]!;
    expect([t.image, t.startLine, t.startColumn]).toEqual(['x', 3, 4]);
  });

  it('a `//` comment at the end of the file without a newline', () => {
    expect(tokenNames('a // end')).toEqual(['Ident:a']);
  });
});

describe('lexical errors', () => {
  it('tabs are FS1161 at each run of tabs', () => {
    expect(diags('let x =\n\t1\nlet y =\t\t2')).toEqual([
      't.fs(2,1): error FS1161: TABs are not allowed in F# code unless the #indent "off" option is used',
      't.fs(3,8): error FS1161: TABs are not allowed in F# code unless the #indent "off" option is used',
    ]);
  });

  it('an unterminated string stops at the end of its line', () => {
    expect(diags('let s = "abc\nlet y = 2')).toEqual(['t.fs(1,9): error FS3902: This string literal is not terminated']);
    expect(tokenNames('"abc\nb')).toEqual(['UnterminatedString:"abc', 'Ident:b']);
  });

  it('an unterminated comment is reported where it begins', () => {
    expect(diags('a\n  (* open\nb')).toEqual(['t.fs(2,3): error FS0516: End of file in comment begun at or before here']);
  });

  it('a nested comment whose outer level is left open is unterminated', () => {
    expect(diags('a\n(* (* *)')).toEqual(['t.fs(2,1): error FS0516: End of file in comment begun at or before here']);
  });

  it('a bad escape is reported at the backslash', () => {
    expect(diags('let s = "ab\\qc"')).toEqual(["t.fs(1,12): error FS3903: Unknown escape sequence '\\q' in a string literal"]);
  });

  it('a number with a bad suffix is FS1156', () => {
    expect(diags('12abc 5ux')).toEqual([
      "t.fs(1,1): error FS1156: This is not a valid numeric literal: '12abc'",
      "t.fs(1,7): error FS1156: This is not a valid numeric literal: '5ux'",
    ]);
  });

  it('literals out of range for their type are FS1142; one that fits negated is left to the parser', () => {
    expect(diags('256uy 2147483648 9999999999')).toEqual([
      "t.fs(1,1): error FS1142: This number is outside the allowable range for this integer type: '256uy' does not fit in 'byte'",
      "t.fs(1,18): error FS1142: This number is outside the allowable range for this integer type: '9999999999' does not fit in 'int'",
    ]);
  });

  it('characters outside the language are FS0010, NUL and non-ASCII included', () => {
    expect(diags('a $ b\0 c\u00e9')).toEqual([
      "t.fs(1,3): error FS0010: Unexpected character '$' in the source",
      "t.fs(1,6): error FS0010: Unexpected character '\0' in the source",
      "t.fs(1,9): error FS0010: Unexpected character '\u00e9' in the source",
    ]);
  });

  it('floats and character literals are lexed whole and reported as unsupported (FS3900)', () => {
    expect(diags("1.5 'a' 2.0e3")).toEqual([
      't.fs(1,1): error FS3900: Floating-point arithmetic is not supported by this compiler',
      't.fs(1,5): error FS3900: A character literal is not supported by this compiler',
      't.fs(1,9): error FS3900: Floating-point arithmetic is not supported by this compiler',
    ]);
  });

  it('never throws, whatever the bytes', () => {
    const all = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
    expect(() => lex('t.fs', all + '\uD800"(*')).not.toThrow();
  });
});
