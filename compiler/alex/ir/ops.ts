/**
 * The op table: every operation the IR knows, in one declarative list. An entry says how many
 * operands, results, regions and successors the op has, which attributes it carries, whether it
 * ends a block (and inside which ops), how it is written (`form`, read by both the printer and the
 * text parser) and the type rules the verifier checks (`verify`, built from `opRules.ts`).
 *
 * Attribute keys follow MLIR's own names (`value`, `predicate`, `callee`, `elem_type`,
 * `rawConstantIndices`, `position`, `sym_name`, `function_type`, …) so readers can check them
 * against the dialect documentation.
 */
import { cmpPredicates, DYNAMIC_INDEX, getAttr, type Attribute, type Operation } from './ir.js';
import { customForms, type CustomForm } from './opForms.js';
import { aggregate, callsDeclared, cast, countOf, functionBody, functionTypeOf, holds, inferField, OK, operandIs, resultIs, sameInt, sameTypes, ty, yieldsParent } from './opRules.js';
import { f, type Directive } from './syntax.js';
import { i1, isInt, ptr, typeEquals } from './types.js';

export { typeAtPosition } from './opRules.js';

/** How many operands or results: exactly n, or at least `min`. */
export type Arity = number | { readonly min: number };

/** What a verify hook may look up. */
export interface VerifyContext {
  /** The op whose region holds this op, and which of its regions. */
  readonly parent: Operation | undefined;
  readonly regionIndex: number;
}

export interface AttrSpec {
  readonly kind: Attribute['kind'];
  readonly optional?: boolean;
}

export interface OpSpec {
  readonly name: string;
  readonly summary: string;
  readonly operands: Arity;
  readonly results: Arity;
  readonly regions?: number;
  readonly successors?: number;
  readonly attrs?: Readonly<Record<string, AttrSpec>>;
  /** Set on ops that end a block; `parents` lists the ops whose regions they may end (any, if absent). */
  readonly terminator?: { readonly parents?: readonly string[] };
  /** The terminator MLIR lets the text leave out (`scf.yield` in an `scf.if` without results); the parser adds it back. */
  readonly implicitTerminator?: string;
  /** The op's regions cannot see values defined outside it (functions). */
  readonly isolated?: boolean;
  /** The op defines the symbol named by its `sym_name` attribute. */
  readonly symbol?: boolean;
  readonly form: readonly Directive[] | CustomForm;
  /** Type rules, one or several (each checked, in order): each returns its failures, each a sentence about this op. */
  readonly verify?: TypeRule | readonly TypeRule[];
  /**
   * The rules that read other symbols of the module (a call's callee), checked after `verify`.
   * They need only the op and the symbols: a module verified as it is built (`verifyStream.ts`)
   * checks them at the end when the symbol is not defined yet.
   */
  readonly verifySymbols?: SymbolRule;
}

/** A type rule of an op: returns the failures, each a sentence about this op. */
export type TypeRule = (op: Operation, ctx: VerifyContext) => readonly string[];

/** The symbol-defining op (`func.func`, `llvm.func`, `llvm.mlir.global`) named `name`, if any. */
export type SymbolLookup = (name: string) => Operation | undefined;
/** A type rule that reads other symbols: returns the failures, each a sentence about this op. */
export type SymbolRule = (op: Operation, lookup: SymbolLookup) => readonly string[];

// ---- the table ----------------------------------------------------------------------------------

const binary = (name: string, summary: string): OpSpec => ({
  name,
  summary,
  operands: 2,
  results: 1,
  form: [f.lit(' '), f.operands(), f.lit(' : '), f.type(f.allOperands(), f.result(0))],
  verify: sameInt,
});

const castOp = (name: string, summary: string, wider: boolean): OpSpec => ({
  name,
  summary,
  operands: 1,
  results: 1,
  form: [f.lit(' '), f.operand(0), f.lit(' : '), f.type(f.operandSlot(0)), f.lit(' to '), f.type(f.result(0))],
  verify: cast(wider),
});

const llvmValue = (name: string, summary: string, verify?: TypeRule): OpSpec => ({
  name,
  summary,
  operands: 0,
  results: 1,
  form: [f.lit(' : '), f.type(f.result(0))],
  ...(verify === undefined ? {} : { verify }),
});

