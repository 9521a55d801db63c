/**
 * String services: F# strings are immutable UTF-8 bytes (`[ptr, len]`). Searching and comparing work
 * on bytes; results that are a slice of their input (substring, trim) share its bytes, since no one
 * can write them; new text (fromBytes, concat, toLower) gets a new read-only allocation.
 * Out-of-range substrings trap with .NET's ArgumentOutOfRangeException wording.
 */
import { Trap } from '../trap.js';
import { gep } from '../memory/access.js';
import type { StringValue, Value } from '../values.js';
import { long, ptr, int, str, stringBytes, strBytes } from './args.js';
import { siteOf, type ServiceContext } from './context.js';
import { bytesAt } from '../memory/access.js';
import type { ServiceDef } from './service.js';

const PTR = '!llvm.ptr';
const STR = '!llvm.struct<(ptr, i64)>';

/** A Buffer over the same bytes (for its native indexOf), no copy. */
const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** The first index of `needle` in `hay`, or -1; the empty needle is found at 0, as in .NET. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  if (needle.length === 0) return 0;
  return buf(hay).indexOf(buf(needle));
}

const isAsciiSpace = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** A slice of `s` sharing its bytes. */
const slice = (s: StringValue, start: number, length: number): StringValue => [gep(s[0], start), BigInt(length)];

const outOfRange = (message: string, param: string, s: number, start: number, length: number): Trap =>
  new Trap(
    'argument-out-of-range',
    `System.ArgumentOutOfRangeException: ${message} (Parameter '${param}') in String.substring of a ${s}-byte string with start ${start} and length ${length}`,
  );

/** `String.substring s start length`, checked as .NET's `String.Substring(startIndex, length)`. */
export function substring(s: StringValue, start: number, length: number): StringValue {
  const n = Number(s[1]);
  if (start < 0) throw outOfRange('StartIndex cannot be less than zero.', 'startIndex', n, start, length);
  if (start > n) throw outOfRange('startIndex cannot be larger than length of string.', 'startIndex', n, start, length);
  if (length < 0) throw outOfRange('Length cannot be less than zero.', 'length', n, start, length);
  if (start > n - length) throw outOfRange('Index and length must refer to a location within the string.', 'length', n, start, length);
  return slice(s, start, length);
}

function trim(s: StringValue): StringValue {
  const b = stringBytes(s);
  let i = 0;
  let j = b.length;
  while (i < j && isAsciiSpace(b[i]!)) i++;
  while (j > i && isAsciiSpace(b[j - 1]!)) j--;
  return i === 0 && j === b.length ? s : slice(s, i, j - i);
}

function toLower(s: StringValue, ctx: ServiceContext): StringValue {
  const b = stringBytes(s);
  if (!b.some((c) => c >= 0x41 && c <= 0x5a)) return s;
  return ctx.memory.newString(b.map((c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c)), siteOf(ctx, 'String.toLower'));
}

function concat(a: StringValue, b: StringValue, ctx: ServiceContext): StringValue {
  const x = stringBytes(a);
  const y = stringBytes(b);
  if (y.length === 0) return a;
  if (x.length === 0) return b;
  const out = new Uint8Array(x.length + y.length);
  out.set(x, 0);
  out.set(y, x.length);
  return ctx.memory.newString(out, siteOf(ctx, 'string concatenation'));
}

const bool = (b: boolean): Value => (b ? 1 : 0);

/** The string services. */
export const stringServices: readonly ServiceDef[] = [
  {
    symbol: 'fidelity_string_from_bytes', kind: 'runtime', params: [PTR, 'i64'], result: STR, blocking: false,
    impl: (a, ctx) => {
      const n = long('fidelity_string_from_bytes', a, 1);
      if (n < 0) throw new Trap('argument-out-of-range', `String.fromBytes with a negative length (${n})`);
      return ctx.memory.newString(bytesAt(ptr('fidelity_string_from_bytes', a, 0), n, 'read'), siteOf(ctx, 'String.fromBytes'));
    },
  },
  {
    symbol: 'fidelity_string_contains', kind: 'runtime', params: [STR, STR], result: 'i1', blocking: false,
    impl: (a) => bool(indexOfBytes(strBytes('fidelity_string_contains', a, 0), strBytes('fidelity_string_contains', a, 1)) >= 0),
  },
  {
    symbol: 'fidelity_string_index_of', kind: 'runtime', params: [STR, STR], result: 'i32', blocking: false,
    impl: (a) => indexOfBytes(strBytes('fidelity_string_index_of', a, 0), strBytes('fidelity_string_index_of', a, 1)),
  },
  {
    symbol: 'fidelity_string_starts_with', kind: 'runtime', params: [STR, STR], result: 'i1', blocking: false,
    impl: (a) => {
      const s = strBytes('fidelity_string_starts_with', a, 0);
      const p = strBytes('fidelity_string_starts_with', a, 1);
      return bool(p.length <= s.length && buf(s).compare(buf(p), 0, p.length, 0, p.length) === 0);
    },
  },
  {
    symbol: 'fidelity_string_substring', kind: 'runtime', params: [STR, 'i32', 'i32'], result: STR, blocking: false,
    impl: (a) => substring(str('fidelity_string_substring', a, 0), int('fidelity_string_substring', a, 1), int('fidelity_string_substring', a, 2)),
  },
  {
    symbol: 'fidelity_string_trim', kind: 'runtime', params: [STR], result: STR, blocking: false,
    impl: (a) => trim(str('fidelity_string_trim', a, 0)),
  },
  {
    symbol: 'fidelity_string_to_lower', kind: 'runtime', params: [STR], result: STR, blocking: false,
    impl: (a, ctx) => toLower(str('fidelity_string_to_lower', a, 0), ctx),
  },
  {
    // s1 + s2 on strings: a new string (or one of the operands when the other is empty).
    symbol: 'fidelity_string_concat', kind: 'runtime', params: [STR, STR], result: STR, blocking: false,
    impl: (a, ctx) => concat(str('fidelity_string_concat', a, 0), str('fidelity_string_concat', a, 1), ctx),
  },
  {
    // s1 = s2 on strings: byte-wise (ordinal) equality.
    symbol: 'fidelity_string_equals', kind: 'runtime', params: [STR, STR], result: 'i1', blocking: false,
    impl: (a) => bool(buf(strBytes('fidelity_string_equals', a, 0)).equals(strBytes('fidelity_string_equals', a, 1))),
  },
];
