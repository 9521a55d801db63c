/**
 * Running the built `firefly-sim` command line as a real child process, as a user would.
 *
 * The end-to-end tests exercise `dist/firefly-sim.js`, the one-file bundle that `bin` and
 * `npm start` run (built by `npm test` before vitest runs), never the TypeScript sources in-process:
 * what is tested is what the user runs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The built command line. */
export const CLI = fileURLToPath(new URL('../../dist/firefly-sim.js', import.meta.url));

/** Throws a clear error when the CLI has not been built. */
export function requireBuiltCli(): string {
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist: build first (npm run build, or npm test)`);
  return CLI;
}

/** What one CLI run produced. `timedOut` is true when it was killed for exceeding its bound. */
export interface CliRun {
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Options of one CLI run. */
export interface CliOptions {
  /** Kill the run (SIGKILL) after this many ms; the default is generous. */
  readonly timeoutMs?: number;
  readonly input?: string;
}

/**
 * `node dist/firefly-sim.js args…` from the repository root, colour off, never rejecting:
 * the caller asserts on the exit code and the streams.
 */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const r = await execa(process.execPath, [requireBuiltCli(), ...args], {
    cwd: ROOT,
    reject: false,
    timeout: options.timeoutMs ?? 20_000,
    killSignal: 'SIGKILL',
    input: options.input ?? '',
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
    stripFinalNewline: false,
  });
  return {
    exitCode: r.exitCode,
    signal: r.signal,
    stdout: String(r.stdout),
    stderr: String(r.stderr),
    timedOut: r.timedOut,
  };
}

/** A one-line summary of a run for assertion messages. */
export function describeRun(r: CliRun): string {
  return `exit ${r.exitCode ?? 'none'}${r.signal ? ` (signal ${r.signal})` : ''}${r.timedOut ? ' (timed out)' : ''}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
}

/** Whether text holds a JavaScript stack trace or a path into the simulator's own code. */
export function hasJsStackTrace(text: string): boolean {
  return /^\s+at\s/m.test(text) || /\.[cm]?js:\d+/.test(text) || /\.ts:\d+:\d+/.test(text);
}
