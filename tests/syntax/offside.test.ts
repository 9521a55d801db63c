/**
 * The offside pass: the virtual INDENT/DEDENT/SEP tokens it inserts for each layout in
 * language.md, and the FS0058 warning for a block that starts offside.
 */
import { describe, expect, it } from 'vitest';
import { applyOffside } from '../../compiler/fncs/syntax/offside.js';
import { layout, lines, mod, parse } from './support.js';

describe('blocks', () => {
  it('a one-line let is a block of its own; top-level lines are separated', () => {
    expect(layout('let x = 1', 'let y = 2')).toBe('SEP let x = INDENT 1 DEDENT SEP let y = INDENT 2 DEDENT');
  });

  it('a body on the next lines is one block, its lines separated by SEP', () => {
    expect(layout('let f x =', '    let y = x', '    y + 1')).toBe('SEP let f x = INDENT let y = INDENT x DEDENT SEP y + 1 DEDENT');
  });

  it('a line indented further continues the line above', () => {
    expect(layout('let f x =', '    g x', '      y', '    z')).toBe('SEP let f x = INDENT g x y SEP z DEDENT');
    expect(layout('let f x =', '    g', '        a', '        b')).toBe('SEP let f x = INDENT g a b DEDENT');
  });

  it('blocks close one DEDENT per level at a line further left', () => {
    expect(layout('let f x =', '    let g y =', '        y', 'let z = 0')).toBe(
      'SEP let f x = INDENT let g y = INDENT y DEDENT DEDENT SEP let z = INDENT 0 DEDENT',
    );
  });

  it('the module line and attributes are top-level items of their own', () => {
    const { tokens } = applyOffside('t.fs', []);
    expect(tokens).toEqual([]);
    expect(layout('[<EntryPoint>]', 'let main argv =', '    0')).toBe('SEP [< EntryPoint >] SEP let main argv = INDENT 0 DEDENT');
  });

  it('comments do not take part in layout: a token after a comment has its own column', () => {
    expect(layout('let f x =', '    // c', '    a', '    (* d', '    *)', '    b')).toBe('SEP let f x = INDENT a SEP b DEDENT');
    // As in F#, `b` is at column 13, right of the block: it continues the line above.
    expect(layout('let f x =', '    a', '    (* d *) b')).toBe('SEP let f x = INDENT a b DEDENT');
  });

  it('`let mutable` and `<-` lines', () => {
    expect(layout('let f x =', '    let mutable i = 0', '    i <- i + 1', '    i')).toBe(
      'SEP let f x = INDENT let mutable i = INDENT 0 DEDENT SEP i <- i + 1 SEP i DEDENT',
    );
  });

  it('`let rec … and …`: `and` at the column of `let` continues the declaration', () => {
    expect(layout('let rec f x = 1', 'and g y = 2')).toBe('SEP let rec f x = INDENT 1 DEDENT and g y = INDENT 2 DEDENT');
  });
});

describe('match', () => {
  it('arms aligned with `match` continue it; each arm body is a block', () => {
    expect(layout('let f x =', '    match x with', '    | 1 -> a', '    | _ ->', '        b', '    c')).toBe(
      'SEP let f x = INDENT match x with | 1 -> INDENT a DEDENT | _ -> INDENT b DEDENT SEP c DEDENT',
    );
  });

  it('a nested match ends at an arm of the outer one', () => {
    expect(layout('let f x =', '    match x with', '    | 1 ->', '        match y with', '        | 2 -> a', '        | _ -> b', '    | _ -> c')).toBe(
      'SEP let f x = INDENT match x with | 1 -> INDENT match y with | 2 -> INDENT a DEDENT | _ -> INDENT b DEDENT DEDENT | _ -> INDENT c DEDENT DEDENT',
    );
  });

  it('arms on one line', () => {
    expect(layout('let f x = match x with 1 -> a | _ -> b')).toBe(
      'SEP let f x = INDENT match x with 1 -> INDENT a DEDENT | _ -> INDENT b DEDENT DEDENT',
    );
  });
});

