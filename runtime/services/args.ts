/**
 * Argument decoding for services: each helper takes one argument in the value conventions of
 * values.ts and checks its JS type, so a mismatch between the interpreter and a service is reported
 * as an internal error naming the service and the argument instead of misbehaving.
 */
import { bytesAt } from '../memory/access.js';
import { Trap } from '../trap.js';
import { Pointer, type StringValue, type Value } from '../values.js';

const wrong = (symbol: string, i: number, expected: string, got: Value): Trap =>
  new Trap('internal', `internal error: @${symbol} argument ${i} should be ${expected}, got ${describe(got)}`);

function describe(v: Value): string {
  if (v instanceof Pointer) return 'a pointer';
  if (Array.isArray(v)) return `a struct of ${v.length} fields`;
  return `${typeof v} ${String(v)}`;
}

/** An `i1`/`i8`/`i16`/`i32` argument. */
export function int(symbol: string, args: readonly Value[], i: number): number {
  const v = args[i];
  if (typeof v !== 'number') throw wrong(symbol, i, 'a number (i32)', v);
  return v;
}

/** An `i64` argument as a JS number (lengths, counts). */
export function long(symbol: string, args: readonly Value[], i: number): number {
  const v = args[i];
  if (typeof v !== 'bigint') throw wrong(symbol, i, 'a bigint (i64)', v);
  return Number(v);
}

/** A `!llvm.ptr` argument. */
export function ptr(symbol: string, args: readonly Value[], i: number): Pointer {
  const v = args[i];
  if (!(v instanceof Pointer)) throw wrong(symbol, i, 'a pointer', v);
  return v;
}

/** A string argument (`!llvm.struct<(ptr, i64)>`). */
export function str(symbol: string, args: readonly Value[], i: number): StringValue {
  const v = args[i];
  if (!Array.isArray(v) || v.length !== 2 || !(v[0] instanceof Pointer) || typeof v[1] !== 'bigint') {
    throw wrong(symbol, i, 'a string struct [ptr, i64]', v);
  }
  return v as unknown as StringValue;
}

/** The bytes of a string value (a checked view, no copy). */
export function stringBytes(s: StringValue): Uint8Array {
  return bytesAt(s[0], Number(s[1]), 'read');
}

/** A string argument's bytes. */
export function strBytes(symbol: string, args: readonly Value[], i: number): Uint8Array {
  return stringBytes(str(symbol, args, i));
}

const decoder = new TextDecoder();

/** A string argument as JS text (for messages and parsing). */
export function strText(symbol: string, args: readonly Value[], i: number): string {
  return decoder.decode(strBytes(symbol, args, i));
}
