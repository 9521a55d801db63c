/**
 * The two parsers agree. The fast parser (`tokens2ast.ts`) must accept exactly the token streams
 * the recovering parser (Chevrotain + `cst2ast.ts`) parses without a diagnostic, and build the same
 * tree for them, field for field and span for span. Tried on every sample and fixture, generated
 * programs, the snippets of the other syntax and checking tests, and thousands of seeded mutations
 * of those at the level of characters and of laid-out tokens. And the recovering parser, expensive
 * to build, is built only when a program needs it.
 *
 * Reproduce a mutation failure with its seed: `FAST_PARSER_SEED=<seed> npx vitest run tests/syntax/fastParser.test.ts`;
 * `FAST_PARSER_CASES` changes the number of cases of each kind.
 */
import { describe, expect, it, vi } from 'vitest';
import { lexTokens, parseRecovering, parseSource } from '../../compiler/fncs/syntax/parse.js';
import { FSharpParser } from '../../compiler/fncs/syntax/parser.js';
import { parseFast } from '../../compiler/fncs/syntax/tokens2ast.js';
import { generateProgram } from '../../scripts/bench/generateProgram.js';
import { seededRandom } from '../../scripts/bench/random.js';
import { bothParsers, canonical, disagreement, mutateText, mutateTokens, snippetPrograms, sourceFiles, windows, type Source } from './differential.js';
import { mod } from './support.js';

const SEED = Number(process.env['FAST_PARSER_SEED'] ?? 0xfa57_9a25);
const CASES = Number(process.env['FAST_PARSER_CASES'] ?? 2000);
const BATCH = 250;

const files = sourceFiles();
const generated: Source[] = [
  [1000, 6], [1000, 1], [1000, 2], [300, 3], [3000, 4],
].map(([lines, seed]) => ({ name: `generateProgram(${lines}, ${seed})`, text: generateProgram(lines!, seed).text }));
const snippets = snippetPrograms();

describe('the recovering parser is built on first need', () => {
  it('a clean program never builds it; the first program with an error does, once', () => {
    const build = vi.spyOn(FSharpParser.prototype as unknown as { performSelfAnalysis(): void }, 'performSelfAnalysis');
    try {
      for (const f of files.filter((s) => s.name.startsWith('samples/'))) expect(parseSource(f.name, f.text).diagnostics).toEqual([]);
      expect(build).not.toHaveBeenCalled();
      parseSource('t.fs', mod('let x = (1, 2)'));
      parseSource('t.fs', mod('let x = )'));
      expect(build).toHaveBeenCalledTimes(1);
    } finally {
      build.mockRestore();
    }
  });
});

describe('valid programs take the fast path, with the recovering path’s tree', () => {
  it.each([...files, ...generated].map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const o = bothParsers(s.name, s.text);
    expect(o.fast).not.toBeNull();
    expect(disagreement(o)).toBeUndefined();
    // parseSource gives what the recovering path gives: the same tree, the same diagnostics.
    const lexed = lexTokens(s.name, s.text);
    const r = parseSource(s.name, s.text);
    expect(canonical(r.ast)).toBe(canonical(o.recovering.ast));
    expect(r.diagnostics).toEqual([...lexed.diagnostics, ...o.recovering.diagnostics]);
  });
});

describe('the snippets of the other syntax and checking tests', () => {
  it(`agree on all ${snippets.length}, valid or not`, () => {
    const problems = snippets.flatMap((s) => {
      const d = disagreement(bothParsers('t.fs', s.text));
      return d === undefined ? [] : [`${s.name}: ${d}\n${s.text}`];
    });
    expect(problems).toEqual([]);
  });

  it('many are accepted by the fast path, and many are not', () => {
    const accepted = snippets.filter((s) => parseFast('t.fs', lexTokens('t.fs', s.text).tokens) !== null).length;
    expect(accepted).toBeGreaterThan(150);
    expect(snippets.length - accepted).toBeGreaterThan(100);
  });
});