describe('if / elif / else', () => {
  it('on one line', () => {
    expect(layout('let f x = if a then b elif c then d else e')).toBe(
      'SEP let f x = INDENT if a then INDENT b DEDENT elif c then INDENT d DEDENT else INDENT e DEDENT DEDENT',
    );
  });

  it('across lines, `else` aligned with `if`', () => {
    expect(layout('let f x =', '    if a then', '        b', '    else', '        c', '    d')).toBe(
      'SEP let f x = INDENT if a then INDENT b DEDENT else INDENT c DEDENT SEP d DEDENT',
    );
  });

  it('`then` and `else` starting lines at the column of `if`', () => {
    expect(layout('let f x =', '    if a', '    then b', '    else c')).toBe(
      'SEP let f x = INDENT if a then INDENT b DEDENT else INDENT c DEDENT DEDENT',
    );
  });

  it('`elif` aligned with `if`', () => {
    expect(layout('let f x =', '    if a then b', '    elif c then d', '    else e')).toBe(
      'SEP let f x = INDENT if a then INDENT b DEDENT elif c then INDENT d DEDENT else INDENT e DEDENT DEDENT',
    );
  });

  it('an `if` without `else` followed by a line at its column', () => {
    expect(layout('let f x =', '    if a then b', '    c')).toBe('SEP let f x = INDENT if a then INDENT b DEDENT SEP c DEDENT');
  });
});

describe('records', () => {
  it('on one line: the fields are a block inside the braces', () => {
    expect(layout('let r = { A = 1; B = 2 }')).toBe('SEP let r = INDENT { INDENT A = 1 ; B = 2 DEDENT } DEDENT');
  });

  it('one field per line', () => {
    expect(layout('let r =', '    { A = 1', '      B = 2 }')).toBe('SEP let r = INDENT { INDENT A = 1 SEP B = 2 DEDENT } DEDENT');
  });

  it('a record type with the closing brace on its own line', () => {
    expect(layout('type R = {', '    A: int', '    B: int', '}')).toBe('SEP type R = INDENT { INDENT A : int SEP B : int DEDENT } DEDENT');
  });

  it('copy-and-update across lines', () => {
    expect(layout('let f x =', '    let r = { s with', '                A = 1 }', '    r')).toBe(
      'SEP let f x = INDENT let r = INDENT { INDENT s with A = 1 DEDENT } DEDENT SEP r DEDENT',
    );
  });
});

describe('continuation lines', () => {
  it('infix operators starting a line at the block column continue the expression', () => {
    expect(layout('let k =', '    a', '    |> f', '    + 1')).toBe('SEP let k = INDENT a |> f + 1 DEDENT');
    expect(layout('let f x =', '    a', '    && b', '    || c')).toBe('SEP let f x = INDENT a && b || c DEDENT');
  });

  it('inside parentheses lines are not separated, and a closing paren may be further left', () => {
    expect(layout('let f x = (', '    a', '  )')).toBe('SEP let f x = INDENT ( a ) DEDENT');
    expect(layout('let f x =', '    g (a', '       b)')).toBe('SEP let f x = INDENT g ( a b ) DEDENT');
  });
});

describe('loops', () => {
  it('`while … do` and `for … in … .. … do` bodies are blocks', () => {
    expect(layout('let w =', '    while a do', '        b', '    for i in 0 .. n do c', '    d')).toBe(
      'SEP let w = INDENT while a do INDENT b DEDENT SEP for i in 0 .. n do INDENT c DEDENT SEP d DEDENT',
    );
  });

  it('`for … = … downto … do` with `do` on the next line', () => {
    expect(layout('let w =', '    for i = 10 downto 0', '    do', '        b')).toBe(
      'SEP let w = INDENT for i = 10 downto 0 do INDENT b DEDENT DEDENT',
    );
  });
});

describe('offside diagnostics', () => {
  it('a body at the column of its `let` warns FS0058, naming the `let`', () => {
    expect(lines(parse(mod('let f x =', '1')).diagnostics)).toEqual([
      't.fs(3,1): warning FS0058: Possible incorrect indentation: this token is offside of context started at position (2:1). Try indenting this token further or using standard formatting conventions.',
    ]);
  });

  it('a local body at the column of its block warns too, and the program still parses', () => {
    const r = parse(mod('let f x =', '    let y =', '    1', '    y'));
    expect(lines(r.diagnostics)).toEqual([
      't.fs(4,5): warning FS0058: Possible incorrect indentation: this token is offside of context started at position (3:5). Try indenting this token further or using standard formatting conventions.',
    ]);
    expect(r.ast.decls).toHaveLength(1);
  });

  it('a tab in the indentation is FS1161 and layout continues', () => {
    const r = parse(mod('let x =', '\t1'));
    expect(lines(r.diagnostics)).toEqual(['t.fs(3,1): error FS1161: TABs are not allowed in F# code unless the #indent "off" option is used']);
  });

  it('layout state does not leak between runs', () => {
    const once = layout('let f x =', '    if a then (', '        b');
    expect(layout('let x = 1')).toBe('SEP let x = INDENT 1 DEDENT');
    expect(layout('let f x =', '    if a then (', '        b')).toBe(once);
  });
});
