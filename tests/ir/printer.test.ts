/**
 * The printer's names on modules the verifier accepts and on ones it rejects: a use finds its
 * value's name wherever it was printed before (near the use, in an enclosing block, in an earlier
 * block of a control flow graph, in a closed sibling region), `%<<undefined>>` where it was not
 * printed yet or belongs to another function, `%N#i` for one of several results. The expected
 * texts are what the printer printed before it learnt to find most names without a table.
 */
import { describe, expect, it } from 'vitest';
import { attr, funcType, i1, i32, printModule, type Module, type Operation, type Value } from '../../compiler/alex/ir/index.js';

/** Ops written out by hand: the builder would not make most of these modules. */
const L = { file: 'P.fs', line: 1, col: 1 };

const op = (name: string, operands: Value[], results: Value[], extra: Partial<Operation> = {}): Operation => ({ name, operands, results, attributes: {}, regions: [], successors: [], loc: L, ...extra });
const res = (type = i32, index = 0): Value => ({ def: 'result', index, type });
const arg = (type = i32, index = 0): Value => ({ def: 'arg', index, type });
const constant = (v: Value, n = 1) => op('arith.constant', [], [v], { attributes: { value: attr.int(n, v.type) } });
const add = (a: Value, b: Value, r = res()) => op('arith.addi', [a, b], [r]);
const fn = (name: string, args: Value[], blocks: { args: Value[]; ops: Operation[] }[]) =>
  op('func.func', [], [], { attributes: { sym_name: attr.string(name), function_type: attr.type(funcType(args.map((a) => a.type), [])) }, regions: [{ blocks }] });
const ret = () => op('func.return', [], []);
const yld = (...vs: Value[]) => op('scf.yield', vs, []);
/** The printed lines of `count` constants `1 : i32` numbered from `%first`, in a function body. */
const constantLines = (first: number, count: number): string[] => Array.from({ length: count }, (_, i) => `    %${first + i} = arith.constant 1 : i32`);
const iff = (c: Value, results: Value[], then: Operation[], els: Operation[]) => op('scf.if', [c], results, { regions: [{ blocks: [{ args: [], ops: then }] }, { blocks: els.length ? [{ args: [], ops: els }] : [] }] });

