/**
 * The benchmark's program generator must keep producing programs the compiler accepts, or the
 * throughput figures would measure error recovery instead of compilation. No timings here: the
 * benchmark (`npm run bench`) measures; this only checks the 1k-line program compiles cleanly.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../compiler/driver/pipeline.js';
import { generateProgram } from '../../scripts/bench/generateProgram.js';

describe('bench program generator', () => {
  it('generates a program of about 1k lines that compiles to MLIR without diagnostics', () => {
    const program = generateProgram(1_000);
    expect(program.lines).toBeGreaterThanOrEqual(1_000);
    expect(program.lines).toBeLessThan(1_200);
    const out = compileSource('generated-1000.fs', program.text, { emit: 'mlir' });
    expect(out.diagnostics.map((d) => `${d.code} ${d.span.startLine}:${d.span.startCol} ${d.message}`)).toEqual([]);
    expect(out.text).toContain('func.func');
  });

  it('is deterministic for a size and seed', () => {
    expect(generateProgram(1_000).text).toBe(generateProgram(1_000).text);
    expect(generateProgram(1_000, 7).text).not.toBe(generateProgram(1_000).text);
  });
});
