/**
 * The lexer's two paths agree: the hand-written scanner (the fast path `lex` takes for a clean
 * file) and the Chevrotain lexer (the reference, which `lex` falls back to) give the same tokens,
 * field for field, and `lex` gives the reference's diagnostics, on the samples, every fixture,
 * generated programs, hand-picked awkward inputs, and thousands of seeded mutations of them.
 *
 * Reproduce a failure with the printed seed and case: `SCAN_SEED=<seed> npx vitest run tests/syntax/scanner.test.ts`.
 * `SCAN_CASES` changes the count.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, type IToken } from 'chevrotain';
import { describe, expect, it, vi } from 'vitest';
import { lex, lexWithChevrotain, type LexResult } from '../../compiler/fncs/syntax/lexer.js';
import type { IntLiteralType } from '../../compiler/fncs/syntax/ast.js';
import { decodeInt, decodeString, intRanges, type DecodedInt } from '../../compiler/fncs/syntax/literals.js';
import { scan, Scanner } from '../../compiler/fncs/syntax/scanner.js';
import { TokenBuffer } from '../../compiler/fncs/syntax/token.js';
import * as T from '../../compiler/fncs/syntax/tokens.js';
import { generateProgram } from '../../scripts/bench/generateProgram.js';
import { seededRandom } from '../../scripts/bench/random.js';

const SEED = Number(process.env['SCAN_SEED'] ?? 0x5ca1_ab1e);
const CASES = Number(process.env['SCAN_CASES'] ?? 4000);

type Rng = () => number;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;

// ---- what is compared -----------------------------------------------------------------------------
/** Every token field the parser, the offside pass and the spans read, the token type by identity. */
function tokenView(t: IToken): unknown[] {
  return [t.tokenType, t.tokenTypeIdx, t.image, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn];
}
const view = (r: LexResult): { tokens: unknown[][]; diagnostics: unknown } => ({ tokens: r.tokens.map(tokenView), diagnostics: r.diagnostics });

/** Why `lex` and the reference disagree on `text`, or undefined when they agree. */
function disagreement(text: string): string | undefined {
  const fast = view(lex('m.fs', text));
  const reference = view(lexWithChevrotain('m.fs', text));
  if (fast.tokens.length !== reference.tokens.length) return `${fast.tokens.length} tokens, reference ${reference.tokens.length}`;
  for (let k = 0; k < fast.tokens.length; k++) {
    const a = fast.tokens[k]!;
    const b = reference.tokens[k]!;
    if (a.some((x, f) => x !== b[f])) return `token ${k}: ${JSON.stringify(a.slice(1))}, reference ${JSON.stringify(b.slice(1))}`;
  }
  const d = JSON.stringify(fast.diagnostics);
  const e = JSON.stringify(reference.diagnostics);
  return d === e ? undefined : `diagnostics ${d}, reference ${e}`;
}

// ---- corpus ---------------------------------------------------------------------------------------
function fsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fsFiles(path);
    return name.endsWith('.fs') ? [path] : [];
  });
}
const files = [...fsFiles('samples'), ...fsFiles('tests')].sort();
const generated = [50, 300, 1000].map((n) => ({ name: `generateProgram(${n})`, text: generateProgram(n).text }));
const corpus = [...files.map((f) => ({ name: f, text: readFileSync(f, 'utf8') })), ...generated];

