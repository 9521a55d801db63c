/**
 * Modules built with the IR builder for the IR tests: the section-5 frame-header write, and a
 * module that uses every op in the op table at least once.
 */
import {
  i1, i32, i64, i8, ptr, stringType, structType, ModuleBuilder, type Loc, type Module,
} from '../../compiler/alex/ir/index.js';

/** A location in a made-up F# file; `line` tells the ops apart in verifier messages. */
export const at = (line: number, col = 5): Loc => ({ file: 'Frame.fs', line, col });

/**
 * `sendHeader client payload`: the seed's section-5 sequence, writing a text-frame header
 * (0x81, length 50) and then the payload, as Alex emits it.
 */
export function sectionFiveModule(): Module {
  const mb = new ModuleBuilder(at(1, 1));
  mb.declareLlvmFunc('write', [i32, ptr, i64], i64, at(1, 1));
  const fn = mb.defineFunc('sendHeader', [i32, ptr], [], at(3, 1));
  const [client, payload] = fn.args;
  const c2 = fn.constant(i64, 2, at(4));
  const header = fn.alloca(c2, i8, at(4));
  const b0 = fn.constant(i8, 0x81, at(5));
  const h0 = fn.gep(header, [0], i8, at(5));
  fn.store(b0, h0, at(5));
  const b1 = fn.constant(i8, 50, at(6));
  const h1 = fn.gep(header, [1], i8, at(6));
  fn.store(b1, h1, at(6));
  fn.llvmCall('write', [client!, header, c2], at(7));
  const c50 = fn.constant(i64, 50, at(8));
  fn.llvmCall('write', [client!, payload!, c50], at(8));
  fn.ret([], at(9));
  return mb.finish();
}

/** A module exercising every op of the table (checked by a test against `opSpecs`). */
export function everyOpModule(): Module {
  const mb = new ModuleBuilder(at(1, 1));
  mb.declareLlvmFunc('write', [i32, ptr, i64], i64, at(1, 1));
  mb.declareLlvmFunc('fidelity_console_write', [stringType], undefined, at(1, 1));
  mb.declareFunc('helper', [i32], [i32], at(1, 1));

  const main = mb.defineFunc('main', [i32, ptr], [i32], at(2, 1));
  const argc = main.args[0]!;
  const argv = main.args[1]!;
  const one = main.constant(i32, 1, at(3));
  const minus = main.constant(i32, -7, at(3));
  const big = main.constant(i64, 0x7fffffffffffffffn, at(3));
  const yes = main.constant(i1, true, at(3));
  const byte = main.constant(i8, 0xff, at(3));
  let acc = argc;
  for (const op of ['addi', 'subi', 'muli', 'divsi', 'divui', 'remsi', 'remui', 'andi', 'ori', 'xori', 'shli', 'shrsi', 'shrui'] as const) {
    acc = main.binary(op, acc, one, at(4));
  }
  const lt = main.cmpi('slt', acc, minus, at(5));
  for (const p of ['eq', 'ne', 'sle', 'sgt', 'sge', 'ult', 'ule', 'ugt', 'uge'] as const) main.cmpi(p, acc, one, at(5));
  const wide = main.cast('extsi', acc, i64, at(6));
  const zwide = main.cast('extui', byte, i32, at(6));
  const narrow = main.cast('trunci', wide, i8, at(6));
  const chosen = main.select(lt, acc, zwide, at(7));
  const text = main.stringBytes('hello\n', at(8));
  main.stringBytes('hello\n', at(8));
  const len = main.constant(i64, text.length, at(8));
  const undef = main.undef(stringType, at(8));
  const withPtr = main.insertValue(undef, text.ptr, [0], at(8));
  const str = main.insertValue(withPtr, len, [1], at(8));
  main.llvmCall('fidelity_console_write', [str], at(9));
  const strLen = main.extractValue(str, [1], at(9));
  main.llvmCall('write', [argc, text.ptr, strLen], at(9));
  const two = main.constant(i64, 2, at(10));
  const buf = main.alloca(two, i8, at(10));
  const slot = main.gep(buf, [two], i8, at(10));
  main.store(narrow, slot, at(10));
  const loaded = main.load(slot, i8, at(11));
  const argv1 = main.gep(argv, [1], ptr, at(11));
  main.load(argv1, ptr, at(11));
  main.zero(at(12));
  main.poison(structType([ptr, i64]), at(12));
  main.extractValue(main.undef(structType([i32, structType([ptr, i64])]), at(12)), [1, 0], at(12));
  const [picked] = main.scfIf(yes, [i32], (b) => [b.binary('addi', chosen, one, at(13))], (b) => [b.cast('extsi', loaded, i32, at(14))], at(13));
  main.scfIf(lt, [], (b) => {
    b.llvmCall('fidelity_console_write', [str], at(15));
    return [];
  }, undefined, at(15));
  const [count, total] = main.scfWhile(
    [one, big],
    (b, [i, t]) => ({ cond: b.cmpi('slt', i!, picked!, at(16)), values: [i!, t!] }),
    (b, [i, t]) => [b.binary('addi', i!, one, at(17)), b.binary('addi', t!, big, at(17))],
    at(16),
  );
  main.scfWhile([], (b) => ({ cond: b.constant(i1, false, at(18)), values: [] }), () => [], at(18));
  const [called] = main.call('helper', [count!], [i32], at(19));
  const next = main.createBlock([i32]);
  const bad = main.createBlock();
  main.condBr(lt, bad, [], next, [called!], at(20));
  main.setInsertionPoint(bad);
  main.unreachable(at(21));
  main.setInsertionPoint(next);
  const merged = main.binary('addi', next.args[0]!, main.cast('trunci', total!, i32, at(22)), at(22));
  const exit = main.createBlock([i32]);
  main.br(exit, [merged], at(23));
  main.setInsertionPoint(exit);
  main.ret([exit.args[0]!], at(24));

  const helper = mb.defineLlvmFunc('twice', [i64], i64, at(30, 1));
  helper.llvmReturn(helper.binary('addi', helper.args[0]!, helper.args[0]!, at(31)), at(31));
  const nothing = mb.defineLlvmFunc('nothing', [], undefined, at(32, 1));
  nothing.addressOf('twice', at(33));
  nothing.llvmReturn(undefined, at(33));
  return mb.finish();
}