function siblingAndOwnResult(): Module {
  const c = arg(i1), t = res(), r = res(), own = res(), t2 = res(), r2 = res();
  return { ops: [fn('f', [c], [{ args: [c], ops: [iff(c, [r], [constant(t), yld(t)], [yld(t)]), iff(c, [own], [yld(own)], [yld(r)]), iff(c, [r2], [constant(t2), yld(t2)], [yld(t2)]), ret()] }])], loc: L };
}
function beforeDefNearAndFar(): Module {
  const later = res(), far = res();
  const filler = Array.from({ length: 10 }, () => constant(res()));
  return { ops: [fn('f', [], [{ args: [], ops: [add(later, far), constant(later), ...filler, constant(far), add(far, later), ret()] }])], loc: L };
}
function farAndOuter(): Module {
  const c = arg(i1), x = res();
  const filler = Array.from({ length: 12 }, () => constant(res()));
  const y = res();
  return { ops: [fn('f', [c], [{ args: [c], ops: [constant(x), ...filler, iff(c, [y], [add(x, x), yld(x)], [yld(x)]), add(y, x), ret()] }])], loc: L };
}
function cfg(): Module {
  const c = arg(i1), x = res(), y = res(), z = res(), ba = arg(i32, 0);
  const b1 = { args: [], ops: [] as Operation[] }, b2 = { args: [ba], ops: [] as Operation[] }, b3 = { args: [], ops: [] as Operation[] };
  const entry = { args: [c], ops: [constant(x), op('cf.cond_br', [c], [], { successors: [{ block: b1, args: [] }, { block: b2, args: [x] }] })] };
  b1.ops.push(add(x, z), op('cf.br', [], [], { successors: [{ block: b2, args: [y] }] }));
  b1.ops.unshift(constant(y));
  b2.ops.push(add(ba, y), add(z, x), op('cf.br', [], [], { successors: [{ block: b3, args: [] }] }));
  b3.ops.push(constant(z), add(z, ba), ret());
  return { ops: [fn('f', [c], [entry, b1, b2, b3])], loc: L };
}
function multiResult(): Module {
  const i = arg(i32, 0), j = arg(i32, 1), bi = arg(i32, 0), bj = arg(i32, 1), r0 = res(i32, 0), r1 = res(i32, 1), cnd = res(i1);
  const w = op('scf.while', [i, j], [r0, r1], { regions: [
    { blocks: [{ args: [bi, bj], ops: [op('arith.cmpi', [bi, bj], [cnd], { attributes: { predicate: attr.enum('slt') } }), op('scf.condition', [cnd, bi, bj], [])] }] },
    { blocks: [{ args: [arg(i32, 0), arg(i32, 1)], ops: [yld(r1, r0)] }] }] });
  const filler = Array.from({ length: 10 }, () => constant(res()));
  return { ops: [fn('f', [i, j], [{ args: [i, j], ops: [w, add(r0, r1), ...filler, add(r1, r0), ret()] }])], loc: L };
}
function hundredsOfOpsApart(): Module {
  const c = arg(i1), x = res(), y = res(), r0 = res(i32, 0), r1 = res(i32, 1);
  const filler = (n: number) => Array.from({ length: n }, () => constant(res()));
  const w = op('scf.while', [], [r0, r1], { regions: [
    { blocks: [{ args: [], ops: [op('scf.condition', [c], [])] }] },
    { blocks: [{ args: [], ops: [yld()] }] }] });
  return { ops: [fn('f', [c], [{ args: [c], ops: [constant(x), w, ...filler(150), iff(c, [y], [...filler(150), add(x, r1), yld(x)], [yld(r0)]), add(y, x), ret()] }])], loc: L };
}
function acrossFunctions(): Module {
  const a = arg(), x = res();
  const f = fn('f', [a], [{ args: [a], ops: [constant(x), add(x, a), ret()] }]);
  const g = fn('g', [], [{ args: [], ops: [add(x, a), ret()] }]);
  const inner = fn('h', [], [{ args: [], ops: [add(x, a), ret()] }]);
  const outer = fn('o', [a], [{ args: [a], ops: [constant(x), inner, ret()] }]);
  return { ops: [f, g, outer], loc: L };
}


