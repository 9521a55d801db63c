/**
 * The helpers generated code calls: the general checked load and store (the typed fast paths are in
 * scalarAccess.ts and fall back to these), aggregate loads and stores placed by the IR's data layout,
 * division that traps like .NET, aggregate updates and zero values. Every helper that can fail
 * takes the location of the op it serves (`samples/X.fs(12,9)`) and stamps it on the Trap, so a
 * failure names the F# line that caused it; the fast paths only decide when no check can fail and
 * leave every failure to runtime/memory, which words the message.
 */
import { alignment, byteSize, fieldOffsets } from '../../compiler/alex/ir/layout.js';
import type { MlirType } from '../../compiler/alex/ir/types.js';
import { checkAccess, load, store, type ScalarType } from '../memory/access.js';
import { asTrap, Trap } from '../trap.js';
import { NULL_PTR, Pointer, type Value } from '../values.js';

/** `e` as a Trap located at `loc` (unless it already has a location). */
export function located(e: unknown, loc: string | undefined): Trap {
  return asTrap(e).at(loc);
}

// ---- scalar loads and stores --------------------------------------------------------------------

/** A checked scalar load. */
export function ld(p: Pointer, type: ScalarType, loc: string | undefined): number | bigint | Pointer {
  try {
    return load(p, type);
  } catch (e) {
    throw located(e, loc);
  }
}

/** A checked scalar store. */
export function st(p: Pointer, type: ScalarType, v: number | bigint | Pointer, loc: string | undefined): void {
  try {
    store(p, type, v);
  } catch (e) {
    throw located(e, loc);
  }
}

/** The load/store type name of a scalar MLIR type, or undefined for aggregates. */
export function scalarOf(t: MlirType): ScalarType | undefined {
  if (t.kind === 'ptr') return 'ptr';
  if (t.kind !== 'int') return undefined;
  return `i${t.width}` as ScalarType;
}

// ---- aggregates ---------------------------------------------------------------------------------

/** Reads a value of any type at `p`, placing struct fields and array elements by layout.ts. */
export function loadAggregate(p: Pointer, t: MlirType, loc: string | undefined): Value {
  const s = scalarOf(t);
  if (s !== undefined) return ld(p, s, loc);
  if (t.kind === 'struct') {
    const offs = fieldOffsets(t);
    return Object.freeze(t.fields.map((f, i) => loadAggregate(new Pointer(p.alloc, p.offset + offs[i]!), f, loc)));
  }
  if (t.kind === 'array') {
    const step = byteSize(t.element);
    return Object.freeze(Array.from({ length: t.size }, (_, i) => loadAggregate(new Pointer(p.alloc, p.offset + i * step), t.element, loc)));
  }
  throw new Trap('internal', `internal error: load of a value of type ${t.kind}`).at(loc);
}

/** Writes a value of any type at `p`; the whole extent is checked first, so a bad store writes nothing. */
export function storeAggregate(p: Pointer, t: MlirType, v: Value, loc: string | undefined): void {
  const s = scalarOf(t);
  if (s !== undefined) return st(p, s, v as number | bigint | Pointer, loc);
  if (!Array.isArray(v)) throw new Trap('internal', 'internal error: store of a non-aggregate as an aggregate').at(loc);
  try {
    checkAccess(p, byteSize(t), 'write');
  } catch (e) {
    throw located(e, loc);
  }
  if (t.kind === 'struct') {
    const offs = fieldOffsets(t);
    t.fields.forEach((f, i) => storeAggregate(new Pointer(p.alloc, p.offset + offs[i]!), f, v[i], loc));
  } else if (t.kind === 'array') {
    const step = byteSize(t.element);
    for (let i = 0; i < t.size; i++) storeAggregate(new Pointer(p.alloc, p.offset + i * step), t.element, v[i], loc);
  }
}

/** The value every byte-zero memory of type `t` holds: 0, 0n, the null pointer, or frozen arrays of those. */
export function zeroValue(t: MlirType): Value {
  switch (t.kind) {
    case 'int':
      return t.width === 64 ? 0n : 0;
    case 'ptr':
      return NULL_PTR;
    case 'struct':
      return Object.freeze(t.fields.map(zeroValue));
    case 'array':
      return Object.freeze(Array.from({ length: t.size }, () => zeroValue(t.element)));
    default:
      return undefined;
  }
}

/** `llvm.insertvalue` at a top-level field: a copy of `agg` with field `i` replaced. */
export function insert1(agg: readonly Value[], i: number, v: Value): readonly Value[] {
  const copy = agg.slice();
  copy[i] = v;
  return copy;
}

/** `llvm.insertvalue`: a copy of `agg` with the field at `path` replaced (aggregates are immutable values). */
export function insertAt(agg: readonly Value[], path: readonly number[], v: Value, depth = 0): readonly Value[] {
  const copy = agg.slice();
  const i = path[depth]!;
  copy[i] = depth === path.length - 1 ? v : insertAt(copy[i] as readonly Value[], path, v, depth + 1);
  return copy;
}

/** Size and alignment for `llvm.alloca` element types, re-exported for the op table. */
export { alignment, byteSize, fieldOffsets };

// ---- division -----------------------------------------------------------------------------------

const divideByZero = (loc: string | undefined): Trap => new Trap('divide-by-zero', 'System.DivideByZeroException: Attempted to divide by zero.').at(loc);
const overflow = (loc: string | undefined): Trap => new Trap('overflow', 'System.OverflowException: Arithmetic operation resulted in an overflow.').at(loc);

/** Sign of an iN bit pattern held unsigned (i8/i16) or signed (i32) in a number. */
export const signed = (x: number, width: number): number => (width === 32 ? x : (x << (32 - width)) >> (32 - width));

/** `arith.divsi` / `arith.remsi` on widths up to 32 (operands in the value conventions); traps on 0 and MIN / -1. */
export function divsi(a: number, b: number, width: number, rem: boolean, loc: string | undefined): number {
  const x = signed(a, width);
  const y = signed(b, width);
  if (y === 0) throw divideByZero(loc);
  if (y === -1 && x === -(2 ** (width - 1))) throw overflow(loc);
  const r = rem ? x % y : Math.trunc(x / y);
  return width === 32 ? r | 0 : r & (2 ** width - 1);
}

/** `arith.divui` / `arith.remui` on widths up to 32; traps on 0. */
export function divui(a: number, b: number, width: number, rem: boolean, loc: string | undefined): number {
  const x = width === 32 ? a >>> 0 : a;
  const y = width === 32 ? b >>> 0 : b;
  if (y === 0) throw divideByZero(loc);
  const r = rem ? x % y : Math.floor(x / y);
  return width === 32 ? r | 0 : r;
}

const MIN64 = -(2n ** 63n);

/** `arith.divsi` / `arith.remsi` on i64. */
export function divsi64(a: bigint, b: bigint, rem: boolean, loc: string | undefined): bigint {
  if (b === 0n) throw divideByZero(loc);
  if (b === -1n && a === MIN64) throw overflow(loc);
  return rem ? a % b : a / b;
}

/** `arith.divui` / `arith.remui` on i64. */
export function divui64(a: bigint, b: bigint, rem: boolean, loc: string | undefined): bigint {
  const x = BigInt.asUintN(64, a);
  const y = BigInt.asUintN(64, b);
  if (y === 0n) throw divideByZero(loc);
  return BigInt.asIntN(64, rem ? x % y : x / y);
}

/** `llvm.unreachable` reached. */
export function unreachable(loc: string | undefined): never {
  throw new Trap('internal', 'reached llvm.unreachable: control flow the compiler said was impossible').at(loc);
}