/** Inputs at the edges of each token kind: some lex cleanly, the rest make the scanner give up. */
const awkward = [
  '', ' ', '\n', '\r\n', '\r', 'x', '_', '_x', "x'", "x''", 'let', 'lets', "let'", 'fun', 'function', 'funx', '``a b``', '``a`b``',
  '``', '````', '``a\r``', '``a\nb``', "'T", "'T'", "'a'", "'ab'", "'", "'\\n'", "'\\''", "''", "'_x1", "'x'y",
  '0', '00', '1_000', '123456789', '1234567890', '2147483647', '2147483648', '2147483649', '3000000000', '9999999999', '-2147483648', '4294967295u', '0xFFFFFFFF',
  '0x', '0x_', '0xG', '0b102', '0o78', '0b101uy', '255uy', '256uy', '5L', '5UL', '5n', '5UN', '5uL', '5q', '12abc', '1.5',
  '1.', '1..2', '1.e5', '1_.5', '0x1.5', '1e5', '9223372036854775807L', '9223372036854775808L', '0x8000000000000000L',
  '"', '"a', '"a"', '"\\n\\t\\\\\\"\\\'\\0"', '"\\q"', '"\\u0041"', '"\\u004"', '"\\u00G1"', '"\\x41"', '"\\x4"', '"\\', '"\\\n"',
  '"a\rb"', '"é中\u{1F600}"', '"\uD800"', '"a\nb"', '(*', '(* a *)', '(* (* *)', '(* (* *) *)', '(*)', '(**)', '(* \r\n *) x',
  '(* \r *) x', '(* \n\r *) x', '// c', '// c\r\nx', '// c\rx', '//\n', '/ /', '(* *) (* *)x', 'a(*b*)c',
  '\t', ' \tx', 'x\t', '&', '&&', '&&&', '^', '^^^', '~~~', '~', '!', '?', '@', '#', '$', '\\', '\0', '\x7f', '\x1b', '\f', '\v',
  '\u00a0', '\ufeff', '\u2028', 'é', '中', '\u{1F600}', '\uD800',
  '||| || |> | &&& && <<< >>> << >> <- -> <> <= >= < > = .. . ... [< >] [| |] :: : := ; , ( ) [ ] { } + - * / %',
  'x\r\ny', 'x\n\ry', 'x\r\ry', 'a\r\n\r\nb', '  \n  x', 'let x =\r\n    1\r\n',
];

// ---- mutations --------------------------------------------------------------------------------------
/** Characters and fragments a lexer finds awkward, inserted at random. */
const fragments = [
  '\t', '\r', '\r\n', '\n', '"', "'", '`', '``', '(*', '*)', '(*)', '//', '\\', '\0', '\x7f', 'é', '中', '\u{1F600}', '\uD800',
  '\uFEFF', '\u00A0', '0', '9', '0x', '1.5', '5uy', '300uy', '9999999999', '99999999999', '0b12', 'L', 'u', 'n', "'a'", "'T", '``x y``',
  '"\\q"', '"\\u12"', '"\\x4"', '_', "'", '&', '^', '~', '.', '..', '<', '>', '|', '[', ']', ' ', '    ',
];

type Mutation = (text: string, rng: Rng) => string;
const mutations: Mutation[] = [
  (t, r) => { const o = int(r, t.length + 1); return t.slice(0, o) + pick(r, fragments) + t.slice(o); },
  (t, r) => { const o = int(r, t.length + 1); return t.slice(0, o) + String.fromCharCode(int(r, 256)) + t.slice(o); },
  (t, r) => { const o = int(r, t.length + 1); return t.slice(0, o) + String.fromCharCode(int(r, 0x10000)) + t.slice(o); },
  (t, r) => { const o = int(r, t.length); return t.slice(0, o) + t.slice(o + 1 + int(r, 8)); },
  (t, r) => { const o = int(r, t.length); const c = t[o] ?? ''; return t.slice(0, o) + c + c + t.slice(o + 1); },
  (t) => t.replace(/\n/g, '\r\n'),
  (t, r) => { const lines = t.split('\n'); const i = int(r, lines.length); lines[i] = `\t${lines[i]!}`; return lines.join('\n'); },
  (t, r) => { const o = t.indexOf('\n', int(r, t.length)); return o < 0 ? t : `${t.slice(0, o)}\r${t.slice(o + 1)}`; },
  (t, r) => { const o = int(r, t.length + 1); return t.slice(0, o); },
  (t, r) => { const a = int(r, t.length + 1); const b = int(r, t.length + 1); return t.slice(0, a) + t.slice(Math.min(a, b), Math.max(a, b)) + t.slice(a); },
];

/** Case `index`: a window of up to 120 lines of a corpus text, then one to four mutations, all from (seed, index). */
function makeCase(index: number): { source: string; text: string } {
  const rng = seededRandom(SEED ^ Math.imul(index + 1, 0x9e3779b1));
  const source = pick(rng, corpus);
  const lines = source.text.split('\n');
  const start = int(rng, lines.length);
  let text = lines.slice(start, start + 1 + int(rng, 120)).join('\n');
  const count = 1 + int(rng, 4);
  // A quarter of the cases stay unmutated windows, so the scanner's own path is well exercised too.
  if (rng() < 0.25) return { source: source.name, text };
  for (let k = 0; k < count; k++) text = pick(rng, mutations)(text, rng);
  return { source: source.name, text };
}

