/**
 * The parser and CST→AST: the shape of the tree for each construct in language.md (as compact
 * S-expressions without spans), operator precedence as the F# specification gives it, and the
 * spans of a few nodes.
 */
import { describe, expect, it } from 'vitest';
import type * as A from '../../compiler/fncs/syntax/ast.js';
import { printAst } from '../../compiler/fncs/syntax/printAst.js';
import { at, body, expr, mod, parse, parseClean, sdecl, sx, topBindings, where } from './support.js';

describe('operator precedence (F# spec, lowest first)', () => {
  it.each([
    // Bitwise operators: `|||`, `&&&`, `<<<`, `>>>` share the comparison level, left-associative.
    ['a ||| b <<< 2', '(<<< (||| a b) 2)'],
    ['x &&& 1 = 0', '(= (&&& x 1) 0)'],
    ['a &&& b ||| c', '(||| (&&& a b) c)'],
    ['x >>> 4 &&& 0xF', '(&&& (>>> x 4) 0xF)'],
    // `^^^` is right-associative and binds tighter than the comparison level.
    ['a ^^^ b ^^^ c', '(^^^ a (^^^ b c))'],
    ['a ||| b ^^^ c', '(||| a (^^^ b c))'],
    ['a ^^^ b + c', '(^^^ a (+ b c))'],
    // `|>` is at the comparison level.
    ['x |> f = y', '(= (|> x f) y)'],
    ['x |> f |> g', '(|> (|> x f) g)'],
    ['a = b |> f', '(|> (= a b) f)'],
    // Logical operators below comparisons; `&&` tighter than `||`.
    ['a || b && c', '(|| a (&& b c))'],
    ['a && b || c && d', '(|| (&& a b) (&& c d))'],
    ['a < b && c >= d', '(&& (< a b) (>= c d))'],
    ['a <> b || c <= d', '(|| (<> a b) (<= c d))'],
    // Arithmetic.
    ['a + b * c', '(+ a (* b c))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a * b / c % d', '(% (/ (* a b) c) d)'],
    ['(a + b) * c', '(* (+ a b) c)'],
    ['a + b <<< 1', '(<<< (+ a b) 1)'],
    // Prefix operators bind tighter than infix ones, application tighter still.
    ['not a && b', '(&& (not a) b)'],
    ['not (a && b)', '(not (&& a b))'],
    ['-x * y', '(* (- x) y)'],
    ['~~~x &&& 0xFF', '(&&& (~~~ x) 0xFF)'],
    ['not f x', '(not (f x))'],
    ['f x + g y', '(+ (f x) (g y))'],
    ['f x y * 2', '(* (f x y) 2)'],
    ['f (g x) 3', '(f (g x) 3)'],
  ])('%s', (source, tree) => {
    expect(expr(source)).toBe(tree);
  });
});

describe('minus: negative argument or subtraction', () => {
  it.each([
    ['f -1', '(f -1)'],
    ['f x -1', '(f x -1)'],
    ['f -1 2', '(f -1 2)'],
    ['a - 1', '(- a 1)'],
    ['a-1', '(- a 1)'],
    ['a -x', '(- a x)'],
    ['f x - 1', '(- (f x) 1)'],
    ['f x-1', '(- (f x) 1)'],
    ['String.length rest - comma - 1', '(- (- (String.length rest) comma) 1)'],
    ['-1', '-1'],
    ['- 1', '-1'],
    ['-(1)', '(- 1)'],
    ['-x', '(- x)'],
  ])('%s', (source, tree) => {
    expect(expr(source)).toBe(tree);
  });
});

