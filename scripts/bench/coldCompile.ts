/**
 * Part 1, cold compile: `firefly-sim compile samples/WebSocketEcho.fs` as a user runs it (a fresh
 * `node` process on the built CLI that package.json's `bin` names, stdout discarded) against `node -e 0`,
 * alternating which goes first each round, and the medians of the wall times.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { CLI, ECHO_SAMPLE, ROOT } from './paths.js';
import { row, type Row } from './results.js';
import { median, msSince } from './stats.js';
import { TARGETS } from './targets.js';

/** Options for the cold-compile part. */
export interface ColdCompileOptions {
  readonly rounds: number;
  /** A command prefix that pins the child to a core (`taskset -c N`), or empty. */
  readonly pin: readonly string[];
}

/** One timed run of a command (stdout discarded); the time, or an error message when it failed. */
export function timeCommand(argv: readonly string[]): { ms: number } | { error: string } {
  const [command, ...args] = argv as [string, ...string[]];
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  const ms = msSince(start);
  if (result.error !== undefined) return { error: result.error.message };
  if (result.status !== 0) return { error: `exit ${result.status ?? result.signal}: ${result.stderr.toString().trim().slice(0, 200)}` };
  return { ms };
}

/** Runs both commands `rounds` times each, alternating, and reports the medians. */
export function coldCompile(options: ColdCompileOptions, log: (line: string) => void): Row[] {
  const ours = [...options.pin, process.execPath, CLI, 'compile', ECHO_SAMPLE];
  const theirs = [...options.pin, process.execPath, '-e', '0'];
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  let failure = '';
  for (let round = 0; round < options.rounds && failure === ''; round++) {
    const order = round % 2 === 0 ? ([ours, theirs] as const) : ([theirs, ours] as const);
    for (const argv of order) {
      const result = timeCommand(argv);
      if ('error' in result) {
        failure = `${argv === ours ? 'compile' : 'node -e 0'} failed: ${result.error}`;
        break;
      }
      (argv === ours ? oursMs : theirsMs).push(result.ms);
    }
  }
  const oursMedian = median(oursMs);
  const theirsMedian = median(theirsMs);
  log(`cold compile: ${oursMedian?.toFixed(0)} ms vs node -e 0 ${theirsMedian?.toFixed(0)} ms (${oursMs.length} rounds)${failure ? `; ${failure}` : ''}`);
  return [
    row({
      part: 'Cold compile',
      metric: `node ${relative(ROOT, CLI)} compile ${ECHO_SAMPLE} vs node -e 0 (median of ${oursMs.length})`,
      unit: 'ms',
      higherIsBetter: false,
      ours: failure === '' ? oursMedian : null,
      theirs: theirsMedian,
      target: TARGETS.coldCompile,
      failed: failure !== '',
      note: failure,
      samples: { ours: oursMs, theirs: theirsMs },
    }),
  ];
}
