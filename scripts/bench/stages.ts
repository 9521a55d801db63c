/**
 * Where compile time goes: one program through the pipeline's stages one at a time (lex + layout,
 * parse, check, lower, verify, print), timed separately. `compile` interleaves them all, a
 * declaration at a time (`compiler/driver/streamCompile.ts`); here each runs over the whole program
 * so that it can be timed apart, and the whole program's trees are kept alive, so the sum is more
 * than a compile takes. The throughput part reports this split so a target not met says which stage
 * limits it; `scripts/stageTimes.ts` prints it on its own.
 */
import { check } from '../../compiler/fncs/checking/check.js';
import { layOutSource, parseSource } from '../../compiler/fncs/syntax/parse.js';
import { lowerProgram } from '../../compiler/alex/witnesses/lower.js';
import { printModule } from '../../compiler/alex/ir/printer.js';
import { verifyModule } from '../../compiler/alex/ir/verifier.js';
import { median, msSince } from './stats.js';

/** Milliseconds per stage for one compile. `parse` excludes lexing; `lower` excludes verifying. */
export interface StageTimes {
  readonly lex: number;
  readonly parse: number;
  readonly check: number;
  readonly lower: number;
  readonly verify: number;
  readonly print: number;
}

export const STAGES = ['lex', 'parse', 'check', 'lower', 'verify', 'print'] as const;

/**
 * Times each stage of compiling `text`. Lexing (with the layout pass, into the token buffer the
 * parser reads, not the token objects `--emit tokens` prints) is timed on its own and subtracted
 * from parsing (which lexes again); verifying is timed again on the lowered module and subtracted from lowering
 * (which verifies). Throws when the program does not compile cleanly: only clean programs are timed.
 */
export function stageTimes(file: string, text: string): StageTimes {
  let start = process.hrtime.bigint();
  layOutSource(file, text);
  const lex = msSince(start);

  start = process.hrtime.bigint();
  const parsed = parseSource(file, text);
  const parseAndLex = msSince(start);
  if (parsed.diagnostics.length > 0) throw new Error(`stageTimes: ${file} has syntax diagnostics`);

  start = process.hrtime.bigint();
  const checked = check(parsed.ast);
  const checking = msSince(start);
  if (checked.diagnostics.length > 0) throw new Error(`stageTimes: ${file} has type diagnostics`);

  start = process.hrtime.bigint();
  const lowered = lowerProgram(checked.program);
  const lowerAndVerify = msSince(start);
  if (lowered.module === null) throw new Error(`stageTimes: ${file} did not lower`);

  start = process.hrtime.bigint();
  verifyModule(lowered.module);
  const verify = msSince(start);

  start = process.hrtime.bigint();
  printModule(lowered.module, { debugInfo: false });
  const print = msSince(start);

  return { lex, parse: Math.max(0, parseAndLex - lex), check: checking, lower: Math.max(0, lowerAndVerify - verify), verify, print };
}

/** The per-stage medians of several timed compiles. */
export function medianStageTimes(samples: readonly StageTimes[]): StageTimes {
  const of = (stage: (typeof STAGES)[number]): number => median(samples.map((s) => s[stage])) ?? 0;
  return { lex: of('lex'), parse: of('parse'), check: of('check'), lower: of('lower'), verify: of('verify'), print: of('print') };
}

/** `lex 12 ms · parse 40 ms · …`, for logs and report notes. */
export const formatStageTimes = (t: StageTimes): string => STAGES.map((s) => `${s} ${t[s].toFixed(0)} ms`).join(' · ');
