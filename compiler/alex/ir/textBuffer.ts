/**
 * An append-only text buffer for the printer: characters go into a growing byte array (UTF-8),
 * decoded into one string at the end. Printed MLIR is almost always all ASCII, which is read as
 * `latin1`, a plain copy into a one-byte string: `TextDecoder` takes several times as long over a
 * module's megabytes. (Checking the bytes costs less than tracking, at every write, whether
 * anything beyond ASCII was written.)
 *
 * Printing a large module appends hundreds of thousands of small pieces. As strings, each append
 * allocates (V8 keeps `a + b` as a tree of pieces until it is read), and that garbage, collected
 * while the freshly lowered module is still young, makes the collector copy the module too. Bytes
 * in one array allocate nothing per piece. Pieces the printer writes again and again (op names,
 * types) it keeps encoded (`encodeText`), and numbers are written as digits, not strings.
 *
 * Each store into a `Uint8Array` costs about ten instructions in this V8 (the array's length and
 * backing store are checked again at every one), so a byte at a time is most of what printing a
 * piece costs. Encoded pieces, spaces and short numbers are stored four bytes at a time instead,
 * through a `DataView` (which takes any alignment): a piece's last word may run up to three bytes
 * past its end, into capacity kept free for it, where the next piece overwrites them.
 */
import { Buffer, isAscii } from 'node:buffer';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Text encoded once, to be written many times (`encodeText`): its UTF-8 bytes as little-endian 32-bit
 * words, the last one padded with zeros, and how many bytes it has. The words are small integers in
 * a plain array, which V8 reads with no checks of a backing store.
 */
export interface EncodedText {
  readonly words: readonly number[];
  readonly length: number;
}

/**
 * `s` encoded, for a piece written many times. ASCII, as nearly every piece is, is read by hand:
 * `TextEncoder` gives each result a buffer of its own outside the heap, a cost that matters where
 * pieces are made per module (constants).
 */
export function encodeText(s: string): EncodedText {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 0x80;
  const utf8 = ascii ? undefined : encoder.encode(s);
  const length = utf8 === undefined ? s.length : utf8.length;
  const byteAt = (i: number): number => (i >= length ? 0 : utf8 === undefined ? s.charCodeAt(i) : utf8[i]!);
  const words: number[] = [];
  for (let i = 0; i < length; i += 4) words.push(byteAt(i) | (byteAt(i + 1) << 8) | (byteAt(i + 2) << 16) | (byteAt(i + 3) << 24));
  return { words, length };
}

/** Four spaces, as one word. */
const SPACES = 0x20202020;

export class TextBuffer {
  private bytes = new Uint8Array(1 << 16);
  /** `bytes`, for the stores of four at a time. */
  private view = new DataView(this.bytes.buffer);
  private length = 0;

  /** Empty the buffer, keeping its capacity: the printer reuses one, rather than growing a new one to a module's size each time. */
  reset(): void {
    this.length = 0;
  }

  /** Append `s`. */
  write(s: string): void {
    let n = this.length;
    if (n + s.length > this.bytes.length) this.grow(s.length);
    const bytes = this.bytes;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.length = n;
        this.writeUtf8(s.slice(i));
        return;
      }
      bytes[n++] = c;
    }
    this.length = n;
  }

  /** Append text already encoded (`encodeText`). */
  writeBytes(t: EncodedText): void {
    const words = t.words;
    let n = this.length;
    if (n + 4 * words.length > this.bytes.length) this.grow(4 * words.length);
    const view = this.view;
    for (let i = 0; i < words.length; i++, n += 4) view.setInt32(n, words[i]!, true);
    this.length += t.length;
  }

  /** Append one ASCII character, by its code (below 0x80). */
  writeByte(c: number): void {
    if (this.length === this.bytes.length) this.grow(1);
    this.bytes[this.length++] = c;
  }

  /** Append `count` spaces. */
  writeSpaces(count: number): void {
    const n = this.length;
    if (n + count + 3 > this.bytes.length) this.grow(count + 3);
    const view = this.view;
    for (let i = 0; i < count; i += 4) view.setInt32(n + i, SPACES, true);
    this.length = n + count;
  }

  /** Append a non-negative integer in decimal. */
  writeInt(value: number): void {
    // The numbers printed (SSA numbers, positions, lines) are small: their digits come from integer
    // arithmetic; any other number is written as `String` writes it.
    if (value >= 0 && value < 1000 && (value | 0) === value) this.writeWord(0, 0, value);
    else this.writeLongInt(value);
  }

  /**
   * Append the character `c` (below 0x80), then `value`, a non-negative integer, in decimal: `%12`,
   * an SSA name. Up to three digits, the word holds them both.
   */
  writePrefixedInt(c: number, value: number): void {
    if (value >= 0 && value < 1000 && (value | 0) === value) this.writeWord(c, 1, value);
    else {
      this.writeByte(c);
      this.writeLongInt(value);
    }
  }

  /** Append the `prefixLength` (0 or 1) bytes of `prefix` and the digits of `value` (below 1000) as one word. */
  private writeWord(prefix: number, prefixLength: number, value: number): void {
    let word = prefix;
    let at = 8 * prefixLength;
    if (value >= 100) {
      const hundreds = (value / 100) | 0;
      word |= (0x30 + hundreds) << at;
      at += 8;
      value -= 100 * hundreds;
      const tens = (value / 10) | 0;
      word |= (0x30 + tens) << at;
      at += 8;
      value -= 10 * tens;
    } else if (value >= 10) {
      const tens = (value / 10) | 0;
      word |= (0x30 + tens) << at;
      at += 8;
      value -= 10 * tens;
    }
    word |= (0x30 + value) << at;
    const n = this.length;
    if (n + 4 > this.bytes.length) this.grow(4);
    this.view.setInt32(n, word, true);
    this.length = n + (at >> 3) + 1;
  }

  private writeLongInt(value: number): void {
    if (!(value >= 0 && value <= 0x7fffffff && (value | 0) === value)) {
      this.write(String(value));
      return;
    }
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
    if (this.length + digits > this.bytes.length) this.grow(digits);
    const bytes = this.bytes;
    let at = this.length + digits;
    this.length = at;
    let rest = value;
    do {
      const tenth = (rest / 10) | 0;
      bytes[--at] = 0x30 + rest - 10 * tenth;
      rest = tenth;
    } while (rest > 0);
  }

  /** Append what `other` holds. */
  writeBuffer(other: TextBuffer): void {
    if (this.length + other.length > this.bytes.length) this.grow(other.length);
    this.bytes.set(other.bytes.subarray(0, other.length), this.length);
    this.length += other.length;
  }

  /** The text written so far. */
  toString(): string {
    const written = this.bytes.subarray(0, this.length);
    if (!isAscii(written)) return decoder.decode(written);
    return Buffer.from(written.buffer, written.byteOffset, written.length).toString('latin1');
  }

  private writeUtf8(s: string): void {
    const encoded = encoder.encode(s);
    if (this.length + encoded.length > this.bytes.length) this.grow(encoded.length);
    this.bytes.set(encoded, this.length);
    this.length += encoded.length;
  }

  private grow(atLeast: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + atLeast));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }
}
