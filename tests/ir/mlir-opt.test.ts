/**
 * The printed MLIR is real MLIR: `mlir-opt-19` parses and verifies it, the lowering pipeline of
 * spec/mlir.md turns it into LLVM IR, and our parser reads mlir-opt's own printing back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMlir, printModule, type Module } from '../../compiler/alex/ir/index.js';
import { lowerToLlvmIr, mlirOptVerify } from '../support/mlirTools.js';
import { everyOpModule, sectionFiveModule } from './sampleModules.js';

const dir = mkdtempSync(join(tmpdir(), 'firefly-ir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const modules: [string, () => Module][] = [
  ['section5', sectionFiveModule],
  ['everyOp', everyOpModule],
];

describe.each(modules)('%s', (name, build) => {
  for (const debugInfo of [false, true]) {
    it(`mlir-opt-19 parses and verifies it${debugInfo ? ' with debug locations' : ''}`, async (ctx) => {
      const file = write(`${name}${debugInfo ? '.dbg' : ''}.mlir`, printModule(build(), { debugInfo }));
      const run = await mlirOptVerify(file, ctx);
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
    });

    it(`lowers to LLVM IR through the spec pipeline${debugInfo ? ' with debug locations' : ''}`, async (ctx) => {
      const file = write(`${name}.lower${debugInfo ? '.dbg' : ''}.mlir`, printModule(build(), { debugInfo }));
      const run = await lowerToLlvmIr(file, ctx);
      expect(run.stderr, `${run.stage} failed`).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/^declare i64 @write\(i32, ptr, i64\)$/m);
      expect(run.stdout).toMatch(/call i64 @write\(/);
    });
  }
});

describe('mlir-opt output', () => {
  it('our parser reads mlir-opt-19\'s printing of the section-5 module and prints it as we do', async (ctx) => {
    const ours = printModule(sectionFiveModule());
    const run = await mlirOptVerify(write('s5.mlir', ours), ctx);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('%c-127_i8 = arith.constant -127 : i8');
    const back = parseMlir(run.stdout, 'mlir-opt.mlir');
    expect(back.ok ? printModule(back.module) : back.error).toBe(ours);
  });

  it('our parser reads mlir-opt-19\'s printing of the every-op module (elided scf.yield included) back to our text', async (ctx) => {
    const ours = printModule(everyOpModule());
    const run = await mlirOptVerify(write('every.mlir', ours), ctx);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/scf\.if %\d+ \{\n\s+llvm\.call @fidelity_console_write\(%\d+\) : \(!llvm\.struct<\(ptr, i64\)>\) -> \(\)\n\s+\}/);
    const back = parseMlir(run.stdout, 'mlir-opt.mlir');
    expect(back.ok ? printModule(back.module) : back.error).toBe(ours);
  });

  it('mlir-opt-19 rejects a broken module (the check can fail)', async (ctx) => {
    const broken = printModule(sectionFiveModule()).replace(': i8, !llvm.ptr\n', ': i16, !llvm.ptr\n');
    const run = await mlirOptVerify(write('broken.mlir', broken), ctx);
    expect(run.exitCode).not.toBe(0);
  });
});
