/**
 * Prints where compile time goes for a generated program of a given size (default 10k lines):
 * per-stage medians after a warm-up. A developer tool for issue 6; `npm run bench` reports the same
 * split in its throughput rows.
 *
 *   node dist/scripts/stageTimes.js [lines] [runs]
 */
import { generateProgram } from './bench/generateProgram.js';
import { formatStageTimes, medianStageTimes, stageTimes, STAGES, type StageTimes } from './bench/stages.js';

const lines = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 7);
if (!Number.isInteger(lines) || lines <= 0 || !Number.isInteger(runs) || runs <= 0) {
  process.stderr.write('usage: node dist/scripts/stageTimes.js [lines] [runs]\n');
  process.exit(2);
}
const program = generateProgram(lines);
const file = `generated-${lines}.fs`;
for (let i = 0; i < 3; i++) stageTimes(file, program.text);
const samples: StageTimes[] = [];
for (let i = 0; i < runs; i++) samples.push(stageTimes(file, program.text));
const med = medianStageTimes(samples);
const total = STAGES.reduce((sum, s) => sum + med[s], 0);
process.stdout.write(`${program.lines} lines, median of ${runs}: ${formatStageTimes(med)} · total ${total.toFixed(0)} ms · ${Math.round(program.lines / (total / 1000)).toLocaleString('en')} lines/s\n`);
