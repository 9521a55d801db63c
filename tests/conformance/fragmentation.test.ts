/**
 * Conformance, RFC 6455 §5.4 (fragmentation), in the spirit of Autobahn's category 5: a message in
 * any number of fragments (empty ones included) is echoed as one message; control frames may come
 * between fragments but may not themselves be fragmented; a continuation with no message started,
 * or a new message started inside one, fails the connection with 1002.
 */
import { describe, it } from 'vitest';
import { frame, Op, type FrameSpec } from './support/frames.js';
import { expectBinary, expectCloseReply, expectEcho, expectFailure, expectPong, expectText } from './support/expect.js';
import { asciiText, bytePattern, splitInto } from './support/payloads.js';
import { useEchoServer } from './support/server.js';

const server = useEchoServer();

/** The frames of a message cut into the given pieces: a first frame of `opcode`, then continuations. */
function fragments(opcode: number, pieces: readonly Buffer[], more: Partial<FrameSpec> = {}): Buffer[] {
  return pieces.map((p, i) => {
    const fin = i === pieces.length - 1;
    return i === 0 ? (opcode === Op.text ? frame.text(p, { fin, ...more }) : frame.binary(p, { fin, ...more })) : frame.continuation(p, { fin, ...more });
  });
}

describe('§5.4 messages in several fragments', () => {
  for (const n of [2, 3, 10, 100]) {
    it(`a text message in ${n} fragments echoes as one message`, () =>
      server.withClient(async (c) => {
        const text = Buffer.from(asciiText(1000));
        await c.writeJoined(fragments(Op.text, splitInto(text, n)));
        await expectText(c, text);
      }));
  }
  for (const n of [2, 5, 64]) {
    it(`a binary message in ${n} fragments echoes as one message`, () =>
      server.withClient(async (c) => {
        const data = bytePattern(3000, n);
        await c.writeJoined(fragments(Op.binary, splitInto(data, n)));
        await expectBinary(c, data);
      }));
  }

  it('fragments sent in separate writes, with pauses, echo as one message', () =>
    server.withClient(async (c) => {
      const pieces = ['Hello', ', ', 'fragmented ', 'world'].map((s) => Buffer.from(s));
      for (const f of fragments(Op.text, pieces)) {
        await c.write(f);
        await new Promise((r) => setTimeout(r, 15));
      }
      await expectText(c, 'Hello, fragmented world');
    }));

  it('a fragmented message written one byte at a time echoes', () =>
    server.withClient(async (c) => {
      const pieces = ['abc', 'def', 'ghi'].map((s) => Buffer.from(s));
      await c.writeInPieces(Buffer.concat(fragments(Op.text, pieces)), 1, 0);
      await expectText(c, 'abcdefghi');
    }));

  it('a fragmented message growing past 64 KiB (its own region) echoes', () =>
    server.withClient(async (c) => {
      const data = bytePattern(200_000, 4);
      await c.writeJoined(fragments(Op.binary, splitInto(data, 7)));
      await expectBinary(c, data);
    }));

  it('a message of large fragments (3 x 100 KiB) echoes', () =>
    server.withClient(async (c) => {
      const data = bytePattern(300 * 1024, 6);
      await c.writeJoined(fragments(Op.binary, splitInto(data, 3)));
      await expectBinary(c, data, 10_000);
    }));

  it('two fragmented messages in a row echo as two messages', () =>
    server.withClient(async (c) => {
      await c.writeJoined([
        ...fragments(Op.text, ['one', '-', 'first'].map((s) => Buffer.from(s))),
        ...fragments(Op.binary, [Buffer.from([9]), Buffer.from([8, 7])]),
      ]);
      await expectText(c, 'one-first');
      await expectBinary(c, Buffer.from([9, 8, 7]));
    }));

  it('a fragmented message, then an unfragmented one, echo in order', () =>
    server.withClient(async (c) => {
      await c.writeJoined([...fragments(Op.text, [Buffer.from('frag'), Buffer.from('mented')]), frame.text('whole')]);
      await expectText(c, 'fragmented');
      await expectText(c, 'whole');
    }));
});

