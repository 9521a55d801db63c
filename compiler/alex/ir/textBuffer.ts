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
 * types) it keeps as bytes (`encodeText`), and numbers are written as digits, not strings.
 */
import { Buffer, isAscii } from 'node:buffer';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * The UTF-8 of `s`, for a piece written many times. ASCII, as nearly every piece is, is copied by
 * hand: `TextEncoder` gives each result a buffer of its own outside the heap, a cost that matters
 * where pieces are made per module (constants).
 */
export function encodeText(s: string): Uint8Array {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return encoder.encode(s);
    bytes[i] = c;
  }
  return bytes;
}

/** From how many bytes on `writeBytes` copies with `set`, a call that costs more than a short loop. */
const LONG_PIECE = 16;

export class TextBuffer {
  private bytes = new Uint8Array(1 << 16);
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
  writeBytes(b: Uint8Array): void {
    let n = this.length;
    const count = b.length;
    if (n + count > this.bytes.length) this.grow(count);
    const bytes = this.bytes;
    // Types are most of what is written, and long: copying them whole beats a loop of bounds-checked stores.
    if (count > LONG_PIECE) {
      bytes.set(b, n);
      this.length = n + count;
      return;
    }
    for (let i = 0; i < count; i++) bytes[n++] = b[i]!;
    this.length = n;
  }

  /** Append one ASCII character, by its code (below 0x80). */
  writeByte(c: number): void {
    if (this.length === this.bytes.length) this.grow(1);
    this.bytes[this.length++] = c;
  }

  /** Append `count` spaces. */
  writeSpaces(count: number): void {
    let n = this.length;
    if (n + count > this.bytes.length) this.grow(count);
    const bytes = this.bytes;
    for (let i = 0; i < count; i++) bytes[n++] = 0x20;
    this.length = n;
  }

  /** Append a non-negative integer in decimal. */
  writeInt(value: number): void {
    // The numbers printed (SSA numbers, positions, lines) are small: their digits come from integer
    // arithmetic; any other number is written as `String` writes it.
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
    this.writeBytes(other.bytes.subarray(0, other.length));
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
  }
}
