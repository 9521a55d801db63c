/**
 * `npm run bench`: the benchmark of issue 6, in one invocation. It measures, side by side on this
 * machine, the compiler's cold start against `node -e 0`, the front end and lowering on generated
 * programs of 1k, 10k and 100k lines, and the interpreted echo server against a `ws` echo server
 * (with both servers' peak RSS); then prints a Markdown table of medians, ratios ours/theirs and
 * the targets met or not, and writes it with the JSON under bench-results/<date>.{md,json}.
 * It runs on the built JavaScript (`npm run build` first) and is never part of `npm test`.
 *
 *   node dist/scripts/bench.js [--only compile,throughput,echo] [--quick]
 *
 * `--quick` (a short run for checking the harness) writes under .bench/ instead.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { coldCompile } from './bench/coldCompile.js';
import { echo } from './bench/echo.js';
import { describeMachine, oneMinuteLoad } from './bench/machine.js';
import { CLI, ROOT } from './bench/paths.js';
import { planPinning } from './bench/pinning.js';
import { renderMarkdown, writeReport } from './bench/report.js';
import { cpuTimes, stealPercent } from './bench/steal.js';
import { describeRevision } from './bench/revision.js';
import type { Row } from './bench/results.js';
import { DEFAULT_SIZES, throughput } from './bench/throughput.js';

const PARTS = ['compile', 'throughput', 'echo'] as const;
type Part = (typeof PARTS)[number];

const USAGE = 'usage: node dist/scripts/bench.js [--only compile,throughput,echo] [--quick]';

function parseOptions(): { parts: Set<Part>; quick: boolean } {
  const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const requested = values.only === undefined ? [...PARTS] : values.only.split(',').map((p) => p.trim());
  const unknown = requested.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown part ${unknown.join(', ')}\n${USAGE}\n`);
    process.exit(2);
  }
  return { parts: new Set(requested as Part[]), quick: values.quick === true };
}

async function main(): Promise<void> {
  const { parts, quick } = parseOptions();
  if (!existsSync(CLI)) {
    process.stderr.write(`bench: ${CLI} is missing; run \`npm run build\` (or \`npm run bench\`, which builds first)\n`);
    process.exit(2);
  }
  const started = Date.now();
  const machine = describeMachine();
  const revision = describeRevision();
  const pinning = planPinning();
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const rows: Row[] = [];

  /** Runs one part, noting how much CPU time the hypervisor took meanwhile. */
  const part = async (name: Part, run: () => Row[] | Promise<Row[]>): Promise<void> => {
    if (!parts.has(name)) return;
    const before = cpuTimes();
    rows.push(...(await run()));
    machine.steal.push({ part: name, percent: stealPercent(before, cpuTimes()) });
  };
  await part('compile', () => coldCompile({ rounds: quick ? 3 : 15, pin: [] }, log));
  await part('throughput', () => {
    const sizes = quick ? [{ lines: 1_000, runs: 2, budgetMs: 5_000 }, { lines: 10_000, runs: 1, budgetMs: 1 }] : DEFAULT_SIZES;
    return throughput({ sizes, warmupMs: quick ? 1_000 : 10_000, stageRuns: quick ? 1 : 5, coldRuns: quick ? 1 : 5 }, log);
  });
  await part('echo', () => {
    machine.pinning = pinning.apply();
    return echo({ rounds: quick ? 1 : 3, durationMs: quick ? 500 : 2500, pinning }, log);
  });

  machine.loadAtEnd = oneMinuteLoad();
  const report = { machine, revision, durationSeconds: (Date.now() - started) / 1000, rows };
  const markdown = renderMarkdown(report);
  process.stdout.write(`\n${markdown}`);
  if (quick) {
    const dir = join(ROOT, '.bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'quick.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(dir, 'quick.md'), markdown);
    log(`wrote .bench/quick.{json,md}`);
  } else {
    const written = writeReport(report, markdown);
    log(`wrote ${written.json} and ${written.markdown}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: internal error: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(70);
});
