/**
 * Part 2, front-end and lowering throughput: generated programs of about 1k, 10k and 100k lines
 * through `compileSource(..., { emit: 'mlir' })` in this process (parse + check + lower + print,
 * the same entry point as `firefly-sim compile`), as lines per second, and how the time grows from
 * 10k to 100k lines, and where the 10k-line program's time goes stage by stage. Each program must
 * compile without diagnostics, or its row says it failed.
 *
 * The in-process figures are steady-state: V8 first runs the compiler's functions in its
 * interpreter and optimises them over the first few seconds of compiling, so a few warm-up compiles
 * would time the JIT, not the compiler (the first 10k-line compiles take two to three times longer
 * than later ones). The warm-up therefore compiles the 1k and 10k programs for a fixed time before
 * anything is timed. What a user compiling a large file once sees is reported beside it: the 10k
 * program compiled by the CLI in a fresh process, start-up and JIT included.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSource } from '../../compiler/driver/pipeline.js';
import { timeCommand } from './coldCompile.js';
import { CLI } from './paths.js';
import { generateProgram } from './generateProgram.js';
import { formatStageTimes, medianStageTimes, stageTimes, STAGES, type StageTimes } from './stages.js';
import { row, type Row } from './results.js';
import { median, msSince } from './stats.js';
import { TARGETS } from './targets.js';

/** One program size and how many timed compiles it gets. */
export interface ThroughputSize {
  readonly lines: number;
  /** Timed compiles at most... */
  readonly runs: number;
  /** ...and no more once this much time has gone on them (at least one always runs). */
  readonly budgetMs: number;
}

/** Options for the throughput part. */
export interface ThroughputOptions {
  readonly sizes: readonly ThroughputSize[];
  /** Compile the 1k and 10k programs for this long before timing anything (at least one each). */
  readonly warmupMs: number;
  /** Fresh-process CLI compiles of the 10k program (0 leaves the row out). */
  readonly coldRuns: number;
  /** Timed compiles of the 10k-line program for the by-stage row. */
  readonly stageRuns: number;
}

/**
 * The sizes the issue asks for, with runs bounded so the whole part takes about two minutes. The
 * medians are over more runs than the few the slowest size allows, so that a few seconds of a slow
 * VM do not decide them.
 */
export const DEFAULT_SIZES: readonly ThroughputSize[] = [
  { lines: 1_000, runs: 15, budgetMs: 15_000 },
  { lines: 10_000, runs: 9, budgetMs: 30_000 },
  { lines: 100_000, runs: 5, budgetMs: 60_000 },
];

interface SizeResult {
  readonly target: number;
  readonly lines: number;
  readonly medianMs: number | null;
  readonly timesMs: readonly number[];
  readonly runs: number;
  readonly error: string;
}

/** Compiles `text` once; its time, or the first diagnostic when it did not compile cleanly. */
function compileOnce(file: string, text: string): { ms: number } | { error: string } {
  const start = process.hrtime.bigint();
  const out = compileSource(file, text, { emit: 'mlir' });
  const ms = msSince(start);
  const first = out.diagnostics[0];
  if (first !== undefined) return { error: `${out.diagnostics.length} diagnostic(s), first: ${first.code} at ${first.span.startLine}:${first.span.startCol} ${first.message}` };
  if (out.text === null) return { error: 'no MLIR printed' };
  return { ms };
}

/**
 * Times every size, in rounds: each round compiles each size that still wants runs once, smallest
 * first. This VM's speed drifts from one minute to the next, and sizes timed one after another
 * would compare different minutes; interleaved, a slow minute falls on every size alike, so that
 * the growth from 10k to 100k lines compares like with like.
 */
function measureSizes(sizes: readonly ThroughputSize[]): SizeResult[] {
  const programs = sizes.map((size) => generateProgram(size.lines));
  const times = sizes.map((): number[] => []);
  const spent = sizes.map(() => 0);
  const errors = sizes.map(() => '');
  const wantsRun = (i: number): boolean =>
    errors[i] === '' && times[i]!.length < sizes[i]!.runs && (times[i]!.length === 0 || spent[i]! < sizes[i]!.budgetMs);
  while (sizes.some((_, i) => wantsRun(i))) {
    for (let i = 0; i < sizes.length; i++) {
      if (!wantsRun(i)) continue;
      const result = compileOnce(`generated-${sizes[i]!.lines}.fs`, programs[i]!.text);
      if ('error' in result) errors[i] = result.error;
      else {
        times[i]!.push(result.ms);
        spent[i]! += result.ms;
      }
    }
  }
  return sizes.map((size, i) => ({
    target: size.lines,
    lines: programs[i]!.lines,
    medianMs: errors[i] === '' ? median(times[i]!) : null,
    timesMs: times[i]!,
    runs: times[i]!.length,
    error: errors[i]!,
  }));
}

