/**
 * Conformance, RFC 6455 §5.2 (base framing), §5.3 (masking) and §5.6 (data frames), in the spirit
 * of Autobahn's category 1: every payload length at the 7/16/64-bit boundaries echoes exactly,
 * whatever TCP does to the bytes (one-byte writes, frames split across writes, many frames in one
 * write), and an unmasked client frame fails the connection with 1002.
 */
import { describe, it } from 'vitest';
import { encodeFrame, frame, Op } from './support/frames.js';
import { upgradeRequest } from './support/handshake.js';
import { expectBinary, expectEcho, expectFailure, expectPong, expectText } from './support/expect.js';
import { asciiText, bytePattern } from './support/payloads.js';
import { useEchoServer } from './support/server.js';

const server = useEchoServer();

describe('§5.2 payload lengths (7, 16 and 64-bit encodings)', () => {
  const lengths = [0, 1, 125, 126, 127, 128, 65535, 65536];
  for (const n of lengths) {
    it(`text message of ${n} bytes echoes exactly`, () =>
      server.withClient(async (c) => {
        const text = asciiText(n);
        await c.write(frame.text(text));
        await expectText(c, text);
      }));
    it(`binary message of ${n} bytes echoes exactly`, () =>
      server.withClient(async (c) => {
        const data = bytePattern(n, n);
        await c.write(frame.binary(data));
        await expectBinary(c, data);
      }));
  }

  it('binary message of 1 MiB echoes exactly', () =>
    server.withClient(async (c) => {
      const data = bytePattern(1 << 20, 7);
      await c.write(frame.binary(data));
      await expectBinary(c, data, 20_000);
    }), 30_000);

  it('text message of 1 MiB echoes exactly', () =>
    server.withClient(async (c) => {
      const text = asciiText(1 << 20);
      await c.write(frame.text(text));
      await expectText(c, text, 20_000);
    }), 30_000);

  it('the server uses the 16-bit length for 126 bytes and the 64-bit one for 65536', () =>
    server.withClient(async (c) => {
      await c.write(frame.binary(bytePattern(126)));
      const f126 = await c.nextFrame();
      await c.write(frame.binary(bytePattern(65536)));
      const f64k = await c.nextFrame();
      if (f126.raw[1] !== 126 || f126.raw.length !== 4 + 126) throw new Error(`126 bytes not sent with a 16-bit length: ${f126.raw.subarray(0, 4).toString('hex')}`);
      if (f64k.raw[1] !== 127 || f64k.raw.length !== 10 + 65536) throw new Error(`65536 bytes not sent with a 64-bit length: ${f64k.raw.subarray(0, 10).toString('hex')}`);
    }));

  const nonMinimal: [number, 16 | 64][] = [
    [0, 16],
    [5, 16],
    [125, 16],
    [0, 64],
    [5, 64],
    [200, 64],
  ];
  for (const [n, encoding] of nonMinimal) {
    it(`a ${n}-byte message with a non-minimal ${encoding}-bit length echoes exactly`, () =>
      server.withClient(async (c) => {
        const data = bytePattern(n, 3);
        await c.write(frame.binary(data, { lengthEncoding: encoding }));
        await expectBinary(c, data);
      }));
  }
});

describe('§5.2 frames split across TCP segments', () => {
  it('a short text frame written one byte at a time echoes', () =>
    server.withClient(async (c) => {
      await c.writeInPieces(frame.text('Hello, split world'), 1);
      await expectText(c, 'Hello, split world');
    }));

  it('a 300-byte frame (16-bit length) written one byte at a time echoes', () =>
    server.withClient(async (c) => {
      const data = bytePattern(300, 1);
      await c.writeInPieces(frame.binary(data), 1, 0);
      await expectBinary(c, data);
    }));

  it('a 70000-byte frame (64-bit length) with its header written one byte at a time echoes', () =>
    server.withClient(async (c) => {
      const data = bytePattern(70000, 9);
      await c.writeInPieces(frame.binary(data), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4096, 10000]);
      await expectBinary(c, data);
    }));

  it('a frame split between its length and its masking key echoes', () =>
    server.withClient(async (c) => {
      await c.writeInPieces(frame.text('mask later'), [2, 4]);
      await expectText(c, 'mask later');
    }));

  it('a frame split inside its 16-bit extended length echoes', () =>
    server.withClient(async (c) => {
      const text = asciiText(1000);
      await c.writeInPieces(frame.text(text), [3, 5, 100]);
      await expectText(c, text);
    }));

  it('two frames written as 1.5 + 0.5 frames both echo', () =>
    server.withClient(async (c) => {
      const joined = Buffer.concat([frame.text('first'), frame.text('second')]);
      await c.writeInPieces(joined, [frame.text('first').length + 3], 20);
      await expectText(c, 'first');
      await expectText(c, 'second');
    }));
});

