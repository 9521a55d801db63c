/**
 * The op table of the interpreter: for every op of the IR, the JavaScript it becomes. Integer
 * semantics follow the value conventions of runtime/values.ts exactly: i1/i8/i16 are unsigned bit
 * patterns masked after each op, i32 is kept signed with `| 0` and `Math.imul`, i64 is a signed
 * bigint wrapped with `BigInt.asIntN(64, …)`. Anything that can trap goes through a helper that is
 * given the op's location (scalar loads and stores: one checked helper per type, scalarAccess.ts);
 * where the function's access plan allows, an alloca is a JS variable, a GEP is folded into the
 * access that uses it, and an insertvalue updates its aggregate in place. Symbol-defining ops (`func.func`, `llvm.func`, `llvm.mlir.global`) are
 * compiled by the module compiler, not here.
 */
import { DYNAMIC_INDEX, getAttr, type Operation, type Value } from '../../compiler/alex/ir/ir.js';
import { printType, type MlirType } from '../../compiler/alex/ir/types.js';
import { byteSize, fieldOffsets } from '../../compiler/alex/ir/layout.js';
import type { FnEmitter } from './emitter.js';
import { windowAccess, windowLoad, windowStore } from './loopWindows.js';
import { scalarOf, zeroValue } from './helpers.js';
import { SCALAR_HELPERS } from './scalarAccess.js';

/** Emits one op. */
export type OpEmitter = (op: Operation, e: FnEmitter) => void;

const width = (t: MlirType): number => (t.kind === 'int' ? t.width : 0);
const mask = (w: number): string => (w === 1 ? '1' : w === 8 ? '0xff' : '0xffff');
const internal = (op: Operation, what: string): never => {
  throw new Error(`internal error: the interpreter cannot compile '${op.name}': ${what}`);
};

/** The signed reading of an operand held in the i<32 unsigned convention. */
const sx = (a: string, w: number): string => (w === 32 || w === 64 ? a : `((${a} << ${32 - w}) >> ${32 - w})`);
/** The unsigned reading. */
const zx = (a: string, w: number): string => (w === 64 ? `BigInt.asUintN(64, ${a})` : w === 32 ? `(${a} >>> 0)` : a);

/** Wraps a JS expression of the exact result back into width `w`. */
const wrap = (expr: string, w: number): string => (w === 64 ? `BigInt.asIntN(64, ${expr})` : w === 32 ? `(${expr}) | 0` : `(${expr}) & ${mask(w)}`);

/** A binary op given the JS for each width class. */
const binary = (js: (a: string, b: string, w: number, loc: string) => string): OpEmitter => (op, e) => {
  const w = width(op.results[0]!.type);
  e.def(op.results[0]!, js(e.v(op.operands[0]!), e.v(op.operands[1]!), w, e.loc(op)));
};

const shiftMask = (b: string, w: number): string => (w === 64 ? `(${b} & 63n)` : w === 32 ? b : `(${b} & ${w - 1})`);

const cmpJs: Readonly<Record<string, (a: string, b: string, w: number) => string>> = {
  eq: (a, b) => `${a} === ${b}`,
  ne: (a, b) => `${a} !== ${b}`,
  slt: (a, b, w) => `${sx(a, w)} < ${sx(b, w)}`,
  sle: (a, b, w) => `${sx(a, w)} <= ${sx(b, w)}`,
  sgt: (a, b, w) => `${sx(a, w)} > ${sx(b, w)}`,
  sge: (a, b, w) => `${sx(a, w)} >= ${sx(b, w)}`,
  ult: (a, b, w) => `${zx(a, w)} < ${zx(b, w)}`,
  ule: (a, b, w) => `${zx(a, w)} <= ${zx(b, w)}`,
  ugt: (a, b, w) => `${zx(a, w)} > ${zx(b, w)}`,
  uge: (a, b, w) => `${zx(a, w)} >= ${zx(b, w)}`,
};

