/**
 * Conformance, RFC 6455 §5.5.2 (ping) and §5.5.3 (pong), in the spirit of Autobahn's category 2:
 * a ping is answered by a pong with exactly its payload, up to 125 bytes; a longer control frame
 * fails the connection with 1002; an unsolicited pong is ignored; pings may come between the
 * fragments of a message.
 */
import { describe, it } from 'vitest';
import { frame } from './support/frames.js';
import { expectBinary, expectFailure, expectPong, expectText } from './support/expect.js';
import { bytePattern } from './support/payloads.js';
import { useEchoServer } from './support/server.js';

const server = useEchoServer();

describe('§5.5.2 ping answered by pong', () => {
  const payloads: [string, Buffer][] = [
    ['an empty ping', Buffer.alloc(0)],
    ['a text ping', Buffer.from('Hello, ping')],
    ['a binary ping', Buffer.from([0x00, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0x00, 0xff])],
    ['a 124-byte ping', bytePattern(124)],
    ['a 125-byte ping', bytePattern(125, 5)],
  ];
  for (const [name, payload] of payloads) {
    it(`${name} is answered by a pong with the same payload`, () =>
      server.withClient(async (c) => {
        await c.write(frame.ping(payload));
        await expectPong(c, payload);
      }));
  }

  it('a ping written one byte at a time is answered', () =>
    server.withClient(async (c) => {
      await c.writeInPieces(frame.ping('slow ping'), 1);
      await expectPong(c, 'slow ping');
    }));

  it('10 pings in one write are answered by 10 pongs in order', () =>
    server.withClient(async (c) => {
      const pings = Array.from({ length: 10 }, (_, i) => `ping ${i}`);
      await c.writeJoined(pings.map((p) => frame.ping(p)));
      for (const p of pings) await expectPong(c, p);
    }));

  it('a ping after a message: the echo, then the pong', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('msg'), frame.ping('after')]);
      await expectText(c, 'msg');
      await expectPong(c, 'after');
    }));

  it('a ping with a non-minimal 16-bit length of 5 is answered', () =>
    server.withClient(async (c) => {
      await c.write(frame.ping('12345', { lengthEncoding: 16 }));
      await expectPong(c, '12345');
    }));
});

describe('§5.5 control frames over 125 bytes', () => {
  it('a 126-byte ping fails the connection with 1002', () =>
    server.withClient(async (c) => {
      await c.write(frame.ping(bytePattern(126)));
      await expectFailure(c, 1002);
    }));

  it('a ping declaring 65535 bytes fails with 1002 without waiting for the payload', () =>
    server.withClient(async (c) => {
      await c.write(frame.ping(Buffer.alloc(0), { declaredLength: 65535n, lengthEncoding: 16 }));
      await expectFailure(c, 1002);
    }));

  it('a 126-byte pong fails the connection with 1002', () =>
    server.withClient(async (c) => {
      await c.write(frame.pong(bytePattern(126)));
      await expectFailure(c, 1002);
    }));

  it('a 126-byte ping after a good ping: the pong, then 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.ping('ok'), frame.ping(bytePattern(126))]);
      await expectPong(c, 'ok');
      await expectFailure(c, 1002);
    }));
});

describe('§5.5.3 unsolicited pongs are ignored', () => {
  it('an empty unsolicited pong gets no answer, and the next message echoes', () =>
    server.withClient(async (c) => {
      await c.write(frame.pong());
      await c.expectSilence(150);
      await c.write(frame.text('still here'));
      await expectText(c, 'still here');
    }));

  it('an unsolicited pong with a payload gets no answer', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.pong('unsolicited'), frame.text('next')]);
      await expectText(c, 'next');
    }));

  it('10 unsolicited pongs then a ping: only the pong for the ping comes back', () =>
    server.withClient(async (c) => {
      await c.writeJoined([...Array.from({ length: 10 }, (_, i) => frame.pong(`p${i}`)), frame.ping('real')]);
      await expectPong(c, 'real');
      await c.expectSilence(100);
    }));
});

describe('§5.4 pings between the fragments of a message', () => {
  it('a ping between two text fragments is answered before the message', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('frag', { fin: false }), frame.ping('mid'), frame.continuation('ment')]);
      await expectPong(c, 'mid');
      await expectText(c, 'fragment');
    }));

  it('a pong between two binary fragments is ignored, the message echoes', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.binary(Buffer.from([1, 2]), { fin: false }), frame.pong('x'), frame.continuation(Buffer.from([3]))]);
      await expectBinary(c, Buffer.from([1, 2, 3]));
    }));

  it('a 125-byte ping between fragments sent in separate writes is answered at once', () =>
    server.withClient(async (c) => {
      await c.write(frame.text('one ', { fin: false }));
      await c.write(frame.ping(bytePattern(125)));
      await expectPong(c, bytePattern(125));
      await c.write(frame.continuation('two'));
      await expectText(c, 'one two');
    }));
});