describe('§5.4 empty fragments', () => {
  const cases: [string, string[]][] = [
    ['an empty first fragment', ['', 'abc', 'def']],
    ['an empty middle fragment', ['abc', '', 'def']],
    ['an empty last fragment', ['abc', 'def', '']],
    ['all fragments empty', ['', '', '']],
  ];
  for (const [name, pieces] of cases) {
    it(`text with ${name} echoes ${JSON.stringify(pieces.join(''))}`, () =>
      server.withClient(async (c) => {
        await c.writeJoined(fragments(Op.text, pieces.map((s) => Buffer.from(s))));
        await expectText(c, pieces.join(''));
      }));
  }
  it('binary with all fragments empty echoes an empty binary message', () =>
    server.withClient(async (c) => {
      await c.writeJoined(fragments(Op.binary, [Buffer.alloc(0), Buffer.alloc(0)]));
      await expectBinary(c, Buffer.alloc(0));
    }));
});

describe('§5.4 control frames between fragments', () => {
  it('pings between every fragment are answered in order, then the message', () =>
    server.withClient(async (c) => {
      await c.writeJoined([
        frame.text('a', { fin: false }),
        frame.ping('1'),
        frame.continuation('b', { fin: false }),
        frame.ping('2'),
        frame.ping('3'),
        frame.continuation('c'),
      ]);
      await expectPong(c, '1');
      await expectPong(c, '2');
      await expectPong(c, '3');
      await expectText(c, 'abc');
    }));

  it('a close between fragments ends the connection: the close reply, no message', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('never ', { fin: false }), frame.close(1000), frame.continuation('echoed')]);
      await expectCloseReply(c, 1000);
    }));

  it('a ping between fragments of a message larger than 64 KiB is answered', () =>
    server.withClient(async (c) => {
      const data = bytePattern(100_000, 2);
      const [a, b] = splitInto(data, 2);
      await c.writeJoined([frame.binary(a!, { fin: false }), frame.ping('big'), frame.continuation(b!)]);
      await expectPong(c, 'big');
      await expectBinary(c, data);
    }));
});

describe('§5.4 fragmentation errors', () => {
  it('a continuation (FIN set) with no message started fails with 1002', () =>
    server.withClient(async (c) => {
      await c.write(frame.continuation('orphan'));
      await expectFailure(c, 1002);
    }));

  it('a continuation (FIN clear) with no message started fails with 1002', () =>
    server.withClient(async (c) => {
      await c.write(frame.continuation('orphan', { fin: false }));
      await expectFailure(c, 1002);
    }));

  it('a continuation right after a complete message fails with 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('done'), frame.continuation('late')]);
      await expectText(c, 'done');
      await expectFailure(c, 1002);
    }));

  it('a text frame starting a new message inside a text message fails with 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('first', { fin: false }), frame.text('second')]);
      await expectFailure(c, 1002);
    }));

  it('a binary frame starting a new message inside a text message fails with 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('first', { fin: false }), frame.binary('second', { fin: false })]);
      await expectFailure(c, 1002);
    }));

  it('a text frame starting a new message inside a binary message fails with 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.binary('first', { fin: false }), frame.continuation('more', { fin: false }), frame.text('x')]);
      await expectFailure(c, 1002);
    }));

  const controls: [string, number][] = [
    ['ping', Op.ping],
    ['pong', Op.pong],
    ['close', Op.close],
  ];
  for (const [name, opcode] of controls) {
    it(`a fragmented ${name} (FIN clear) fails with 1002`, () =>
      server.withClient(async (c) => {
        const payload = opcode === Op.close ? Buffer.from([0x03, 0xe8]) : Buffer.from('frag');
        await c.writeJoined([frame.text('x', { opcode, payload, fin: false }), frame.continuation('rest')]);
        await expectFailure(c, 1002);
      }));
  }

  it('a fragmented ping inside a fragmented text message fails with 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('a', { fin: false }), frame.ping('p', { fin: false }), frame.continuation('b')]);
      await expectFailure(c, 1002);
    }));

  it('a fragmented message then an orphan continuation: the echo, then 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([...fragments(Op.binary, [Buffer.from([1]), Buffer.from([2])]), frame.continuation(Buffer.from([3]))]);
      await expectEcho(c, Op.binary, Buffer.from([1, 2]));
      await expectFailure(c, 1002);
    }));
});
