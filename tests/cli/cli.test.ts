/**
 * The `firefly-sim` command as a user runs it: the built CLI in a real child process (execa),
 * and through `npm run compile`. Exit codes: 0 success, 1 compile errors, 2 bad usage.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, ensureBuilt } from '../support/buildOnce.js';

const ESC = '\x1b[';
const work = mkdtempSync(join(tmpdir(), 'firefly-cli-'));

/** The environment without colour settings (vitest may set FORCE_COLOR; an empty one forces colour too). */
/** A user's shell environment: no colour settings, and none of npm's own variables (set when `npm test` runs us). */
const plainEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR' && k !== 'NO_COLOR' && !/^npm_/i.test(k)));

interface Run { readonly exitCode: number | undefined; readonly stdout: string; readonly stderr: string }

/** Run the CLI with extra environment variables; never rejects, so each test asserts the exit code itself. */
async function cli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> {
  const r = await execa('node', [cliPath, ...args], { reject: false, stripFinalNewline: false, extendEnv: false, env: { ...plainEnv, ...env } });
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

const typeError = join(work, 'TypeError.fs');
const syntaxError = join(work, 'SyntaxError.fs');
const warningOnly = join(work, 'Warning.fs');

beforeAll(async () => {
  await ensureBuilt();
  writeFileSync(typeError, 'module TypeError\n\nlet x : int = 5L\nlet y = undefinedThing + 1\n');
  writeFileSync(syntaxError, 'module SyntaxError\n\nlet x = (1 + 2\nlet y = fun z -> z\n');
  writeFileSync(warningOnly, [
    'module Warning',
    '',
    'let f (x: int) =',
    '    match x with',
    '    | 0 -> 1',
    '',
    '[<EntryPoint>]',
    'let main _ = f 0',
    '',
  ].join('\n'));
}, 120_000);

describe('usage', () => {
  it('--help lists the commands and every option, exit 0', async () => {
    const r = await cli(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    for (const option of ['compile <file.fs>', '--emit STAGE', 'tokens, ast, typed', '-o, --output FILE', '--color', '--no-color', '-h, --help']) {
      expect(r.stdout).toContain(option);
    }
    expect((await cli(['compile', '--help'])).stdout).toBe(r.stdout);
  });

  it('an unknown flag: one line on stderr, nothing on stdout, exit 2', async () => {
    const r = await cli(['compile', 'samples/HelloWorld.fs', '--bogus']);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([2, '', "firefly-sim: unknown option '--bogus' (see --help)\n"]);
  });

  it('a missing file, exit 2', async () => {
    const r = await cli(['compile', 'samples/Nope.fs', '--emit', 'ast']);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([2, '', "firefly-sim: cannot read 'samples/Nope.fs': no such file\n"]);
  });

  it('a directory, exit 2', async () => {
    const r = await cli(['compile', 'samples']);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([2, '', "firefly-sim: cannot read 'samples': it is a directory, not a source file\n"]);
  });

  it('an unknown --emit stage, exit 2', async () => {
    const r = await cli(['compile', 'samples/HelloWorld.fs', '--emit', 'llvm']);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([2, '', "firefly-sim: unknown stage 'llvm' for --emit: expected one of tokens, ast, typed, mlir\n"]);
  });

  it('no command, an unknown command, and compile without a file, exit 2 with one line each', async () => {
    for (const args of [[], ['build', 'x.fs'], ['compile'], ['compile', '--emit']]) {
      const r = await cli(args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^firefly-sim: [^\n]+\n$/);
    }
  });
});

describe('compile --emit', () => {
  it('tokens: one line per token with position, virtual layout tokens included, exit 0', async () => {
    const r = await cli(['compile', 'samples/HelloWorld.fs', '--emit', 'tokens']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, 7)).toEqual([
      '2:1\tSEP',
      '2:1\tModule\t"module"',
      '2:8\tIdent\t"HelloWorld"',
      '4:1\tSEP',
      '4:1\tLAttr\t"[<"',
      '4:3\tIdent\t"EntryPoint"',
      '4:13\tRAttr\t">]"',
    ]);
  });

  it('ast: the module dump, exit 0', async () => {
    const r = await cli(['compile', 'samples/HelloWorld.fs', '--emit', 'ast']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Module name=HelloWorld @2:1', '  decls: [']);
    expect(r.stdout).toContain('name=EntryPoint @4:1');
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it.each(['samples/HelloWorld.fs', 'samples/SocketBasics.fs', 'samples/WebSocketEcho.fs'])('%s: tokens and ast exit 0 with nothing on stderr', async (file) => {
    for (const stage of ['tokens', 'ast']) {
      const r = await cli(['compile', file, '--emit', stage]);
      expect([stage, r.exitCode, r.stderr]).toEqual([stage, 0, '']);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
  });

  it('-o writes the output to the file and nothing to stdout', async () => {
    const out = join(work, 'HelloWorld.ast');
    const r = await cli(['compile', 'samples/HelloWorld.fs', '--emit', 'ast', '-o', out]);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(readFileSync(out, 'utf8')).toBe((await cli(['compile', 'samples/HelloWorld.fs', '--emit', 'ast'])).stdout);
  });

  it('--output=FILE and an unwritable output path', async () => {
    const out = join(work, 'tokens.txt');
    expect((await cli(['compile', 'samples/HelloWorld.fs', '--emit=tokens', `--output=${out}`])).exitCode).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('2:1\tSEP\n')).toBe(true);
    const bad = await cli(['compile', 'samples/HelloWorld.fs', '--emit', 'ast', '-o', join(work, 'no', 'such', 'dir', 'x')]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^firefly-sim: cannot write '.*x': ENOENT\n$/);
  });

  it('a reader that closes the pipe early is not an error', async () => {
    const r = await execa('bash', ['-c', `set -o pipefail; node ${cliPath} compile samples/WebSocketEcho.fs --emit tokens | head -c 10 >/dev/null`], { reject: false });
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
  });
});

describe('diagnostics', () => {
  it('a type error: F#-format lines with a snippet and help on stderr, nothing on stdout, exit 1', async () => {
    const r = await cli(['compile', typeError, '--emit', 'typed']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    const fsLines = r.stderr.split('\n').filter((l) => /\(\d+,\d+\): (error|warning) FS\d{4}: /.test(l));
    expect(fsLines).toEqual([
      `${typeError}(3,15): error FS0001: This expression was expected to have type 'int' but here has type 'int64'`,
      `${typeError}(4,9): error FS0039: The value or constructor 'undefinedThing' is not defined.`,
    ]);
    expect(r.stderr).toContain('3 | let x : int = 5L\n  |               ^^\n');
  });

  it('syntax errors: every one reported, exit 1', async () => {
    const r = await cli(['compile', syntaxError, '--emit', 'ast']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l.startsWith(syntaxError))).toEqual([
      `${syntaxError}(3,9): error FS0583: Unmatched '('`,
      `${syntaxError}(4,1): error FS0010: Incomplete structured construct at or before this point in parenthesized expression`,
      `${syntaxError}(4,9): error FS3900: A lambda expression ('fun') is not supported by this compiler`,
    ]);
  });

  it('warnings alone: printed, and the stage still printed, exit 0', async () => {
    const r = await cli(['compile', warningOnly, '--emit', 'typed']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(
      `${warningOnly}(4,11): warning FS0025: Incomplete pattern matches on this expression. For example, the value '1' may indicate a case not covered by the pattern(s).`,
    );
    expect(r.stdout.length).toBeGreaterThan(0);
  });

  it('piped output is plain: no ANSI escapes', async () => {
    const r = await cli(['compile', typeError, '--emit', 'typed']);
    expect(r.stderr).not.toContain(ESC);
  });

  it('NO_COLOR=1 is plain even with FORCE_COLOR', async () => {
    const r = await cli(['compile', typeError, '--emit', 'typed'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toContain('error FS0001');
  });

  it('--color forces colour on a pipe; --no-color turns it off', async () => {
    const on = await cli(['compile', typeError, '--emit', 'typed', '--color']);
    expect(on.exitCode).toBe(1);
    expect(on.stderr).toContain(`${ESC}31m`);
    expect(on.stderr.replace(/\x1b\[[0-9;]*m/g, '')).toBe((await cli(['compile', typeError, '--emit', 'typed'])).stderr);
    const off = await cli(['compile', typeError, '--emit', 'typed', '--no-color'], { FORCE_COLOR: '1' });
    expect(off.stderr).not.toContain(ESC);
  });
});

describe('through npm', () => {
  it('`npm run compile -- <file> --emit ast`: the same stdout as the CLI, nothing of npm on stdout', async () => {
    const direct = await cli(['compile', 'samples/HelloWorld.fs', '--emit', 'ast']);
    const r = await execa('npm', ['run', 'compile', '--', 'samples/HelloWorld.fs', '--emit', 'ast'], { reject: false, stripFinalNewline: false, extendEnv: false, env: plainEnv });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(direct.stdout);
  });

  it('`npm run compile` passes the exit code and diagnostics of a type error through', async () => {
    const r = await execa('npm', ['run', 'compile', '--', typeError, '--emit', 'typed'], { reject: false, extendEnv: false, env: { ...plainEnv, NO_COLOR: '1' } });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${typeError}(3,15): error FS0001:`);
  });

  it('the package bin points at the built CLI', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['firefly-sim']).toBe(cliPath);
    expect(existsSync(cliPath)).toBe(true);
  });
});
