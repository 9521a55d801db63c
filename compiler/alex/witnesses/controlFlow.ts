/**
 * Witnesses for control flow, as structured MLIR: `if` → `scf.if` (with a result unless unit),
 * `while` → `scf.while`, `for` → `scf.while` carrying the loop variable (bounds evaluated once,
 * inclusive, as F# does).
 */
import type { Expr } from '../../fncs/syntax/ast.js';
import type { Value } from '../ir/ir.js';
import { DISCARD, type LValue, type Witness } from './context.js';

export const ifThenElse: Witness<Extract<Expr, { kind: 'If' }>> = (L, e, want): LValue => {
  const loc = L.loc(e.span);
  const cond = L.lowerValue(e.cond);
  const type = e.otherwise === null ? null : L.mlirType(L.typeOf(e), e.span);
  const branch = (x: Expr | null) => (): Value[] => {
    if (x === null) return [];
    const v = L.lower(x, type === null ? DISCARD : want);
    return type === null || v === null ? [] : [v];
  };
  const results = L.b.scfIf(cond, type === null ? [] : [type], branch(e.then), e.otherwise === null ? undefined : branch(e.otherwise), loc);
  return results[0] ?? null;
};

export const whileLoop: Witness<Extract<Expr, { kind: 'While' }>> = (L, e): LValue => {
  const loc = L.loc(e.span);
  L.b.scfWhile(
    [],
    () => ({ cond: L.lowerValue(e.cond), values: [] }),
    () => {
      L.lower(e.body, DISCARD);
      return [];
    },
    loc,
  );
  return null;
};

export const forLoop: Witness<Extract<Expr, { kind: 'For' }>> = (L, e): LValue => {
  const loc = L.loc(e.span);
  const from = L.lowerValue(e.from);
  const to = L.lowerValue(e.to);
  const variable = L.program.forVariableOf(e);
  L.b.scfWhile(
    [from],
    (b, is) => ({ cond: b.cmpi(e.down ? 'sge' : 'sle', is[0]!, to, loc), values: [is[0]!] }),
    (b, is) => {
      const i = is[0]!;
      L.fn.env.set(variable.id, { kind: 'value', value: i });
      L.lower(e.body, DISCARD);
      return [b.binary(e.down ? 'subi' : 'addi', i, L.constant(i.type, 1, loc), loc)];
    },
    loc,
  );
  return null;
};
