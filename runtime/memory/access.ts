/**
 * Checked memory access: typed loads and stores by MLIR type, pointer arithmetic, bulk copy and
 * fill. Every access checks, in this order, that the pointer is not null, that its allocation is
 * still live, that `[offset, offset + size)` lies inside the allocation, and (for writes) that the
 * allocation is writable; a failed check throws a Trap naming the allocation, the offset and the
 * access size. Multi-byte integers are little-endian (x86-64 / LLVM's default data layout).
 */
import { Trap } from '../trap.js';
import { NULL_PTR, Pointer } from '../values.js';
import type { Allocation } from './allocation.js';

/** The types a load or store can move; `'ptr'` and `'!llvm.ptr'` are the same type. */
export type ScalarType = 'i1' | 'i8' | 'i16' | 'i32' | 'i64' | 'ptr' | '!llvm.ptr';

/** What an access does, for messages. */
export type AccessKind = 'read' | 'write';

/** Size in bytes of a scalar in memory (`i1` takes a byte, pointers 8). */
export function sizeOf(type: ScalarType): number {
  switch (type) {
    case 'i1':
    case 'i8':
      return 1;
    case 'i16':
      return 2;
    case 'i32':
      return 4;
    case 'i64':
    case 'ptr':
    case '!llvm.ptr':
      return 8;
  }
}

const bytesText = (n: number): string => (n === 1 ? '1 byte' : `${n} bytes`);

/**
 * Checks that `size` bytes at `ptr` may be accessed and returns the allocation. This is the one
 * place that decides whether an access is legal; everything else calls it.
 */
export function checkAccess(ptr: Pointer, size: number, access: AccessKind): Allocation {
  const a = ptr.alloc;
  const off = ptr.offset;
  if (a === null) {
    throw new Trap('null-pointer', `null pointer ${access} of ${bytesText(size)} at offset ${off}`);
  }
  if (!a.live) {
    throw new Trap(
      'use-after-release',
      `use after release: ${access} of ${bytesText(size)} at offset ${off} of ${a.label}, released by ${a.releasedBy ?? 'its owner'}`,
    );
  }
  if (off < 0 || off + size > a.size || !Number.isInteger(off)) {
    const valid = a.size === 0 ? 'it has no bytes' : `valid offsets 0..${a.size - 1}`;
    throw new Trap('out-of-bounds', `out-of-bounds ${access} of ${bytesText(size)} at offset ${off} of ${a.label} (${valid})`);
  }
  if (access === 'write' && a.readOnly) {
    throw new Trap('read-only', `write to read-only memory: ${bytesText(size)} at offset ${off} of ${a.label}`);
  }
  return a;
}

/** `llvm.getelementptr`: the pointer moved by `bytes` (unchecked until accessed, as in C). */
export function gep(ptr: Pointer, bytes: number): Pointer {
  return bytes === 0 ? ptr : new Pointer(ptr.alloc, ptr.offset + bytes);
}

/** Forgets stored pointers whose 8 bytes overlap `[off, off + size)`: they were overwritten. */
function forgetPointers(a: Allocation, off: number, size: number): void {
  const map = a.pointers;
  if (map === null) return;
  for (const k of map.keys()) if (k < off + size && k + 8 > off) map.delete(k);
}

/**
 * `llvm.load`: reads a value of `type` at `ptr`, following the value conventions in values.ts.
 * A `ptr` load from bytes that were never written by a pointer store gives the null pointer if the
 * bytes are all zero (zeroed memory reads as null, as in C) and traps otherwise.
 */
export function load(ptr: Pointer, type: ScalarType): number | bigint | Pointer {
  const size = sizeOf(type);
  const a = checkAccess(ptr, size, 'read');
  const off = ptr.offset;
  switch (type) {
    case 'i8':
      return a.bytes[off]!;
    case 'i1':
      return a.bytes[off]! === 0 ? 0 : 1;
    case 'i16':
      return a.view.getUint16(off, true);
    case 'i32':
      return a.view.getInt32(off, true);
    case 'i64':
      return a.view.getBigInt64(off, true);
    case 'ptr':
    case '!llvm.ptr': {
      const stored = a.pointers?.get(off);
      if (stored !== undefined) return stored;
      if (a.view.getBigUint64(off, true) === 0n) return NULL_PTR;
      throw new Trap('bad-pointer', `load of a pointer from 8 bytes at offset ${off} of ${a.label} that do not hold a pointer`);
    }
  }
}

