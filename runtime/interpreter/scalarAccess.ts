/**
 * Checked scalar loads and stores for generated code, one monomorphic function per type so V8
 * inlines them into the loops that call them. Each comes in two forms: through a Pointer
 * (`ld32(p, loc)`) and at a base pointer plus a byte offset (`ld32at(base, off, loc)`), the form a
 * GEP fused into its only access uses, so a payload loop allocates no Pointer per byte.
 *
 * Every access is checked, inline: the fast path runs only when the allocation exists, is live
 * (a released allocation has no bytes, so the bounds test fails), `[off, off + size)` lies inside
 * it and, for stores, it is writable and holds no stored pointers. Anything else takes the slow
 * path, which makes the Pointer and lets runtime/memory decide and word the Trap, located at the
 * op, so a fused access traps with exactly the message of the unfused one.
 */
import type { ScalarType } from '../memory/access.js';
import { Pointer } from '../values.js';
import { ld, st } from './helpers.js';

type Loc = string | undefined;

/** The helper names the op table emits for each scalar type. */
export interface ScalarHelpers {
  readonly load: string;
  readonly store: string;
  readonly loadAt: string;
  readonly storeAt: string;
}

const names = (suffix: string): ScalarHelpers => ({ load: `ld${suffix}`, store: `st${suffix}`, loadAt: `ld${suffix}at`, storeAt: `st${suffix}at` });

/** Helper names by load/store type. */
export const SCALAR_HELPERS: Readonly<Record<ScalarType, ScalarHelpers>> = {
  i1: names('1'),
  i8: names('8'),
  i16: names('16'),
  i32: names('32'),
  i64: names('64'),
  ptr: names('P'),
  '!llvm.ptr': names('P'),
};

const slowLoad = (base: Pointer, off: number, type: ScalarType, loc: Loc): number | bigint | Pointer => ld(new Pointer(base.alloc, base.offset + off), type, loc);
const slowStore = (base: Pointer, off: number, type: ScalarType, v: number | bigint | Pointer, loc: Loc): void => st(new Pointer(base.alloc, base.offset + off), type, v, loc);

// ---- at base + offset ---------------------------------------------------------------------------

/** `load i1` at `base + off`. */
export function ld1at(base: Pointer, off: number, loc: Loc): number {
  const a = base.alloc;
  const o = base.offset + off;
  if (a !== null && o >= 0 && o < a.bytes.length) return a.bytes[o] === 0 ? 0 : 1;
  return slowLoad(base, off, 'i1', loc) as number;
}

/** `load i8` at `base + off`. */
export function ld8at(base: Pointer, off: number, loc: Loc): number {
  const a = base.alloc;
  const o = base.offset + off;
  if (a !== null && o >= 0 && o < a.bytes.length) return a.bytes[o]!;
  return slowLoad(base, off, 'i8', loc) as number;
}

/** `load i16` at `base + off` (little-endian). */
export function ld16at(base: Pointer, off: number, loc: Loc): number {
  const a = base.alloc;
  const o = base.offset + off;
  if (a !== null && o >= 0 && o + 2 <= a.bytes.length) {
    const b = a.bytes;
    return b[o]! | (b[o + 1]! << 8);
  }
  return slowLoad(base, off, 'i16', loc) as number;
}

/** `load i32` at `base + off` (little-endian, signed). */
export function ld32at(base: Pointer, off: number, loc: Loc): number {
  const a = base.alloc;
  const o = base.offset + off;
  if (a !== null && o >= 0 && o + 4 <= a.bytes.length) {
    const b = a.bytes;
    return b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
  }
  return slowLoad(base, off, 'i32', loc) as number;
}

/** `load i64` at `base + off`. */
export function ld64at(base: Pointer, off: number, loc: Loc): bigint {
  const a = base.alloc;
  const o = base.offset + off;
  if (a !== null && o >= 0 && o + 8 <= a.bytes.length) return a.view.getBigInt64(o, true);
  return slowLoad(base, off, 'i64', loc) as bigint;
}

/** `load ptr` at `base + off` (pointers live beside the bytes: always the general path). */
export function ldPat(base: Pointer, off: number, loc: Loc): Pointer {
  return slowLoad(base, off, 'ptr', loc) as Pointer;
}

