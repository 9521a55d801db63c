/**
 * Helpers for testing the fast parser against the recovering one: both parsers on one token
 * stream, the invariant they must keep, the programs to try them on (files, generated programs, the
 * source snippets of the other test files) and seeded mutations of those programs, at the level of
 * characters (then lexed and laid out again) and of the laid-out tokens themselves.
 */
import type { IToken } from 'chevrotain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleAst } from '../../compiler/fncs/syntax/ast.js';
import { lexTokens, parseRecovering, type ParseResult } from '../../compiler/fncs/syntax/parse.js';
import { parseFast } from '../../compiler/fncs/syntax/tokens2ast.js';
import * as T from '../../compiler/fncs/syntax/tokens.js';
import { formatLine } from '../../compiler/diagnostics/render.js';

// ---- the invariant ---------------------------------------------------------------------------------
export interface Outcome {
  readonly fast: ModuleAst | null;
  readonly recovering: ParseResult;
}

/** Both parsers on the same laid-out tokens (those of `text` unless given). */
export function bothParsers(file: string, text: string, tokens: readonly IToken[] = lexTokens(file, text).tokens): Outcome {
  return { fast: parseFast(file, tokens), recovering: parseRecovering(file, text, tokens) };
}

/** The tree as text: every field in its order, spans included, bigints marked. */
export const canonical = (ast: unknown): string => JSON.stringify(ast, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** Where two trees first differ, as a path and the two values there. */
function firstDifference(a: unknown, b: unknown, path = 'ast'): string | undefined {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return a === b ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join() !== kb.join()) return `${path}: fields ${ka.join()} ≠ ${kb.join()}`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

/**
 * What is wrong with an outcome, or undefined: the fast parser must accept exactly the token
 * streams the recovering parser parses without any diagnostic, and build the same tree for them.
 */
export function disagreement(o: Outcome): string | undefined {
  const diagnostics = o.recovering.diagnostics;
  if (o.fast === null) {
    return diagnostics.length === 0 ? 'the fast parser gave up on a program the recovering parser accepts without diagnostics' : undefined;
  }
  if (diagnostics.length > 0) return `the fast parser accepted a program the recovering parser reports:\n  ${diagnostics.map(formatLine).join('\n  ')}`;
  if (canonical(o.fast) === canonical(o.recovering.ast)) return undefined;
  return `the trees differ at ${firstDifference(o.fast, o.recovering.ast) ?? 'a bigint or an undefined field'}`;
}

// ---- programs ------------------------------------------------------------------------------------------
export interface Source {
  readonly name: string;
  readonly text: string;
}

function fsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return fsFilesUnder(path);
    return e.name.endsWith('.fs') ? [path] : [];
  });
}

/** Every sample, and every `.fs` file under `tests/`. */
export function sourceFiles(): Source[] {
  return [...fsFilesUnder('samples'), ...fsFilesUnder('tests')].sort().map((name) => ({ name, text: readFileSync(name, 'utf8') }));
}

/** A file cut into windows of about 80 lines at top-level declarations, each under the file's module line. */
export function windows(s: Source): Source[] {
  const lines = s.text.split('\n');
  if (lines.length < 120) return [s];
  const header = Math.max(0, lines.findIndex((l) => l.startsWith('module ')));
  const out: Source[] = [];
  let start = header + 1;
  while (start < lines.length) {
    let end = Math.min(lines.length, start + 80);
    while (end < lines.length && !/^(let|type|\[<)/.test(lines[end]!)) end++;
    out.push({ name: `${s.name}:${start + 1}-${end}`, text: [lines[header]!, ...lines.slice(start, end)].join('\n') });
    start = end;
  }
  return out;
}

/** Decode the body of a TypeScript string literal (the escapes the test files use). */
function unescape(body: string): string {
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', b: '\b', f: '\f', v: '\v' };
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[^])/g, (_m, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return simple[e] ?? e;
  });
}

/**
 * The string literals of a TypeScript file, grouped as they are written: literals separated only by
 * commas and white space (the lines of one `mod(…)` call, say) form one group. Template literals
 * with substitutions are left out.
 */
export function stringGroups(ts: string): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let i = 0;
  while (i < ts.length) {
    const c = ts[i]!;
    if (c === '/' && ts[i + 1] === '/') { i = ts.indexOf('\n', i); if (i < 0) break; continue; }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < ts.length && ts[j] !== c) j += ts[j] === '\\' ? 2 : 1;
      const body = ts.slice(i + 1, j);
      if (!(c === '`' && body.includes('${'))) group.push(unescape(body));
      i = j + 1;
      continue;
    }
    if (c !== ',' && !/\s/.test(c) && group.length > 0) { groups.push(group); group = []; }
    i++;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Programs made of the source snippets in the other syntax and checking tests: each group of string
 * literals as the lines of a module, and its first line also as the body of a `let`.
 */