describe('application, paths, indexing and type arguments', () => {
  it.each([
    ['Region.alloc<byte> region 4096', '(Region.alloc<byte> region 4096)'],
    ['NativePtr.stackalloc<byte> 2', '(NativePtr.stackalloc<byte> 2)'],
    ['NativePtr.read<nativeptr<byte>> p', '(NativePtr.read<nativeptr<byte>> p)'],
    ['a < b', '(< a b)'],
    ['a<b', '(< a b)'],
    ['i < n && j > 0', '(&& (< i n) (> j 0))'],
    ['argv.[0]', '(.[] argv 0)'],
    ['argv.[i + 1]', '(.[] argv (+ i 1))'],
    ['frame.Payload', 'frame.Payload'],
    ['a.b.c', 'a.b.c'],
    ['(f x).Length', '(. (f x) Length)'],
    ['f frame.Length', '(f frame.Length)'],
    ['Array.length argv', '(Array.length argv)'],
    ['f ()', '(f ())'],
    ['()', '()'],
  ])('%s', (source, tree) => {
    expect(expr(source)).toBe(tree);
  });
});

describe('literals', () => {
  it.each([
    ['42', '42'],
    ['0x81uy', '0x81uy:byte'],
    ['5L', '5L:int64'],
    ['5u', '5u:uint32'],
    ['5UL', '5UL:uint64'],
    ['5y', '5y:sbyte'],
    ['5s', '5s:int16'],
    ['5us', '5us:uint16'],
    ['-2147483648', '-2147483648'],
    ['-128y', '-128y:sbyte'],
    ['true', 'true'],
    ['false', 'false'],
    ['"a\\r\\n\\t\\\\\\"\\0"', JSON.stringify('a\r\n\t\\"\0')],
  ])('%s', (source, tree) => {
    expect(expr(source)).toBe(tree);
  });

  it('integer literal values are decoded, negation included', () => {
    const v = (source: string): unknown => {
      const e = topBindings(parseClean(mod(`let x = ${source}`)))[0]!.body;
      return e.kind === 'Literal' && e.value.type === 'int' ? e.value.value : undefined;
    };
    expect([v('0x81uy'), v('-1'), v('-2147483648'), v('0xFFFFFFFF'), v('1_000')]).toEqual([129n, -1n, -2147483648n, -1n, 1000n]);
  });

  it('2147483648 is out of range (FS1142); -2147483648 is in range', () => {
    expect(where(parse(mod('let a = 2147483648', 'let b = -2147483648', 'let c = f 2147483648')).diagnostics)).toEqual([
      '(2,9) FS1142',
      '(4,11) FS1142',
    ]);
  });

  it('-129y and -1uy are out of range once negated', () => {
    expect(where(parse(mod('let a = -129y', 'let b = -1uy')).diagnostics)).toEqual(['(2,10) FS1142', '(3,9) FS1142']);
  });
});

