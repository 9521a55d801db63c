/**
 * Calls of intrinsics, driven by the intrinsic table: a `libc` or `runtime` lowering becomes an
 * `llvm.call` to a declared `llvm.func` with the C/runtime signature (F# `int` lengths widened to
 * i64, i64 results narrowed back; implicit C arguments filled in); an `inline` lowering is done by
 * the witness of that name in `inlineWitnesses`; a `constant` is an `arith.constant`.
 */
import type { PathResolution } from '../../fncs/psg/program.js';
import type { Expr, Span } from '../../fncs/syntax/ast.js';
import { prune } from '../../fncs/checking/types.js';
import { arith } from '../ir/builder.js';
import type { Value } from '../ir/ir.js';
import { i1, i32, i64, ptr, type MlirType } from '../ir/types.js';
import { DISCARD, type LValue, type Lowerer, type Want } from './context.js';
import { convertInt } from './conversions.js';
import { literalAs } from './literals.js';
import { memoryWitnesses } from './memory.js';
import { abiSignature, abiType, prunedIntInfo } from './types2mlir.js';

export type IntrinsicResolution = Extract<PathResolution, { kind: 'intrinsic' }>;

/** One inline lowering: gets the call's resolution, arguments, span and the call expression (whose type is the result's). */
export type InlineWitness = (L: Lowerer, r: IntrinsicResolution, args: readonly Expr[], span: Span, call: Expr, want: Want) => LValue;

/** Lower an argument to an integer ABI type: a literal directly in that type, else converted by its F# signedness. */
export function lowerAsInt(L: Lowerer, e: Expr, to: Extract<MlirType, { kind: 'int' }>): Value {
  const lit = literalAs(L, e, to);
  if (lit !== null) return lit;
  const v = L.lowerValue(e);
  return convertInt(L, v, prunedIntInfo(L.typeOf(e))?.signed ?? true, to, L.loc(e.span));
}

const valueWitnesses: Readonly<Record<string, InlineWitness>> = {
  stringLength: (L, _r, args, span) => L.b.cast(arith.trunci, L.b.extractValue(L.lowerValue(args[0]!), [1], L.loc(span)), i32, L.loc(span)),
  arrayLength: (L, _r, args, span) => L.b.cast(arith.trunci, L.b.extractValue(L.lowerValue(args[0]!), [1], L.loc(span)), i32, L.loc(span)),
  stringBytes: (L, _r, args, span) => L.b.extractValue(L.lowerValue(args[0]!), [0], L.loc(span)),
  convert: (L, _r, args, span, call) => {
    const x = args[0]!;
    const to = L.mlirType(L.typeOf(call), span)!;
    const v = L.lowerValue(x);
    return convertInt(L, v, prunedIntInfo(L.typeOf(x))?.signed ?? true, to, L.loc(span));
  },
  ignore: (L, _r, args) => {
    L.lower(args[0]!, DISCARD);
    return null;
  },
  not: (L, _r, args, span) => L.b.binary(arith.xori, L.lowerValue(args[0]!), L.constant(i1, true, L.loc(span)), L.loc(span)),
};

/** By name, in a map: a property load with changing names is megamorphic. */
const inlineWitnesses: ReadonlyMap<string, InlineWitness> = new Map(Object.entries({ ...valueWitnesses, ...memoryWitnesses }));

/** Lower a saturated call of an intrinsic. */
export function lowerIntrinsic(L: Lowerer, r: IntrinsicResolution, args: readonly Expr[], call: Expr, want: Want): LValue {
  const lowering = r.intrinsic.lowering;
  switch (lowering.kind) {
    case 'constant':
      return L.constant(i32, lowering.value, L.loc(call.span));
    case 'inline': {
      const w = inlineWitnesses.get(lowering.witness);
      if (w === undefined) throw new Error(`internal error: no inline witness '${lowering.witness}' for ${r.intrinsic.name}`);
      return w(L, r, args, call.span, call, want);
    }
    case 'libc':
    case 'runtime':
      return lowerExternalCall(L, lowering, args, call, want);
  }
}

/** An argument of a C or runtime call, lowered to its ABI type `t`. */
const externalArg = (L: Lowerer, a: Expr, t: MlirType): Value => (t.kind === 'int' ? lowerAsInt(L, a, t) : L.lowerValue(a));

/**
 * The arguments of a C or runtime call, in order, at their final size: most calls have one to
 * three, lowered into a literal of their size with no callback (a closure over `L` and the
 * parameters, as `map` would take, is made anew at every call).
 */
function externalArgs(L: Lowerer, args: readonly Expr[], params: readonly MlirType[]): Value[] {
  switch (args.length) {
    case 0: return [];
    case 1: return [externalArg(L, args[0]!, params[0]!)];
    case 2: return [externalArg(L, args[0]!, params[0]!), externalArg(L, args[1]!, params[1]!)];
    case 3: return [externalArg(L, args[0]!, params[0]!), externalArg(L, args[1]!, params[1]!), externalArg(L, args[2]!, params[2]!)];
    default: return args.map((a, i) => externalArg(L, a, params[i]!));
  }
}

type ExternalLowering = Extract<IntrinsicResolution['intrinsic']['lowering'], { kind: 'libc' | 'runtime' }>;

/** A call of a C or runtime function. */
function lowerExternalCall(L: Lowerer, lowering: ExternalLowering, args: readonly Expr[], call: Expr, want: Want): LValue {
  const span = call.span;
  const loc = L.loc(span);
  const abi = abiSignature(lowering);
  const values = externalArgs(L, args, abi.params);
  const implicit = lowering.kind === 'libc' ? lowering.implicit : undefined;
  if (implicit !== undefined) {
    for (const extra of implicit) values.push(extra.kind === 'null' ? L.b.zero(loc, ptr) : L.constant(abiType(extra.type)!, extra.value, loc));
  }
  const result = L.b.callExternal(lowering.symbol, abi.params, abi.result, values, loc);
  if (result === undefined || want.discard === true) return result ?? null;
  const resultType = L.typeOf(call);
  const fs = L.mlirType(resultType, span);
  if (fs === null) return null;
  const p = prune(resultType);
  return result.type === i64 && fs !== i64 ? convertInt(L, result, p.kind === 'Prim' && p.name !== 'uint32', fs, loc) : result;
}