/** Compiles the 1k and 10k programs, two of the first to one of the second, for `ms` in all. */
function warmUp(ms: number, log: (line: string) => void): void {
  const programs = [generateProgram(1_000), generateProgram(1_000), generateProgram(10_000)];
  const start = process.hrtime.bigint();
  let compiles = 0;
  while (compiles < programs.length || msSince(start) < ms) compileOnce('warmup.fs', programs[compiles++ % programs.length]!.text);
  log(`throughput warm-up: ${compiles} compiles in ${(msSince(start) / 1000).toFixed(1)} s`);
}

const label = (lines: number): string => (lines >= 1000 ? `${lines / 1000}k` : String(lines));

/** Measures every size and reports lines/s for each and the 100k/10k growth. */
export function throughput(options: ThroughputOptions, log: (line: string) => void): Row[] {
  warmUp(options.warmupMs, log);

  const rows: Row[] = [];
  const results = measureSizes(options.sizes);
  for (const r of results) {
    const linesPerSecond = r.medianMs === null ? null : r.lines / (r.medianMs / 1000);
    log(`throughput ${label(r.target)}: ${r.lines} lines, ${r.medianMs?.toFixed(0) ?? '-'} ms (median of ${r.runs}), ${linesPerSecond?.toFixed(0) ?? '-'} lines/s${r.error ? `; ${r.error}` : ''}`);
    rows.push(
      row({
        part: 'Throughput',
        metric: `${label(r.target)} program (${r.lines} lines), median of ${r.runs}: ${r.medianMs === null ? '-' : `${r.medianMs.toFixed(0)} ms`}`,
        unit: 'lines/s',
        higherIsBetter: true,
        ours: linesPerSecond,
        theirs: null,
        target: TARGETS.linesPerSecond,
        failed: r.error !== '',
        note: r.error,
        samples: { ours: r.timesMs, theirs: [] },
      }),
    );
  }
  const t10k = results.find((r) => r.target === 10_000)?.medianMs ?? null;
  const t100k = results.find((r) => r.target === 100_000)?.medianMs ?? null;
  if (results.some((r) => r.target === 10_000) && results.some((r) => r.target === 100_000)) {
    const growth = t10k !== null && t100k !== null ? t100k / t10k : null;
    rows.push(
      row({
        part: 'Throughput',
        metric: 'time of 100k-line program / 10k-line program',
        unit: '×',
        higherIsBetter: false,
        ours: growth,
        theirs: null,
        target: TARGETS.growth100kOver10k,
        failed: growth === null,
        note: growth === null ? 'a program did not compile' : '',
      }),
    );
  }
  rows.push(stageRow(options.stageRuns));
  if (options.coldRuns > 0) rows.push(coldRow(options.coldRuns, log));
  return rows;
}

/** The 10k-line program's time split by stage (median of `runs` after two warm-up compiles). */
function stageRow(runs: number): Row {
  const program = generateProgram(10_000);
  const file = 'generated-10000.fs';
  const samples: StageTimes[] = [];
  try {
    for (let i = 0; i < 2; i++) stageTimes(file, program.text);
    for (let i = 0; i < runs; i++) samples.push(stageTimes(file, program.text));
  } catch (e) {
    return row({ part: 'Throughput', metric: '10k program by stage', unit: 'ms', higherIsBetter: false, ours: null, theirs: null, failed: true, note: (e as Error).message });
  }
  const med = medianStageTimes(samples);
  const total = STAGES.reduce((sum, s) => sum + med[s], 0);
  return row({
    part: 'Throughput',
    metric: `10k program by stage, median of ${runs} (total)`,
    unit: 'ms',
    higherIsBetter: false,
    ours: total,
    theirs: null,
    note: formatStageTimes(med),
    samples: { ours: samples.map((s) => STAGES.reduce((sum, stage) => sum + s[stage], 0)), theirs: [] },
  });
}

/** The 10k-line program compiled `runs` times by the CLI, each in a fresh process, as a user runs it once. */
function coldRow(runs: number, log: (line: string) => void): Row {
  const program = generateProgram(10_000);
  const dir = mkdtempSync(join(tmpdir(), 'firefly-bench-'));
  const file = join(dir, 'generated-10000.fs');
  const times: number[] = [];
  let error = '';
  try {
    writeFileSync(file, program.text);
    for (let i = 0; i < runs && error === ''; i++) {
      const result = timeCommand([process.execPath, CLI, 'compile', file]);
      if ('error' in result) error = result.error;
      else times.push(result.ms);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = median(times);
  const linesPerSecond = ms === null || error !== '' ? null : program.lines / (ms / 1000);
  log(`throughput 10k, fresh process: ${ms?.toFixed(0) ?? '-'} ms (median of ${times.length})${error ? `; ${error}` : ''}`);
  return row({
    part: 'Throughput',
    metric: `10k program, one CLI compile in a fresh process (Node start-up and JIT warm-up included), median of ${times.length}: ${ms === null ? '-' : `${ms.toFixed(0)} ms`}`,
    unit: 'lines/s',
    higherIsBetter: true,
    ours: linesPerSecond,
    theirs: null,
    failed: error !== '',
    note: error,
    samples: { ours: times, theirs: [] },
  });
}
