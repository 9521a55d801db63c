/**
 * An append-only text buffer for the printer: characters go into a growing byte array (UTF-8),
 * decoded into one string at the end.
 *
 * Printing a large module appends hundreds of thousands of small pieces. As strings, each append
 * allocates (V8 keeps `a + b` as a tree of pieces until it is read), and that garbage, collected
 * while the freshly lowered module is still young, makes the collector copy the module too. Bytes
 * in one array allocate nothing per piece.
 */

const decoder = new TextDecoder();
const encoder = new TextEncoder();

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

  /** Append a non-negative integer in decimal. */
  writeInt(value: number): void {
    if (value < 10) {
      if (this.length + 1 > this.bytes.length) this.grow(1);
      this.bytes[this.length++] = 0x30 + value;
    } else this.write(String(value));
  }

  /** The text written so far. */
  toString(): string {
    return decoder.decode(this.bytes.subarray(0, this.length));
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
