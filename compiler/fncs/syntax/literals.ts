/** Decoding of literal token images: integers with F# suffixes, and strings with escapes. */
import type { IntLiteralType } from './ast.js';

/** Suffix → type, and the range of each integer type (the unsigned ones also accept their bit pattern in hex). */
const suffixes: ReadonlyMap<string, IntLiteralType> = new Map<string, IntLiteralType>([
  ['', 'int'], ['l', 'int'], ['L', 'int64'], ['u', 'uint32'], ['UL', 'uint64'], ['ul', 'uint64'], ['uL', 'uint64'], ['Ul', 'uint64'],
  ['uy', 'byte'], ['y', 'sbyte'], ['s', 'int16'], ['us', 'uint16'],
]);

interface Range { readonly min: bigint; readonly max: bigint; readonly bits: number; readonly signed: boolean }
export const intRanges: Readonly<Record<IntLiteralType, Range>> = {
  sbyte: { min: -128n, max: 127n, bits: 8, signed: true },
  byte: { min: 0n, max: 255n, bits: 8, signed: false },
  int16: { min: -32768n, max: 32767n, bits: 16, signed: true },
  uint16: { min: 0n, max: 65535n, bits: 16, signed: false },
  int: { min: -2147483648n, max: 2147483647n, bits: 32, signed: true },
  uint32: { min: 0n, max: 4294967295n, bits: 32, signed: false },
  int64: { min: -9223372036854775808n, max: 9223372036854775807n, bits: 64, signed: true },
  uint64: { min: 0n, max: 18446744073709551615n, bits: 64, signed: false },
};

export interface DecodedInt {
  readonly intType: IntLiteralType;
  readonly value: bigint;
  /** False when the literal does not fit its type (or the suffix is unknown). */
  readonly ok: boolean;
}

/**
 * Decode an integer literal image such as `0x81uy` or `50`. `negated` is set for a literal written
 * after a unary minus, so `-2147483648` is in range. Hex, octal and binary literals of signed types
 * may denote the bit pattern (F#: `0xFFFFFFFF` is `-1`).
 */
export function decodeInt(image: string, negated = false): DecodedInt {
  // Most literals are a few plain decimal digits, which always fit an int: decoded without a
  // regular expression or string rewriting, since the front end decodes every literal it meets.
  if (image.length <= 9 && isPlainDecimal(image)) {
    const n = Number(image);
    return { intType: 'int', value: BigInt(negated ? -n : n), ok: true };
  }
  // The form of the `IntLit` token, read by char codes: `0x`/`0o`/`0b` and at least one digit of
  // that radix, or a decimal digit and more; then `_` anywhere among the digits; then letters only.
  const radix = image.length > 2 && image.charCodeAt(0) === 48 ? radixOf(image.charCodeAt(1)) : 10;
  const start = radix === 10 ? 0 : 2;
  // Only a radix prefix may be followed by `_` straight away.
  if (radix === 10 && digitValue(image.charCodeAt(0)) >= 10) return { intType: 'int', value: 0n, ok: false };
  // The digits' value is summed up as a number while it is exact, so most literals need no string cut out.
  let end = start;
  let digitCount = 0;
  let sum = 0;
  for (; end < image.length; end++) {
    const c = image.charCodeAt(end);
    if (c === 95) continue;
    const d = digitValue(c);
    if (d >= radix) break;
    sum = sum * radix + d;
    digitCount++;
  }
  if (end === start || !isLetters(image, end)) return { intType: 'int', value: 0n, ok: false };
  const intType = end === image.length ? 'int' : suffixes.get(image.slice(end));
  if (intType === undefined) return { intType: 'int', value: 0n, ok: false };
  // `0x_` has no digit once its underscores are gone.
  if (digitCount === 0) return { intType, value: 0n, ok: false };
  let magnitude = sum <= Number.MAX_SAFE_INTEGER ? BigInt(sum) : bigDigits(image.slice(start, end), radix);
  const range = intRanges[intType];
  if (radix !== 10 && range.signed && magnitude > range.max && magnitude < 1n << BigInt(range.bits)) {
    magnitude = BigInt.asIntN(range.bits, magnitude);
  }
  const value = negated ? -magnitude : magnitude;
  return { intType, value, ok: value >= range.min && value <= range.max };
}

/** The value of `digits` (underscores among them) in `radix`, too large for a number to hold exactly. */
function bigDigits(digits: string, radix: number): bigint {
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  return BigInt(prefix + digits.replaceAll('_', ''));
}

/** 16, 8 or 2 for the letter after a leading `0` (`x`, `o`, `b`, either case); 10 otherwise. */
function radixOf(letter: number): number {
  const lower = letter | 0x20;
  return lower === 0x78 ? 16 : lower === 0x6f ? 8 : lower === 0x62 ? 2 : 10;
}

/** The value of a digit character in any radix up to 16, or 99 for anything else. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : 99;
}

/** Whether `image` holds only ASCII letters from `from` on. */
function isLetters(image: string, from: number): boolean {
  for (let k = from; k < image.length; k++) {
    const lower = image.charCodeAt(k) | 0x20;
    if (lower < 0x61 || lower > 0x7a) return false;
  }
  return true;
}

function isPlainDecimal(image: string): boolean {
  if (image.length === 0) return false;
  for (let k = 0; k < image.length; k++) {
    const c = image.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const escapes: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'", '0': '\0' };

export interface DecodedString {
  readonly value: string;
  /** Offsets (within the image) and characters of escapes F# does not know. */
  readonly badEscapes: readonly { readonly offset: number; readonly char: string }[];
}

/** Decode a string literal image including its quotes (a missing closing quote is tolerated). */
export function decodeString(image: string): DecodedString {
  const body = image.endsWith('"') && image.length >= 2 ? image.slice(1, -1) : image.slice(1);
  if (!body.includes('\\')) return { value: body, badEscapes: [] };
  let value = '';
  const badEscapes: { offset: number; char: string }[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') { value += c; continue; }
    const e = body[i + 1] ?? '';
    const simple = escapes[e];
    if (simple !== undefined) { value += simple; i++; continue; }
    const hex = e === 'u' ? body.slice(i + 2, i + 6) : e === 'x' ? body.slice(i + 2, i + 4) : '';
    if ((e === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) || (e === 'x' && /^[0-9a-fA-F]{2}$/.test(hex))) {
      value += String.fromCharCode(parseInt(hex, 16));
      i += 1 + hex.length;
      continue;
    }
    badEscapes.push({ offset: i + 1, char: e });
    value += e;
    i++;
  }
  return { value, badEscapes };
}
