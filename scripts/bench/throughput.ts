/**
 * Part 2, front-end and lowering throughput: generated programs of about 1k, 10k and 100k lines
 * through `compileSource(..., { emit: 'mlir' })` in this process (parse + check + lower + print,
 * the same entry point as `firefly-sim compile`), after a warm-up, as lines per second, and how the
 * time grows from 10k to 100k lines, and where the 10k-line program's time goes stage by stage.
 * Each program must compile without diagnostics, or its row says it failed.
 */
import { compileSource } from '../../compiler/driver/pipeline.js';
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
  readonly warmupRuns: number;
  /** Timed compiles of the 10k-line program for the by-stage row. */
  readonly stageRuns: number;
}

/** The sizes the issue asks for, with runs bounded so the whole part takes about two minutes. */
export const DEFAULT_SIZES: readonly ThroughputSize[] = [
  { lines: 1_000, runs: 7, budgetMs: 15_000 },
  { lines: 10_000, runs: 5, budgetMs: 30_000 },
  { lines: 100_000, runs: 3, budgetMs: 60_000 },
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

function measureSize(size: ThroughputSize): SizeResult {
  const program = generateProgram(size.lines);
  const file = `generated-${size.lines}.fs`;
  const times: number[] = [];
  let spent = 0;
  while (times.length < size.runs && (times.length === 0 || spent < size.budgetMs)) {
    const result = compileOnce(file, program.text);
    if ('error' in result) return { target: size.lines, lines: program.lines, medianMs: null, timesMs: times, runs: times.length, error: result.error };
    times.push(result.ms);
    spent += result.ms;
  }
  return { target: size.lines, lines: program.lines, medianMs: median(times), timesMs: times, runs: times.length, error: '' };
}

const label = (lines: number): string => (lines >= 1000 ? `${lines / 1000}k` : String(lines));

/** Measures every size and reports lines/s for each and the 100k/10k growth. */
export function throughput(options: ThroughputOptions, log: (line: string) => void): Row[] {
  const warm = generateProgram(1_000);
  for (let i = 0; i < options.warmupRuns; i++) compileOnce('warmup.fs', warm.text);

  const rows: Row[] = [];
  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    const r = measureSize(size);
    results.push(r);
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
