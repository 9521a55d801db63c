/**
 * `compile` to MLIR goes a declaration at a time (compiler/driver/streamCompile.ts): each
 * declaration is parsed, checked, lowered and printed before the next is read, then let go. Its
 * text must be the whole-program pipeline's, byte for byte, for every program it takes; it must
 * give up on every program that is not clean, so that the whole pipeline reports; and it must
 * actually let declarations go, or it saves nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lowerProgramToText } from '../../compiler/alex/witnesses/lower.js';
import { DeclarationChecker } from '../../compiler/fncs/checking/checkStream.js';
import { compileSource, frontEnd } from '../../compiler/driver/pipeline.js';
import { compileStreamed } from '../../compiler/driver/streamCompile.js';
import { generateProgram } from '../../scripts/bench/generateProgram.js';
import { seededRandom } from '../../scripts/bench/random.js';
import { mutateText } from '../syntax/differential.js';
import { mixed, STREAM_PROGRAMS } from './streamPrograms.js';

/** The whole-program pipeline's text for a clean program. */
function wholeText(file: string, text: string, debugInfo: boolean): string {
  const fe = frontEnd(file, text);
  expect(fe.diagnostics).toEqual([]);
  const lowered = lowerProgramToText(fe.program!, { debugInfo });
  expect(lowered.diagnostics).toEqual([]);
  expect(lowered.verifyFailures).toEqual([]);
  return lowered.text!;
}

describe.each(STREAM_PROGRAMS)('$name', ({ name, text }) => {
  for (const debugInfo of [false, true]) {
    it(`compiled a declaration at a time, prints the whole program's text${debugInfo ? ', with debug info' : ''}`, () => {
      const streamed = compileStreamed(name, text, { debugInfo });
      expect(streamed).not.toBeNull();
      expect(streamed).toBe(wholeText(name, text, debugInfo));
    });
  }
});

/** Programs the declaration-at-a-time compile must leave to the whole pipeline, and why. */
const notClean = [
  { why: 'a syntax error', text: 'module M\n\nlet f (x: int) = x +\n\n[<EntryPoint>]\nlet main _ = 0\n' },
  { why: 'a type error in a later declaration', text: 'module M\n\nlet f (x: int) = x + 1\n\nlet g (x: int) = f "no"\n\n[<EntryPoint>]\nlet main _ = g 1\n' },
  { why: 'a warning (incomplete match)', text: 'module M\n\nlet f (x: int) =\n    match x with\n    | 0 -> 1\n\n[<EntryPoint>]\nlet main _ = f 0\n' },
  { why: 'an entry point that is not last', text: 'module M\n\n[<EntryPoint>]\nlet main _ = 0\n\nlet f (x: int) = x\n' },
  { why: 'no entry point (reported by lowering)', text: 'module M\n\nlet f (x: int) = x + 1\n' },
  { why: 'a lowering error', text: 'module M\n\nlet f (x: int) = x + 1\n\n[<EntryPoint>]\nlet main _ =\n    let g = f\n    g 1\n' },
  // Named after a string literal's global exists, the function would not get the name it gets when the module is lowered whole.
  { why: 'a function named like a string global made before it', text: 'module M\n\nlet greet (n: int) =\n    Console.writeln "hi"\n    n\n\nlet str0 (n: int) = n + 1\n\n[<EntryPoint>]\nlet main _ = greet (str0 1)\n' },
];

describe('programs that are not clean', () => {
  it.each(notClean)('$why: left to the whole pipeline, which reports as ever', ({ text }) => {
    expect(compileStreamed('m.fs', text, { debugInfo: false })).toBeNull();
    const out = compileSource('m.fs', text, { emit: 'mlir' });
    const fe = frontEnd('m.fs', text);
    // What the whole pipeline gives: the front end's diagnostics, then lowering's (or a text).
    expect(out.diagnostics.slice(0, fe.diagnostics.length)).toEqual(fe.diagnostics);
    expect(out.text === null || out.diagnostics.length > 0 || fe.diagnostics.length === 0).toBe(true);
  });

  it('a function named like a C function the program calls gets another name (the C one keeps its own)', () => {
    const text = 'module M\n\nlet write (n: int) = n + 1\n\n[<EntryPoint>]\nlet main _ =\n    let buf = NativePtr.stackalloc<byte> 1\n    Sys.write 1 buf 0 + write 1\n';
    const out = compileSource('m.fs', text, { emit: 'mlir' });
    expect(out.diagnostics).toEqual([]);
    expect(out.text).toContain('func.func @write_fs(');
    expect(out.text).toContain('llvm.func @write(');
  });

  it('a function named like a string global made before it gets its name in the whole module', () => {
    const out = compileSource('m.fs', notClean[notClean.length - 1]!.text, { emit: 'mlir' });
    expect(out.diagnostics).toEqual([]);
    expect(out.text).toContain('func.func @str0(');
    expect(out.text).toContain('@str1("hi")');
  });
});