describe('printer names', () => {
  it("values of one branch used in the other, and an op's own result in its regions", () => {
    expect(printModule(siblingAndOwnResult())).toBe([
      'module {',
      '  func.func @f(%arg0: i1) {',
      '    %0 = scf.if %arg0 -> (i32) {',
      '      %1 = arith.constant 1 : i32',
      '      scf.yield %1 : i32',
      '    } else {',
      '      scf.yield %1 : i32',
      '    }',
      '    %2 = scf.if %arg0 -> (i32) {',
      '      scf.yield %2 : i32',
      '    } else {',
      '      scf.yield %0 : i32',
      '    }',
      '    %3 = scf.if %arg0 -> (i32) {',
      '      %4 = arith.constant 1 : i32',
      '      scf.yield %4 : i32',
      '    } else {',
      '      scf.yield %4 : i32',
      '    }',
      '    func.return',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
  it('uses before the definition, near it and far from it', () => {
    expect(printModule(beforeDefNearAndFar())).toBe([
      'module {',
      '  func.func @f() {',
      '    %0 = arith.addi %<<undefined>>, %<<undefined>> : i32',
      ...constantLines(1, 12),
      '    %13 = arith.addi %12, %1 : i32',
      '    func.return',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
  it('uses far from their definitions, in the block and in an enclosing one', () => {
    expect(printModule(farAndOuter())).toBe([
      'module {',
      '  func.func @f(%arg0: i1) {',
      ...constantLines(0, 13),
      '    %13 = scf.if %arg0 -> (i32) {',
      '      %14 = arith.addi %0, %0 : i32',
      '      scf.yield %0 : i32',
      '    } else {',
      '      scf.yield %0 : i32',
      '    }',
      '    %15 = arith.addi %13, %0 : i32',
      '    func.return',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
  it('a control flow graph: values of earlier blocks, of later ones, and block arguments', () => {
    expect(printModule(cfg())).toBe([
      'module {',
      '  func.func @f(%arg0: i1) {',
      '    %0 = arith.constant 1 : i32',
      '    cf.cond_br %arg0, ^bb1, ^bb2(%0 : i32)',
      '  ^bb1:',
      '    %1 = arith.constant 1 : i32',
      '    %2 = arith.addi %0, %<<undefined>> : i32',
      '    cf.br ^bb2(%1 : i32)',
      '  ^bb2(%arg1: i32):',
      '    %3 = arith.addi %arg1, %1 : i32',
      '    %4 = arith.addi %<<undefined>>, %0 : i32',
      '    cf.br ^bb3',
      '  ^bb3:',
      '    %5 = arith.constant 1 : i32',
      '    %6 = arith.addi %5, %arg1 : i32',
      '    func.return',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
  it('several results, used near and far', () => {
    expect(printModule(multiResult())).toBe([
      'module {',
      '  func.func @f(%arg0: i32, %arg1: i32) {',
      '    %0:2 = scf.while (%arg2 = %arg0, %arg3 = %arg1) : (i32, i32) -> (i32, i32) {',
      '      %1 = arith.cmpi slt, %arg2, %arg3 : i32',
      '      scf.condition(%1) %arg2, %arg3 : i32, i32',
      '    } do {',
      '    ^bb0(%arg4: i32, %arg5: i32):',
      '      scf.yield %0#1, %0#0 : i32, i32',
      '    }',
      '    %2 = arith.addi %0#0, %0#1 : i32',
      ...constantLines(3, 10),
      '    %13 = arith.addi %0#1, %0#0 : i32',
      '    func.return',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
  it('uses hundreds of ops from their definitions, in the block and in an enclosing one', () => {
    expect(printModule(hundredsOfOpsApart())).toBe([
      'module {',
      '  func.func @f(%arg0: i1) {',
      '    %0 = arith.constant 1 : i32',
      '    %1:2 = scf.while : () -> (i32, i32) {',
      '      scf.condition(%arg0)',
      '    } do {',
      '      scf.yield',
      '    }',
      ...constantLines(2, 150),
      '    %152 = scf.if %arg0 -> (i32) {',
      ...constantLines(153, 150).map((line) => `  ${line}`),
      '      %303 = arith.addi %0, %1#1 : i32',
      '      scf.yield %0 : i32',
      '    } else {',
      '      scf.yield %1#0 : i32',
      '    }',
      '    %304 = arith.addi %152, %0 : i32',
      '    func.return',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
  it('a value of another function, and of the function around a nested one', () => {
    expect(printModule(acrossFunctions())).toBe([
      'module {',
      '  func.func @f(%arg0: i32) {',
      '    %0 = arith.constant 1 : i32',
      '    %1 = arith.addi %0, %arg0 : i32',
      '    func.return',
      '  }',
      '  func.func @g() {',
      '    %0 = arith.addi %<<undefined>>, %arg0 : i32',
      '    func.return',
      '  }',
      '  func.func @o(%arg0: i32) {',
      '    %0 = arith.constant 1 : i32',
      '    func.func @h() {',
      '      %1 = arith.addi %0, %arg0 : i32',
      '      func.return',
      '    }',
      '    func.return',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
  it('block arguments by order of first mention, in functions of a few and of many', () => {
    const many = Array.from({ length: 40 }, (_, i) => arg(i32, i));
    const few = [arg(i32, 0), arg(i32, 1)];
    const m: Module = {
      ops: [
        fn('f', many, [{ args: many, ops: [add(many[39]!, many[0]!), add(many[1]!, few[0]!), ret()] }]),
        fn('g', few, [{ args: few, ops: [add(few[1]!, many[2]!), add(many[2]!, few[0]!), ret()] }]),
      ],
      loc: L,
    };
    const params = many.map((_, i) => `%arg${i}: i32`).join(', ');
    expect(printModule(m)).toBe([
      'module {',
      `  func.func @f(${params}) {`,
      '    %0 = arith.addi %arg39, %arg0 : i32',
      '    %1 = arith.addi %arg1, %arg40 : i32',
      '    func.return',
      '  }',
      '  func.func @g(%arg0: i32, %arg1: i32) {',
      '    %0 = arith.addi %arg1, %arg2 : i32',
      '    %1 = arith.addi %arg2, %arg0 : i32',
      '    func.return',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
});
