/**
 * The MLIR tool helper: found tools are returned, missing ones skip a test on a developer
 * machine and fail it in CI.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findMlirTool, mlirTool } from '../support/mlirTools.js';

const missing = (): undefined => undefined;
const skipped = { skip: (note?: string): never => { throw new Error(`skipped: ${note}`); } };

describe('mlirTool', () => {
  const saved = process.env['CI'];
  afterEach(() => {
    if (saved === undefined) delete process.env['CI'];
    else process.env['CI'] = saved;
  });

  it('returns the path of an installed tool', () => {
    expect(mlirTool('mlir-opt-19', skipped, () => '/opt/mlir/bin/mlir-opt-19')).toBe('/opt/mlir/bin/mlir-opt-19');
  });

  it('skips with a message naming the package when the tool is missing outside CI', () => {
    delete process.env['CI'];
    expect(() => mlirTool('mlir-opt-19', skipped, missing)).toThrow(/^skipped: mlir-opt-19 is not installed \(Debian\/Ubuntu package mlir-19-tools\)/);
  });

  it('fails instead of skipping in CI', () => {
    process.env['CI'] = 'true';
    expect(() => mlirTool('mlir-translate-19', skipped, missing)).toThrow(/mlir-translate-19 is not installed .*and CI requires it/);
  });

  it('looks through PATH and takes only executable files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlir-tools-'));
    const savedPath = process.env['PATH'];
    try {
      mkdirSync(join(dir, 'a'));
      mkdirSync(join(dir, 'b'));
      writeFileSync(join(dir, 'a', 'mlir-opt-19'), '', { mode: 0o644 });
      writeFileSync(join(dir, 'b', 'mlir-opt-19'), '#!/bin/sh\n', { mode: 0o755 });
      process.env['PATH'] = [join(dir, 'a'), join(dir, 'b')].join(delimiter);
      expect(findMlirTool('mlir-opt-19')).toBe(join(dir, 'b', 'mlir-opt-19'));
    } finally {
      process.env['PATH'] = savedPath;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