/** Every op, in dialect order. */
export const opSpecs: readonly OpSpec[] = [
  // ---- func --------------------------------------------------------------------------------------
  {
    name: 'func.func', summary: 'a function: with a body, or an external declaration (`private`)',
    operands: 0, results: 0, regions: 1, isolated: true, symbol: true,
    attrs: { sym_name: { kind: 'string' }, function_type: { kind: 'type' }, sym_visibility: { kind: 'string', optional: true } },
    form: customForms.funcFunc,
    verify: [functionBody, holds((op) => (op.regions[0]?.blocks.length ?? 0) > 0 || getAttr(op, 'sym_visibility', 'string')?.value === 'private', 'is a declaration (no body), so it must be private')],
  },
  { name: 'func.return', summary: 'returns from a func.func', operands: { min: 0 }, results: 0, terminator: { parents: ['func.func'] }, form: [f.ifOperands(0, f.lit(' '), f.operands(), f.lit(' : '), f.operandTypes())], verify: yieldsParent(0) },
  { name: 'func.call', summary: 'calls a func.func', operands: { min: 0 }, results: { min: 0 }, attrs: { callee: { kind: 'symbol' } }, form: [f.lit(' '), f.symbol('callee'), f.lit('('), f.operands(), f.lit(') : '), f.callType()], verifySymbols: callsDeclared('func.func') },
  // ---- arith -------------------------------------------------------------------------------------
  {
    name: 'arith.constant', summary: 'an integer constant (`true`/`false` for i1)', operands: 0, results: 1, attrs: { value: { kind: 'int' } }, form: customForms.constant,
    verify: (op) => { const a = op.attributes['value']; const v = a?.kind === 'int' ? a : undefined; const r = op.results[0]; return v === undefined || r === undefined || (typeEquals(v.type, r.type) && isInt(r.type)) ? OK : [`value of type ${ty(v.type)} does not match the result type ${ty(r.type)}`]; },
  },
  binary('arith.addi', 'integer addition (wraps)'),
  binary('arith.subi', 'integer subtraction (wraps)'),
  binary('arith.muli', 'integer multiplication (wraps)'),
  binary('arith.divsi', 'signed division'),
  binary('arith.divui', 'unsigned division'),
  binary('arith.remsi', 'signed remainder'),
  binary('arith.remui', 'unsigned remainder'),
  binary('arith.andi', 'bitwise and'),
  binary('arith.ori', 'bitwise or'),
  binary('arith.xori', 'bitwise exclusive or'),
  binary('arith.shli', 'shift left'),
  binary('arith.shrsi', 'arithmetic shift right'),
  binary('arith.shrui', 'logical shift right'),
  {
    name: 'arith.cmpi', summary: 'integer comparison, i1 result', operands: 2, results: 1, attrs: { predicate: { kind: 'enum' } },
    form: [f.lit(' '), f.enumAttr('predicate', cmpPredicates), f.lit(', '), f.operands(), f.lit(' : '), f.type(f.allOperands()), f.infer(() => [i1])],
    verify: [resultIs(i1), (op) => { const a = op.operands[0]; const b = op.operands[1]; return a === undefined || b === undefined || (isInt(a.type) && typeEquals(a.type, b.type)) ? OK : [`compares ${ty(a.type)} with ${ty(b.type)}`]; }],
  },
  castOp('arith.extsi', 'sign extension', true),
  castOp('arith.extui', 'zero extension', true),
  castOp('arith.trunci', 'truncation', false),
  {
    name: 'arith.select', summary: 'cond ? a : b', operands: 3, results: 1,
    form: [f.lit(' '), f.operands(), f.lit(' : '), f.type(f.allOperands(1), f.result(0))],
    verify: [operandIs(0, i1, 'a condition'), (op) => {
      const t = op.operands[1]?.type;
      if (t === undefined) return OK;
      const differing = [...op.operands.slice(2), ...op.results].filter((v) => !typeEquals(v.type, t)).length;
      return differing === 0 ? OK : Array<string>(differing).fill('expects both choices and the result to have one type');
    }],
  },
  // ---- scf ---------------------------------------------------------------------------------------
  {
    name: 'scf.if', summary: 'if-then-else with results; the else region may be empty when there are none', operands: 1, results: { min: 0 }, regions: 2, implicitTerminator: 'scf.yield', form: customForms.scfIf,
    verify: [
      operandIs(0, i1, 'a condition'),
      holds((op) => op.results.length === 0 || (op.regions[1]?.blocks.length ?? 0) > 0, 'has results, so it needs an else region'),
      holds((op) => op.regions.every((r) => r.blocks.length <= 1) && (op.regions[0]?.blocks.length ?? 0) === 1, 'needs exactly one block in the then region and at most one in the else region'),
    ],
  },
  {
    name: 'scf.while', summary: 'a loop: the before region computes the condition, the after region the next values', operands: { min: 0 }, results: { min: 0 }, regions: 2, form: customForms.scfWhile,
    verify: (op) => {
      const before = op.regions[0];
      const after = op.regions[1];
      const b = before?.blocks[0];
      const a = after?.blocks[0];
      if (b === undefined || a === undefined || before!.blocks.length !== 1 || after!.blocks.length !== 1) return ['needs exactly one block in each region'];
      const beforeOk = sameTypes(b.args, op.operands);
      const afterOk = sameTypes(a.args, op.results);
      if (beforeOk && afterOk) return OK;
      const problems: string[] = [];
      if (!beforeOk) problems.push('before region arguments must match the initial values');
      if (!afterOk) problems.push('after region arguments must match the results');
      return problems;
    },
  },
  { name: 'scf.yield', summary: 'ends an scf.if branch or a while body', operands: { min: 0 }, results: 0, terminator: { parents: ['scf.if', 'scf.while'] }, form: [f.ifOperands(0, f.lit(' '), f.operands(), f.lit(' : '), f.operandTypes())], verify: [holds((op, ctx) => !(ctx.parent?.name === 'scf.while' && ctx.regionIndex === 0), 'cannot end the before region of scf.while (use scf.condition)'), yieldsParent(0)] },
  {
    name: 'scf.condition', summary: 'ends the before region of scf.while: continue?, values passed on', operands: { min: 1 }, results: 0, terminator: { parents: ['scf.while'] },
    form: [f.lit('('), f.operand(0), f.lit(')'), f.ifOperands(1, f.lit(' '), f.operands(1), f.lit(' : '), f.operandTypes(1))],
    verify: [operandIs(0, i1, 'a condition'), holds((op, ctx) => ctx.regionIndex === 0, 'must end the before region'), yieldsParent(1)],
  },
  // ---- cf ----------------------------------------------------------------------------------------
  { name: 'cf.br', summary: 'unconditional branch', operands: 0, results: 0, successors: 1, terminator: {}, form: customForms.br },
  { name: 'cf.cond_br', summary: 'conditional branch', operands: 1, results: 0, successors: 2, terminator: {}, form: customForms.condBr, verify: operandIs(0, i1, 'a condition') },
  // ---- llvm --------------------------------------------------------------------------------------
  {
    name: 'llvm.func', summary: 'an LLVM function, usually an external (libc or runtime) declaration', operands: 0, results: 0, regions: 1, isolated: true, symbol: true,
    attrs: { sym_name: { kind: 'string' }, function_type: { kind: 'type' } }, form: customForms.llvmFunc,
    verify: [functionBody, holds((op) => (functionTypeOf(op)?.results.length ?? 0) <= 1, 'may have at most one result')],
  },
  { name: 'llvm.call', summary: 'a direct call to an llvm.func (no result for void)', operands: { min: 0 }, results: { min: 0 }, attrs: { callee: { kind: 'symbol' } }, form: [f.lit(' '), f.symbol('callee'), f.lit('('), f.operands(), f.lit(') : '), f.callType()], verifySymbols: callsDeclared('llvm.func') },
  { name: 'llvm.return', summary: 'returns from an llvm.func', operands: { min: 0 }, results: 0, terminator: { parents: ['llvm.func'] }, form: [f.ifOperands(0, f.lit(' '), f.operand(0), f.lit(' : '), f.type(f.operandSlot(0)))], verify: yieldsParent(0) },
  { name: 'llvm.unreachable', summary: 'control never gets here', operands: 0, results: 0, terminator: {}, form: [] },
  {
    name: 'llvm.alloca', summary: 'N elements of elem_type on the stack frame', operands: 1, results: 1, attrs: { elem_type: { kind: 'type' } },
    form: [f.lit(' '), f.operand(0), f.lit(' x '), f.typeAttr('elem_type'), f.lit(' : ('), f.type(f.operandSlot(0)), f.lit(') -> '), f.type(f.result(0))],
    verify: [resultIs(ptr), holds((op) => op.operands[0] === undefined || isInt(op.operands[0].type), 'needs an integer element count')],
  },
  {
    name: 'llvm.getelementptr', summary: 'address of element i of elem_type from a pointer (constant or SSA indices)', operands: { min: 1 }, results: 1, attrs: { rawConstantIndices: { kind: 'dense' }, elem_type: { kind: 'type' } }, form: customForms.gep,
    verify: [
      operandIs(0, ptr, 'a base pointer'),
      resultIs(ptr),
      holds((op) => countOf(getAttr(op, 'rawConstantIndices', 'dense')?.values ?? [], DYNAMIC_INDEX) === op.operands.length - 1, 'needs one SSA operand per dynamic index'),
      holds((op) => op.operands.every((v, i) => i === 0 || isInt(v.type)), 'needs integer indices'),
    ],
  },
  { name: 'llvm.load', summary: 'loads a value of the result type', operands: 1, results: 1, form: [f.lit(' '), f.operand(0), f.lit(' : '), f.type(f.operandSlot(0)), f.lit(' -> '), f.type(f.result(0))], verify: operandIs(0, ptr, 'a pointer') },
  { name: 'llvm.store', summary: 'stores a value through a pointer', operands: 2, results: 0, form: [f.lit(' '), f.operands(), f.lit(' : '), f.type(f.operandSlot(0)), f.lit(', '), f.type(f.operandSlot(1))], verify: operandIs(1, ptr, 'a pointer') },
  {
    name: 'llvm.mlir.global', summary: 'a constant string global, `!llvm.array<N x i8>` of its UTF-8 bytes', operands: 0, results: 0, symbol: true,
    attrs: { linkage: { kind: 'enum' }, constant: { kind: 'unit', optional: true }, sym_name: { kind: 'string' }, value: { kind: 'string' }, global_type: { kind: 'type' }, addr_space: { kind: 'int' } },
    form: customForms.global,
    verify: (op) => {
      const v = getAttr(op, 'value', 'string')?.value ?? '';
      const t = getAttr(op, 'global_type', 'type')?.type;
      const n = new TextEncoder().encode(v).length;
      return t !== undefined && t.kind === 'array' && t.size === n && isInt(t.element) && t.element.width === 8 ? OK : [`global_type must be !llvm.array<${n} x i8>`];
    },
  },
  {
    name: 'llvm.mlir.addressof', summary: 'the address of a global or function', operands: 0, results: 1, attrs: { global_name: { kind: 'symbol' } },
    form: [f.lit(' '), f.symbol('global_name'), f.lit(' : '), f.type(f.result(0))],
    verify: resultIs(ptr),
    verifySymbols: (op, lookup) => { const n = getAttr(op, 'global_name', 'symbol')?.name; return n === undefined || lookup(n) !== undefined ? OK : [`refers to @${n}, which is not defined`]; },
  },
  llvmValue('llvm.mlir.zero', 'the null pointer (or a zero value)'),
  llvmValue('llvm.mlir.undef', 'an undefined value, the start of an insertvalue chain'),
  llvmValue('llvm.mlir.poison', 'a poison value'),
  {
    name: 'llvm.insertvalue', summary: 'the aggregate with the field at position replaced', operands: 2, results: 1, attrs: { position: { kind: 'dense' } },
    form: [f.lit(' '), f.operand(0), f.lit(', '), f.operand(1), f.positions('position'), f.lit(' : '), f.type(f.operandSlot(1), f.result(0))],
    verify: aggregate(0, 1),
  },
  {
    name: 'llvm.extractvalue', summary: 'the field at position of an aggregate', operands: 1, results: 1, attrs: { position: { kind: 'dense' } },
    form: [f.lit(' '), f.operand(0), f.positions('position'), f.lit(' : '), f.type(f.operandSlot(0), f.result(0)), f.infer(inferField)],
    verify: aggregate(undefined, 0),
  },
];

/** The table by op name. */
export const opsByName: ReadonlyMap<string, OpSpec> = new Map(opSpecs.map((s) => [s.name, s]));

/** Whether `n` satisfies an arity. */
export const arityAccepts = (a: Arity, n: number): boolean => (typeof a === 'number' ? n === a : n >= a.min);

/** `2`, `at least 1` */
export const describeArity = (a: Arity): string => (typeof a === 'number' ? String(a) : `at least ${a.min}`);