describe('letting declarations go', () => {
  afterEach(() => vi.restoreAllMocks());

  it('releases every declaration whose functions are all lowered, and keeps values, generic functions and lifted ones', () => {
    const release = vi.spyOn(DeclarationChecker.prototype, 'release');
    expect(compileStreamed('mixed.fs', mixed, { debugInfo: false })).not.toBeNull();
    // `sumTo` is not offered: the local function lifted from it is lowered at the end, from its tree.
    const outcomes = release.mock.calls.map((call, i) => [call[0].infos.map((info) => info.symbol.name).join(','), release.mock.results[i]!.value]);
    expect(outcomes).toEqual([
      ['limit', false],
      ['scale', false],
      ['first', false],
      ['even,odd', true],
      ['describe', true],
      ['later', true],
      ['main', true],
    ]);
  });

  it('releases nearly all of a generated program', () => {
    const release = vi.spyOn(DeclarationChecker.prototype, 'release');
    expect(compileStreamed('g.fs', generateProgram(1_000).text, { debugInfo: false })).not.toBeNull();
    const released = release.mock.results.filter((r) => r.value === true).length;
    expect(released).toBeGreaterThan(0.9 * release.mock.calls.length);
  });
});

// ---- seeded mutations ------------------------------------------------------------------------------
const CASES = 400;
const SEED = Number(process.env['STREAM_COMPILE_SEED'] ?? 0x5eed);

/** A seeded edit that usually keeps a program valid: another integer literal, another name, a function copied under a new name. */
function mutateMeaning(text: string, rng: () => number): { text: string; what: string } {
  const pickOne = <X>(xs: readonly X[]): X => xs[Math.floor(rng() * xs.length)]!;
  switch (Math.floor(rng() * 3)) {
    case 0: {
      const numbers = [...text.matchAll(/\b\d+\b/g)];
      if (numbers.length === 0) return { text, what: 'no change' };
      const m = pickOne(numbers);
      const value = String(Math.floor(rng() * 300));
      return { text: text.slice(0, m.index) + value + text.slice(m.index + m[0].length), what: `literal at ${m.index} -> ${value}` };
    }
    case 1: {
      const names = [...text.matchAll(/\b[a-z][A-Za-z0-9]*\b/g)];
      if (names.length === 0) return { text, what: 'no change' };
      const m = pickOne(names);
      const other = pickOne(names)[0];
      return { text: text.slice(0, m.index) + other + text.slice(m.index + m[0].length), what: `name at ${m.index} -> ${other}` };
    }
    default: {
      const lets = [...text.matchAll(/^let ([a-z][A-Za-z0-9]*) \(.*(\n(?! *\n)[ \t]+.*)*/gm)];
      if (lets.length === 0) return { text, what: 'no change' };
      const m = pickOne(lets);
      const name = pickOne(['str0', 'str1', 'write', 'main', 'copy', `${m[1]}Again`]);
      const copy = m[0].replace(`let ${m[1]} `, `let ${name} `);
      return { text: text.slice(0, m.index) + copy + '\n\n' + text.slice(m.index), what: `copy of ${m[1]} as ${name}` };
    }
  }
}

describe(`${CASES} seeded mutations (seed ${SEED}): compile gives what the whole-program compile gives`, () => {
  const sources = [...STREAM_PROGRAMS.filter((c) => !c.name.startsWith('generated-10000')), { name: 'generated-120.fs', text: generateProgram(120, 3).text }];
  it('the same text and diagnostics, clean or not', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    let streamed = 0;
    for (let i = 0; i < CASES; i++) {
      const rng = seededRandom(SEED ^ Math.imul(i + 1, 0x9e3779b1));
      const source = sources[Math.floor(rng() * sources.length)]!;
      const m = rng() < 0.6 ? mutateMeaning(source.text, rng) : mutateText(source.text, rng);
      const debugInfo = rng() < 0.3;
      const got = compileSource('m.fs', m.text, { emit: 'mlir', debugInfo });
      const want = compileSource('m.fs', m.text, { emit: 'mlir', debugInfo, wholeProgram: true });
      if (got.text !== want.text || JSON.stringify(got.diagnostics) !== JSON.stringify(want.diagnostics)) failures.push(`case ${i} (STREAM_COMPILE_SEED=${SEED}), ${source.name}: ${m.what}`);
      if (compileStreamed('m.fs', m.text, { debugInfo }) !== null) streamed++;
    }
    expect(failures).toEqual([]);
    // Both roads are taken: many mutants still compile cleanly, many do not.
    expect(streamed).toBeGreaterThan(CASES / 5);
    expect(streamed).toBeLessThan(CASES - CASES / 5);
  });
});
