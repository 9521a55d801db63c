/**
 * The op table: every operation the IR knows, in one declarative list. An entry says how many
 * operands, results, regions and successors the op has, which attributes it carries, whether it
 * ends a block (and inside which ops), how it is written (`form`, read by both the printer and the
 * text parser) and the type rules the verifier checks (`verify`).
 *
 * Attribute keys follow MLIR's own names (`value`, `predicate`, `callee`, `elem_type`,
 * `rawConstantIndices`, `position`, `sym_name`, `function_type`, …) so readers can check them
 * against the dialect documentation.
 */
import { cmpPredicates, DYNAMIC_INDEX, getAttr, type Attribute, type Operation } from './ir.js';
import { customForms, type CustomForm } from './opForms.js';
import { f, typesEqual, type Directive, type ParsedOp } from './syntax.js';
import { i1, isInt, printType, ptr, typeEquals, type MlirType } from './types.js';

/** How many operands or results: exactly n, or at least `min`. */
export type Arity = number | { readonly min: number };

/** What a verify hook may look up. */
export interface VerifyContext {
  /** The symbol-defining op (`func.func`, `llvm.func`, `llvm.mlir.global`) named `name`. */
  readonly lookup: (name: string) => Operation | undefined;
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
  /** Type rules: returns the failures, each a sentence about this op. */
  readonly verify?: (op: Operation, ctx: VerifyContext) => readonly string[];
}

// ---- type rules ---------------------------------------------------------------------------------

const ty = printType;
const check = (ok: boolean, message: string): string[] => (ok ? [] : [message]);

/** All operands and the result have one integer type. */
const sameInt = (op: Operation): string[] => {
  const t = op.results[0]?.type ?? op.operands[0]?.type;
  if (t === undefined) return [];
  if (!isInt(t)) return [`expects integer operands, got ${ty(t)}`];
  return [...op.operands, ...op.results].filter((v) => !typeEquals(v.type, t)).map((v) => `expects all operands and results to be ${ty(t)}, got ${ty(v.type)}`);
};

const cast = (wider: boolean) => (op: Operation): string[] => {
  const from = op.operands[0]?.type;
  const to = op.results[0]?.type;
  if (from === undefined || to === undefined) return [];
  if (!isInt(from) || !isInt(to)) return [`casts between integer types only, got ${ty(from)} to ${ty(to)}`];
  return check(wider ? to.width > from.width : to.width < from.width, `needs a ${wider ? 'wider' : 'narrower'} result type than ${ty(from)}, got ${ty(to)}`);
};

const operandIs = (index: number, want: MlirType, what: string) => (op: Operation): string[] => {
  const t = op.operands[index]?.type;
  return t === undefined ? [] : check(typeEquals(t, want), `expects ${what} of type ${ty(want)}, got ${ty(t)}`);
};

const resultIs = (want: MlirType) => (op: Operation): string[] => {
  const t = op.results[0]?.type;
  return t === undefined ? [] : check(typeEquals(t, want), `expects a result of type ${ty(want)}, got ${ty(t)}`);
};

const all = (...rules: ((op: Operation, ctx: VerifyContext) => readonly string[])[]) => (op: Operation, ctx: VerifyContext): string[] =>
  rules.flatMap((r) => r(op, ctx));

/** The result types a terminator must pass on, given its parent op and region. */
function expectedYield(op: Operation, ctx: VerifyContext): readonly MlirType[] | undefined {
  const parent = ctx.parent;
  if (parent === undefined) return undefined;
  if (parent.name === 'func.func' || parent.name === 'llvm.func') {
    const ft = getAttr(parent, 'function_type', 'type')?.type;
    return ft?.kind === 'func' ? ft.results : undefined;
  }
  if (parent.name === 'scf.if') return parent.results.map((v) => v.type);
  if (parent.name === 'scf.while') return ctx.regionIndex === 0 ? parent.results.map((v) => v.type) : parent.operands.map((v) => v.type);
  return undefined;
}

