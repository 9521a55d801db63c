/**
 * Conformance, RFC 6455 §10.4 and §7.4.1 (1009, message too big), in the spirit of Autobahn's
 * categories 9 (limits): a 16 MiB message, the server's limit, echoes exactly, whole or in
 * fragments; a frame or a fragmented message beyond it fails with 1009 as soon as its header says
 * so, without the server allocating it (its resident memory stays small); a 64-bit length with
 * the most significant bit set is a protocol error (1002).
 */
import { describe, expect, it } from 'vitest';
import { frame } from './support/frames.js';
import { expectBinary, expectFailure, expectText } from './support/expect.js';
import { asciiText, bytePattern, splitInto } from './support/payloads.js';
import { rssBytes, useEchoServer } from './support/server.js';

const server = useEchoServer();

const MiB = 1024 * 1024;
const LIMIT = 16 * MiB;

/** A header declaring `length` bytes, with the masking key and no payload. */
const declaring = (length: bigint, opcode = 'binary' as 'binary' | 'text', fin = true): Buffer =>
  frame[opcode](Buffer.alloc(0), { declaredLength: length, lengthEncoding: 64, fin });

describe('§7.4.1 frames declaring more than 16 MiB fail with 1009 without being allocated', () => {
  let rssBefore = 0;

  it('warm-up: a few messages echo (and the resident size is measured)', async () => {
    for (let i = 0; i < 5; i++) {
      await server.withClient(async (c) => {
        await c.write(frame.binary(bytePattern(10_000, i)));
        await expectBinary(c, bytePattern(10_000, i));
      });
    }
    rssBefore = rssBytes(server.pid());
    expect(rssBefore).toBeGreaterThan(0);
  });

  const lengths: [string, bigint][] = [
    ['16 MiB + 1 bytes', BigInt(LIMIT + 1)],
    ['32 MiB', BigInt(32 * MiB)],
    ['1 GiB', 1n << 30n],
    ['4 GiB + 5 (beyond 32 bits)', (1n << 32n) + 5n],
    ['2^63 - 1 bytes', (1n << 63n) - 1n],
  ];
  for (const [name, length] of lengths) {
    it(`a binary frame declaring ${name} fails with 1009`, () =>
      server.withClient(async (c) => {
        await c.write(declaring(length));
        await expectFailure(c, 1009);
      }));
  }

  it('a text frame declaring 16 MiB + 1 bytes fails with 1009', () =>
    server.withClient(async (c) => {
      await c.write(declaring(BigInt(LIMIT + 1), 'text'));
      await expectFailure(c, 1009);
    }));

  it('a first fragment declaring 1 GiB fails with 1009', () =>
    server.withClient(async (c) => {
      await c.write(declaring(1n << 30n, 'binary', false));
      await expectFailure(c, 1009);
    }));

  it('a continuation that would take the message past 16 MiB fails with 1009', () =>
    server.withClient(async (c) => {
      await c.write(frame.binary(bytePattern(1000), { fin: false }));
      await c.write(frame.continuation(Buffer.alloc(0), { declaredLength: BigInt(LIMIT - 999), lengthEncoding: 64 }));
      await expectFailure(c, 1009);
    }));

  it('after all of these the server resident size grew by less than 8 MiB', () => {
    const rssAfter = rssBytes(server.pid());
    expect(rssAfter - rssBefore, `RSS ${rssBefore} -> ${rssAfter}`).toBeLessThan(8 * MiB);
  });

  it('a 64-bit length with its most significant bit set fails with 1002 (§5.2)', () =>
    server.withClient(async (c) => {
      await c.write(declaring(1n << 63n));
      await expectFailure(c, 1002);
    }));
});

describe('§10.4 messages up to the limit echo exactly', () => {
  it('a 16 MiB binary message in one frame echoes exactly', () =>
    server.withClient(async (c) => {
      const data = bytePattern(LIMIT, 11);
      await c.write(frame.binary(data));
      await expectBinary(c, data, 60_000);
    }), 90_000);

  it('a 16 MiB text message in 4 fragments echoes exactly', () =>
    server.withClient(async (c) => {
      const text = Buffer.from(asciiText(LIMIT));
      const pieces = splitInto(text, 4);
      await c.writeJoined(pieces.map((p, i) => (i === 0 ? frame.text(p, { fin: false }) : frame.continuation(p, { fin: i === 3 }))));
      await expectText(c, text, 60_000);
    }), 90_000);

  it('a 16 MiB message in 4 fragments plus one more byte fails with 1009', () =>
    server.withClient(async (c) => {
      const pieces = splitInto(bytePattern(LIMIT, 1), 4);
      await c.writeJoined(pieces.map((p, i) => (i === 0 ? frame.binary(p, { fin: false }) : frame.continuation(p, { fin: false }))));
      await c.write(frame.continuation(Buffer.from([1])));
      await expectFailure(c, 1009, 60_000);
    }), 90_000);

  it('after the 16 MiB messages a small message still echoes', () =>
    server.withClient(async (c) => {
      await c.write(frame.text('small again'));
      await expectText(c, 'small again');
    }));
});
