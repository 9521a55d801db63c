/**
 * Core placement: the client (this process) on one core, the servers on another, with `taskset`
 * when it is installed and the machine has at least two cores; otherwise nothing is pinned and the
 * report says so.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

/** How processes are placed. */
export interface Pinning {
  /** Prefix for a server's command line (`taskset -c N`), or empty. */
  readonly serverPrefix: readonly string[];
  /** Pins this process (every thread) to the client core; says in words what was done, for the report. */
  apply(): string;
}

function hasTaskset(): boolean {
  const probe = spawnSync('taskset', ['-V'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/** Client on core 0, servers on the last core, when possible. */
export function planPinning(): Pinning {
  const cores = cpus().length;
  if (cores < 2) return { serverPrefix: [], apply: () => `not pinned (${cores} core)` };
  if (!hasTaskset()) return { serverPrefix: [], apply: () => 'not pinned (no taskset)' };
  const serverCore = cores - 1;
  return {
    serverPrefix: ['taskset', '-c', String(serverCore)],
    apply: () => {
      const pinned = spawnSync('taskset', ['-a', '-c', '-p', '0', String(process.pid)], { stdio: 'ignore' }).status === 0;
      const client = pinned ? 'echo client (the benchmark) on core 0' : 'echo client not pinned (taskset -p failed)';
      return `${client}, servers on core ${serverCore} (taskset); compile runs not pinned`;
    },
  };
}