export function snippetPrograms(): Source[] {
  const files = [
    ...readdirSync('tests/syntax').filter((f) => f.endsWith('.test.ts') && f !== 'fastParser.test.ts').map((f) => join('tests/syntax', f)),
    ...readdirSync('tests/checking').filter((f) => f.endsWith('.ts')).map((f) => join('tests/checking', f)),
  ].sort();
  const seen = new Set<string>();
  const out: Source[] = [];
  const add = (name: string, text: string): void => {
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ name, text });
  };
  for (const file of files) {
    for (const [k, g] of stringGroups(readFileSync(file, 'utf8')).entries()) {
      add(`${file} #${k}`, ['module T', ...g].join('\n') + '\n');
      add(`${file} #${k} as a body`, ['module T', `let x = ${g[0]!}`, ...g.slice(1)].join('\n') + '\n');
      if (g.some((l) => l.includes('\n'))) add(`${file} #${k} as a file`, g.join('\n'));
      // Each literal alone too: tables such as `['a - 1', '(- a 1)']` pair a source with its expectation.
      for (const l of g) add(`${file} #${k} ${JSON.stringify(l)}`, ['module T', `let x = ${l}`].join('\n') + '\n');
    }
  }
  for (const e of decisionSnippets) add(`decision ${JSON.stringify(e)}`, ['module T', `let x = ${e}`].join('\n') + '\n');
  for (const d of declarationSnippets) add(`declarations ${JSON.stringify(d)}`, `module T\n${d}\n`);
  return out;
}

/**
 * Expressions on either side of each decision the grammar takes on more than the next token's type:
 * negative arguments (`f -1` against `a-1`), type arguments (`f<int> x` against `a < b > c`), a
 * minus glued to a literal, how far type arguments may reach, and copy-and-update against fields.
 */
const decisionSnippets = [
  'f -1', 'f - 1', 'f-1', 'a -1 -2', 'a-1-2', 'f x -1', 'f (x) -1', '(f x)-1', 'f -x', 'f -1L', 'f -0x10',
  '-1', '- 1', '-1 x', '- 1 y', '-1 -2', '-1-2', 'f -1 -2', 'a - -1', '-x.y', '-(1)', '- -1', '-2147483648', '-0', 'not -1',
  '-1<int> x', '-1 < 2', '-1<2', 'a<b', 'a < b', 'a<b>c', 'a < b > c', 'a<b > c', 'f<int> x', 'f <int> x', 'f<int>x', 'f<int>.X',
  'f<nativeptr<byte>> p', "f<'T> x", 'f<int[]> x', 'f<(int)> x',
  // Type arguments are looked for up to 32 tokens ahead: 31 and 32 tokens are, 33 and 34 are not.
  `f<${Array(6).fill('int').join(', ')}> x`, `f<${Array(15).fill('int').join(', ')}> x`, `f<${Array(16).fill('int').join(', ')}> x`,
  `f<nativeptr<byte>, ${Array(13).fill('int').join(', ')}> x`, `f<nativeptr<byte>, ${Array(14).fill('int').join(', ')}> x`,
  'f<int -> int> g', 'f<_> x', 'a.[0].b', 'a.b.[i].c.d', '(a).b.c', '(f x).[0]', 'a.b<int>.c',
  'a ^^^ b ^^^ c', 'a ||| b ^^^ c ^^^ d', 'a - b - c', 'a * b + c * d - e / f % g', 'a <<< b + c', 'a |> f = b |> g',
  'a && b || c && d || e', 'x <- a ^^^ b', 'x <- y <- z',
  '{ A = 1 }', '{ r with A = 1 }', '{ A = B = 1 }', '{ f x with A = 1 }', '{ r.S with A = 1; B = 2 }', '{ -r with A = 1 }',
  'begin end', 'begin 1 end', 'begin 1; end', '(1;)', '(1; 2)', '(let y = 1 in y)', '(let y = 1)', '()', '( )',
];

/** Declarations in each form the grammar has: parameters, attributes, records, `open`, module names. */
const declarationSnippets = [
  'let f (_: int) = 1', 'let f (_) = 1', 'let f (x) = 1', 'let f () = 1', 'let f _ = 1', 'let _ = 1', 'let mutable _ = 1', 'let f ( ) = 1',
  'let f (x: int) (y: int[]) : int -> int = x', "let f (x: 'T[][]) : ('T -> 'T) -> int = x", 'let f x y z = x',
  'let rec f x = g x\nand g x = f x', 'let rec f x = g x and g x = f x', 'let mutable x = 1\nlet y = x',
  '[<EntryPoint>]\nlet main argv = 0', '[<A; B>]\n[<C>]\nlet main _ = 0', '[<A>] let f x = x', '[<A>]\ntype R = { A: int }\nlet f x = x',
  'type R = { A: int; mutable B: byte }', 'type R = {\n    A: int\n    mutable B: nativeptr<byte>;\n}', 'type R = { A: int; }',
  'type R =\n    { A: int\n      B: int }', 'open System', 'open System.IO\nopen X', 'let x = 1;;', 'let x =\n    1;\n    2;',
];

