/**
 * F# types → MLIR types, per the conventions of the MLIR spec: `int` → i32, `int64`/`uint64` → i64,
 * `int16`/`uint16` → i16, `byte`/`sbyte` → i8, `bool` → i1, pointers, `Region` and `SockAddr` →
 * `!llvm.ptr`, `string` and arrays → `!llvm.struct<(ptr, i64)>`, records → structs in field order.
 * `unit` has no MLIR value (null). Generic parameters are substituted first (monomorphisation).
 */
import type { RecordInfo, TypedProgram } from '../../fncs/psg/program.js';
import { prune, tInt, type PrimName, type Type, type TypeVar } from '../../fncs/checking/types.js';
import type { AbiType } from '../../intrinsics/table.js';
import { i1, i16, i32, i64, i8, ptr, structType, type MlirType } from '../ir/types.js';

/** A substitution of generic parameters, for one specialisation of a generic function. */
export type Subst = ReadonlyMap<TypeVar, Type>;

const prims: Readonly<Record<PrimName, MlirType | null>> = {
  int: i32, uint32: i32, int64: i64, uint64: i64, int16: i16, uint16: i16, byte: i8, sbyte: i8,
  bool: i1, string: structType([ptr, i64]), unit: null, Region: ptr, SockAddr: ptr,
};

/**
 * The tables by primitive name, as maps: lowering asks at almost every expression, with names that
 * change from one ask to the next, and a map finds a string key by its hash where such a property
 * load is megamorphic.
 */
const tableMap = <V>(table: Partial<Record<PrimName, V>>): ReadonlyMap<PrimName, V> => new Map(Object.entries(table) as [PrimName, V][]);
const primTypes = tableMap(prims);

/** The MLIR type of a primitive F# type (null for unit); `int`, the commonest, found without a lookup. */
export const primMlirType = (name: PrimName): MlirType | null => (name === 'int' ? i32 : primTypes.get(name)!);

/** The string (and array) representation: bytes and their count. */
export const fatPointer = structType([ptr, i64]);

/** Apply a substitution all the way down; a type it does not change comes back as it was (no copy). The result is pruned at the top. */
export function substitute(t: Type, subst: Subst): Type {
  const p = prune(t);
  if (subst.size === 0) return p;
  switch (p.kind) {
    case 'Var': return subst.get(p.tv) ?? p;
    case 'Ptr': {
      const elem = substitute(p.elem, subst);
      return elem === p.elem ? p : { kind: 'Ptr', elem };
    }
    case 'Array': {
      const elem = substitute(p.elem, subst);
      return elem === p.elem ? p : { kind: 'Array', elem };
    }
    case 'Fun': {
      const from = substitute(p.from, subst);
      const to = substitute(p.to, subst);
      return from === p.from && to === p.to ? p : { kind: 'Fun', from, to };
    }
    default: return p;
  }
}

export type MlirTypeResult = { readonly ok: true; readonly type: MlirType | null } | { readonly ok: false; readonly why: string };

const ok = (type: MlirType | null): MlirTypeResult => Object.freeze({ ok: true, type });
/** The results that do not depend on the program, made once: lowering asks for a type at almost every expression. */
const primResults = tableMap(Object.fromEntries(Object.entries(prims).map(([name, type]) => [name, ok(type)])) as Record<PrimName, MlirTypeResult>);
const intResult = primResults.get('int')!;
const ptrResult = ok(ptr);
const fatPointerResult = ok(fatPointer);
const funResult: MlirTypeResult = Object.freeze({ ok: false, why: 'a function used as a value (closures)' });
const varResult: MlirTypeResult = Object.freeze({ ok: false, why: 'a value of undetermined generic type' });
const errorResult: MlirTypeResult = Object.freeze({ ok: false, why: 'an ill-typed expression' });
/** Records are not generic, so each record's MLIR type is computed once per record. */
const recordResults = new WeakMap<RecordInfo, MlirTypeResult>();

/** The MLIR type of a (substituted) F# type; null for unit; an explanation when it has none. */
const toMlirType = (program: TypedProgram, t: Type): MlirTypeResult => prunedMlirType(program, prune(t));

/**
 * `toMlirType` of a type already pruned at the top, as `substitute` returns it: lowering asks at
 * almost every expression, and reading the kind of a type is a megamorphic load (the checker's
 * types come in many shapes), best done once.
 */
export function prunedMlirType(program: TypedProgram, p: Type): MlirTypeResult {
  switch (p.kind) {
    // The primitive types are shared objects: `int`, the commonest, is found by identity, not by a lookup of its name.
    case 'Prim': return p === tInt ? intResult : primResults.get(p.name)!;
    case 'Ptr': return ptrResult;
    case 'Array': return fatPointerResult;
    case 'Record': {
      const info = program.records.get(p.name);
      if (info === undefined) return { ok: false, why: `the record '${p.name}' is unknown` };
      let result = recordResults.get(info);
      if (result === undefined) {
        result = recordType(program, info);
        recordResults.set(info, result);
      }
      return result;
    }
    case 'Fun': return funResult;
    case 'Var': return varResult;
    case 'Error': return errorResult;
  }
}

function recordType(program: TypedProgram, info: RecordInfo): MlirTypeResult {
  const fields: MlirType[] = [];
  for (const f of info.fields) {
    const ft = toMlirType(program, f.type);
    if (!ft.ok) return ft;
    // A unit field still takes a slot, so field indices stay those of the declaration.
    fields.push(ft.type ?? i1);
  }
  return ok(structType(fields));
}

/** The bit width and signedness of an integer F# type. */
export interface IntInfo {
  readonly width: 1 | 8 | 16 | 32 | 64;
  readonly signed: boolean;
}

const intInfos = tableMap<IntInfo>({
  sbyte: { width: 8, signed: true }, byte: { width: 8, signed: false }, int16: { width: 16, signed: true },
  uint16: { width: 16, signed: false }, int: { width: 32, signed: true }, uint32: { width: 32, signed: false },
  int64: { width: 64, signed: true }, uint64: { width: 64, signed: false }, bool: { width: 1, signed: false },
});

const intInfo = intInfos.get('int')!;

/** Integer facts of an F# type pruned at the top (see `prunedMlirType`): bit width and signedness (bool counts as unsigned 1-bit). */
export const prunedIntInfo = (p: Type): IntInfo | null => (p === tInt ? intInfo : p.kind === 'Prim' ? intInfos.get(p.name) ?? null : null);

const abiTypes: Readonly<Record<AbiType, MlirType | undefined>> = {
  i1, i8, i16, i32, i64, '!llvm.ptr': ptr, '!llvm.struct<(ptr, i64)>': structType([ptr, i64]), void: undefined,
};

/** The MLIR type of a C/runtime ABI type name from the intrinsic table (undefined for void). */
export const abiType = (a: AbiType): MlirType | undefined => abiTypes[a];

/** An ABI signature in MLIR types: parameters and result (undefined for void). */
export interface AbiSignature {
  readonly params: readonly MlirType[];
  readonly result: MlirType | undefined;
}

/** Signatures by table entry: every call of a C or runtime function asks for its signature. */
const signatures = new WeakMap<object, AbiSignature>();

/** The MLIR parameter types and result of a table entry's ABI (computed once per entry). */
export function abiSignature(f: { readonly params: readonly AbiType[]; readonly result: AbiType }): AbiSignature {
  let s = signatures.get(f);
  if (s === undefined) {
    s = { params: f.params.map((p) => abiTypes[p]!), result: abiTypes[f.result] };
    signatures.set(f, s);
  }
  return s;
}
