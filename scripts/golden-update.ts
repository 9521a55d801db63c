/**
 * `npm run golden:update`: compiles every `samples/*.fs` through the pipeline's own entry point
 * (`compileSource`, as `firefly-sim compile` does, without debug info) and writes
 * `golden/<Name>.mlir`, then says what changed. The golden test compares against these files.
 *
 * Files in `golden/` written by hand from the spec (`section5.mlir`, the contract of spec/mlir.md)
 * are never touched. Samples are named by their path relative to the repository root
 * (`samples/X.fs`), the same name the golden test uses, so no absolute path reaches the output.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDiagnostic } from '../compiler/diagnostics/render.js';
import { compileSource } from '../compiler/driver/pipeline.js';
import { diffStat, unifiedDiff } from './lineDiff.js';

/** Golden files that are written by hand and are not the output of any sample. */
export const HAND_WRITTEN_GOLDEN: readonly string[] = ['section5.mlir'];

/** The repository root: this file is `scripts/` or `dist/scripts/` below it. */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'samples'))) return dir;
    if (dirname(dir) === dir) throw new Error(`internal error: no repository root above ${from}`);
  }
}

/** One sample: its source name as the compiler sees it and its golden file (both relative to the root). */
export interface Sample {
  readonly name: string;
  readonly source: string;
  readonly golden: string;
}

/** Every `samples/*.fs`, sorted by name. */
export function listSamples(root: string): Sample[] {
  return readdirSync(join(root, 'samples'))
    .filter((f) => f.endsWith('.fs'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.fs'.length);
      return { name, source: `samples/${f}`, golden: `golden/${name}.mlir` };
    });
}

/** The golden text of a sample (MLIR without debug info), or the rendered errors that prevent it. */
export function goldenText(root: string, sample: Sample): { ok: true; text: string } | { ok: false; errors: string } {
  const text = readFileSync(join(root, sample.source), 'utf8');
  const out = compileSource(sample.source, text, { emit: 'mlir' });
  if (out.text === null) {
    return { ok: false, errors: out.diagnostics.map((d) => renderDiagnostic(d, text, { color: false })).join('\n\n') };
  }
  return { ok: true, text: out.text };
}

function main(): number {
  const root = repoRoot();
  const showDiff = process.argv.includes('--diff');
  mkdirSync(join(root, 'golden'), { recursive: true });
  const samples = listSamples(root);
  let failed = 0;
  let changed = 0;
  for (const sample of samples) {
    if (HAND_WRITTEN_GOLDEN.includes(`${sample.name}.mlir`)) {
      process.stderr.write(`${sample.source}: not written, ${sample.golden} is a hand-written contract; rename the sample\n`);
      failed++;
      continue;
    }
    const result = goldenText(root, sample);
    if (!result.ok) {
      process.stderr.write(`${sample.source}: does not compile, ${sample.golden} left as it was\n${result.errors}\n`);
      failed++;
      continue;
    }
    const path = join(root, sample.golden);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (before === result.text) {
      process.stdout.write(`${sample.golden}: unchanged\n`);
      continue;
    }
    writeFileSync(path, result.text);
    changed++;
    if (before === null) {
      process.stdout.write(`${sample.golden}: created (${result.text.split('\n').length - 1} lines)\n`);
      continue;
    }
    const stat = diffStat(before, result.text);
    process.stdout.write(`${sample.golden}: updated (-${stat.removed} +${stat.added} lines)\n`);
    if (showDiff) process.stdout.write(unifiedDiff(before, result.text, { before: `${sample.golden} (before)`, after: `${sample.golden} (now)` }));
  }
  const known = new Set([...samples.map((s) => s.golden), ...HAND_WRITTEN_GOLDEN.map((g) => `golden/${g}`)]);
  for (const f of readdirSync(join(root, 'golden')).sort()) {
    if (f.endsWith('.mlir') && !known.has(`golden/${f}`)) process.stdout.write(`golden/${f}: no sample produces it (left alone; delete it if the sample is gone)\n`);
  }
  process.stdout.write(`${samples.length - failed} of ${samples.length} samples compiled, ${changed} golden file${changed === 1 ? '' : 's'} changed${showDiff || changed === 0 ? '' : ' (--diff shows how)'}\n`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
