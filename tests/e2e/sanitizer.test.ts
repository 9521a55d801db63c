/**
 * The runtime's checks, seen from the command line: each program in tests/fixtures/sanitizer/
 * does one bad thing and carries its expectations inline, Crafting Interpreters style:
 *
 *     // expect exit: 70                      the exit code
 *     // expect stdout: last byte: 7          stdout, line by line, exactly
 *     // expect error: offset 16              text the error message must contain
 *     // expect warning: FS0025               a compile warning printed before the run
 *     let b = NativePtr.get p 16 // fault: NativePtr.get
 *
 * `// fault: TEXT` marks the faulting line; the message must start with `file(line,col):` where
 * TEXT starts. `// alloc: TEXT` and `// released: TEXT` mark the allocation and the release the
 * message must name, by the same `file(line,col)`. A program that gets -1 from libc (a descriptor
 * it does not own) expects exit 0 and an empty stderr. Nothing may show a JavaScript stack trace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRun, hasJsStackTrace, runCli } from '../support/cli.js';

const DIR = 'tests/fixtures/sanitizer';

/** What a fixture says about its own run. */
interface Expectation {
  readonly exit: number;
  readonly stdout: string;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** `file(line,col)` of the faulting call, where the message must start. */
  readonly fault: string | undefined;
  /** `file(line,col)` of allocations and releases the message must name. */
  readonly sites: readonly string[];
}

function expectationsOf(file: string): Expectation {
  const lines = readFileSync(file, 'utf8').split('\n');
  let exit: number | undefined;
  const stdout: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  let fault: string | undefined;
  const sites: string[] = [];
  lines.forEach((line, i) => {
    const header = /^\/\/ expect (exit|stdout|error|warning): (.*)$/.exec(line);
    if (header) {
      if (header[1] === 'exit') exit = Number(header[2]);
      else if (header[1] === 'stdout') stdout.push(header[2]!);
      else if (header[1] === 'warning') warnings.push(header[2]!);
      else errors.push(header[2]!);
      return;
    }
    const mark = /\/\/ (fault|alloc|released): (.+)$/.exec(line);
    if (mark) {
      const col = line.indexOf(mark[2]!.trim());
      if (col < 0 || col >= mark.index) throw new Error(`${file}:${i + 1}: '${mark[2]}' is not on the code before its marker`);
      const site = `${file}(${i + 1},${col + 1})`;
      if (mark[1] === 'fault') fault = site;
      else sites.push(site);
    }
  });
  if (exit === undefined) throw new Error(`${file}: no '// expect exit:' line`);
  if (exit !== 0 && fault === undefined) throw new Error(`${file}: a failing program needs a '// fault:' marker`);
  return { exit, stdout: stdout.map((l) => `${l}\n`).join(''), errors, warnings, fault, sites };
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.fs'))
  .sort();

describe('sanitizer and runtime errors through firefly-sim run', () => {
  it('has the fixtures the issue asks for', () => {
    expect(fixtures).toEqual(
      expect.arrayContaining([
        'ReadPastRegionAlloc.fs',
        'WriteAfterRelease.fs',
        'WriteToStringBytes.fs',
        'WriteToForeignFd.fs',
        'CloseStdin.fs',
        'ParseNotANumber.fs',
        'IncompleteMatch.fs',
        'DivideByZero.fs',
      ]),
    );
  });

  for (const name of fixtures) {
    const file = `${DIR}/${name}`;
    it(name.replace(/\.fs$/, ''), async () => {
      const e = expectationsOf(file);
      const r = await runCli(['run', file]);
      expect(r.exitCode, describeRun(r)).toBe(e.exit);
      expect(r.stdout, describeRun(r)).toBe(e.stdout);
      expect(hasJsStackTrace(r.stderr), `a JavaScript stack trace reached the user:\n${r.stderr}`).toBe(false);
      if (e.exit === 0) {
        expect(r.stderr).toBe('');
        return;
      }
      // The compile warnings it declares, then one line: `file(line,col): runtime error: …`,
      // located at the faulting call.
      expect(r.stderr.endsWith('\n'), r.stderr).toBe(true);
      const lines = r.stderr.slice(0, -1).split('\n');
      const error = lines.pop()!;
      const before = lines.join('\n');
      if (e.warnings.length === 0) expect(before, 'nothing but the error on stderr').toBe('');
      for (const w of e.warnings) {
        const warned = lines.some((l) => l.startsWith(`${file}(`) && l.includes(`: warning ${w}: `));
        expect(warned, `expected warning ${w} before the run:\n${before}`).toBe(true);
      }
      expect(error.startsWith(`${e.fault}: runtime error: `), `expected the error at ${e.fault}:\n${r.stderr}`).toBe(true);
      for (const text of e.errors) expect(error).toContain(text);
      for (const site of e.sites) expect(error, `the message should name ${site}`).toContain(site);
    });
  }
});
