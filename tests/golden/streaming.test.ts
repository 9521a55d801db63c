/**
 * Compiling to MLIR text lowers, verifies and prints one function at a time (`lowerProgramToText`),
 * never holding the whole module: its text must be the printed whole module (`lowerProgram`, as
 * `run` gets it), with and without debug info, for the samples, a program whose calls reach
 * functions emitted after their caller (specialisations, lifted local functions), and generated ones.
 */
import { describe, expect, it } from 'vitest';
import { printModule } from '../../compiler/alex/ir/printer.js';
import { lowerProgram, lowerProgramToText } from '../../compiler/alex/witnesses/lower.js';
import { frontEnd } from '../../compiler/driver/pipeline.js';
import { STREAM_PROGRAMS } from './streamPrograms.js';

/** The whole module's text and the streamed text of `source`, which must compile. */
function bothWays(file: string, source: string, debugInfo: boolean): { whole: string; streamed: string | null } {
  const program = frontEnd(file, source).program;
  if (program === null) throw new Error(`${file} does not parse`);
  const lowered = lowerProgram(program);
  expect(lowered.diagnostics).toEqual([]);
  expect(lowered.verifyFailures).toEqual([]);
  const streamed = lowerProgramToText(program, { debugInfo });
  expect(streamed.diagnostics).toEqual([]);
  expect(streamed.verifyFailures).toEqual([]);
  return { whole: printModule(lowered.module!, { debugInfo }), streamed: streamed.text };
}

describe.each(STREAM_PROGRAMS)('$name', ({ name, text }) => {
  for (const debugInfo of [false, true]) {
    it(`compiled a function at a time, prints the whole module's text${debugInfo ? ', with debug info' : ''}`, () => {
      const { whole, streamed } = bothWays(name, text, debugInfo);
      expect(whole).toContain('func.func @main');
      expect(streamed).toBe(whole);
    });
  }
});
