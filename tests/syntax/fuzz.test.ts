/**
 * Fuzzing the front end: seeded mutations of the samples and fixtures (token deletions,
 * insertions and swaps, truncations, random bytes, duplicated lines, indentation changes) go
 * through `frontEnd` (parse + check), which must never throw and must end each case in
 * diagnostics or success within a time bound.
 *
 * Reproduce a failure with the printed seed: `FUZZ_SEED=<seed> npx vitest run tests/syntax/fuzz.test.ts`;
 * the failing source is also written to the printed path. `FUZZ_CASES` changes the count.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontEnd } from '../../compiler/driver/pipeline.js';
import { lex } from '../../compiler/fncs/syntax/lexer.js';
import { seededRandom as prng } from '../../scripts/bench/random.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 0x5eed_f1f1);
const CASES = Number(process.env['FUZZ_CASES'] ?? 1200);
/** Per case; generous, since a cold JIT and a loaded CI machine are slower than a warm laptop. */
const CASE_BOUND_MS = 2000;
const BATCH = 100;

type Rng = () => number;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;

// ---- corpus -------------------------------------------------------------------------------------
interface Source { readonly name: string; readonly text: string }

const files = [
  ...readdirSync('samples').filter((f) => f.endsWith('.fs')).map((f) => join('samples', f)),
  ...readdirSync('tests/fixtures').filter((f) => f.endsWith('.fs')).map((f) => join('tests/fixtures', f)),
].sort();

/**
 * Whole files under 300 lines; larger ones (WebSocketEcho) also as windows of about 80 lines cut
 * at top-level declarations, so each case stays fast while every part of the file is mutated.
 */
