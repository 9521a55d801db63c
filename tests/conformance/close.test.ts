/**
 * Conformance, RFC 6455 §5.5.1 and §7 (the closing handshake and status codes), in the spirit of
 * Autobahn's category 7: a close is answered with the client's status code and the TCP connection
 * is closed after it, with nothing sent in between; an empty close gets an empty close; a 1-byte
 * payload, a code that may not be sent, or a reason that is not UTF-8 gets 1002.
 */
import { describe, expect, it } from 'vitest';
import { encodeFrame, frame, Op } from './support/frames.js';
import { expectCloseReply, expectEmptyCloseReply, expectFailure, expectText } from './support/expect.js';
import { asciiText, hex } from './support/payloads.js';
import { useEchoServer } from './support/server.js';

const server = useEchoServer();

describe('§7.4 valid status codes are echoed', () => {
  const codes = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999];
  for (const code of codes) {
    it(`close ${code} with a reason is answered with ${code}, then the TCP close`, () =>
      server.withClient(async (c) => {
        await c.write(frame.close(code, `reason for ${code}`));
        await expectCloseReply(c, code, `reason for ${code}`);
      }));
  }

  it('close 1000 without a reason is answered with 1000', () =>
    server.withClient(async (c) => {
      await c.write(frame.close(1000));
      await expectCloseReply(c, 1000);
    }));

  it('close 1000 with a 123-byte reason (a 125-byte payload) is answered with 1000', () =>
    server.withClient(async (c) => {
      await c.write(frame.close(1000, asciiText(123)));
      await expectCloseReply(c, 1000, asciiText(123));
    }));

  it('close 1001 with a multi-byte UTF-8 reason is answered with 1001', () =>
    server.withClient(async (c) => {
      await c.write(frame.close(1001, 'κόσμε 𝄞 bye'));
      await expectCloseReply(c, 1001, 'κόσμε 𝄞 bye');
    }));

  it('a close written one byte at a time is answered', () =>
    server.withClient(async (c) => {
      await c.writeInPieces(frame.close(3000, 'slow'), 1);
      await expectCloseReply(c, 3000, 'slow');
    }));

  it('a close after a message: the echo, then the close reply', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('last words'), frame.close(1000)]);
      await expectText(c, 'last words');
      await expectCloseReply(c, 1000);
    }));
});

describe('§5.5.1 close payloads', () => {
  it('an empty close is answered with an empty close (or 1000), then the TCP close', () =>
    server.withClient(async (c) => {
      await c.write(frame.close());
      await expectEmptyCloseReply(c);
    }));

  it('a close with a 1-byte payload fails with 1002', () =>
    server.withClient(async (c) => {
      await c.write(encodeFrame({ opcode: Op.close, payload: Buffer.from([0x03]) }));
      await expectFailure(c, 1002);
    }));

  it('a close with a 126-byte payload (too long for a control frame) fails with 1002', () =>
    server.withClient(async (c) => {
      await c.write(frame.close(1000, asciiText(124)));
      await expectFailure(c, 1002);
    }));

  const invalidCodes = [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535];
  for (const code of invalidCodes) {
    it(`close code ${code} (may not be sent) fails with 1002`, () =>
      server.withClient(async (c) => {
        await c.write(frame.close(code, 'x'));
        await expectFailure(c, 1002);
      }));
  }

  const badReasons: [string, string][] = [
    ['a lone continuation byte', '80'],
    ['a surrogate', 'eda080'],
    ['a truncated character', '48 69 e2 82'],
    ['an overlong NUL', 'c080'],
  ];
  for (const [name, bytes] of badReasons) {
    it(`close 1000 with ${name} in its reason fails with 1002`, () =>
      server.withClient(async (c) => {
        await c.write(encodeFrame({ opcode: Op.close, payload: Buffer.concat([hex('03e8'), hex(bytes)]) }));
        await expectFailure(c, 1002);
      }));
  }
});

describe('§5.5.1 nothing after the close', () => {
  it('a message after the close in the same write is not echoed', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.close(1000), frame.text('too late')]);
      await expectCloseReply(c, 1000);
    }));

  it('a ping after the close in the same write is not answered', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.close(1000), frame.ping('too late')]);
      await expectCloseReply(c, 1000);
    }));

  it('a second close is not answered', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.close(1000), frame.close(1001)]);
      await expectCloseReply(c, 1000);
    }));

  it('frames written after the reply arrived get nothing back', () =>
    server.withClient(async (c) => {
      await c.write(frame.close(1000));
      const close = await c.nextClose();
      expect(close.code).toBe(1000);
      await c.write(frame.text('anyone?'));
      await c.waitForTcpClose();
      expect(c.frames.length, 'frames received').toBe(1);
    }));

  it('after a failure (1002) nothing more is sent, even for frames already written', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.continuation('orphan'), frame.text('after'), frame.ping('after')]);
      await expectFailure(c, 1002);
      expect(c.frames.length, 'frames received').toBe(1);
    }));
});

describe('§7.1.1 the server closes the TCP connection', () => {
  it('the TCP connection ends within a second of the close reply, with a FIN', () =>
    server.withClient(async (c) => {
      await c.write(frame.close(1000));
      await c.nextClose();
      const started = Date.now();
      const end = await c.waitForTcpClose(2_000);
      expect(end).toBe('fin');
      expect(Date.now() - started).toBeLessThan(1_000);
    }));
});
