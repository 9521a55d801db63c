/**
 * The verifier: each kind of broken module gives a failure that names the op and where it came
 * from in the F# source; well-formed modules give none.
 */
import { describe, expect, it } from 'vitest';
import {
  attr, funcType, i1, i32, i64, i8, ModuleBuilder, parseMlir, ptr, verifyModule, type Operation, type Value, type VerifyFailure,
} from '../../compiler/alex/ir/index.js';
import { at, everyOpModule, sectionFiveModule } from './sampleModules.js';

/** Expect exactly one failure, about `op` at `Frame.fs(line,5)`, matching `problem`. */
function expectOne(failures: readonly VerifyFailure[], op: string, line: number, problem: RegExp): void {
  expect(failures.map((f) => f.message)).toHaveLength(1);
  const f = failures[0]!;
  expect(f.op).toBe(op);
  expect(f.loc).toEqual(at(line));
  expect(f.problem).toMatch(problem);
  expect(f.message).toBe(`Frame.fs(${line},5): '${op}' op ${f.problem}`);
}

describe('verifier', () => {
  it('accepts the well-formed modules', () => {
    expect(verifyModule(sectionFiveModule())).toEqual([]);
    expect(verifyModule(everyOpModule())).toEqual([]);
  });

  it('reports a use before the definition (a value from inside an scf.if branch used after it)', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i1], [i32], at(2));
    let inner = fn.args[0]!;
    fn.scfIf(fn.args[0]!, [], (b) => {
      inner = b.constant(i32, 1, at(3));
      return [];
    }, undefined, at(3));
    fn.ret([inner], at(4));
    expectOne(verifyModule(mb.finish()), 'func.return', 4, /operand #0 \(i32\) where it is not defined/);
  });

  it('reports a use before the definition in the same block (a module built by hand)', () => {
    const op = (name: string, operands: Value[], results: Value[], attributes: Operation['attributes'], line: number): Operation =>
      ({ name, operands, results, attributes, regions: [], successors: [], loc: at(line) });
    const later: Value = { def: 'result', index: 0, type: i32 };
    const body = [
      op('arith.addi', [later, later], [{ def: 'result', index: 0, type: i32 }], {}, 3),
      op('arith.constant', [], [later], { value: attr.int(1, i32) }, 4),
      op('func.return', [], [], {}, 5),
    ];
    const fn: Operation = {
      ...op('func.func', [], [], { sym_name: attr.string('f'), function_type: attr.type(funcType([], [])) }, 2),
      regions: [{ blocks: [{ args: [], ops: body }] }],
    };
    const failures = verifyModule({ ops: [fn], loc: at(1) });
    expect(failures.map((f) => f.message)).toEqual([
      "Frame.fs(3,5): 'arith.addi' op uses operand #0 (i32) where it is not defined: a value must be defined before its use, in this block, a dominating block or an enclosing one",
      "Frame.fs(3,5): 'arith.addi' op uses operand #1 (i32) where it is not defined: a value must be defined before its use, in this block, a dominating block or an enclosing one",
    ]);
  });

  it('reports a use in a block its definition does not dominate', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i1], [i32], at(2));
    const left = fn.createBlock();
    const right = fn.createBlock();
    fn.condBr(fn.args[0]!, left, [], right, [], at(3));
    fn.setInsertionPoint(left);
    const x = fn.constant(i32, 1, at(4));
    fn.ret([x], at(5));
    fn.setInsertionPoint(right);
    fn.ret([x], at(6));
    expectOne(verifyModule(mb.finish()), 'func.return', 6, /not defined/);
  });

  it('reports operand types that disagree with the op table', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i32, i64], [], at(2));
    fn.binary('addi', fn.args[0]!, fn.args[1]!, at(3));
    fn.ret([], at(4));
    expectOne(verifyModule(mb.finish()), 'arith.addi', 3, /expects all operands and results to be i32, got i64/);
  });

  it('reports a return whose types differ from the function result', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i64], [i32], at(2));
    fn.ret([fn.args[0]!], at(3));
    expectOne(verifyModule(mb.finish()), 'func.return', 3, /returns \(i64\) but the enclosing 'func.func' expects \(i32\)/);
  });

  it('reports a block without a terminator', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [], [], at(2));
    fn.constant(i8, 1, at(3));
    expectOne(verifyModule(mb.finish()), 'func.func', 2, /does not end in a terminator: its last op is 'arith.constant' at Frame\.fs\(3,5\)/);
  });

  it('reports a terminator in the middle of a block and in the wrong parent', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [], [], at(2));
    fn.op('scf.yield', [], [], {}, at(3));
    fn.ret([], at(4));
    const failures = verifyModule(mb.finish());
    expect(failures.map((f) => f.message)).toEqual([
      "Frame.fs(3,5): 'scf.yield' op is a terminator but is not the last op of its block",
      "Frame.fs(3,5): 'scf.yield' op cannot end a block of 'func.func' (only of 'scf.if', 'scf.while')",
    ]);
  });

  it('reports a call with the wrong number of arguments', () => {
    const mb = new ModuleBuilder(at(1));
    mb.declareLlvmFunc('write', [i32, ptr, i64], i64, at(1));
    const fn = mb.defineFunc('f', [i32, ptr], [], at(2));
    fn.llvmCall('write', [fn.args[0]!, fn.args[1]!], at(7));
    fn.ret([], at(8));
    expectOne(verifyModule(mb.finish()), 'llvm.call', 7, /passes 2 arguments to @write, which takes 3: \(i32, !llvm\.ptr, i64\) -> \(i64\)/);
  });

  it('reports a call whose argument types differ from the declaration', () => {
    const mb = new ModuleBuilder(at(1));
    mb.declareFunc('g', [i64], [i32], at(1));
    const fn = mb.defineFunc('f', [i32], [], at(2));
    fn.call('g', [fn.args[0]!], [i32], at(3));
    fn.call('nowhere', [], [], at(4));
    fn.ret([], at(5));
    const failures = verifyModule(mb.finish());
    expect(failures.map((f) => f.message)).toEqual([
      "Frame.fs(3,5): 'func.call' op has type (i32) -> (i32) but @g is declared (i64) -> (i32)",
      "Frame.fs(4,5): 'func.call' op calls @nowhere, which is not a declared func.func",
    ]);
  });

  it('reports wrong arity, missing and unknown attributes from the table', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i32], [], at(2));
    fn.op('arith.addi', [fn.args[0]!], [i32], { flags: attr.unit() }, at(3));
    fn.op('arith.cmpi', [fn.args[0]!, fn.args[0]!], [i1], {}, at(4));
    fn.ret([], at(5));
    const failures = verifyModule(mb.finish());
    expect(failures.map((f) => f.message)).toEqual([
      "Frame.fs(3,5): 'arith.addi' op expects 2 operands but has 1",
      "Frame.fs(3,5): 'arith.addi' op has an unknown attribute 'flags'",
      "Frame.fs(4,5): 'arith.cmpi' op needs the attribute 'predicate'",
    ]);
  });

  it('reports a public func.func declaration, which mlir-opt rejects', () => {
    const r = parseMlir('module {\n  func.func @g(i32) -> i32 loc("Frame.fs":9:5)\n}\n');
    expect(r.ok && verifyModule(r.module).map((f) => f.message)).toEqual(["Frame.fs(9,5): 'func.func' op is a declaration (no body), so it must be private"]);
  });

  it('reports branch arguments that do not match the target block', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i64], [], at(2));
    const next = fn.createBlock([i32]);
    fn.br(next, [fn.args[0]!], at(3));
    fn.setInsertionPoint(next);
    fn.ret([], at(4));
    expectOne(verifyModule(mb.finish()), 'cf.br', 3, /passes \(i64\) to a block that takes \(i32\)/);
  });

  it('reports duplicate symbols and yields that disagree with scf.if results (from parsed text)', () => {
    const r = parseMlir([
      'module {',
      '  llvm.func @f(i32) loc("Frame.fs":1:5)',
      '  llvm.func @f(i64) loc("Frame.fs":2:5)',
      '  func.func @g(%c: i1) -> i32 {',
      '    %0 = scf.if %c -> (i32) {',
      '      %1 = arith.constant 1 : i64',
      '      scf.yield %1 : i64 loc("Frame.fs":6:5)',
      '    } else {',
      '      %2 = arith.constant 2 : i32',
      '      scf.yield %2 : i32',
      '    }',
      '    func.return %0 : i32',
      '  }',
      '}',
    ].join('\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(verifyModule(r.module).map((f) => f.message)).toEqual([
      "Frame.fs(2,5): 'llvm.func' op redefines @f, already defined at Frame.fs(1,5)",
      "Frame.fs(6,5): 'scf.yield' op returns (i64) but the enclosing 'scf.if' expects (i32)",
    ]);
  });
});

