/** SHA-1 (FIPS 180-4) and base64 (RFC 4648): the standard vectors, then Node's crypto as a reference. */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1 } from '../../runtime/crypto/sha1.js';
import { base64Encode, base64EncodeToString } from '../../runtime/crypto/base64.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('sha1', () => {
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'a49b2446a02c645bf419f995b67091253a04a259',
    ],
    ['The quick brown fox jumps over the lazy dog', '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12'],
  ])('digests %j', (text, digest) => {
    expect(hex(sha1(utf8(text)))).toBe(digest);
  });

  it('digests a million "a" (FIPS 180-2 long vector)', () => {
    expect(hex(sha1(new Uint8Array(1_000_000).fill(0x61)))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });

  it('agrees with node:crypto on every length around the block and padding boundaries', () => {
    const data = randomBytes(300);
    for (let n = 0; n <= 300; n++) {
      const part = data.subarray(0, n);
      expect(hex(sha1(part))).toBe(createHash('sha1').update(part).digest('hex'));
    }
  });

  it('computes the RFC 6455 Sec-WebSocket-Accept example', () => {
    const key = 'dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
    expect(base64EncodeToString(sha1(utf8(key)))).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });
});

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes the RFC 4648 vector %j', (text, encoded) => {
    expect(base64EncodeToString(utf8(text))).toBe(encoded);
  });

  it('agrees with Buffer base64 on random bytes of every small length', () => {
    for (let n = 0; n < 200; n++) {
      const data = randomBytes(n);
      expect(Buffer.from(base64Encode(data)).toString('latin1')).toBe(data.toString('base64'));
    }
  });
});
