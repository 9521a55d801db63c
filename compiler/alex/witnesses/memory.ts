/**
 * Inline witnesses for pointers and memory: `NativePtr.get/set/read/write/add` as
 * `llvm.getelementptr` + `llvm.load`/`llvm.store` (constant indices stay constant, so the seed's
 * section-5 header write comes out op for op), `NativePtr.stackalloc` as `llvm.alloca`,
 * `Region.alloc` as a call to the region allocator with a byte count and alignment,
 * `NativePtr.copy` as `memmove`, and `NativePtr.fill` as `memset` (bytes) or a store loop.
 */
import type { Expr, Span } from '../../fncs/syntax/ast.js';
import { SUPPORT } from '../../intrinsics/table.js';
import { arith, predicates } from '../ir/builder.js';
import type { Value } from '../ir/ir.js';
import { alignment, byteSize } from '../ir/layout.js';
import { i32, i64, i8, type MlirType } from '../ir/types.js';
import type { Lowerer } from './context.js';
import { convertInt } from './conversions.js';
import type { InlineWitness, IntrinsicResolution } from './intrinsics.js';
import { callSupport } from './support.js';

/** The MLIR type of the pointee `'T`. */
function elementType(L: Lowerer, r: IntrinsicResolution, span: Span): MlirType {
  const t = r.typeArgs.get("'T");
  if (t === undefined) throw new Error(`internal error: ${r.intrinsic.name} has no 'T`);
  return L.mlirType(t, span) ?? i8;
}

/** The literal GEP indices kept constant: those above i32's minimum (MLIR's marker of an SSA index) and within i32. */
const minConstantIndex = -(2n ** 31n) + 1n;
const constantIndexLimit = 2n ** 31n;

/** A GEP index: a constant when the F# index is an integer literal, else the i32 value. */
function gepIndex(L: Lowerer, e: Expr): number | Value {
  if (e.kind === 'Literal' && e.value.type === 'int' && e.value.value >= minConstantIndex && e.value.value < constantIndexLimit) return Number(e.value.value);
  return L.lowerValue(e);
}

/** `count` elements of `elem` as an i64 byte count. */
function byteCount(L: Lowerer, count: Expr, elem: MlirType): Value {
  const size = byteSize(elem);
  const loc = L.loc(count.span);
  if (count.kind === 'Literal' && count.value.type === 'int') return L.constant(i64, count.value.value * BigInt(size), loc);
  const n = convertInt(L, L.lowerValue(count), true, i64, loc);
  return size === 1 ? n : L.b.binary(arith.muli, n, L.constant(i64, size, loc), loc);
}

export const memoryWitnesses: Readonly<Record<string, InlineWitness>> = {
  ptrGet: (L, r, args, span) => {
    const p = args[0]!, i = args[1]!;
    const elem = elementType(L, r, span);
    const loc = L.loc(span);
    const base = L.lowerValue(p);
    return L.b.load(L.b.gep(base, [gepIndex(L, i)], elem, loc), elem, loc);
  },
  ptrSet: (L, r, args, span) => {
    const p = args[0]!, i = args[1]!, v = args[2]!;
    const elem = elementType(L, r, span);
    const loc = L.loc(span);
    const base = L.lowerValue(p);
    const index = gepIndex(L, i);
    const value = L.lowerValue(v);
    L.b.store(value, L.b.gep(base, [index], elem, loc), loc);
    return null;
  },
  ptrRead: (L, r, args, span) => L.b.load(L.lowerValue(args[0]!), elementType(L, r, span), L.loc(span)),
  ptrWrite: (L, _r, args, span) => {
    const p = args[0]!, v = args[1]!;
    const base = L.lowerValue(p);
    L.b.store(L.lowerValue(v), base, L.loc(span));
    return null;
  },
  ptrAdd: (L, r, args, span) => {
    const p = args[0]!, i = args[1]!;
    const elem = elementType(L, r, span);
    const base = L.lowerValue(p);
    return L.b.gep(base, [gepIndex(L, i)], elem, L.loc(span));
  },
  stackAlloc: (L, r, args, span) => {
    const n = args[0]!;
    const elem = elementType(L, r, span);
    const count = n.kind === 'Literal' && n.value.type === 'int' ? L.constant(i64, n.value.value, L.loc(n.span)) : convertInt(L, L.lowerValue(n), true, i64, L.loc(span));
    return L.b.alloca(count, elem, L.loc(span));
  },
  regionAlloc: (L, r, args, span) => {
    const region = args[0]!, n = args[1]!;
    const elem = elementType(L, r, span);
    const loc = L.loc(span);
    const handle = L.lowerValue(region);
    const bytes = byteCount(L, n, elem);
    return callSupport(L, SUPPORT.regionAlloc, [handle, bytes, L.constant(i64, alignment(elem), loc)], loc);
  },
  ptrCopy: (L, r, args, span) => {
    const dst = args[0]!, src = args[1]!, n = args[2]!;
    const elem = elementType(L, r, span);
    const d = L.lowerValue(dst);
    const s = L.lowerValue(src);
    callSupport(L, SUPPORT.memmove, [d, s, byteCount(L, n, elem)], L.loc(span));
    return null;
  },
  ptrFill: (L, r, args, span) => {
    const dst = args[0]!, v = args[1]!, n = args[2]!;
    const elem = elementType(L, r, span);
    const loc = L.loc(span);
    const d = L.lowerValue(dst);
    const value = L.lowerValue(v);
    if (elem === i8) {
      callSupport(L, SUPPORT.memset, [d, convertInt(L, value, false, i32, loc), byteCount(L, n, elem)], loc);
      return null;
    }
    const count = convertInt(L, L.lowerValue(n), true, i32, loc);
    L.b.scfWhile(
      [L.constant(i32, 0, loc)],
      (b, ks) => ({ cond: b.cmpi(predicates.slt, ks[0]!, count, loc), values: [ks[0]!] }),
      (b, ks) => {
        b.store(value, b.gep(d, [ks[0]!], elem, loc), loc);
        return [b.binary(arith.addi, ks[0]!, L.constant(i32, 1, loc), loc)];
      },
      loc,
    );
    return null;
  },
};