/** The failures' messages, for comparing whole lists. */
const messages = (fs: readonly VerifyFailure[]): string[] => fs.map((f) => f.message);

/** An op written out by hand, for modules the builder would not make (uses before definitions). */
function rawOp(name: string, operands: Value[], results: Value[], line: number, extra: Partial<Operation> = {}): Operation {
  return { name, operands, results, attributes: {}, regions: [], successors: [], loc: at(line), ...extra };
}
const result = (type = i32): Value => ({ def: 'result', index: 0, type });
const constantOp = (v: Value, line: number): Operation => rawOp('arith.constant', [], [v], line, { attributes: { value: attr.int(1, v.type) } });
/** `func.func @name() -> results` with one block holding `ops`. */
function funcOp(name: string, ops: Operation[], line: number, results: Value['type'][] = []): Operation {
  return rawOp('func.func', [], [], line, {
    attributes: { sym_name: attr.string(name), function_type: attr.type(funcType([], results)) },
    regions: [{ blocks: [{ args: [], ops }] }],
  });
}

/** `@f(i1, i32) -> i32` begun with `%x = 1` and then `count` adds of a fresh constant onto it: definitions far from later uses. */
function chainOfAdds(count: number): { mb: ModuleBuilder; fn: ReturnType<ModuleBuilder['defineFunc']>; x: Value; acc: Value } {
  const mb = new ModuleBuilder(at(1));
  const fn = mb.defineFunc('f', [i1, i32], [i32], at(2));
  const x = fn.constant(i32, 1, at(3));
  let acc = x;
  for (let i = 0; i < count; i++) acc = fn.binary('addi', acc, fn.constant(i32, i, at(4)), at(4));
  return { mb, fn, x, acc };
}

