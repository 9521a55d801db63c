/**
 * Witnesses for records, as `!llvm.struct` values: construction (`llvm.mlir.undef` then one
 * `llvm.insertvalue` per field, initialisers evaluated in the order written), copy-and-update, and
 * field access (`llvm.extractvalue`).
 */
import type { Expr, FieldInit } from '../../fncs/syntax/ast.js';
import type { RecordField, RecordInfo } from '../../fncs/psg/program.js';
import type { Value } from '../ir/ir.js';
import { i1 } from '../ir/types.js';
import type { LValue, Lowerer, Witness } from './context.js';

/** The field of `info` called `name` (a loop: a `find` callback would be a new closure per field). */
function fieldNamed(info: RecordInfo, name: string): RecordField | undefined {
  for (const field of info.fields) if (field.name === name) return field;
  return undefined;
}

function insertFields(L: Lowerer, start: Value, info: RecordInfo, fields: readonly FieldInit[]): Value {
  let v = start;
  for (const f of fields) {
    const field = fieldNamed(info, f.name.text);
    if (field === undefined) throw new Error(`internal error: record ${info.name} has no field ${f.name.text}`);
    const loc = L.loc(f.span);
    const value = L.lower(f.value) ?? L.constant(i1, false, loc);
    v = L.b.insertValue(v, value, [field.index], loc);
  }
  return v;
}

export const record: Witness<Extract<Expr, { kind: 'Record' }>> = (L, e): LValue => {
  const type = L.mlirType(L.typeOf(e), e.span)!;
  return insertFields(L, L.b.undef(type, L.loc(e.span)), L.program.recordOf(e), e.fields);
};

export const recordUpdate: Witness<Extract<Expr, { kind: 'RecordUpdate' }>> = (L, e): LValue =>
  insertFields(L, L.lowerValue(e.source), L.program.recordOf(e), e.fields);

export const fieldGet: Witness<Extract<Expr, { kind: 'FieldGet' }>> = (L, e): LValue =>
  L.b.extractValue(L.lowerValue(e.target), [L.program.fieldOf(e).index], L.loc(e.span));