function corpus(): Source[] {
  const out: Source[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    if (lines.length < 300) { out.push({ name: file, text }); continue; }
    const header = lines.findIndex((l) => l.startsWith('module '));
    let start = header + 1;
    while (start < lines.length) {
      let end = Math.min(lines.length, start + 80);
      while (end < lines.length && !/^(let|type|\[<)/.test(lines[end]!)) end++;
      out.push({ name: `${file}:${start + 1}-${end}`, text: [lines[header]!, ...lines.slice(start, end)].join('\n') });
      start = end;
    }
  }
  return out;
}
const sources = corpus();

// ---- mutations ------------------------------------------------------------------------------------
interface Mutated { readonly text: string; readonly what: string }
type Mutation = (text: string, rng: Rng) => Mutated;

const tokensOf = (text: string): { start: number; end: number; image: string }[] =>
  lex('m.fs', text).tokens.map((t) => ({ start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, image: t.image }));

/** Characters a lexer finds awkward: NUL, tabs, controls, quotes, comment openers, non-ASCII, lone surrogates. */
const nasty = ['\0', '\t', '\r', '\x7f', '\x1b', '"', "'", '(*', '*)', '//', '\\', '`', '``', 'é', '中', '\u{1F600}', '\uD800', '\uFEFF', '\u00A0', '0x', '9'];

const at = (text: string, offset: number): string => {
  const line = text.slice(0, offset).split('\n').length;
  return `line ${line}`;
};

const mutations: Record<string, Mutation> = {
  deleteToken(text, rng) {
    const ts = tokensOf(text);
    if (ts.length === 0) return { text, what: 'delete (no tokens)' };
    const t = pick(rng, ts);
    return { text: text.slice(0, t.start) + text.slice(t.end), what: `delete ${JSON.stringify(t.image)} at ${at(text, t.start)}` };
  },
  insertToken(text, rng) {
    const ts = tokensOf(text);
    if (ts.length === 0) return { text, what: 'insert (no tokens)' };
    const t = pick(rng, ts);
    const where = pick(rng, ts);
    const image = `${t.image} `;
    return { text: text.slice(0, where.start) + image + text.slice(where.start), what: `insert ${JSON.stringify(t.image)} at ${at(text, where.start)}` };
  },
  swapTokens(text, rng) {
    const ts = tokensOf(text);
    if (ts.length < 2) return { text, what: 'swap (too few tokens)' };
    const i = int(rng, ts.length - 1);
    const j = rng() < 0.5 ? i + 1 : int(rng, ts.length);
    const [a, b] = i < j ? [ts[i]!, ts[j]!] : [ts[j]!, ts[i]!];
    if (a === b) return { text, what: 'swap (same token)' };
    const swapped = text.slice(0, a.start) + b.image + text.slice(a.end, b.start) + a.image + text.slice(b.end);
    return { text: swapped, what: `swap ${JSON.stringify(a.image)} (${at(text, a.start)}) with ${JSON.stringify(b.image)} (${at(text, b.start)})` };
  },
  truncate(text, rng) {
    const n = int(rng, text.length + 1);
    return { text: text.slice(0, n), what: `truncate at offset ${n} (${at(text, n)})` };
  },
  randomBytes(text, rng) {
    const n = 1 + int(rng, 6);
    const junk = Array.from({ length: n }, () => (rng() < 0.5 ? pick(rng, nasty) : String.fromCharCode(int(rng, 256)))).join('');
    const o = int(rng, text.length + 1);
    return { text: text.slice(0, o) + junk + text.slice(o), what: `insert bytes ${JSON.stringify(junk)} at offset ${o} (${at(text, o)})` };
  },
  duplicateLine(text, rng) {
    const lines = text.split('\n');
    const i = int(rng, lines.length);
    lines.splice(i, 0, lines[i]!);
    return { text: lines.join('\n'), what: `duplicate line ${i + 1}` };
  },
  indentation(text, rng) {
    const lines = text.split('\n');
    const i = int(rng, lines.length);
    const delta = pick(rng, [-4, -2, -1, 1, 2, 4]);
    const line = lines[i]!;
    lines[i] = delta > 0 ? ' '.repeat(delta) + line : line.replace(new RegExp(`^ {0,${-delta}}`), '');
    return { text: lines.join('\n'), what: `indent line ${i + 1} by ${delta}` };
  },
  deleteLine(text, rng) {
    const lines = text.split('\n');
    const i = int(rng, lines.length);
    lines.splice(i, 1);
    return { text: lines.join('\n'), what: `delete line ${i + 1}` };
  },
};
const names = Object.keys(mutations);

/** Case `index`: a source and one to three mutations, all drawn from (seed, index) alone. */
function makeCase(index: number): { source: string; text: string; what: string[] } {
  const rng = prng(SEED ^ Math.imul(index + 1, 0x9e3779b1));
  const source = pick(rng, sources);
  let text = source.text;
  const what: string[] = [];
  const count = rng() < 0.7 ? 1 : 2 + int(rng, 2);
  for (let k = 0; k < count; k++) {
    const name = pick(rng, names);
    const m = mutations[name]!(text, rng);
    text = m.text;
    what.push(`${name}: ${m.what}`);
  }
  return { source: source.name, text, what };
}

// ---- the test ---------------------------------------------------------------------------------------
interface Failure { readonly index: number; readonly reason: string; readonly source: string; readonly what: string[]; readonly file: string }

let failDir: string | undefined;
function keep(index: number, text: string): string {
  failDir ??= mkdtempSync(join(tmpdir(), 'firefly-fuzz-'));
  const file = join(failDir, `case-${index}.fs`);
  writeFileSync(file, text);
  return file;
}

function runCase(index: number): Failure | undefined {
  const c = makeCase(index);
  const started = performance.now();
  let reason: string | undefined;
  try {
    const fe = frontEnd('m.fs', c.text);
    const ms = performance.now() - started;
    const errors = fe.diagnostics.filter((d) => d.severity === 'error');
    if (ms > CASE_BOUND_MS) reason = `took ${ms.toFixed(0)} ms (bound ${CASE_BOUND_MS} ms)`;
    // Success means a typed program; otherwise there must be an error saying why.
    else if (fe.program === null && errors.length === 0) reason = 'no typed program and no error diagnostic';
    else if (fe.diagnostics.some((d) => !/^FS\d{4}$/.test(d.code) || !Number.isFinite(d.span.startLine) || d.span.startLine < 1 || d.span.startCol < 1)) {
      reason = `a diagnostic without a code or a position: ${JSON.stringify(fe.diagnostics.find((d) => !Number.isFinite(d.span.startLine) || d.span.startLine < 1 || d.span.startCol < 1))}`;
    }
  } catch (e) {
    reason = `threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  return reason === undefined ? undefined : { index, reason, source: c.source, what: c.what, file: keep(index, c.text) };
}

describe(`front end under ${CASES} seeded mutations (seed ${SEED})`, () => {
  it('the corpus covers every sample and fixture', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(sources.some((s) => s.name === f || s.name.startsWith(`${f}:`))).toBe(true);
  });

  it('the unmutated corpus goes through the front end', () => {
    for (const s of sources) expect(() => frontEnd('m.fs', s.text)).not.toThrow();
  });

  for (let from = 0; from < CASES; from += BATCH) {
    const to = Math.min(CASES, from + BATCH);
    it(`cases ${from}..${to - 1} end in diagnostics or success, never a throw`, { timeout: BATCH * CASE_BOUND_MS }, () => {
      const failures: Failure[] = [];
      for (let i = from; i < to; i++) {
        const f = runCase(i);
        if (f !== undefined) failures.push(f);
      }
      const report = failures.map((f) => [
        `case ${f.index} (FUZZ_SEED=${SEED}) from ${f.source}: ${f.reason}`,
        ...f.what.map((w) => `  ${w}`),
        `  source: ${f.file}`,
      ].join('\n'));
      expect(report).toEqual([]);
    });
  }
});
