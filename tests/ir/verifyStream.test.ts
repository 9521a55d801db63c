/**
 * Verifying and printing a module as it is built, a definition at a time (what compiling to MLIR
 * text does): the failures are those `verifyModule` finds in the finished module, in the same
 * order, including the symbol checks that must wait for a function defined later, and the text is
 * `printModule`'s.
 */
import { describe, expect, it } from 'vitest';
import { attr, funcType, i32, i64, ModuleBuilder, printModule, verifyModule, type Operation } from '../../compiler/alex/ir/index.js';
import { StreamPrinter } from '../../compiler/alex/ir/printer.js';
import { StreamVerifier } from '../../compiler/alex/ir/verifyStream.js';
import { at } from './sampleModules.js';

/** What building a module with `build` gives whole, and streamed: each definition verified and printed when `build` completes it. */
function bothWays(build: (mb: ModuleBuilder) => void): { whole: string[]; streamed: string[]; wholeText: string; streamedText: string } {
  const mb = new ModuleBuilder(at(1));
  build(mb);
  const m = mb.finish();
  const printer = new StreamPrinter({ debugInfo: true });
  const streaming = new ModuleBuilder(at(1), (op) => {
    verifier.definition(op);
    printer.definition(op);
  });
  const verifier = new StreamVerifier((name) => streaming.lookup(name));
  build(streaming);
  const head = streaming.finish();
  return {
    whole: verifyModule(m).map((f) => f.message),
    streamed: verifier.finish(head).map((f) => f.message),
    wholeText: printModule(m, { debugInfo: true }),
    streamedText: printer.finish(head),
  };
}

describe('a module verified and printed as it is built', () => {
  it('gives the whole module\'s text, declarations and globals first', () => {
    const r = bothWays((mb) => {
      const f = mb.defineFunc('f', [i32], [i32], at(2));
      f.callExternal('putchar', [i32], i32, [f.args[0]!], at(3));
      f.ret([f.binary('addi', f.args[0]!, f.args[0]!, at(4))], at(5));
      mb.complete(f.func);
      const g = mb.defineFunc('g', [], [], at(6));
      g.stringBytes('hello', at(7));
      g.call('f', [g.constant(i32, 1, at(8))], [i32], at(8));
      g.ret([], at(9));
      mb.complete(g.func);
    });
    expect(r.whole).toEqual([]);
    expect(r.streamed).toEqual([]);
    expect(r.streamedText).toBe(r.wholeText);
    expect(r.streamedText.indexOf('@putchar')).toBeLessThan(r.streamedText.indexOf('@str0'));
    expect(r.streamedText.indexOf('@str0')).toBeLessThan(r.streamedText.indexOf('@f('));
  });

  it('accepts a call of a function defined later with its signature', () => {
    const r = bothWays((mb) => {
      const main = mb.defineFunc('main', [], [i32], at(2));
      main.ret(main.call('later', [main.constant(i32, 1, at(3))], [i32], at(3)), at(4));
      mb.complete(main.func);
      const later = mb.defineFunc('later', [i32], [i32], at(5));
      later.ret([later.args[0]!], at(6));
      mb.complete(later.func);
    });
    expect(r.streamed).toEqual([]);
    expect(r.whole).toEqual([]);
  });

  it('reports a call of a function defined later with another signature, in its place among the failures', () => {
    const r = bothWays((mb) => {
      const main = mb.defineFunc('main', [i64], [i32], at(2));
      main.binary('addi', main.args[0]!, main.constant(i32, 1, at(3)), at(3));
      main.call('later', [main.args[0]!], [i32], at(4));
      main.call('nowhere', [], [], at(5));
      main.ret([main.args[0]!], at(6));
      mb.complete(main.func);
      const later = mb.defineFunc('later', [i32], [i32], at(7));
      later.ret([later.args[0]!], at(8));
      mb.complete(later.func);
    });
    expect(r.streamed).toEqual([
      "Frame.fs(3,5): 'arith.addi' op expects all operands and results to be i64, got i32",
      "Frame.fs(4,5): 'func.call' op has type (i64) -> (i32) but @later is declared (i32) -> (i32)",
      "Frame.fs(5,5): 'func.call' op calls @nowhere, which is not a declared func.func",
      "Frame.fs(6,5): 'func.return' op returns (i64) but the enclosing 'func.func' expects (i32)",
    ]);
    expect(r.streamed).toEqual(r.whole);
  });

  it('reports the failures of every streamed function, and the address of a global that is never defined', () => {
    const r = bothWays((mb) => {
      const f = mb.defineFunc('f', [], [], at(2));
      f.constant(i32, 1, at(3));
      mb.complete(f.func);
      const g = mb.defineFunc('g', [], [], at(4));
      g.addressOf('missing', at(5));
      g.ret([], at(6));
      mb.complete(g.func);
    });
    expect(r.streamed).toEqual([
      "Frame.fs(2,5): 'func.func' op has a block in region #0 that does not end in a terminator: its last op is 'arith.constant' at Frame.fs(3,5)",
      "Frame.fs(5,5): 'llvm.mlir.addressof' op refers to @missing, which is not defined",
    ]);
    expect(r.streamed).toEqual(r.whole);
  });

  it('reports a symbol defined twice, first, as for the whole module', () => {
    // The module builder refuses a second definition, so these ops are written out by hand.
    const fn = (line: number): Operation => ({
      name: 'func.func', operands: [], results: [], successors: [], loc: at(line),
      attributes: { sym_name: attr.string('f'), function_type: attr.type(funcType([], [])) },
      regions: [{ blocks: [{ args: [], ops: [{ name: 'func.return', operands: [], results: [], attributes: {}, regions: [], successors: [], loc: at(line + 1) }] }] }],
    });
    const decl: Operation = { ...fn(2), name: 'llvm.func', regions: [{ blocks: [] }] };
    const definitions = [fn(3), fn(5)];
    const verifier = new StreamVerifier((name) => (name === 'f' ? decl : undefined));
    for (const d of definitions) verifier.definition(d);
    const streamed = verifier.finish({ ops: [decl], loc: at(1) }).map((f) => f.message);
    expect(streamed).toEqual([
      "Frame.fs(3,5): 'func.func' op redefines @f, already defined at Frame.fs(2,5)",
      "Frame.fs(5,5): 'func.func' op redefines @f, already defined at Frame.fs(2,5)",
    ]);
    expect(streamed).toEqual(verifyModule({ ops: [decl, ...definitions], loc: at(1) }).map((f) => f.message));
  });
});