// ---- mutations ------------------------------------------------------------------------------------------
type Rng = () => number;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <X>(rng: Rng, xs: readonly X[]): X => xs[int(rng, xs.length)]!;

/** Characters and fragments that change what the lexer and the offside pass see. */
const fragments = [
  ' ', '  ', '\n', '\n    ', '(', ')', '[', ']', '{', '}', '<', '>', '-', '-1', '.', ',', ';', '|', '=', '->', '<-', ':', '_', '"', '1', 'x',
  'let ', 'in ', 'then ', 'else ', 'do ', 'with ', 'match ', 'if ', 'fun ', 'mutable ', 'begin ', 'end ', '[<A>]', '..', '<byte>', '(*', '*)', '//',
];

/** One seeded edit of a program's text (the lexer and the offside pass then run on it). */
export function mutateText(text: string, rng: Rng): { text: string; what: string } {
  const o = int(rng, text.length + 1);
  const lines = text.split('\n');
  const l = int(rng, lines.length);
  switch (int(rng, 6)) {
    case 0: {
      const n = 1 + int(rng, 4);
      return { text: text.slice(0, o) + text.slice(o + n), what: `delete ${n} characters at ${o}` };
    }
    case 1: {
      const f = pick(rng, fragments);
      return { text: text.slice(0, o) + f + text.slice(o), what: `insert ${JSON.stringify(f)} at ${o}` };
    }
    case 2: {
      const delta = pick(rng, [-4, -1, 1, 4]);
      lines[l] = delta > 0 ? ' '.repeat(delta) + lines[l]! : lines[l]!.replace(new RegExp(`^ {0,${-delta}}`), '');
      return { text: lines.join('\n'), what: `indent line ${l + 1} by ${delta}` };
    }
    case 3:
      lines.splice(l, 0, lines[l]!);
      return { text: lines.join('\n'), what: `duplicate line ${l + 1}` };
    case 4:
      lines.splice(l, 1);
      return { text: lines.join('\n'), what: `delete line ${l + 1}` };
    default: {
      const m = int(rng, lines.length);
      [lines[l], lines[m]] = [lines[m]!, lines[l]!];
      return { text: lines.join('\n'), what: `swap lines ${l + 1} and ${m + 1}` };
    }
  }
}

/** The token types that reach the parser (no skipped or error groups), and an image for each. */
const parserTokenTypes = T.allTokens.filter((t) => ![T.WhiteSpace, T.Tab, T.LineComment, T.BlockComment, T.Unknown].includes(t));
const imageOf = (t: T.TokenTypeLike): string => {
  const special: Partial<Record<string, string>> = {
    Ident: 'x', IntLit: '1', StringLit: '"s"', UnterminatedString: '"s', FloatLit: '1.5', BadNumber: '1x', CharLit: "'c'", TypeVar: "'T",
    UnsupportedKeyword: 'fun', Underscore: '_', INDENT: '', DEDENT: '', SEP: '',
  };
  const label = /^(?:keyword|symbol) '(.*)'$/.exec(t.LABEL ?? '')?.[1];
  return special[t.name] ?? label ?? t.name.toLowerCase();
};

/** `t` as a token of another type, where `t` was (so positions stay in source order). */
const retyped = (t: IToken, type: T.TokenTypeLike, image = imageOf(type)): IToken => ({ ...t, tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, image });

/**
 * One seeded edit of a laid-out token stream, in streams the offside pass would never produce
 * (a virtual token deleted, duplicated or turned into another): deletions, duplications, a token
 * turned into another type, or two tokens exchanging types. Positions stay in source order.
 */
export function mutateTokens(tokens: readonly IToken[], rng: Rng): { tokens: IToken[]; what: string } {
  const out = [...tokens];
  if (out.length === 0) return { tokens: out, what: 'no tokens' };
  const i = int(rng, out.length);
  const t = out[i]!;
  switch (int(rng, 4)) {
    case 0:
      out.splice(i, 1);
      return { tokens: out, what: `delete ${t.tokenType.name} #${i}` };
    case 1:
      out.splice(i, 0, t);
      return { tokens: out, what: `duplicate ${t.tokenType.name} #${i}` };
    case 2: {
      const type = pick(rng, parserTokenTypes);
      out[i] = retyped(t, type);
      return { tokens: out, what: `${t.tokenType.name} #${i} becomes ${type.name}` };
    }
    default: {
      const j = Math.min(out.length - 1, i + 1 + int(rng, 3));
      const u = out[j]!;
      out[i] = retyped(t, u.tokenType, u.image);
      out[j] = retyped(u, t.tokenType, t.image);
      return { tokens: out, what: `${t.tokenType.name} #${i} and ${u.tokenType.name} #${j} exchange types` };
    }
  }
}