/** A JS literal for an integer bit pattern of width `w` in the value conventions. */
export function intLiteral(bits: bigint, w: number): string {
  if (w === 64) {
    const s = BigInt.asIntN(64, bits);
    return s < 0n ? `(${s}n)` : `${s}n`;
  }
  if (w === 32) {
    const s = Number(BigInt.asIntN(32, bits));
    return s < 0 ? `(${s})` : String(s);
  }
  return String(Number(BigInt.asUintN(w, bits)));
}

/** A JS expression for the value of an all-zero `t` (zero, undef and poison are all given it). */
function zeroLiteral(t: MlirType, e: FnEmitter): string {
  if (t.kind === 'int') return t.width === 64 ? '0n' : '0';
  if (t.kind === 'ptr') return 'NULL';
  return e.constant(zeroValue(t), 'zero');
}

/** A new array literal holding the zero value of a struct of scalars (`[0, 0n, NULL]`), for filling in place. */
const freshZero = (t: MlirType): string => (t.kind === 'struct' ? `[${t.fields.map(freshZero).join(', ')}]` : t.kind === 'int' ? (t.width === 64 ? '0n' : '0') : 'NULL');

/** `llvm.mlir.undef`, `zero`, `poison`: the shared zero value, or a new one when an insertvalue fills it in place. */
const zero: OpEmitter = (op, e) => {
  const t = op.results[0]!.type;
  e.def(op.results[0]!, e.isFresh(op) ? freshZero(t) : zeroLiteral(t, e));
};

/** An index operand of a GEP as a JS number (GEP indices are signed). */
const indexNumber = (v: Value, e: FnEmitter): string => {
  const w = width(v.type);
  return w === 64 ? `Number(${e.v(v)})` : sx(e.v(v), w);
};

/** `llvm.getelementptr`: the byte offset is constant parts plus index × layout size terms. */
const gep: OpEmitter = (op, e) => {
  const raw = getAttr(op, 'rawConstantIndices', 'dense')?.values ?? [];
  const elem = getAttr(op, 'elem_type', 'type')?.type ?? internal(op, 'no elem_type');
  const dynamic = op.operands.slice(1);
  let constant = 0;
  const terms: string[] = [];
  let next = 0;
  let current: MlirType = elem;
  raw.forEach((index, depth) => {
    const isDynamic = index === DYNAMIC_INDEX;
    if (depth === 0 || current.kind === 'array') {
      const step = depth === 0 ? byteSize(elem) : byteSize((current as Extract<MlirType, { kind: 'array' }>).element);
      if (depth > 0) current = (current as Extract<MlirType, { kind: 'array' }>).element;
      if (isDynamic) terms.push(step === 1 ? indexNumber(dynamic[next++]!, e) : `${indexNumber(dynamic[next++]!, e)} * ${step}`);
      else constant += index * step;
    } else if (current.kind === 'struct') {
      if (isDynamic) internal(op, 'a struct field index must be constant');
      constant += fieldOffsets(current)[index]!;
      current = current.fields[index]!;
    } else internal(op, `cannot index into ${printType(current)}`);
  });
  if (constant !== 0) terms.push(String(constant));
  const base = e.v(op.operands[0]!);
  if (terms.length === 0) e.alias(op.results[0]!, base);
  else if (e.isFused(op)) e.setAddress(op.results[0]!, { baseValue: op.operands[0]!, base, offset: terms.join(' + ') });
  else e.def(op.results[0]!, `new P(${base}.alloc, ${base}.offset + ${terms.join(' + ')})`);
};

/**
 * `llvm.load`: a promoted cell's variable, a typed checked load (at a fused address, through the
 * loop's window when it has one), or an aggregate.
 */
const load: OpEmitter = (op, e) => {
  const t = op.results[0]!.type;
  const s = scalarOf(t);
  const ptr = op.operands[0]!;
  if (e.isCell(ptr)) return e.def(op.results[0]!, e.v(ptr));
  const at = e.address(ptr);
  if (s === undefined) return e.def(op.results[0]!, `loadAggregate(${e.v(ptr)}, ${e.constant(t, 'type')}, ${e.loc(op)})`);
  const h = SCALAR_HELPERS[s];
  const windowed = windowAccess(at, s, e);
  if (windowed !== undefined) return e.def(op.results[0]!, windowLoad(windowed, e.loc(op), e));
  e.def(op.results[0]!, at === undefined ? `${h.load}(${e.v(ptr)}, ${e.loc(op)})` : `${h.loadAt}(${at.base}, ${at.offset}, ${e.loc(op)})`);
};