describe('if, match, loops and blocks', () => {
  it('if/elif/else on one line: elif nests in the else branch', () => {
    expect(expr('if a then 1 elif b then 2 else 3')).toBe('(if a 1 (if b 2 3))');
    expect(expr('if a then f x')).toBe('(if a (f x))');
  });

  it('if/else across lines with `else` aligned with `if`', () => {
    expect(body('let f x =', '    if x > 0 then', '        g x', '        1', '    else', '        0')).toBe('(if (> x 0) {(g x); 1} 0)');
  });

  it('match with or-patterns, guards, wildcard, variables and literal patterns', () => {
    expect(body(
      'let f x =',
      '    match x with',
      '    | 0x01 | 0x02 -> 1',
      '    | 0x08 when y -> 2',
      '    | -1 -> 3',
      '    | n -> n',
    )).toBe('(match x [0x01 | 0x02 -> 1] [0x08 when y -> 2] [-1 -> 3] [n -> n])');
    expect(body('let f s =', '    match s with', '    | "GET" -> true', '    | _ -> false')).toBe('(match s ["GET" -> true] [_ -> false])');
    expect(body('let f b =', '    match b with', '    | true -> 1', '    | false -> 0')).toBe('(match b [true -> 1] [false -> 0])');
  });

  it('the first `|` of a match is optional', () => {
    expect(expr('match x with 1 -> a | _ -> b')).toBe('(match x [1 -> a] [_ -> b])');
  });

  it('nested matches: the inner one ends at the outer arm', () => {
    expect(body(
      'let f x =',
      '    match x with',
      '    | 1 ->',
      '        match y with',
      '        | 2 -> a',
      '        | _ -> b',
      '    | _ -> c',
    )).toBe('(match x [1 -> (match y [2 -> a] [_ -> b])] [_ -> c])');
  });

  it('a match arm body across lines is a block', () => {
    expect(body('let f x =', '    match x with', '    | 1 ->', '        g x', '        2', '    | _ -> 0')).toBe('(match x [1 -> {(g x); 2}] [_ -> 0])');
  });

  it('while and both for loops', () => {
    expect(body('let f () =', '    while i < n do', '        g i')).toBe('(while (< i n) (g i))');
    expect(expr('for i in 0 .. n - 1 do g i')).toBe('(for i in 0 .. (- n 1) (g i))');
    expect(expr('for i = 1 to 10 do g i')).toBe('(for i = 1 to 10 (g i))');
    expect(expr('for i = 10 downto 1 do g i')).toBe('(for i = 10 downto 1 (g i))');
  });

  it('blocks: local lets, mutation, sequencing; the value is the last line', () => {
    expect(body('let f () =', '    let mutable i = 0', '    i <- i + 1', '    let g y = y * 2', '    g i')).toBe(
      '{let mutable i = 0; (<- i (+ i 1)); let g y = (* y 2); (g i)}',
    );
  });

  it('`;` separates items on one line', () => {
    expect(expr('f x; g y')).toBe('{(f x); (g y)}');
  });

  it('infix operators starting a line continue the expression', () => {
    expect(body('let k =', '    a', '    |> f', '    |> g')).toBe('(|> (|> a f) g)');
    expect(body('let k =', '    a', '    && b', '    || c')).toBe('(|| (&& a b) c)');
  });

  it('`begin … end` is a parenthesised block', () => {
    expect(expr('begin f x; 1 end')).toBe('{(f x); 1}');
  });
});

describe('records', () => {
  it('a record type on one line and one field per line', () => {
    const ast = parseClean(mod('type R = { A: int; mutable B: byte }', 'type S = {', '    X: nativeptr<byte>', '    Y: int64', '}'));
    expect(ast.decls.map(sdecl)).toEqual(['type R = { A: int; mutable B: byte }', 'type S = { X: nativeptr<byte>; Y: int64 }']);
  });

  it('construction on one line and one field per line', () => {
    expect(expr('{ A = 1; B = x + 1 }')).toBe('{A = 1; B = (+ x 1)}');
    expect(body('let r =', '    { A = 1', '      B = 2 }')).toBe('{A = 1; B = 2}');
  });

  it('copy-and-update, and field access on the result', () => {
    expect(expr('{ r with A = 2 }')).toBe('{r with A = 2}');
    expect(expr('{ r with A = 2; B = f x }')).toBe('{r with A = 2; B = (f x)}');
    expect(expr('{ r.Inner with A = 2 }')).toBe('{r.Inner with A = 2}');
  });
});

