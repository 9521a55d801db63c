/**
 * Every sample compiles to its golden file, byte for byte, and printing is deterministic: the same
 * source gives the same bytes every time, in this process or another, whatever the clock says,
 * with no absolute path in them. `npm run golden:update` rewrites the files after an intended change.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { execa } from 'execa';
import { HAND_WRITTEN_GOLDEN } from '../../scripts/golden-update.js';
import { CLI, ROOT, SAMPLES, compileFile, goldenMismatch, readRoot } from './support.js';

describe('the samples', () => {
  it('are the three programs of the project, each with a golden file', () => {
    expect(SAMPLES.map((s) => s.name)).toEqual(['HelloWorld', 'SocketBasics', 'WebSocketEcho']);
    for (const s of SAMPLES) expect(existsSync(join(ROOT, s.golden)), `${s.golden} is missing: run npm run golden:update`).toBe(true);
  });

  it('every golden file belongs to a sample or is the hand-written section-5 contract', () => {
    const known = new Set([...SAMPLES.map((s) => s.golden.slice('golden/'.length)), ...HAND_WRITTEN_GOLDEN]);
    expect(readdirSync(join(ROOT, 'golden')).filter((f) => !known.has(f))).toEqual([]);
  });
});

describe.each(SAMPLES)('$name', (sample) => {
  it(`compiles to ${sample.golden}, byte for byte`, () => {
    const mismatch = goldenMismatch(sample.golden, readRoot(sample.golden), compileFile(sample.source));
    if (mismatch !== undefined) expect.fail(mismatch);
  });

  it('the CLI prints the same bytes on stdout, from another process', async () => {
    const run = await execa('node', [CLI, 'compile', sample.source], { cwd: ROOT, reject: false, stripFinalNewline: false });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const mismatch = goldenMismatch(sample.golden, readRoot(sample.golden), run.stdout);
    if (mismatch !== undefined) expect.fail(mismatch);
  });

  for (const debugInfo of [false, true]) {
    const how = debugInfo ? ' with --debug-info' : '';
    it(`compiles to the same bytes twice${how}`, () => {
      const first = compileFile(sample.source, debugInfo);
      expect(compileFile(sample.source, debugInfo)).toBe(first);
    });

    it(`does not depend on the date or time${how}`, () => {
      const now = compileFile(sample.source, debugInfo);
      vi.useFakeTimers({ now: new Date('1999-12-31T23:59:58Z') });
      expect(compileFile(sample.source, debugInfo)).toBe(now);
    });

    it(`holds no absolute path${how}`, () => {
      const text = compileFile(sample.source, debugInfo);
      for (const dir of [ROOT, process.cwd(), tmpdir(), homedir()]) expect(text).not.toContain(dir);
      expect(text).not.toMatch(/["(\s]\/[A-Za-z]/);
      if (debugInfo) {
        const files = new Set([...text.matchAll(/loc\("([^"]*)":\d+:\d+\)/g)].map((m) => m[1]));
        expect([...files]).toEqual([sample.source]);
      }
    });
  }
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the mismatch report', () => {
  it('is a unified diff of the golden file and the output, with what to run', () => {
    const golden = 'module {\n  a\n  b\n  c\n}\n';
    const actual = 'module {\n  a\n  B\n  c\n}\n';
    expect(goldenMismatch('golden/X.mlir', golden, actual)).toBe([
      'golden/X.mlir is not what the compiler prints now:',
      '--- golden/X.mlir',
      '+++ compiler output',
      '@@ -1,5 +1,5 @@',
      ' module {',
      '   a',
      '-  b',
      '+  B',
      '   c',
      ' }',
      'run npm run golden:update if the change is intended',
    ].join('\n'));
    expect(goldenMismatch('golden/X.mlir', golden, golden)).toBeUndefined();
  });
});