describe('what the fast path leaves to the recovering parser', () => {
  it.each([
    ['a syntax error', mod('let x = )')],
    ['a missing module line', 'let x = 1\n'],
    ['a second module line', mod('let x = 1', 'module U')],
    ['a namespace', 'namespace N\nlet x = 1\n'],
    ['a top-level expression', mod('printfn "hi"')],
    ['attributes with no let after them', mod('let x = 1', '[<EntryPoint>]')],
    ['a lambda', mod('let f = fun x -> x + 1')],
    ['a list', mod('let l = [1; 2]')],
    ['a tuple', mod('let t = (1, 2)')],
    ['a qualified pattern', mod('let f x =', '    match x with', '    | A.B -> 1', '    | _ -> 0')],
    ['an int literal in range only negated', mod('let x = 2147483648')],
    ['a byte literal in range only unnegated', mod('let x = -1uy')],
    ['an empty file', ''],
  ])('%s', (_what, text) => {
    const { tokens, diagnostics } = lexTokens('t.fs', text);
    expect(parseFast('t.fs', tokens)).toBeNull();
    const recovering = parseRecovering('t.fs', text, tokens);
    expect(recovering.diagnostics.length).toBeGreaterThan(0);
    const r = parseSource('t.fs', text);
    expect(canonical(r.ast)).toBe(canonical(recovering.ast));
    expect(r.diagnostics).toEqual([...diagnostics, ...recovering.diagnostics]);
  });
});

// ---- seeded mutations -------------------------------------------------------------------------------
/** Valid programs to mutate, half the time a file (in windows) or a small generated program, else a snippet the fast path accepts. */
const programs: Source[] = [
  ...files.flatMap(windows),
  ...[1, 2, 3, 4, 5].map((seed) => ({ name: `generateProgram(120, ${seed})`, text: generateProgram(120, seed).text })),
];
const validSnippets = snippets.filter((s) => parseFast('t.fs', lexTokens('t.fs', s.text).tokens) !== null);

interface Tally { accepted: number; rejected: number }

function runCases(kind: 'text' | 'tokens', from: number, to: number, tally: Tally): string[] {
  const failures: string[] = [];
  for (let i = from; i < to; i++) {
    const rng = seededRandom(SEED ^ Math.imul(i + 1, 0x9e3779b1) ^ (kind === 'text' ? 0 : 0x5a5a5a5a));
    const pool = rng() < 0.5 ? programs : validSnippets;
    const source = pool[Math.floor(rng() * pool.length)]!;
    let text = source.text;
    const what: string[] = [];
    let o;
    if (kind === 'text') {
      for (let n = rng() < 0.7 ? 1 : 2; n > 0; n--) {
        const m = mutateText(text, rng);
        text = m.text;
        what.push(m.what);
      }
      o = bothParsers('m.fs', text);
    } else {
      let tokens = [...lexTokens('m.fs', text).tokens];
      for (let n = rng() < 0.7 ? 1 : 2; n > 0; n--) {
        const m = mutateTokens(tokens, rng);
        tokens = m.tokens;
        what.push(m.what);
      }
      o = bothParsers('m.fs', text, tokens);
    }
    if (o.fast === null) tally.rejected++;
    else tally.accepted++;
    const d = disagreement(o);
    if (d !== undefined) failures.push(`case ${i} (FAST_PARSER_SEED=${SEED}), ${kind} of ${source.name}: ${what.join('; ')}\n  ${d}`);
  }
  return failures;
}

for (const kind of ['text', 'tokens'] as const) {
  describe(`${CASES} seeded mutations of ${kind === 'text' ? 'the text' : 'the laid-out tokens'} (seed ${SEED})`, () => {
    const tally: Tally = { accepted: 0, rejected: 0 };
    for (let from = 0; from < CASES; from += BATCH) {
      const to = Math.min(CASES, from + BATCH);
      it(`cases ${from}..${to - 1}: the fast parser accepts exactly what the recovering one parses cleanly, with the same tree`, { timeout: 120_000 }, () => {
        expect(runCases(kind, from, to, tally)).toEqual([]);
      });
    }
    it('both outcomes are exercised', () => {
      expect(tally.accepted).toBeGreaterThan(CASES / 20);
      expect(tally.rejected).toBeGreaterThan(CASES / 4);
    });
  });
}