describe('declarations', () => {
  it('let with annotated parameters, a return type and `()`', () => {
    const ast = parseClean(mod(
      'let f (a: nativeptr<byte>) (n: int) : int = n',
      'let g () = 0',
      'let h x _ (y: string[]) = x',
      "let id (x: 'T) : 'T = x",
      'let k (f: int -> int -> bool) = f',
    ));
    expect(ast.decls.map(sdecl)).toEqual([
      'let f (a: nativeptr<byte>) (n: int) : int = n',
      'let g () = 0',
      'let h x _ (y: string[]) = x',
      "let id (x: 'T) : 'T = x",
      'let k (f: (int -> (int -> bool))) = f',
    ]);
  });

  it('let rec … and …, let mutable, open, module name', () => {
    const ast = parseClean(mod('open System', 'let rec even n = odd n', 'and odd n = even n', 'let mutable count = 0'));
    expect(ast.name.text).toBe('T');
    expect(ast.decls.map(sdecl)).toEqual(['open System', 'let rec even n = (odd n) and odd n = (even n)', 'let mutable count = 0']);
  });

  it('a dotted module name', () => {
    expect(parseClean('module Fidelity.Samples\nlet x = 1\n').name.text).toBe('Fidelity.Samples');
  });

  it('[<EntryPoint>] attaches to the let that follows', () => {
    const ast = parseClean(mod('[<EntryPoint>]', 'let main argv =', '    let s = argv.[0]', '    0'));
    expect(ast.decls.map(sdecl)).toEqual(['[<EntryPoint>] let main argv = {let s = (.[] argv 0); 0}']);
  });

  it('local functions nest to any depth', () => {
    expect(body('let f x =', '    let g y =', '        let h z = x + y + z', '        h 1', '    g 2')).toBe(
      '{let g y = {let h z = (+ (+ x y) z); (h 1)}; (g 2)}',
    );
  });
});

describe('spans', () => {
  const ast = parseClean(mod('let f (a: int) =', '    let y = a + 1', '    y * 2', 'let g = Region.alloc<byte> r 4096'));
  const [f, g] = topBindings(ast) as [A.Binding, A.Binding];

  it('a binding covers its name through its body; names and parameters have their own', () => {
    expect(at(f.span)).toBe('2:5-4:10');
    expect(at(f.name.span)).toBe('2:5-2:6');
    expect(at(f.params[0]!.span)).toBe('2:7-2:15');
    expect(at(ast.decls[0]!.span)).toBe('2:1-4:10');
  });

  it('an infix expression spans its operands; its operator has a span of its own', () => {
    const block = f.body as Extract<A.Expr, { kind: 'Block' }>;
    const last = block.items[1] as Extract<A.Expr, { kind: 'Infix' }>;
    expect(at(block.span)).toBe('3:5-4:10');
    expect(at(last.span)).toBe('4:5-4:10');
    expect(at(last.opSpan)).toBe('4:7-4:8');
  });

  it('an application with type arguments: the call, the type application and the literal', () => {
    const app = g.body as Extract<A.Expr, { kind: 'App' }>;
    expect(sx(app)).toBe('(Region.alloc<byte> r 4096)');
    expect(at(app.span)).toBe('5:9-5:34');
    expect(at(app.fn.span)).toBe('5:9-5:27');
    expect(at(app.args[1]!.span)).toBe('5:30-5:34');
  });

  it('a negative argument spans its minus', () => {
    const e = topBindings(parseClean(mod('let x = f -1')))[0]!.body as Extract<A.Expr, { kind: 'App' }>;
    expect(at(e.args[0]!.span)).toBe('2:11-2:13');
  });

  it('printAst shows positions and shapes', () => {
    expect(printAst(parseClean(mod('let x = f -1')))).toBe([
      'Module name=T @1:1',
      '  decls: [',
      '    LetDecl rec=false @2:1',
      '      bindings: [',
      '        Binding name=x mutable=false returnType=null @2:5',
      '          body: App @2:9',
      '            fn: Path @2:9',
      '              parts: [f]',
      '            args: [',
      '              Literal value=-1 : int @2:11',
      '            ]',
      '      ]',
      '  ]',
      '',
    ].join('\n'));
  });
});

describe('samples', () => {
  it.each(['samples/HelloWorld.fs', 'samples/SocketBasics.fs', 'samples/WebSocketEcho.fs', 'tests/fixtures/seed-6.1.fs', 'tests/fixtures/section5.fs'])(
    '%s parses without syntax diagnostics',
    async (file) => {
      const { readFile } = await import('node:fs/promises');
      const r = parse(await readFile(file, 'utf8'), file);
      expect(where(r.diagnostics)).toEqual([]);
    },
  );
});
