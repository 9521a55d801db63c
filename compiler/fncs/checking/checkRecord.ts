/**
 * Records: field access (`r.Field`, `(e).Field`), construction `{ A = …; B = … }` and
 * copy-and-update `{ r with A = … }`.
 *
 * As in F#, the record type of a construction comes from the expected type when that is a record,
 * else from its labels (the latest declared record having them all); a field access on a value of
 * not-yet-known type also picks the latest record declaring that label.
 */
import type { Expr, FieldInit, Name } from '../syntax/ast.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import type { FieldAccess, RecordField, RecordInfo } from '../psg/program.js';
import type { Checker } from './context.js';
import { checkAgainst, checkExpr } from './checkExpr.js';
import { prune, tError, type Type } from './types.js';

/** The access `.field` on a value of type `t`, or null (reported) when there is none. */
export function accessField(cx: Checker, t: Type, field: Name): FieldAccess | null {
  let p = prune(t);
  if (p.kind === 'Error') return null;
  if (p.kind === 'Var') {
    const rec = cx.recordWithLabels([field.text]);
    if (rec === undefined) {
      cx.report('lookupIndeterminate', field.span);
      return null;
    }
    cx.unifier.unify(p, cx.recordType(rec.name));
    p = prune(p);
  }
  if (p.kind !== 'Record') {
    cx.report('noSuchField', field.span, [...cx.show(p), field.text]);
    return null;
  }
  const access = cx.records.access(p.name, field.text);
  if (access === undefined) {
    const rec = cx.tables.records.get(p.name);
    cx.report('noSuchField', field.span, [p.name, field.text], didYouMean(field.text, rec?.fields.map((x) => x.name) ?? []));
    return null;
  }
  return access;
}

/** `(expr).Field` */
export function checkFieldGet(cx: Checker, e: Extract<Expr, { kind: 'FieldGet' }>): Type {
  const access = accessField(cx, checkExpr(cx, e.target), e.field);
  if (access === null) return tError;
  cx.tables.fieldGets.set(e, access);
  return access.type;
}

/** Every record label the program declares, for suggestions. */
const allLabels = (cx: Checker): string[] => [...cx.tables.records.values()].flatMap((r) => r.fields.map((f) => f.name));

/** `{ A = 1; B = x }` */
export function checkRecord(cx: Checker, e: Extract<Expr, { kind: 'Record' }>, hint: Type | undefined): Type {
  const h = hint === undefined ? undefined : prune(hint);
  let rec: RecordInfo | undefined = h?.kind === 'Record' ? cx.tables.records.get(h.name) : undefined;
  // Most constructions are of the expected record (a function's annotated result): no label list.
  if (rec === undefined || !hasLabelsOf(rec, e.fields)) {
    const labels = e.fields.map((f) => f.name.text);
    rec = cx.recordWithLabels(labels) ?? labels.map((l) => cx.recordWithLabels([l])).find((r) => r !== undefined);
  }
  if (rec === undefined) {
    for (const f of e.fields) {
      if (cx.recordWithLabels([f.name.text]) === undefined) cx.report('undefinedField', f.name.span, [f.name.text], didYouMean(f.name.text, allLabels(cx)));
      checkExpr(cx, f.value);
    }
    return tError;
  }
  checkFieldInits(cx, rec, e.fields);
  for (const f of rec.fields) {
    if (!givesLabel(e.fields, f.name, e.fields.length)) cx.report('missingField', e.span, [f.name, `${cx.moduleName}.${rec.name}`]);
  }
  cx.tables.recordExprs.set(e, rec);
  return cx.recordType(rec.name);
}

/** `{ source with A = … }` */
export function checkRecordUpdate(cx: Checker, e: Extract<Expr, { kind: 'RecordUpdate' }>, hint: Type | undefined): Type {
  let t = prune(checkExpr(cx, e.source, hint));
  if (t.kind === 'Var') {
    const rec = cx.recordWithLabels(e.fields.map((f) => f.name.text));
    if (rec !== undefined) cx.unifier.unify(t, cx.recordType(rec.name));
    t = prune(t);
  }
  const rec = t.kind === 'Record' ? cx.tables.records.get(t.name) : undefined;
  if (rec === undefined) {
    if (t.kind !== 'Error') cx.report('notARecord', e.source.span, cx.show(t));
    e.fields.forEach((f) => checkExpr(cx, f.value));
    return tError;
  }
  checkFieldInits(cx, rec, e.fields);
  cx.tables.recordExprs.set(e, rec);
  return t;
}

/** Each `Label = value` against the record's field; unknown and repeated labels are reported. */
function checkFieldInits(cx: Checker, rec: RecordInfo, inits: readonly FieldInit[]): void {
  for (let i = 0; i < inits.length; i++) {
    const init = inits[i]!;
    const f = fieldNamed(rec, init.name.text);
    if (givesLabel(inits, init.name.text, i)) cx.report('duplicateField', init.name.span, [init.name.text]);
    if (f === undefined) {
      cx.report('noSuchField', init.name.span, [rec.name, init.name.text], didYouMean(init.name.text, rec.fields.map((x) => x.name)));
      checkExpr(cx, init.value);
    } else {
      checkAgainst(cx, init.value, f.type);
    }
  }
}

/**
 * The field of `rec` labelled `name`, if any. (Here and below, loops over a record's few fields
 * rather than a map or a set per record expression.)
 */
function fieldNamed(rec: RecordInfo, name: string): RecordField | undefined {
  for (const f of rec.fields) if (f.name === name) return f;
  return undefined;
}

/** Whether `rec` has a field for each of `inits`. */
function hasLabelsOf(rec: RecordInfo, inits: readonly FieldInit[]): boolean {
  for (const init of inits) if (fieldNamed(rec, init.name.text) === undefined) return false;
  return true;
}

/** Whether one of the first `count` of `inits` gives label `name`. */
function givesLabel(inits: readonly FieldInit[], name: string, count: number): boolean {
  for (let i = 0; i < count; i++) if (inits[i]!.name.text === name) return true;
  return false;
}