const notDefined = (op: string, line: number, i = 0, type = 'i32'): string =>
  `Frame.fs(${line},5): '${op}' op uses operand #${i} (${type}) where it is not defined: a value must be defined before its use, in this block, a dominating block or an enclosing one`;

describe('verifier: where a value is visible', () => {
  it('accepts uses across the blocks of a cf graph wherever the defining block dominates', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i1], [i32], at(2));
    const left = fn.createBlock();
    const right = fn.createBlock();
    const join = fn.createBlock([i32]);
    const x = fn.constant(i32, 1, at(3));
    fn.condBr(fn.args[0]!, left, [], right, [], at(4));
    fn.setInsertionPoint(left);
    const y = fn.binary('addi', x, x, at(5));
    fn.br(join, [y], at(6));
    fn.setInsertionPoint(right);
    fn.br(join, [x], at(7));
    fn.setInsertionPoint(join);
    fn.ret([fn.binary('addi', join.args[0]!, x, at(8))], at(9));
    expect(verifyModule(mb.finish())).toEqual([]);
  });

  it('accepts a use in a block printed before the block that defines the value, when that block dominates it', () => {
    // entry → ^bb2 → ^bb1: ^bb2 comes later in the text but dominates ^bb1.
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [], [i32], at(2));
    const first = fn.createBlock();
    const second = fn.createBlock();
    fn.br(second, [], at(3));
    fn.setInsertionPoint(second);
    const x = fn.constant(i32, 7, at(4));
    fn.br(first, [], at(5));
    fn.setInsertionPoint(first);
    fn.ret([x], at(6));
    expect(verifyModule(mb.finish())).toEqual([]);
  });

  it('rejects a block argument used in a block its block does not dominate', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i1], [i32], at(2));
    const left = fn.createBlock([i32]);
    const right = fn.createBlock();
    const one = fn.constant(i32, 1, at(3));
    fn.condBr(fn.args[0]!, left, [one], right, [], at(4));
    fn.setInsertionPoint(left);
    fn.ret([left.args[0]!], at(5));
    fn.setInsertionPoint(right);
    fn.ret([left.args[0]!], at(6));
    expect(messages(verifyModule(mb.finish()))).toEqual([notDefined('func.return', 6)]);
  });

  it('lets an unreachable block see the entry block, and no other', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [], [i32], at(2));
    const reached = fn.createBlock();
    const unreached = fn.createBlock();
    const x = fn.constant(i32, 1, at(3));
    fn.br(reached, [], at(4));
    fn.setInsertionPoint(reached);
    const y = fn.binary('addi', x, x, at(5));
    fn.ret([y], at(6));
    fn.setInsertionPoint(unreached);
    const z = fn.binary('addi', x, y, at(7));
    fn.ret([z], at(8));
    expect(messages(verifyModule(mb.finish()))).toEqual([notDefined('arith.addi', 7, 1)]);
  });

  it('rejects a use in a nested region of a value defined later in the enclosing block', () => {
    const cond: Value = { def: 'arg', index: 0, type: i1 };
    const later = result();
    const ifOp = rawOp('scf.if', [cond], [], 3, {
      regions: [{ blocks: [{ args: [], ops: [rawOp('arith.addi', [later, later], [result()], 4), rawOp('scf.yield', [], [], 5)] }] }, { blocks: [] }],
    });
    const fn: Operation = {
      ...funcOp('f', [], 2),
      attributes: { sym_name: attr.string('f'), function_type: attr.type(funcType([i1], [])) },
      regions: [{ blocks: [{ args: [cond], ops: [ifOp, constantOp(later, 6), rawOp('func.return', [], [], 7)] }] }],
    };
    expect(messages(verifyModule({ ops: [fn], loc: at(1) }))).toEqual([notDefined('arith.addi', 4, 0), notDefined('arith.addi', 4, 1)]);
  });

  it('rejects a use of an op\'s own result inside its regions', () => {
    const cond: Value = { def: 'arg', index: 0, type: i1 };
    const r = result();
    const ifOp = rawOp('scf.if', [cond], [r], 3, {
      regions: [{ blocks: [{ args: [], ops: [rawOp('scf.yield', [r], [], 4)] }] }, { blocks: [{ args: [], ops: [rawOp('scf.yield', [r], [], 5)] }] }],
    });
    const fn: Operation = {
      ...funcOp('f', [], 2, [i32]),
      attributes: { sym_name: attr.string('f'), function_type: attr.type(funcType([i1], [i32])) },
      regions: [{ blocks: [{ args: [cond], ops: [ifOp, rawOp('func.return', [r], [], 6)] }] }],
    };
    expect(messages(verifyModule({ ops: [fn], loc: at(1) }))).toEqual([notDefined('scf.yield', 4), notDefined('scf.yield', 5)]);
  });

  it('rejects a value of one branch used in the other', () => {
    const mb = new ModuleBuilder(at(1));
    const fn = mb.defineFunc('f', [i1], [i32], at(2));
    let inThen = fn.args[0]!;
    const [out] = fn.scfIf(fn.args[0]!, [i32], (b) => {
      inThen = b.constant(i32, 1, at(3));
      // Far enough from its use that the verifier records where it was defined before leaving the branch.
      for (let i = 0; i < 10; i++) b.constant(i32, i, at(3));
      return [b.binary('addi', inThen, inThen, at(3))];
    }, () => [inThen], at(4));
    fn.ret([out!], at(5));
    expect(messages(verifyModule(mb.finish()))).toEqual([notDefined('scf.yield', 4)]);
  });

  it('finds definitions far from their uses, in the block and in enclosing ones, and rejects far uses before them', () => {
    // More ops between definition and use than the verifier compares directly.
    const { mb, fn, x, acc } = chainOfAdds(12);
    const [fromIf] = fn.scfIf(fn.args[0]!, [i32], (b) => [b.binary('addi', x, fn.args[1]!, at(5))], (b) => [b.binary('muli', acc, x, at(6))], at(5));
    fn.ret([fn.binary('subi', fromIf!, x, at(7))], at(8));
    expect(verifyModule(mb.finish())).toEqual([]);

    const later = result();
    const filler = Array.from({ length: 12 }, (_, i) => constantOp(result(), 10 + i));
    const body = [rawOp('arith.addi', [later, later], [result()], 3), ...filler, constantOp(later, 30), rawOp('func.return', [], [], 31)];
    expect(messages(verifyModule({ ops: [funcOp('g', body, 2)], loc: at(1) }))).toEqual([notDefined('arith.addi', 3, 0), notDefined('arith.addi', 3, 1)]);
  });

  it('finds definitions hundreds of ops before their uses, and rejects such uses before them or from a left branch', () => {
    // Further than the verifier looks back op by op before it fills its table with every value.
    const { mb, fn, x, acc } = chainOfAdds(300);
    const y = fn.binary('addi', acc, x, at(5));
    const [fromIf] = fn.scfIf(fn.args[0]!, [i32], (b) => {
      let inner = b.constant(i32, 2, at(6));
      for (let i = 0; i < 200; i++) inner = b.binary('muli', inner, b.constant(i32, i, at(6)), at(6));
      return [b.binary('addi', inner, x, at(6))];
    }, (b) => [b.binary('subi', y, fn.args[1]!, at(7))], at(6));
    fn.ret([fn.binary('addi', fromIf!, x, at(8))], at(9));
    expect(verifyModule(mb.finish())).toEqual([]);

    const later = result();
    const inThen = result();
    const filler = (n: number, line: number): Operation[] => Array.from({ length: n }, () => constantOp(result(), line));
    const cond: Value = { def: 'arg', index: 0, type: i1 };
    const ifOp = rawOp('scf.if', [cond], [result()], 4, {
      regions: [
        { blocks: [{ args: [], ops: [constantOp(inThen, 4), ...filler(150, 4), rawOp('scf.yield', [inThen], [], 4)] }] },
        { blocks: [{ args: [], ops: [...filler(150, 5), rawOp('scf.yield', [inThen], [], 5)] }] },
      ],
    });
    const body = [rawOp('arith.addi', [later, later], [result()], 3), ...filler(200, 3), constantOp(later, 3), ifOp, rawOp('func.return', [], [], 6)];
    const g = rawOp('func.func', [], [], 2, {
      attributes: { sym_name: attr.string('g'), function_type: attr.type(funcType([i1], [])) },
      regions: [{ blocks: [{ args: [cond], ops: body }] }],
    });
    expect(messages(verifyModule({ ops: [g], loc: at(1) }))).toEqual([notDefined('arith.addi', 3, 0), notDefined('arith.addi', 3, 1), notDefined('scf.yield', 5)]);
  });

  it('hides the enclosing function\'s values from a function nested in it', () => {
    const x = result();
    const inner = funcOp('g', [rawOp('arith.addi', [x, x], [result()], 4), rawOp('func.return', [], [], 5)], 3);
    // A use of x far from its definition first, so that the verifier has recorded where x is defined.
    const filler = Array.from({ length: 10 }, () => constantOp(result(), 2));
    const outer = funcOp('f', [constantOp(x, 2), ...filler, rawOp('arith.addi', [x, x], [result()], 2), inner, rawOp('func.return', [], [], 6)], 1);
    expect(messages(verifyModule({ ops: [outer], loc: at(1) }))).toEqual([notDefined('arith.addi', 4, 0), notDefined('arith.addi', 4, 1)]);
    // And defined just before the nested function.
    const near = funcOp('f', [constantOp(x, 2), inner, rawOp('func.return', [], [], 6)], 1);
    expect(messages(verifyModule({ ops: [near], loc: at(1) }))).toEqual([notDefined('arith.addi', 4, 0), notDefined('arith.addi', 4, 1)]);
  });
});
