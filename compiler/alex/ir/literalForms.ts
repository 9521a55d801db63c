/**
 * The textual forms of literal values: integer constants (`arith.constant`), with the one rule for
 * writing an integer, and string globals (`llvm.mlir.global`), with MLIR's string escapes. Print
 * and parse pairs like the other hand-written forms in `opForms.ts`.
 */
import { attr, type Attribute } from './ir.js';
import { emptyParsed, type CustomForm } from './syntax.js';
import { encodeText, type EncodedText } from './textBuffer.js';
import { arrayType, i1, i32, i8, isInt, printType, type MlirType } from './types.js';

// ---- arith.constant -----------------------------------------------------------------------------

/**
 * The one rule for printing integer constants: `true`/`false` for i1; an i8 whose top bit is set
 * as two hex digits (`0x81`, the frame-header bytes of the seed); everything else signed decimal.
 */
export function printIntLiteral(value: bigint, type: MlirType): string {
  const width = isInt(type) ? type.width : 64;
  if (width === 1) return value === 0n ? 'false' : 'true';
  // Most constants are small and non-negative: they print as themselves, with no BigInt arithmetic.
  if (value >= 0n && value < 0x80n) return smallLiteral(Number(value));
  const bits = BigInt.asUintN(width, value);
  if (width === 8 && bits >= 0x80n) return `0x${bits.toString(16).toUpperCase().padStart(2, '0')}`;
  return BigInt.asIntN(width, bits).toString();
}

/** `String(n)` for the numbers 0 to 127, kept once made: a module's constants are mostly these. */
const smallLiterals: string[] = [];
const smallLiteral = (n: number): string => (smallLiterals[n] ??= String(n));

/** Whether `value` as written fits `width` bits, read either signed or unsigned (as MLIR accepts). */
export const fitsWidth = (value: bigint, width: number): boolean => value >= -(1n << BigInt(width - 1)) && value < 1n << BigInt(width);

/**
 * The text of each constant after its op name (` 42 : i32`, ` true`), as bytes. A module's
 * constants share their attribute records (one per type and value), so most are printed from
 * here, with no BigInt arithmetic.
 */
const constantTexts = new WeakMap<Attribute, EncodedText>();
function constantText(a: Extract<Attribute, { kind: 'int' }>): EncodedText {
  let text = constantTexts.get(a);
  if (text === undefined) {
    text = encodeText(` ${printIntLiteral(a.value, a.type)}${isBool(a.type) ? '' : ` : ${printType(a.type)}`}`);
    constantTexts.set(a, text);
  }
  return text;
}
const isBool = (t: MlirType): boolean => isInt(t) && t.width === 1;

/** `arith.constant 42 : i32`, `arith.constant true`. */
export const constantForm: CustomForm = {
  print(op, p) {
    const a = op.attributes['value'];
    if (a?.kind !== 'int') return p.text(' <<missing value>>');
    p.bytes(constantText(a));
  },
  parse(p) {
    const out = emptyParsed();
    if (p.cur.at('true') || p.cur.at('false')) {
      out.attributes['value'] = attr.int(p.cur.next().text === 'true' ? 1 : 0, i1);
      out.resultTypes = [i1];
      return out;
    }
    const { value, token } = p.integer();
    p.cur.expect(':');
    const at = p.cur.peek();
    const t = p.type();
    if (!isInt(t)) return p.fail(`arith.constant needs an integer type, not ${printType(t)}`, at);
    if (!fitsWidth(value, t.width)) p.fail(`integer constant ${token.text} does not fit in ${printType(t)}`, token);
    out.attributes['value'] = attr.int(value, t);
    out.resultTypes = [t];
    return out;
  },
};

// ---- llvm.mlir.global ---------------------------------------------------------------------------

/** MLIR's string escaping: printable ASCII as is, `\\` for backslash, `\XX` for every other byte. */
export function escapeBytes(bytes: Uint8Array | readonly number[]): string {
  let s = '';
  for (const b of bytes) {
    if (b === 0x5c) s += '\\\\';
    else if (b >= 0x20 && b < 0x7f && b !== 0x22) s += String.fromCharCode(b);
    else s += `\\${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return s;
}

/** `escapeBytes` of the UTF-8 of `text`; most strings are printable ASCII, which is its own escape. */
function escapeString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) return escapeBytes(new TextEncoder().encode(text));
  }
  return text;
}

/** `internal constant @str0("hello\0A") {addr_space = 0 : i32}`: a string held as `!llvm.array<N x i8>`. */
export const globalForm: CustomForm = {
  print(op, p) {
    const linkage = op.attributes['linkage'];
    const name = op.attributes['sym_name'];
    const value = op.attributes['value'];
    const space = op.attributes['addr_space'];
    p.text(' ');
    p.text(linkage?.kind === 'enum' ? linkage.value : 'internal');
    if (op.attributes['constant'] !== undefined) p.text(' constant');
    p.text(' @');
    p.text(name?.kind === 'string' ? name.value : '<<missing name>>');
    p.text('("');
    if (value?.kind === 'string') p.text(escapeString(value.value));
    p.text('") {addr_space = ');
    p.text(space?.kind === 'int' ? String(space.value) : '0');
    p.text(' : i32}');
  },
  parse(p) {
    const out = emptyParsed();
    const linkage = p.cur.peek();
    if (linkage.kind !== 'ident' || !['private', 'internal', 'external'].includes(linkage.text)) p.cur.fail('expected a linkage (private, internal, external)');
    p.cur.next();
    out.attributes['linkage'] = attr.enum(linkage.text);
    if (p.cur.eat('constant')) out.attributes['constant'] = attr.unit();
    out.attributes['sym_name'] = attr.string(p.symbol());
    p.cur.expect('(');
    const str = p.cur.expectKind('string', 'a string value');
    p.cur.expect(')');
    const bytes = Uint8Array.from(str.bytes ?? []);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return p.fail('a string global must hold valid UTF-8', str);
    }
    out.attributes['value'] = attr.string(text);
    out.attributes['global_type'] = attr.type(arrayType(bytes.length, i8));
    let space: Attribute = attr.int(0, i32);
    if (p.cur.eat('{')) {
      const key = p.cur.expectKind('ident', 'addr_space');
      if (key.text !== 'addr_space') p.fail(`unsupported global attribute '${key.text}'`, key);
      p.cur.expect('=');
      const { value } = p.integer();
      p.cur.expect(':');
      p.cur.expect('i32');
      p.cur.expect('}');
      space = attr.int(value, i32);
    }
    out.attributes['addr_space'] = space;
    if (p.cur.eat(':')) {
      const at = p.cur.peek();
      const t = p.type();
      if (printType(t) !== printType(arrayType(bytes.length, i8))) p.fail(`the global's type must be ${printType(arrayType(bytes.length, i8))}`, at);
    }
    return out;
  },
};
