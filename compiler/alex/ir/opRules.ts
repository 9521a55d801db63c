/**
 * The op table's type rules (`ops.ts`): what the verifier checks of each op beyond its shape.
 * Rules run once per op on every compile, so a rule that finds nothing returns the shared `OK` and
 * builds its message only when it fails.
 */
import type { Attribute, Operation, Value } from './ir.js';
import type { ParsedOp } from './syntax.js';
import { isInt, printType, typeEquals, type FuncType, type MlirType } from './types.js';
import type { SymbolRule, TypeRule, VerifyContext } from './ops.js';

export const ty = printType;
/** What a rule returns when the op is fine. */
export const OK: readonly string[] = Object.freeze([]);

/** Whether the values from `from` on have exactly the types `want`. */
const valuesHaveTypes = (vs: readonly Value[], from: number, want: readonly MlirType[]): boolean => {
  if (vs.length - from !== want.length) return false;
  for (let i = 0; i < want.length; i++) if (!typeEquals(vs[from + i]!.type, want[i]!)) return false;
  return true;
};
/** Whether two value lists have the same types, element by element. */
export const sameTypes = (a: readonly Value[], b: readonly Value[]): boolean => sameTypesFrom(a, 0, b);

/** How many of `values` equal `x`. */
export function countOf(values: readonly number[], x: number): number {
  let n = 0;
  for (const v of values) if (v === x) n++;
  return n;
}
const typesOf = (vs: readonly Value[], from = 0): MlirType[] => vs.slice(from).map((v) => v.type);
const printTypes = (ts: readonly MlirType[]): string => ts.map(ty).join(', ');

/** `problems`, plus one for each of `vs` whose type is not `t`. */
function notOfType(vs: readonly Value[], t: MlirType, problems: string[] | undefined): string[] | undefined {
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i]!;
    if (!typeEquals(v.type, t)) (problems ??= []).push(`expects all operands and results to be ${ty(t)}, got ${ty(v.type)}`);
  }
  return problems;
}

/** All operands and the result have one integer type. */
export const sameInt = (op: Operation): readonly string[] => {
  const t = op.results[0]?.type ?? op.operands[0]?.type;
  if (t === undefined) return OK;
  if (!isInt(t)) return [`expects integer operands, got ${ty(t)}`];
  return notOfType(op.results, t, notOfType(op.operands, t, undefined)) ?? OK;
};

export const cast = (wider: boolean) => (op: Operation): readonly string[] => {
  const from = op.operands[0]?.type;
  const to = op.results[0]?.type;
  if (from === undefined || to === undefined) return OK;
  if (!isInt(from) || !isInt(to)) return [`casts between integer types only, got ${ty(from)} to ${ty(to)}`];
  if (wider ? to.width > from.width : to.width < from.width) return OK;
  return [`needs a ${wider ? 'wider' : 'narrower'} result type than ${ty(from)}, got ${ty(to)}`];
};

export const operandIs = (index: number, want: MlirType, what: string) => (op: Operation): readonly string[] => {
  const t = op.operands[index]?.type;
  return t === undefined || typeEquals(t, want) ? OK : [`expects ${what} of type ${ty(want)}, got ${ty(t)}`];
};

export const resultIs = (want: MlirType) => (op: Operation): readonly string[] => {
  const t = op.results[0]?.type;
  return t === undefined || typeEquals(t, want) ? OK : [`expects a result of type ${ty(want)}, got ${ty(t)}`];
};

/** A rule that holds or fails with a fixed message. */
export const holds = (test: (op: Operation, ctx: VerifyContext) => boolean, message: string): TypeRule => (op, ctx) => (test(op, ctx) ? OK : [message]);

/** A function op's type. Each attribute is read by a key written out where it is needed: these rules run for every op. */
export function functionTypeOf(op: Operation): FuncType | undefined {
  const a = op.attributes['function_type'];
  return a?.kind === 'type' && a.type.kind === 'func' ? a.type : undefined;
}

/** Whether the values from `from` on have the types of `others`. */
function sameTypesFrom(vs: readonly Value[], from: number, others: readonly Value[]): boolean {
  if (vs.length - from !== others.length) return false;
  for (let i = 0; i < others.length; i++) if (!typeEquals(vs[from + i]!.type, others[i]!.type)) return false;
  return true;
}

/** The types a terminator must pass on, given its parent op and region (undefined: no rule). */
function expectedYield(ctx: VerifyContext): readonly MlirType[] | undefined {
  const parent = ctx.parent;
  if (parent === undefined) return undefined;
  if (parent.name === 'func.func' || parent.name === 'llvm.func') return functionTypeOf(parent)?.results;
  if (parent.name === 'scf.if') return typesOf(parent.results);
  if (parent.name === 'scf.while') return typesOf(ctx.regionIndex === 0 ? parent.results : parent.operands);
  return undefined;
}