// ---- the tests ----------------------------------------------------------------------------------------
// First in the file: no other test may have built the Chevrotain lexer yet.
describe('the Chevrotain lexer is built on first need', () => {
  it('clean files never build or run it; the first file with a diagnostic does', () => {
    const tokenize = vi.spyOn(Lexer.prototype, 'tokenize');
    try {
      for (const { name, text } of corpus.filter((c) => c.name.startsWith('samples/'))) expect(lex(name, text).diagnostics, name).toEqual([]);
      expect(tokenize).not.toHaveBeenCalled();
      // Its first-character hint is listed only when it is built.
      expect(T.Unknown.START_CHARS_HINT).toBeUndefined();
      expect(lex('t.fs', 'let x =\t1').diagnostics.map((d) => d.code)).toEqual(['FS1161']);
      expect(tokenize).toHaveBeenCalledTimes(1);
      expect(T.Unknown.START_CHARS_HINT?.length).toBeGreaterThan(60_000);
    } finally {
      tokenize.mockRestore();
    }
  });
});

describe('the scanner takes every clean file', () => {
  it('covers the samples, every fixture under tests/, and generated programs', () => {
    expect(files.filter((f) => f.startsWith('samples/')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => f.startsWith('tests/')).length).toBeGreaterThanOrEqual(5);
    for (const { name, text } of corpus) {
      const reference = lexWithChevrotain('m.fs', text);
      // A file the reference lexes without a diagnostic must not need the fallback.
      if (reference.diagnostics.length === 0) expect(scan(text), name).not.toBeNull();
      expect(disagreement(text), name).toBeUndefined();
    }
  });
});

describe('scanners share one buffer of code units', () => {
  // Each scanner reads its text from one buffer all scans share: a scanner interrupted by another's
  // scan of a different text must copy its own back in, and a shorter text must not see the end of
  // a longer one scanned before it.
  const long = generateProgram(200).text;
  const short = 'let s = "caf\u00e9 \u4e2d"\nlet (* é *) x = s\n';
  const alone = (text: string): IToken[] | null => scan(text);
  const interleaved = (texts: readonly string[]): (IToken[] | null)[] => {
    const scanners = texts.map((t) => ({ scanner: new Scanner(t), tokens: new TokenBuffer(16), ok: true }));
    while (scanners.some((s) => s.ok && !s.scanner.done)) {
      for (const s of scanners) if (s.ok && !s.scanner.done) s.ok = s.scanner.scan(s.tokens, 3);
    }
    return scanners.map((s) => (s.ok ? s.tokens.toTokens() : null));
  };

  it('scanning a few tokens at a time, by turns, gives each text the tokens it gets alone', () => {
    const [a, b, c] = interleaved([long, short, long.slice(0, long.length >> 1)]);
    expect(a).toEqual(alone(long));
    expect(b).toEqual(alone(short));
    expect(c).toEqual(alone(long.slice(0, long.length >> 1)));
    expect(b).not.toBeNull();
  });

  it('a short text scanned after a long one ends where it ends', () => {
    // The second text is the first cut short: what the first left in the buffer after the cut must
    // not be read as the rest of an operator (`<-`) or a name.
    for (const [first, second] of [['x <- y', 'x <'], ['let ab = 1', 'let a']] as const) {
      expect(alone(first)).not.toBeNull();
      expect(alone(second)).toEqual(lexWithChevrotain('m.fs', second).tokens);
    }
  });
});

describe('scanner and Chevrotain agree', () => {
  it.each(awkward.map((text) => [JSON.stringify(text), text]))('on %s', (_, text) => {
    expect(disagreement(text)).toBeUndefined();
  });

  it('the scanner gives up exactly where the reference reports something', () => {
    for (const text of awkward) {
      const clean = lexWithChevrotain('m.fs', text).diagnostics.length === 0;
      expect(scan(text) !== null, JSON.stringify(text)).toBe(clean);
    }
  });

  it(`on ${CASES} seeded mutations of the corpus (seed ${SEED})`, { timeout: 120_000 }, () => {
    const failures: string[] = [];
    let scanned = 0;
    for (let i = 0; i < CASES; i++) {
      const c = makeCase(i);
      if (scan(c.text) !== null) scanned++;
      const why = disagreement(c.text);
      if (why !== undefined) failures.push(`case ${i} (SCAN_SEED=${SEED}) from ${c.source}: ${why}\n  text: ${JSON.stringify(c.text.slice(0, 400))}`);
      if (failures.length >= 5) break;
    }
    expect(failures).toEqual([]);
    // Both paths were exercised: clean windows through the scanner, broken ones through the fallback.
    expect(scanned).toBeGreaterThan(CASES * 0.2);
    expect(scanned).toBeLessThan(CASES * 0.8);
  });
});