/** `store i1` at `base + off`. */
export function st1at(base: Pointer, off: number, v: number, loc: Loc): void {
  st8at(base, off, v, loc);
}

/** `store i8` at `base + off`. */
export function st8at(base: Pointer, off: number, v: number, loc: Loc): void {
  const a = base.alloc;
  const o = base.offset + off;
  if (a !== null && !a.readOnly && a.pointers === null && o >= 0 && o < a.bytes.length) a.bytes[o] = v;
  else slowStore(base, off, 'i8', v, loc);
}

/** `store i16` at `base + off`. */
export function st16at(base: Pointer, off: number, v: number, loc: Loc): void {
  const a = base.alloc;
  const o = base.offset + off;
  if (a !== null && !a.readOnly && a.pointers === null && o >= 0 && o + 2 <= a.bytes.length) {
    const b = a.bytes;
    b[o] = v;
    b[o + 1] = v >>> 8;
  } else slowStore(base, off, 'i16', v, loc);
}

/** `store i32` at `base + off`. */
export function st32at(base: Pointer, off: number, v: number, loc: Loc): void {
  const a = base.alloc;
  const o = base.offset + off;
  if (a !== null && !a.readOnly && a.pointers === null && o >= 0 && o + 4 <= a.bytes.length) {
    const b = a.bytes;
    b[o] = v;
    b[o + 1] = v >>> 8;
    b[o + 2] = v >>> 16;
    b[o + 3] = v >>> 24;
  } else slowStore(base, off, 'i32', v, loc);
}

/** `store i64` at `base + off`. */
export function st64at(base: Pointer, off: number, v: bigint, loc: Loc): void {
  const a = base.alloc;
  const o = base.offset + off;
  if (a !== null && !a.readOnly && a.pointers === null && o >= 0 && o + 8 <= a.bytes.length) a.view.setBigInt64(o, v, true);
  else slowStore(base, off, 'i64', v, loc);
}

/** `store ptr` at `base + off`. */
export function stPat(base: Pointer, off: number, v: Pointer, loc: Loc): void {
  slowStore(base, off, 'ptr', v, loc);
}

// ---- loop windows (loopWindows.ts) -------------------------------------------------------------

const NO_BYTES = new Uint8Array(0);

/** The bytes a byte load at `base` may read without the helper: its live allocation's, else none. */
export function readWindow(base: Pointer): Uint8Array {
  const a = base.alloc;
  return a === null ? NO_BYTES : a.bytes;
}

/** The bytes a byte store at `base` may write without the helper (st8at's fast-path conditions), else none. */
export function writeWindow(base: Pointer): Uint8Array {
  const a = base.alloc;
  return a === null || a.readOnly || a.pointers !== null ? NO_BYTES : a.bytes;
}

// ---- through a pointer --------------------------------------------------------------------------

export const ld1 = (p: Pointer, loc: Loc): number => ld1at(p, 0, loc);
export const ld8 = (p: Pointer, loc: Loc): number => ld8at(p, 0, loc);
export const ld16 = (p: Pointer, loc: Loc): number => ld16at(p, 0, loc);
export const ld32 = (p: Pointer, loc: Loc): number => ld32at(p, 0, loc);
export const ld64 = (p: Pointer, loc: Loc): bigint => ld64at(p, 0, loc);
export const ldP = (p: Pointer, loc: Loc): Pointer => ldPat(p, 0, loc);
export const st1 = (p: Pointer, v: number, loc: Loc): void => st8at(p, 0, v, loc);
export const st8 = (p: Pointer, v: number, loc: Loc): void => st8at(p, 0, v, loc);
export const st16 = (p: Pointer, v: number, loc: Loc): void => st16at(p, 0, v, loc);
export const st32 = (p: Pointer, v: number, loc: Loc): void => st32at(p, 0, v, loc);
export const st64 = (p: Pointer, v: bigint, loc: Loc): void => st64at(p, 0, v, loc);
export const stP = (p: Pointer, v: Pointer, loc: Loc): void => stPat(p, 0, v, loc);
