/**
 * SHA-1 (FIPS 180-4, section 6.1), over bytes. The WebSocket handshake (RFC 6455) needs it to
 * compute `Sec-WebSocket-Accept`; it is here for that protocol, not for security.
 */

const H0 = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0] as const;
const K = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6] as const;

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** Processes one 64-byte block at `offset` of `block` into the hash state `h`. */
function compress(h: Uint32Array, block: DataView, offset: number, w: Uint32Array): void {
  for (let t = 0; t < 16; t++) w[t] = block.getUint32(offset + 4 * t, false);
  for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1);
  let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!;
  for (let t = 0; t < 80; t++) {
    let f: number;
    let k: number;
    if (t < 20) {
      f = (b & c) | (~b & d); // Ch
      k = K[0];
    } else if (t < 40) {
      f = b ^ c ^ d; // Parity
      k = K[1];
    } else if (t < 60) {
      f = (b & c) | (b & d) | (c & d); // Maj
      k = K[2];
    } else {
      f = b ^ c ^ d;
      k = K[3];
    }
    const temp = (rotl(a, 5) + f + e + k + w[t]!) | 0;
    e = d;
    d = c;
    c = rotl(b, 30);
    b = a;
    a = temp;
  }
  h[0] = h[0]! + a;
  h[1] = h[1]! + b;
  h[2] = h[2]! + c;
  h[3] = h[3]! + d;
  h[4] = h[4]! + e;
}

/** The 20-byte SHA-1 digest of `message`. */
export function sha1(message: Uint8Array): Uint8Array {
  const h = Uint32Array.from(H0);
  const w = new Uint32Array(80);
  const whole = message.length - (message.length % 64);
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  for (let off = 0; off < whole; off += 64) compress(h, view, off, w);

  // Padding (5.1.1): the rest, a 1 bit, zeros to 56 mod 64, then the bit length as 64 bits big-endian.
  const restLength = message.length - whole;
  const tail = new Uint8Array(restLength < 56 ? 64 : 128);
  tail.set(message.subarray(whole));
  tail[restLength] = 0x80;
  const tailView = new DataView(tail.buffer);
  const bits = message.length * 8;
  tailView.setUint32(tail.length - 8, Math.floor(bits / 0x100000000), false);
  tailView.setUint32(tail.length - 4, bits >>> 0, false);
  for (let off = 0; off < tail.length; off += 64) compress(h, tailView, off, w);

  const digest = new Uint8Array(20);
  const out = new DataView(digest.buffer);
  for (let i = 0; i < 5; i++) out.setUint32(4 * i, h[i]!, false);
  return digest;
}
