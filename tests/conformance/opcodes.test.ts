/**
 * Conformance, RFC 6455 §5.2 (opcodes), in the spirit of Autobahn's category 4: the reserved
 * non-control opcodes 3-7 and control opcodes 11-15 fail the connection with 1002, empty or not,
 * alone or after good frames.
 */
import { describe, it } from 'vitest';
import { encodeFrame, frame } from './support/frames.js';
import { expectFailure, expectPong, expectText } from './support/expect.js';
import { useEchoServer } from './support/server.js';

const server = useEchoServer();

const reserved = [3, 4, 5, 6, 7, 11, 12, 13, 14, 15];

describe('§5.2 reserved opcodes', () => {
  for (const opcode of reserved) {
    it(`opcode ${opcode} with an empty payload fails with 1002`, () =>
      server.withClient(async (c) => {
        await c.write(encodeFrame({ opcode }));
        await expectFailure(c, 1002);
      }));
    it(`opcode ${opcode} with a payload fails with 1002`, () =>
      server.withClient(async (c) => {
        await c.write(encodeFrame({ opcode, payload: 'reserved opcode payload' }));
        await expectFailure(c, 1002);
      }));
  }
});

describe('§5.2 reserved opcodes after good frames', () => {
  it('opcode 3 after a text message: the echo, then 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('fine'), encodeFrame({ opcode: 3, payload: 'x' })]);
      await expectText(c, 'fine');
      await expectFailure(c, 1002);
    }));

  it('opcode 11 after a ping: the pong, then 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.ping('p'), encodeFrame({ opcode: 11 })]);
      await expectPong(c, 'p');
      await expectFailure(c, 1002);
    }));

  it('opcode 7 between the fragments of a message fails with 1002 and echoes nothing', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('a', { fin: false }), encodeFrame({ opcode: 7, payload: 'b' }), frame.continuation('c')]);
      await expectFailure(c, 1002);
    }));

  it('opcode 15 with FIN clear fails with 1002', () =>
    server.withClient(async (c) => {
      await c.write(encodeFrame({ opcode: 15, fin: false, payload: 'x' }));
      await expectFailure(c, 1002);
    }));
});
