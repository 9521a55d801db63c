/**
 * Helpers for the golden, section-5, mlir-opt, round-trip and witness tests: the samples (the same
 * list and names `npm run golden:update` uses), compiling through the CLI's entry point, and
 * cutting a printed function into its ops.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { renderDiagnostic } from '../../compiler/diagnostics/render.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { compileSource } from '../../compiler/driver/pipeline.js';
import { listSamples, repoRoot, type Sample } from '../../scripts/golden-update.js';
import { unifiedDiff } from '../../scripts/lineDiff.js';
import { findRunModuloNames, mismatchModuloNames } from '../ir/matchOps.js';

/** The repository root. */
export const ROOT = repoRoot(dirname(fileURLToPath(import.meta.url)));

/** Every `samples/*.fs`, with its golden file, as the update script sees them. */
export const SAMPLES: readonly Sample[] = listSamples(ROOT);

/** The built CLI (`npm test` builds before running the tests). */
export const CLI = join(ROOT, 'dist/compiler/driver/cli.js');

/** Read a file relative to the root. */
export const readRoot = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** What a compilation printed, with its diagnostics rendered as the CLI renders them. */
export interface Compiled {
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly rendered: string;
}

/** Compile source text to MLIR through `compileSource`, as `firefly-sim compile` does. */
export function compileMlir(file: string, source: string, debugInfo = false): Compiled {
  const out = compileSource(file, source, { emit: 'mlir', debugInfo });
  return { ...out, rendered: out.diagnostics.map((d) => renderDiagnostic(d, source, { color: false })).join('\n\n') };
}

/** The MLIR of a file in the repository, named by its path relative to the root; throws on errors. */
export function compileFile(path: string, debugInfo = false): string {
  const out = compileMlir(path, readRoot(path), debugInfo);
  if (out.text === null) throw new Error(`${path} does not compile:\n${out.rendered}`);
  return out.text;
}

/**
 * Why `actual` is not the golden text, as a unified diff and what to do about it; undefined when
 * they are the same bytes.
 */
export function goldenMismatch(golden: string, expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  return `${golden} is not what the compiler prints now:\n${unifiedDiff(expected, actual, { before: golden, after: 'compiler output' })}` +
    'run npm run golden:update if the change is intended';
}

/** Remove a `// comment` from the end of an MLIR line (no string in a function body holds `//`). */
export const stripComment = (line: string): string => line.replace(/\s*\/\/.*$/, '');

/** The lines of `@name`'s definition in printed MLIR: the `func.func` line, its body, its `}`. */
function functionLines(mlir: string, name: string): string[] {
  const lines = mlir.split('\n');
  const start = lines.findIndex((l) => l.trimStart().startsWith(`func.func @${name}(`));
  if (start < 0) throw new Error(`no func.func @${name} in:\n${mlir}`);
  const indent = lines[start]!.length - lines[start]!.trimStart().length;
  const end = lines.findIndex((l, i) => i > start && (l === `${' '.repeat(indent)}}` || l.startsWith(`${' '.repeat(indent)}} loc(`)));
  if (end < 0) throw new Error(`func.func @${name} has no closing brace`);
  return lines.slice(start, end + 1);
}

/** The `func.func @name(...)` line, trimmed. */
export const functionHeader = (mlir: string, name: string): string => stripComment(functionLines(mlir, name)[0]!.trim());

/**
 * The ops of `@name`'s body, outermost level only, in order: one string per op, trimmed, comments
 * removed; an op with regions (`scf.if`, `scf.while`) is one string of several lines.
 */
export function functionOps(mlir: string, name: string): string[] {
  const lines = functionLines(mlir, name);
  const outer = lines[0]!.length - lines[0]!.trimStart().length;
  const opIndent = outer + 2;
  const ops: string[][] = [];
  for (const line of lines.slice(1, -1)) {
    const indent = line.length - line.trimStart().length;
    const text = stripComment(line.trim());
    if (indent === opIndent && !text.startsWith('}')) ops.push([text]);
    else ops[ops.length - 1]?.push(text);
  }
  return ops.map((o) => o.join('\n'));
}

/** Every line of `@name`'s body, nested regions included, trimmed: for runs inside a region. */
export const bodyLines = (mlir: string, name: string): string[] =>
  functionLines(mlir, name).slice(1, -1).map((l) => stripComment(l.trim()));

/** The names of the parameters of `func.func @name(%a: T, …)`, in order. */
export const parameterNames = (header: string): string[] => [...header.matchAll(/(%[A-Za-z0-9_$.-]+):/g)].map((m) => m[1]!);

/** A temporary directory for files handed to the MLIR tools, and its removal. */
export function scratchDir(prefix: string): { readonly dir: string; readonly write: (name: string, text: string) => string; readonly remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Assert that `expected` is a contiguous run of `actual` (ops or lines), SSA names free except
 * those `given`; returns where the run starts. On failure, shows both sequences.
 */
export function expectRun(expected: readonly string[], actual: readonly string[], given: ReadonlyMap<string, string> = new Map()): number {
  const at = findRunModuloNames(expected, actual, given);
  if (at < 0) {
    const first = mismatchModuloNames(expected, actual.slice(0, expected.length), given);
    expect.fail(`not a contiguous run (compared with the first lines: ${first ?? 'same'})\nexpected:\n${expected.join('\n')}\nactual:\n${actual.join('\n')}`);
  }
  return at;
}