/** Operands (from `from` on) match what the enclosing op expects back. */
const yieldsParent = (from: number) => (op: Operation, ctx: VerifyContext): string[] => {
  const want = expectedYield(op, ctx);
  const got = op.operands.slice(from).map((v) => v.type);
  if (want === undefined || typesEqual(want, got)) return [];
  return [`returns (${got.map(ty).join(', ')}) but the enclosing '${ctx.parent?.name}' expects (${want.map(ty).join(', ')})`];
};

/** The callee is a declared `kind` function whose signature the call's operands and results match. */
const callsDeclared = (kind: 'func.func' | 'llvm.func') => (op: Operation, ctx: VerifyContext): string[] => {
  const callee = getAttr(op, 'callee', 'symbol')?.name;
  if (callee === undefined) return [];
  const decl = ctx.lookup(callee);
  if (decl === undefined || decl.name !== kind) return [`calls @${callee}, which is not a declared ${kind}`];
  const ft = getAttr(decl, 'function_type', 'type')?.type;
  if (ft?.kind !== 'func') return [];
  const args = op.operands.map((v) => v.type);
  const results = op.results.map((v) => v.type);
  const sig = (ps: readonly MlirType[], rs: readonly MlirType[]): string => `(${ps.map(ty).join(', ')}) -> (${rs.map(ty).join(', ')})`;
  if (args.length !== ft.params.length) return [`passes ${args.length} arguments to @${callee}, which takes ${ft.params.length}: ${sig(ft.params, ft.results)}`];
  return check(typesEqual(args, ft.params) && typesEqual(results, ft.results), `has type ${sig(args, results)} but @${callee} is declared ${sig(ft.params, ft.results)}`);
};

/** The function's entry block arguments match its declared parameters. */
const functionBody = (op: Operation): string[] => {
  const ft = getAttr(op, 'function_type', 'type')?.type;
  if (ft?.kind !== 'func') return ['needs a function type'];
  const entry = op.regions[0]?.blocks[0];
  if (entry === undefined) return [];
  return check(typesEqual(entry.args.map((a) => a.type), ft.params), `has entry block arguments (${entry.args.map((a) => ty(a.type)).join(', ')}) that differ from its parameters`);
};

/** The type at `position` inside an aggregate, or an error. */
export function typeAtPosition(t: MlirType, position: readonly number[]): MlirType | string {
  let cur = t;
  for (const i of position) {
    if (cur.kind === 'struct' && i < cur.fields.length) cur = cur.fields[i]!;
    else if (cur.kind === 'array' && i < cur.size) cur = cur.element;
    else return `position [${position.join(', ')}] is not inside ${ty(t)}`;
  }
  return cur;
}

const positionOf = (op: { attributes: Readonly<Record<string, Attribute>> }): number[] => {
  const a = op.attributes['position'];
  return a?.kind === 'dense' ? [...a.values] : [];
};

const aggregate = (valueIndex: number | undefined, containerIndex: number) => (op: Operation): string[] => {
  const container = op.operands[containerIndex]?.type;
  if (container === undefined) return [];
  const field = typeAtPosition(container, positionOf(op));
  if (typeof field === 'string') return [field];
  const actual = valueIndex === undefined ? op.results[0]?.type : op.operands[valueIndex]?.type;
  const problems = check(actual === undefined || typeEquals(actual, field), `field [${positionOf(op).join(', ')}] of ${ty(container)} is ${ty(field)}, not ${actual === undefined ? '?' : ty(actual)}`);
  if (valueIndex !== undefined && op.results[0] !== undefined && !typeEquals(op.results[0].type, container)) problems.push(`result must be ${ty(container)}`);
  return problems;
};

const inferField = (p: ParsedOp): MlirType[] | string => {
  const container = p.resultTypes[0];
  if (container === undefined) return 'expected the aggregate type';
  const field = typeAtPosition(container, positionOf(p));
  return typeof field === 'string' ? field : [field];
};

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

