/**
 * The values that cross the boundary between the interpreter and the runtime, one JS
 * representation per MLIR type. Both sides follow these conventions exactly:
 *
 * | MLIR type                | JS value                                                          |
 * |--------------------------|-------------------------------------------------------------------|
 * | `i1`                     | `number`, 0 or 1                                                  |
 * | `i8`, `i16`              | `number` holding the unsigned bit pattern (0..255, 0..65535)      |
 * | `i32`                    | `number` holding the signed value (`x \| 0`)                      |
 * | `i64`                    | `bigint`, signed (`BigInt.asIntN(64, x)`)                         |
 * | `!llvm.ptr`              | a `Pointer` (`{ alloc, offset }`; null pointer: `alloc === null`) |
 * | `!llvm.struct<(...)>`    | a readonly array of the field values, in field order              |
 * | `string`                 | `[ptr, len]`: a `StringValue`, UTF-8 bytes, immutable             |
 * | `void`                   | `undefined`                                                       |
 */
import type { Allocation } from './memory/allocation.js';

/**
 * A pointer: an allocation and a byte offset into it. It is deliberately a tiny class with two
 * fields so V8 keeps one hidden class for every pointer. Pointers are values: never mutate one,
 * make a new one (`gep`). The offset may be anywhere (even negative); it is checked on access.
 */
export class Pointer {
  constructor(
    /** The allocation this pointer was derived from, or null for the null pointer. */
    readonly alloc: Allocation | null,
    /** Byte offset from the start of the allocation. */
    readonly offset: number,
  ) {}

  /** Whether this is the null pointer (possibly with an offset added to it). */
  get isNull(): boolean {
    return this.alloc === null;
  }
}

/** The null pointer. */
export const NULL_PTR: Pointer = new Pointer(null, 0);

/** Pointer equality as `llvm.icmp "eq"` sees it: same allocation, same offset. */
export function ptrEquals(a: Pointer, b: Pointer): boolean {
  return a.alloc === b.alloc && a.offset === b.offset;
}

/** A string value: `!llvm.struct<(ptr, i64)>`, the bytes and their count. */
export type StringValue = readonly [Pointer, bigint];

/** Any value an SSA name can hold. */
export type Value = number | bigint | Pointer | undefined | readonly Value[];

/** Normalises to the `i32` convention. */
export const toI32 = (x: number): number => x | 0;

/** Normalises to the `i64` convention. */
export const toI64 = (x: bigint | number): bigint => BigInt.asIntN(64, typeof x === 'number' ? BigInt(Math.trunc(x)) : x);

/** An `i64` as a JS number, for lengths and counts (exact up to 2^53). */
export const i64ToNumber = (x: bigint): number => Number(x);
