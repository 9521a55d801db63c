/**
 * The MLIR text parser reads back everything the compiler prints for the samples: printing the
 * parsed module gives the same bytes (with and without debug info), the locations survive, and the
 * verifier accepts the parsed module. The golden files themselves parse and verify too.
 */
import { describe, expect, it } from 'vitest';
import { parseMlir, printModule, verifyModule, walk, type Loc, type Module } from '../../compiler/alex/ir/index.js';
import { compileToModule } from '../../compiler/driver/pipeline.js';
import { HAND_WRITTEN_GOLDEN } from '../../scripts/golden-update.js';
import { SAMPLES, readRoot } from './support.js';

function parse(text: string, file: string): Module {
  const r = parseMlir(text, file);
  if (!r.ok) throw new Error(`${r.error.file}:${r.error.line}:${r.error.col}: ${r.error.message}`);
  return r.module;
}

function sampleModule(source: string): Module {
  const out = compileToModule(source, readRoot(source));
  if (out.module === null) throw new Error(`${source} does not compile: ${out.diagnostics.map((d) => d.message).join('; ')}`);
  return out.module;
}

const locs = (m: Module): Loc[] => {
  const out: Loc[] = [];
  walk(m.ops, (op) => out.push(op.loc));
  return out;
};

describe.each(SAMPLES)('$name', (sample) => {
  const m = sampleModule(sample.source);

  for (const debugInfo of [false, true]) {
    const how = debugInfo ? ', with debug info' : '';
    it(`print(parse(print(m))) === print(m)${how}`, () => {
      const text = printModule(m, { debugInfo });
      expect(printModule(parse(text, `${sample.name}.mlir`), { debugInfo })).toBe(text);
    });

    it(`the parsed module verifies${how}`, () => {
      expect(verifyModule(parse(printModule(m, { debugInfo }), `${sample.name}.mlir`))).toEqual([]);
    });
  }

  it('the source locations come back from loc(...) op for op', () => {
    const back = parse(printModule(m, { debugInfo: true }), `${sample.name}.mlir`);
    const expected = locs(m);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.every((l) => l.file === sample.source)).toBe(true);
    expect(locs(back)).toEqual(expected);
  });

  it(`${sample.golden} parses, verifies and prints back to itself`, () => {
    const text = readRoot(sample.golden);
    const parsed = parse(text, sample.golden);
    expect(verifyModule(parsed)).toEqual([]);
    expect(printModule(parsed)).toBe(text);
  });
});

describe.each(HAND_WRITTEN_GOLDEN)('golden/%s', (golden) => {
  it('parses (comments and named SSA values included) and verifies', () => {
    const parsed = parse(readRoot(`golden/${golden}`), golden);
    expect(verifyModule(parsed)).toEqual([]);
    const printed = printModule(parsed);
    expect(printed).toContain('func.func @writeTextHeader50(%arg0: i32, %arg1: !llvm.ptr) {');
    expect(printed).toContain('%8 = llvm.call @write(%arg0, %arg1, %7) : (i32, !llvm.ptr, i64) -> i64');
  });
});