/** `llvm.store`: the same three ways. */
const store: OpEmitter = (op, e) => {
  const t = op.operands[0]!.type;
  const s = scalarOf(t);
  const [value, ptr] = [e.v(op.operands[0]!), op.operands[1]!];
  if (e.isCell(ptr)) return e.line(`${e.v(ptr)} = ${value};`);
  const at = e.address(ptr);
  if (s === undefined) return e.line(`storeAggregate(${e.v(ptr)}, ${e.constant(t, 'type')}, ${value}, ${e.loc(op)});`);
  const h = SCALAR_HELPERS[s];
  const windowed = windowAccess(at, s, e);
  if (windowed !== undefined) return e.line(windowStore(windowed, value, e.loc(op)));
  e.line(at === undefined ? `${h.store}(${e.v(ptr)}, ${value}, ${e.loc(op)});` : `${h.storeAt}(${at.base}, ${at.offset}, ${value}, ${e.loc(op)});`);
};

/** `llvm.alloca`: a promoted cell (see accessPlan.ts), or zeroed bytes in the function's stack frame. */
const alloca: OpEmitter = (op, e) => {
  const elem = getAttr(op, 'elem_type', 'type')?.type ?? internal(op, 'no elem_type');
  if (e.isPromoted(op)) return e.defCell(op.results[0]!, zeroLiteral(elem, e));
  const count = op.operands[0]!;
  const n = width(count.type) === 64 ? `Number(${e.v(count)})` : sx(e.v(count), width(count.type));
  const size = byteSize(elem);
  e.def(op.results[0]!, `alloca(${size === 1 ? n : `${n} * ${size}`}, ${e.site(op, `stackalloc<${printType(elem)}>`)})`);
};

/** func.call and llvm.call: a compiled function (awaited when async) or a service (awaited only on a Promise). */
const call: OpEmitter = (op, e) => {
  const symbol = getAttr(op, 'callee', 'symbol')?.name ?? internal(op, 'no callee');
  const callee = e.callee(symbol, op);
  const args = op.operands.map((v) => e.v(v)).join(', ');
  let expr: string;
  let mayBePromise = false;
  if (callee.kind === 'function') {
    expr = `${callee.isAsync ? 'await ' : ''}${callee.js}(${args})`;
  } else {
    expr = `call(${callee.js}, [${args}], ${e.site(op, callee.description)})`;
    mayBePromise = callee.service.blocking;
    if (mayBePromise && !e.isAsync) internal(op, `@${symbol} can block but the caller was not made async`);
  }
  const results = op.results;
  if (!mayBePromise && results.length === 1) return e.def(results[0]!, expr);
  if (!mayBePromise && results.length === 0) return e.line(`${expr};`);
  const t = e.temp();
  e.line(`let ${t} = ${expr};`);
  if (mayBePromise) e.line(`if (${t} instanceof Promise) ${t} = await ${t};`);
  if (results.length === 1) e.def(results[0]!, t);
  else results.forEach((r, i) => e.def(r, `${t}[${i}]`));
};

const ret: OpEmitter = (op, e) => {
  const vs = op.operands.map((v) => e.v(v));
  e.line(vs.length === 0 ? 'return;' : vs.length === 1 ? `return ${vs[0]};` : `return [${vs.join(', ')}];`);
};

