/**
 * Deterministic payloads of any size, so a failure is reproducible and a wrong byte is visible.
 */

/** `n` bytes 0, 1, 2, … 255, 0, 1, … offset by `seed`. */
export function bytePattern(n: number, seed = 0): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = (i + seed) & 0xff;
  return b;
}

/** `n` bytes of printable ASCII text. */
export function asciiText(n: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[i % alphabet.length];
  return s;
}

/** Bytes from a hex string, spaces allowed ("ce ba e1"). */
export function hex(s: string): Buffer {
  return Buffer.from(s.replace(/\s+/g, ''), 'hex');
}

/** `data` cut into `n` pieces of nearly equal size (some may be empty when n > length). */
export function splitInto(data: Buffer, n: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) out.push(data.subarray(Math.floor((i * data.length) / n), Math.floor(((i + 1) * data.length) / n)));
  return out;
}
