/**
 * The data layout of the target (x86-64 / AArch64 LP64, as LLVM's default): sizes, alignments and
 * field offsets of the MLIR types. Alex uses it to size allocations; the runtime uses it to place
 * loads and stores of aggregates, so both agree on where every byte is.
 */
import type { MlirType } from './types.js';

/** Size in bytes of a value of type `t` in memory (aggregates padded to their alignment). */
export function byteSize(t: MlirType): number {
  switch (t.kind) {
    case 'int': return t.width <= 8 ? 1 : t.width / 8;
    case 'ptr': return 8;
    case 'array': return t.size * byteSize(t.element);
    case 'struct': {
      const offsets = fieldOffsets(t);
      const last = t.fields.length - 1;
      const end = last < 0 ? 0 : offsets[last]! + byteSize(t.fields[last]!);
      return roundUp(end, alignment(t));
    }
    default: return 0;
  }
}

/** ABI alignment in bytes. */
export function alignment(t: MlirType): number {
  switch (t.kind) {
    case 'int': return t.width <= 8 ? 1 : t.width / 8;
    case 'ptr': return 8;
    case 'array': return alignment(t.element);
    case 'struct': return t.fields.reduce((a, f) => Math.max(a, alignment(f)), 1);
    default: return 1;
  }
}

/** Byte offset of each field of a struct, C layout. */
export function fieldOffsets(t: Extract<MlirType, { kind: 'struct' }>): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const f of t.fields) {
    at = roundUp(at, alignment(f));
    offsets.push(at);
    at += byteSize(f);
  }
  return offsets;
}

const roundUp = (n: number, a: number): number => Math.ceil(n / a) * a;