/** Operands (from `from` on) match what the enclosing op expects back. */
export const yieldsParent = (from: number) => (op: Operation, ctx: VerifyContext): readonly string[] => {
  const parent = ctx.parent;
  if (parent === undefined) return OK;
  // The common cases compare without building the expected list.
  if (parent.name === 'scf.if' && sameTypesFrom(op.operands, from, parent.results)) return OK;
  if (parent.name === 'scf.while' && sameTypesFrom(op.operands, from, ctx.regionIndex === 0 ? parent.results : parent.operands)) return OK;
  const want = expectedYield(ctx);
  if (want === undefined || valuesHaveTypes(op.operands, from, want)) return OK;
  return [`returns (${printTypes(typesOf(op.operands, from))}) but the enclosing '${parent.name}' expects (${printTypes(want)})`];
};

/** The callee is a declared `kind` function whose signature the call's operands and results match. */
export const callsDeclared = (kind: 'func.func' | 'llvm.func'): SymbolRule => (op, lookup) => {
  const c = op.attributes['callee'];
  if (c?.kind !== 'symbol') return OK;
  const callee = c.name;
  const decl = lookup(callee);
  if (decl === undefined || decl.name !== kind) return [`calls @${callee}, which is not a declared ${kind}`];
  const ft = functionTypeOf(decl);
  if (ft === undefined) return OK;
  if (valuesHaveTypes(op.operands, 0, ft.params) && valuesHaveTypes(op.results, 0, ft.results)) return OK;
  const sig = (ps: readonly MlirType[], rs: readonly MlirType[]): string => `(${printTypes(ps)}) -> (${printTypes(rs)})`;
  const declared = sig(ft.params, ft.results);
  if (op.operands.length !== ft.params.length) return [`passes ${op.operands.length} arguments to @${callee}, which takes ${ft.params.length}: ${declared}`];
  return [`has type ${sig(typesOf(op.operands), typesOf(op.results))} but @${callee} is declared ${declared}`];
};

/** The function's entry block arguments match its declared parameters. */
export const functionBody = (op: Operation): readonly string[] => {
  const ft = functionTypeOf(op);
  if (ft === undefined) return ['needs a function type'];
  const entry = op.regions[0]?.blocks[0];
  if (entry === undefined || valuesHaveTypes(entry.args, 0, ft.params)) return OK;
  return [`has entry block arguments (${printTypes(typesOf(entry.args))}) that differ from its parameters`];
};

/** The type at `position` inside an aggregate, or an error. */
export function typeAtPosition(t: MlirType, position: readonly number[]): MlirType | string {
  let cur = t;
  for (let k = 0; k < position.length; k++) {
    const i = position[k]!;
    if (cur.kind === 'struct' && i < cur.fields.length) cur = cur.fields[i]!;
    else if (cur.kind === 'array' && i < cur.size) cur = cur.element;
    else return `position [${position.join(', ')}] is not inside ${ty(t)}`;
  }
  return cur;
}

const positionOf = (op: { attributes: Readonly<Record<string, Attribute>> }): readonly number[] => {
  const a = op.attributes['position'];
  return a?.kind === 'dense' ? a.values : [];
};

export const aggregate = (valueIndex: number | undefined, containerIndex: number) => (op: Operation): readonly string[] => {
  const container = op.operands[containerIndex]?.type;
  if (container === undefined) return OK;
  const field = typeAtPosition(container, positionOf(op));
  if (typeof field === 'string') return [field];
  const actual = valueIndex === undefined ? op.results[0]?.type : op.operands[valueIndex]?.type;
  const fieldOk = actual === undefined || typeEquals(actual, field);
  const resultOk = valueIndex === undefined || op.results[0] === undefined || typeEquals(op.results[0].type, container);
  if (fieldOk && resultOk) return OK;
  const problems: string[] = [];
  if (!fieldOk) problems.push(`field [${positionOf(op).join(', ')}] of ${ty(container)} is ${ty(field)}, not ${ty(actual!)}`);
  if (!resultOk) problems.push(`result must be ${ty(container)}`);
  return problems;
};

export const inferField = (p: ParsedOp): MlirType[] | string => {
  const container = p.resultTypes[0];
  if (container === undefined) return 'expected the aggregate type';
  const field = typeAtPosition(container, positionOf(p));
  return typeof field === 'string' ? field : [field];
};