describe('§5.2 many frames in one TCP write', () => {
  it('10 text frames in one write echo in order', () =>
    server.withClient(async (c) => {
      const texts = Array.from({ length: 10 }, (_, i) => `message ${i}`);
      await c.writeJoined(texts.map((t) => frame.text(t)));
      for (const t of texts) await expectText(c, t);
    }));

  it('200 small binary frames in one write echo in order', () =>
    server.withClient(async (c) => {
      const datas = Array.from({ length: 200 }, (_, i) => bytePattern(i % 30, i));
      await c.writeJoined(datas.map((d) => frame.binary(d)));
      for (const d of datas) await expectBinary(c, d);
    }));

  it('text, ping, binary and a long frame in one write answer in order', () =>
    server.withClient(async (c) => {
      const long = bytePattern(5000);
      await c.writeJoined([frame.text('a'), frame.ping('p'), frame.binary(Buffer.from([1, 2, 3])), frame.binary(long)]);
      await expectText(c, 'a');
      await expectPong(c, 'p');
      await expectBinary(c, Buffer.from([1, 2, 3]));
      await expectBinary(c, long);
    }));

  it('frames larger than the read buffer back to back in one write echo', () =>
    server.withClient(async (c) => {
      const a = bytePattern(20000, 1);
      const b = bytePattern(40000, 2);
      const d = bytePattern(70000, 3);
      await c.writeJoined([frame.binary(a), frame.binary(b), frame.binary(d), frame.text('end')]);
      await expectBinary(c, a);
      await expectBinary(c, b);
      await expectBinary(c, d);
      await expectText(c, 'end');
    }));

  it('the opening handshake and the first frames in one write are all answered', () =>
    server.withConnection(async (c) => {
      await c.writeJoined([Buffer.from(upgradeRequest()), frame.text('eager'), frame.binary(bytePattern(300))]);
      const response = await c.readResponse();
      if (response.status !== 101) throw new Error(`expected 101, got ${response.statusLine}`);
      await expectText(c, 'eager');
      await expectBinary(c, bytePattern(300));
    }));
});

describe('§5.3 masking', () => {
  it('an all-zero masking key is still a masked frame and echoes', () =>
    server.withClient(async (c) => {
      await c.write(frame.text('zero key', { mask: Buffer.from([0, 0, 0, 0]) }));
      await expectText(c, 'zero key');
    }));

  it('an all-ones masking key echoes', () =>
    server.withClient(async (c) => {
      const data = bytePattern(257);
      await c.write(frame.binary(data, { mask: Buffer.from([0xff, 0xff, 0xff, 0xff]) }));
      await expectBinary(c, data);
    }));

  it('every frame may use a different key', () =>
    server.withClient(async (c) => {
      for (let i = 0; i < 5; i++) await c.write(frame.text(`key ${i}`, { mask: Buffer.from([i, i * 3, i * 7, 0x80 | i]) }));
      for (let i = 0; i < 5; i++) await expectText(c, `key ${i}`);
    }));

  const unmasked: [string, number, string][] = [
    ['text', Op.text, 'hi'],
    ['binary', Op.binary, 'hi'],
    ['empty text', Op.text, ''],
    ['ping', Op.ping, 'p'],
    ['pong', Op.pong, 'p'],
  ];
  for (const [name, opcode, payload] of unmasked) {
    it(`an unmasked ${name} frame fails the connection with 1002`, () =>
      server.withClient(async (c) => {
        await c.write(encodeFrame({ opcode, payload, mask: false }));
        await expectFailure(c, 1002);
      }));
  }

  it('an unmasked close frame fails the connection with 1002', () =>
    server.withClient(async (c) => {
      await c.write(frame.close(1000, '', { mask: false }));
      await expectFailure(c, 1002);
    }));

  it('an unmasked frame after a good one: the good one echoes, then 1002', () =>
    server.withClient(async (c) => {
      await c.write(frame.text('good'));
      await expectText(c, 'good');
      await c.write(frame.text('bad', { mask: false }));
      await expectFailure(c, 1002);
    }));

  it('an unmasked continuation inside a fragmented message fails with 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('part', { fin: false }), frame.continuation('rest', { mask: false })]);
      await expectFailure(c, 1002);
    }));

  it('a masked frame echoes with an unmasked reply (no MASK bit from the server)', () =>
    server.withClient(async (c) => {
      await c.write(encodeFrame({ opcode: Op.binary, payload: Buffer.from('xyz') }));
      await expectEcho(c, Op.binary, 'xyz');
    }));
});

describe('§5.2 echo latency: a frame is not stalled between its header and its payload', () => {
  // Header and payload in separate writes make the payload wait for the client's delayed ACK of
  // the header (Nagle, RFC 896 / RFC 1122 §4.2.3.2): about 40 ms for every message.
  for (const n of [5, 126, 1000]) {
    it(`the median of 9 echoes of ${n} bytes, one after another, is under 20 ms`, () =>
      server.withClient(async (c) => {
        const times: number[] = [];
        for (let i = 0; i < 9; i++) {
          const data = bytePattern(n, i);
          const started = performance.now();
          await c.write(frame.binary(data));
          await expectBinary(c, data);
          times.push(performance.now() - started);
        }
        const median = [...times].sort((a, b) => a - b)[4]!;
        if (median >= 20) throw new Error(`median echo time ${median.toFixed(1)} ms (all: ${times.map((t) => t.toFixed(1)).join(', ')})`);
      }));
  }
});
