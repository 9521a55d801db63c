/**
 * Console, Format, Parse, Crypto and match failure services: the small runtime helpers that turn
 * bytes into text or text into numbers. Parse.int and incomplete matches trap with the wording .NET
 * and F# use (FormatException, OverflowException, MatchFailureException).
 */
import { base64Encode } from '../crypto/base64.js';
import { sha1 } from '../crypto/sha1.js';
import { bytesAt } from '../memory/access.js';
import { Trap } from '../trap.js';
import { int, long, ptr, strBytes, strText } from './args.js';
import { siteOf } from './context.js';
import type { ServiceDef } from './service.js';

const PTR = '!llvm.ptr';
const STR = '!llvm.struct<(ptr, i64)>';
const NEWLINE = new Uint8Array([0x0a]);

/** `Parse.int`: .NET `Int32.Parse` with the default style (white space around, optional sign, decimal digits). */
export function parseInt32(text: string): number {
  const m = /^[\t\n\v\f\r ]*([+-]?)([0-9]+)[\t\n\v\f\r ]*$/.exec(text);
  if (m === null) throw new Trap('format', `System.FormatException: The input string '${text}' was not in a correct format.`);
  const value = BigInt(`${m[1]}${m[2]}`);
  if (value > 2147483647n || value < -2147483648n) {
    throw new Trap('overflow', `System.OverflowException: Value was either too large or too small for an Int32. (input '${text}')`);
  }
  return Number(value);
}

const checkedLength = (symbol: string, n: number): number => {
  if (n < 0) throw new Trap('argument-out-of-range', `${symbol} with a negative length (${n})`);
  return n;
};

/** The text, console and crypto services. */
export const textServices: readonly ServiceDef[] = [
  {
    symbol: 'fidelity_console_write', kind: 'runtime', params: [STR], result: 'void', blocking: false,
    impl: (a, ctx) => {
      ctx.stdout.write(Uint8Array.from(strBytes('fidelity_console_write', a, 0)));
      return undefined;
    },
  },
  {
    symbol: 'fidelity_console_writeln', kind: 'runtime', params: [STR], result: 'void', blocking: false,
    impl: (a, ctx) => {
      const b = strBytes('fidelity_console_writeln', a, 0);
      const out = new Uint8Array(b.length + 1);
      out.set(b);
      out.set(NEWLINE, b.length);
      ctx.stdout.write(out);
      return undefined;
    },
  },
  {
    symbol: 'fidelity_format_int', kind: 'runtime', params: ['i32'], result: STR, blocking: false,
    impl: (a, ctx) => ctx.memory.newString(new TextEncoder().encode(String(int('fidelity_format_int', a, 0))), siteOf(ctx, 'Format.int')),
  },
  {
    symbol: 'fidelity_parse_int', kind: 'runtime', params: [STR], result: 'i32', blocking: false,
    impl: (a) => parseInt32(strText('fidelity_parse_int', a, 0)),
  },
  {
    // A pointer to a fresh, read-only 20-byte allocation holding the digest.
    symbol: 'fidelity_crypto_sha1', kind: 'runtime', params: [PTR, 'i64'], result: PTR, blocking: false,
    impl: (a, ctx) => {
      const n = checkedLength('Crypto.sha1', long('fidelity_crypto_sha1', a, 1));
      const digest = sha1(bytesAt(ptr('fidelity_crypto_sha1', a, 0), n, 'read'));
      const at = ctx.site?.location === undefined ? '' : ` (${ctx.site.location})`;
      return ctx.memory.serviceBytes(digest, `Crypto.sha1 digest 20 bytes${at}`, true);
    },
  },
  {
    symbol: 'fidelity_crypto_base64_encode', kind: 'runtime', params: [PTR, 'i64'], result: STR, blocking: false,
    impl: (a, ctx) => {
      const n = checkedLength('Crypto.base64Encode', long('fidelity_crypto_base64_encode', a, 1));
      return ctx.memory.newString(base64Encode(bytesAt(ptr('fidelity_crypto_base64_encode', a, 0), n, 'read')), siteOf(ctx, 'Crypto.base64Encode'));
    },
  },
  {
    // fidelity_match_failure(file: string, line: i32, col: i32): an incomplete match at run time.
    symbol: 'fidelity_match_failure', kind: 'runtime', params: [STR, 'i32', 'i32'], result: 'void', blocking: false,
    impl: (a) => {
      const where = `${strText('fidelity_match_failure', a, 0)}(${int('fidelity_match_failure', a, 1)},${int('fidelity_match_failure', a, 2)})`;
      throw new Trap('match-failure', `Microsoft.FSharp.Core.MatchFailureException: The match cases were incomplete at ${where}`, where);
    },
  },
];