const llvmValue = (name: string, summary: string, verify?: OpSpec['verify']): OpSpec => ({
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
    verify: all(functionBody, (op) => check((op.regions[0]?.blocks.length ?? 0) > 0 || getAttr(op, 'sym_visibility', 'string')?.value === 'private', 'is a declaration (no body), so it must be private')),
  },
  { name: 'func.return', summary: 'returns from a func.func', operands: { min: 0 }, results: 0, terminator: { parents: ['func.func'] }, form: [f.ifOperands(0, f.lit(' '), f.operands(), f.lit(' : '), f.operandTypes())], verify: yieldsParent(0) },
  { name: 'func.call', summary: 'calls a func.func', operands: { min: 0 }, results: { min: 0 }, attrs: { callee: { kind: 'symbol' } }, form: [f.lit(' '), f.symbol('callee'), f.lit('('), f.operands(), f.lit(') : '), f.callType()], verify: callsDeclared('func.func') },
  // ---- arith -------------------------------------------------------------------------------------
  {
    name: 'arith.constant', summary: 'an integer constant (`true`/`false` for i1)', operands: 0, results: 1, attrs: { value: { kind: 'int' } }, form: customForms.constant,
    verify: (op) => { const v = getAttr(op, 'value', 'int'); const r = op.results[0]; return v === undefined || r === undefined ? [] : check(typeEquals(v.type, r.type) && isInt(r.type), `value of type ${ty(v.type)} does not match the result type ${ty(r.type)}`); },
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
    verify: all(resultIs(i1), (op) => { const [a, b] = op.operands; return a === undefined || b === undefined ? [] : check(isInt(a.type) && typeEquals(a.type, b.type), `compares ${ty(a.type)} with ${ty(b.type)}`); }),
  },
  castOp('arith.extsi', 'sign extension', true),
  castOp('arith.extui', 'zero extension', true),
  castOp('arith.trunci', 'truncation', false),
  {
    name: 'arith.select', summary: 'cond ? a : b', operands: 3, results: 1,
    form: [f.lit(' '), f.operands(), f.lit(' : '), f.type(f.allOperands(1), f.result(0))],
    verify: all(operandIs(0, i1, 'a condition'), (op) => [...op.operands.slice(2), ...op.results].filter((v) => op.operands[1] !== undefined && !typeEquals(v.type, op.operands[1].type)).map(() => 'expects both choices and the result to have one type')),
  },
  // ---- scf ---------------------------------------------------------------------------------------
  {
    name: 'scf.if', summary: 'if-then-else with results; the else region may be empty when there are none', operands: 1, results: { min: 0 }, regions: 2, implicitTerminator: 'scf.yield', form: customForms.scfIf,
    verify: all(operandIs(0, i1, 'a condition'), (op) => [
      ...check(op.results.length === 0 || (op.regions[1]?.blocks.length ?? 0) > 0, 'has results, so it needs an else region'),
      ...check(op.regions.every((r) => r.blocks.length <= 1) && (op.regions[0]?.blocks.length ?? 0) === 1, 'needs exactly one block in the then region and at most one in the else region'),
    ]),
  },
  {
    name: 'scf.while', summary: 'a loop: the before region computes the condition, the after region the next values', operands: { min: 0 }, results: { min: 0 }, regions: 2, form: customForms.scfWhile,
    verify: (op) => {
      const [before, after] = op.regions;
      const b = before?.blocks[0];
      const a = after?.blocks[0];
      if (b === undefined || a === undefined || before!.blocks.length !== 1 || after!.blocks.length !== 1) return ['needs exactly one block in each region'];
      return [
        ...check(typesEqual(b.args.map((x) => x.type), op.operands.map((x) => x.type)), 'before region arguments must match the initial values'),
        ...check(typesEqual(a.args.map((x) => x.type), op.results.map((x) => x.type)), 'after region arguments must match the results'),
      ];
    },
  },
  { name: 'scf.yield', summary: 'ends an scf.if branch or a while body', operands: { min: 0 }, results: 0, terminator: { parents: ['scf.if', 'scf.while'] }, form: [f.ifOperands(0, f.lit(' '), f.operands(), f.lit(' : '), f.operandTypes())], verify: all((op, ctx) => check(!(ctx.parent?.name === 'scf.while' && ctx.regionIndex === 0), 'cannot end the before region of scf.while (use scf.condition)'), yieldsParent(0)) },
  {
    name: 'scf.condition', summary: 'ends the before region of scf.while: continue?, values passed on', operands: { min: 1 }, results: 0, terminator: { parents: ['scf.while'] },
    form: [f.lit('('), f.operand(0), f.lit(')'), f.ifOperands(1, f.lit(' '), f.operands(1), f.lit(' : '), f.operandTypes(1))],
    verify: all(operandIs(0, i1, 'a condition'), (op, ctx) => check(ctx.regionIndex === 0, 'must end the before region'), yieldsParent(1)),
  },
  // ---- cf ----------------------------------------------------------------------------------------
  { name: 'cf.br', summary: 'unconditional branch', operands: 0, results: 0, successors: 1, terminator: {}, form: customForms.br },
  { name: 'cf.cond_br', summary: 'conditional branch', operands: 1, results: 0, successors: 2, terminator: {}, form: customForms.condBr, verify: operandIs(0, i1, 'a condition') },
  // ---- llvm --------------------------------------------------------------------------------------
  {
    name: 'llvm.func', summary: 'an LLVM function, usually an external (libc or runtime) declaration', operands: 0, results: 0, regions: 1, isolated: true, symbol: true,
    attrs: { sym_name: { kind: 'string' }, function_type: { kind: 'type' } }, form: customForms.llvmFunc,
    verify: all(functionBody, (op) => { const ft = getAttr(op, 'function_type', 'type')?.type; return check(ft?.kind !== 'func' || ft.results.length <= 1, 'may have at most one result'); }),
  },
  { name: 'llvm.call', summary: 'a direct call to an llvm.func (no result for void)', operands: { min: 0 }, results: { min: 0 }, attrs: { callee: { kind: 'symbol' } }, form: [f.lit(' '), f.symbol('callee'), f.lit('('), f.operands(), f.lit(') : '), f.callType()], verify: callsDeclared('llvm.func') },
  { name: 'llvm.return', summary: 'returns from an llvm.func', operands: { min: 0 }, results: 0, terminator: { parents: ['llvm.func'] }, form: [f.ifOperands(0, f.lit(' '), f.operand(0), f.lit(' : '), f.type(f.operandSlot(0)))], verify: yieldsParent(0) },
  { name: 'llvm.unreachable', summary: 'control never gets here', operands: 0, results: 0, terminator: {}, form: [] },
  {
    name: 'llvm.alloca', summary: 'N elements of elem_type on the stack frame', operands: 1, results: 1, attrs: { elem_type: { kind: 'type' } },
    form: [f.lit(' '), f.operand(0), f.lit(' x '), f.typeAttr('elem_type'), f.lit(' : ('), f.type(f.operandSlot(0)), f.lit(') -> '), f.type(f.result(0))],
    verify: all(resultIs(ptr), (op) => check(op.operands[0] === undefined || isInt(op.operands[0].type), 'needs an integer element count')),
  },
  {
    name: 'llvm.getelementptr', summary: 'address of element i of elem_type from a pointer (constant or SSA indices)', operands: { min: 1 }, results: 1, attrs: { rawConstantIndices: { kind: 'dense' }, elem_type: { kind: 'type' } }, form: customForms.gep,
    verify: all(operandIs(0, ptr, 'a base pointer'), resultIs(ptr), (op) => {
      const raw = getAttr(op, 'rawConstantIndices', 'dense')?.values ?? [];
      return [
        ...check(raw.filter((x) => x === DYNAMIC_INDEX).length === op.operands.length - 1, 'needs one SSA operand per dynamic index'),
        ...check(op.operands.slice(1).every((v) => isInt(v.type)), 'needs integer indices'),
      ];
    }),
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
      return check(t !== undefined && t.kind === 'array' && t.size === n && isInt(t.element) && t.element.width === 8, `global_type must be !llvm.array<${n} x i8>`);
    },
  },
  {
    name: 'llvm.mlir.addressof', summary: 'the address of a global or function', operands: 0, results: 1, attrs: { global_name: { kind: 'symbol' } },
    form: [f.lit(' '), f.symbol('global_name'), f.lit(' : '), f.type(f.result(0))],
    verify: all(resultIs(ptr), (op, ctx) => { const n = getAttr(op, 'global_name', 'symbol')?.name; return n === undefined ? [] : check(ctx.lookup(n) !== undefined, `refers to @${n}, which is not defined`); }),
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