describe('literal decoding, whose common cases take a shortcut', () => {
  it('plain decimals of every length decode to their value, in range exactly when an int holds them', () => {
    const rng = seededRandom(SEED);
    for (let k = 0; k < 2000; k++) {
      const image = Array.from({ length: 1 + int(rng, 12) }, () => String(int(rng, 10))).join('');
      for (const negated of [false, true]) {
        const value = negated ? -BigInt(image) : BigInt(image);
        expect(decodeInt(image, negated), `${negated ? '-' : ''}${image}`).toEqual({ intType: 'int', value, ok: value >= -2147483648n && value <= 2147483647n });
      }
    }
  });

  it('any image decodes as the IntLit pattern reads it (checked against that pattern as a regular expression)', () => {
    const form = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)([A-Za-z]*)$/;
    const types: Record<string, IntLiteralType> = { '': 'int', l: 'int', L: 'int64', u: 'uint32', UL: 'uint64', ul: 'uint64', uL: 'uint64', Ul: 'uint64', uy: 'byte', y: 'sbyte', s: 'int16', us: 'uint16' };
    /** What the literal means: its digits by the pattern, its type by the suffix, a radix literal of a signed type possibly a bit pattern. */
    function expected(image: string, negated: boolean): DecodedInt {
      const m = form.exec(image);
      const intType = m !== null && Object.hasOwn(types, m[2]!) ? types[m[2]!]! : undefined;
      if (intType === undefined) return { intType: 'int', value: 0n, ok: false };
      const digits = m![1]!.replace(/_/g, '').replace(/^0([xXoObB])/, (_, r: string) => `0${r.toLowerCase()}`);
      if (/^0[xob]$/.test(digits)) return { intType, value: 0n, ok: false };
      const range = intRanges[intType];
      let magnitude = BigInt(digits);
      if (/^0[xob]/.test(digits) && range.signed && magnitude > range.max && magnitude < 1n << BigInt(range.bits)) magnitude = BigInt.asIntN(range.bits, magnitude);
      const value = negated ? -magnitude : magnitude;
      return { intType, value, ok: value >= range.min && value <= range.max };
    }
    const edges = [
      '0o37777777777', '0O40000000000', '0b11111111111111111111111111111111', '0B1_0000_0000y', '0b10000000y', '0o200y', '0o377y',
      '0xFFy', '0x80s', '0xFFFFs', '0x7FFFFFFF', '0x80000000', '0xFFFFFFFFFFFFFFFFL', '0x1_0000_0000_0000_0000L', '0xFFFFFFFFFFFFFFFFUL',
      '0x_', '0o_', '0b__', '_1', '0_', '1__000', '00', '0u', '0x', '0b', '0o', '0xg', '0b2', '0o8', '0constructor', '5toString',
      // Around 2^53, where summing digits as a number stops being exact.
      '9007199254740991L', '9007199254740992L', '9007199254740993L', '9_007_199_254_740_993UL', '0x1FFFFFFFFFFFFFL', '0x20000000000001L',
      '0o400000000000000001L', `0b1${'0'.repeat(52)}1L`, '18446744073709551615UL', '18446744073709551616UL', '0xFFFFFFFFFFFFFFFFUL',
    ];
    for (const image of edges) {
      for (const negated of [false, true]) expect(decodeInt(image, negated), `${negated ? '-' : ''}${image}`).toEqual(expected(image, negated));
    }
    const alphabet = [...'0123456789abcdefABCDEFxXoObB_uUlLysnq '];
    const rng = seededRandom(SEED + 1);
    for (let k = 0; k < 20_000; k++) {
      const first = rng() < 0.6 ? '0' : pick(rng, alphabet);
      const image = first + Array.from({ length: int(rng, 24) }, () => pick(rng, alphabet)).join('');
      const negated = rng() < 0.3;
      expect(decodeInt(image, negated), `${negated ? '-' : ''}${image}`).toEqual(expected(image, negated));
    }
  });

  it('a string without escapes decodes to its body', () => {
    expect(decodeString('"plain é 中"')).toEqual({ value: 'plain é 中', badEscapes: [] });
    expect(decodeString('"unterminated')).toEqual({ value: 'unterminated', badEscapes: [] });
    expect(decodeString('""')).toEqual({ value: '', badEscapes: [] });
  });
});
