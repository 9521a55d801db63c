/**
 * The targets (issue 6, "Targets"), in one table. Ratios are ours/theirs measured in the
 * same run; "theirs" is `node -e 0` for the compile and the `ws` package for the echo server.
 */
import type { Target } from './results.js';

export const TARGETS = {
  /** Cold compile of the echo sample ≤ 4× `node -e 0`. */
  coldCompile: { on: 'ratio', compare: 'atMost', value: 4 },
  /** Parse + check + lower + print ≥ 100,000 source lines per second. */
  linesPerSecond: { on: 'ours', compare: 'atLeast', value: 100_000 },
  /** Linear growth: the 100k-line program takes at most 12× the 10k-line one. */
  growth100kOver10k: { on: 'ours', compare: 'atMost', value: 12 },
  /** Interpreted echo vs ws: 16-byte round trips ≥ 0.8×. */
  roundTrips16: { on: 'ratio', compare: 'atLeast', value: 0.8 },
  /** 1 KiB messages pipelined 64 deep ≥ 0.5×. */
  pipelined1k: { on: 'ratio', compare: 'atLeast', value: 0.5 },
  /** 1 MiB messages ≥ 0.5×. */
  megabyte: { on: 'ratio', compare: 'atLeast', value: 0.5 },
  /** Connections per second ≥ 0.5×. */
  connections: { on: 'ratio', compare: 'atLeast', value: 0.5 },
  /** Peak RSS ≤ 2× ws's. */
  peakRss: { on: 'ratio', compare: 'atMost', value: 2 },
} as const satisfies Record<string, Target>;

/** A target in words, for the table: "≤ 4×", "≥ 100000". */
export function describeTarget(target: Target | null): string {
  if (target === null) return '';
  const op = target.compare === 'atMost' ? '≤' : '≥';
  return target.on === 'ratio' ? `${op} ${target.value}×` : `${op} ${target.value.toLocaleString('en-US')}`;
}