/** The table. */
export const opTable: ReadonlyMap<string, OpEmitter> = new Map<string, OpEmitter>([
  // ---- arith ------------------------------------------------------------------------------------
  ['arith.constant', (op, e) => {
    const a = getAttr(op, 'value', 'int') ?? internal(op, 'no value');
    e.def(op.results[0]!, intLiteral(a.value, width(op.results[0]!.type)));
  }],
  ['arith.addi', binary((a, b, w) => wrap(`${a} + ${b}`, w))],
  ['arith.subi', binary((a, b, w) => wrap(`${a} - ${b}`, w))],
  ['arith.muli', binary((a, b, w) => (w === 32 ? `Math.imul(${a}, ${b})` : w === 64 ? wrap(`${a} * ${b}`, w) : `Math.imul(${a}, ${b}) & ${mask(w)}`))],
  ['arith.divsi', binary((a, b, w, loc) => (w === 64 ? `divsi64(${a}, ${b}, false, ${loc})` : `divsi(${a}, ${b}, ${w}, false, ${loc})`))],
  ['arith.remsi', binary((a, b, w, loc) => (w === 64 ? `divsi64(${a}, ${b}, true, ${loc})` : `divsi(${a}, ${b}, ${w}, true, ${loc})`))],
  ['arith.divui', binary((a, b, w, loc) => (w === 64 ? `divui64(${a}, ${b}, false, ${loc})` : `divui(${a}, ${b}, ${w}, false, ${loc})`))],
  ['arith.remui', binary((a, b, w, loc) => (w === 64 ? `divui64(${a}, ${b}, true, ${loc})` : `divui(${a}, ${b}, ${w}, true, ${loc})`))],
  ['arith.andi', binary((a, b) => `${a} & ${b}`)],
  ['arith.ori', binary((a, b) => `${a} | ${b}`)],
  ['arith.xori', binary((a, b) => `${a} ^ ${b}`)],
  ['arith.shli', binary((a, b, w) => (w === 32 ? `${a} << ${b}` : wrap(`${a} << ${shiftMask(b, w)}`, w)))],
  ['arith.shrsi', binary((a, b, w) => (w === 32 || w === 64 ? `${a} >> ${shiftMask(b, w)}` : wrap(`${sx(a, w)} >> ${shiftMask(b, w)}`, w)))],
  ['arith.shrui', binary((a, b, w) => (w === 32 ? `(${a} >>> ${b}) | 0` : w === 64 ? wrap(`${zx(a, w)} >> ${shiftMask(b, w)}`, w) : `${a} >>> ${shiftMask(b, w)}`))],
  ['arith.cmpi', (op, e) => {
    const p = getAttr(op, 'predicate', 'enum')?.value ?? internal(op, 'no predicate');
    const f = cmpJs[p] ?? internal(op, `unknown predicate ${p}`);
    e.def(op.results[0]!, `(${f(e.v(op.operands[0]!), e.v(op.operands[1]!), width(op.operands[0]!.type))} ? 1 : 0)`);
  }],
  ['arith.extsi', (op, e) => {
    const from = width(op.operands[0]!.type);
    const to = width(op.results[0]!.type);
    const s = from === 1 ? `(0 - ${e.v(op.operands[0]!)})` : sx(e.v(op.operands[0]!), from);
    e.def(op.results[0]!, to === 64 ? `BigInt(${s})` : to === 32 ? s : `${s} & ${mask(to)}`);
  }],
  ['arith.extui', (op, e) => {
    const from = width(op.operands[0]!.type);
    const to = width(op.results[0]!.type);
    const u = zx(e.v(op.operands[0]!), from);
    e.def(op.results[0]!, to === 64 ? `BigInt(${u})` : u);
  }],
  ['arith.trunci', (op, e) => {
    const from = width(op.operands[0]!.type);
    const to = width(op.results[0]!.type);
    const a = e.v(op.operands[0]!);
    if (from === 64) e.def(op.results[0]!, to === 32 ? `Number(BigInt.asIntN(32, ${a}))` : `Number(BigInt.asUintN(${to}, ${a}))`);
    else e.def(op.results[0]!, `${a} & ${mask(to)}`);
  }],
  ['arith.select', (op, e) => e.def(op.results[0]!, `${e.v(op.operands[0]!)} ? ${e.v(op.operands[1]!)} : ${e.v(op.operands[2]!)}`)],
  // ---- func -------------------------------------------------------------------------------------
  ['func.call', call],
  ['func.return', ret],
  // ---- scf --------------------------------------------------------------------------------------
  ['scf.if', (op, e) => {
    const results = op.results;
    e.declare(results);
    const assign = (y: Operation): void => y.operands.forEach((v, i) => e.line(`${e.v(results[i]!)} = ${e.v(v)};`));
    e.line(`if (${e.v(op.operands[0]!)}) {`);
    e.indented(() => e.region(op.regions[0]!, [], assign));
    if ((op.regions[1]?.blocks.length ?? 0) > 0) {
      e.line('} else {');
      e.indented(() => e.region(op.regions[1]!, [], assign));
    }
    e.line('}');
  }],
  ['scf.while', (op, e) => {
    // The before block's arguments are the loop variables; the after block's arguments name the
    // values scf.condition passes on; the results are assigned when the condition fails.
    const loopVars = op.operands.map(() => e.temp());
    op.operands.forEach((v, i) => e.line(`let ${loopVars[i]} = ${e.v(v)};`));
    e.declare(op.results);
    // Windows at bases defined before the loop are made once, at its entry (loopWindows.ts)
    e.loopWindows(op, () => {
      e.line('for (;;) {');
      e.indented(() => {
        e.region(op.regions[0]!, loopVars, (cond) => {
          const passed = cond.operands.slice(1).map((v) => e.v(v));
          e.line(`if (!${e.v(cond.operands[0]!)}) {`);
          e.indented(() => {
            op.results.forEach((r, i) => e.line(`${e.v(r)} = ${passed[i]};`));
            e.line('break;');
          });
          e.line('}');
          e.region(op.regions[1]!, passed, (y) => {
            const next = y.operands.map((v) => e.v(v));
            // A yield may pass a loop variable on to another position: copy first, then assign.
            const clash = next.length > 1 && next.some((n) => loopVars.includes(n));
            const from = clash ? next.map((n) => { const t = e.temp(); e.line(`const ${t} = ${n};`); return t; }) : next;
            from.forEach((n, i) => e.line(`${loopVars[i]} = ${n};`));
          });
        });
      });
      e.line('}');
    });
  }],
  ['scf.yield', (op, e) => e.yieldOp(op)],
  ['scf.condition', (op, e) => e.yieldOp(op)],
  // ---- cf ---------------------------------------------------------------------------------------
  ['cf.br', (op, e) => e.branch(op.successors[0]!)],
  ['cf.cond_br', (op, e) => {
    e.line(`if (${e.v(op.operands[0]!)}) {`);
    e.indented(() => e.branch(op.successors[0]!));
    e.line('} else {');
    e.indented(() => e.branch(op.successors[1]!));
    e.line('}');
  }],
  // ---- llvm -------------------------------------------------------------------------------------
  ['llvm.call', call],
  ['llvm.return', ret],
  ['llvm.unreachable', (op, e) => e.line(`unreachable(${e.loc(op)});`)],
  ['llvm.alloca', alloca],
  ['llvm.getelementptr', gep],
  ['llvm.load', load],
  ['llvm.store', store],
  ['llvm.mlir.addressof', (op, e) => e.alias(op.results[0]!, e.global(getAttr(op, 'global_name', 'symbol')?.name ?? internal(op, 'no global_name')))],
  ['llvm.mlir.zero', zero],
  ['llvm.mlir.undef', zero],
  ['llvm.mlir.poison', zero],
  ['llvm.insertvalue', (op, e) => {
    const path = getAttr(op, 'position', 'dense')?.values ?? [];
    const [v, agg] = [e.v(op.operands[0]!), e.v(op.operands[1]!)];
    if (e.isInPlace(op)) {
      e.line(`${agg}[${path[0]}] = ${v};`);
      return e.alias(op.results[0]!, agg);
    }
    e.def(op.results[0]!, path.length === 1 ? `insert1(${agg}, ${path[0]}, ${v})` : `insertAt(${agg}, ${e.constant(Object.freeze([...path]), 'path')}, ${v})`);
  }],
  ['llvm.extractvalue', (op, e) => {
    const path = getAttr(op, 'position', 'dense')?.values ?? [];
    e.def(op.results[0]!, `${e.v(op.operands[0]!)}${path.map((i) => `[${i}]`).join('')}`);
  }],
]);

/** Ops compiled by the module compiler rather than by the table. */
export const MODULE_LEVEL_OPS: ReadonlySet<string> = new Set(['func.func', 'llvm.func', 'llvm.mlir.global']);