/** `llvm.store`: writes `value` (in the conventions of values.ts) as `type` at `ptr`. */
export function store(ptr: Pointer, type: ScalarType, value: number | bigint | Pointer): void {
  const size = sizeOf(type);
  const a = checkAccess(ptr, size, 'write');
  const off = ptr.offset;
  if (a.pointers !== null) forgetPointers(a, off, size);
  switch (type) {
    case 'i8':
    case 'i1':
      a.bytes[off] = Number(value) & 0xff;
      return;
    case 'i16':
      a.view.setUint16(off, Number(value) & 0xffff, true);
      return;
    case 'i32':
      a.view.setInt32(off, Number(value) | 0, true);
      return;
    case 'i64':
      a.view.setBigInt64(off, BigInt.asIntN(64, typeof value === 'bigint' ? value : BigInt(Number(value))), true);
      return;
    case 'ptr':
    case '!llvm.ptr': {
      if (!(value instanceof Pointer)) throw new Trap('internal', `internal error: store of a non-pointer value as ptr into ${a.label}`);
      if (value.alloc === null && value.offset === 0) {
        a.view.setBigUint64(off, 0n, true);
        return;
      }
      // A recognisable, non-zero marker: allocation id in the high word, offset in the low word.
      a.view.setUint32(off, value.offset >>> 0, true);
      a.view.setUint32(off + 4, ((value.alloc?.id ?? 0) | 0x80000000) >>> 0, true);
      (a.pointers ??= new Map()).set(off, value);
      return;
    }
  }
}

/**
 * A view of `size` bytes at `ptr` after checking them for `access`: no copy, valid only until the
 * next release. Services use it to read or fill program buffers in one check.
 */
export function bytesAt(ptr: Pointer, size: number, access: AccessKind): Uint8Array {
  const a = checkAccess(ptr, size, access);
  if (access === 'write' && a.pointers !== null) forgetPointers(a, ptr.offset, size);
  return a.bytes.subarray(ptr.offset, ptr.offset + size);
}

/** memmove: copies `size` bytes from `src` to `dst` (ranges may overlap); stored pointers move too. */
export function copy(dst: Pointer, src: Pointer, size: number): void {
  if (size < 0) throw new Trap('invalid-argument', `copy of a negative number of bytes (${size})`);
  const s = checkAccess(src, size, 'read');
  const d = checkAccess(dst, size, 'write');
  if (size === 0) return;
  const so = src.offset;
  const doff = dst.offset;
  let moved: [number, Pointer][] | null = null;
  if (s.pointers !== null) {
    for (const [k, p] of s.pointers) if (k >= so && k + 8 <= so + size) (moved ??= []).push([k - so + doff, p]);
  }
  if (d.pointers !== null) forgetPointers(d, doff, size);
  if (s === d) d.bytes.copyWithin(doff, so, so + size);
  else d.bytes.set(s.bytes.subarray(so, so + size), doff);
  if (moved !== null) {
    const map = (d.pointers ??= new Map());
    for (const [k, p] of moved) map.set(k, p);
  }
}

/** Stores `value` as `type` into `count` consecutive elements from `ptr` (checked once, as a whole). */
export function fill(ptr: Pointer, type: ScalarType, value: number | bigint | Pointer, count: number): void {
  if (count < 0) throw new Trap('invalid-argument', `fill of a negative number of elements (${count})`);
  const size = sizeOf(type);
  const a = checkAccess(ptr, size * count, 'write');
  if (count === 0) return;
  if (type === 'i8' || type === 'i1') {
    if (a.pointers !== null) forgetPointers(a, ptr.offset, count);
    a.bytes.fill(Number(value) & 0xff, ptr.offset, ptr.offset + count);
    return;
  }
  for (let i = 0; i < count; i++) store(new Pointer(a, ptr.offset + i * size), type, value);
}
