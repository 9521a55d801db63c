/**
 * Conformance, RFC 6455 §5.2 (RSV1-3), in the spirit of Autobahn's category 3: no extension is
 * ever negotiated, so a frame with any reserved bit set fails the connection with 1002, whatever
 * its opcode, and nothing of it is echoed.
 */
import { describe, it } from 'vitest';
import { encodeFrame, frame, Op } from './support/frames.js';
import { expectFailure, expectPong, expectText } from './support/expect.js';
import { useEchoServer } from './support/server.js';

const server = useEchoServer();

const bits = (rsv: number): string =>
  [rsv & 4 ? 'RSV1' : '', rsv & 2 ? 'RSV2' : '', rsv & 1 ? 'RSV3' : ''].filter((s) => s !== '').join('+');

describe('§5.2 reserved bits on a text frame', () => {
  for (let rsv = 1; rsv <= 7; rsv++) {
    it(`${bits(rsv)} on a text frame fails with 1002`, () =>
      server.withClient(async (c) => {
        await c.write(frame.text('Hello', { rsv }));
        await expectFailure(c, 1002);
      }));
  }
});

describe('§5.2 reserved bits on other frames', () => {
  const cases: [string, number, number][] = [
    ['RSV1 on a binary frame', Op.binary, 4],
    ['RSV2 on a binary frame', Op.binary, 2],
    ['RSV3 on a ping', Op.ping, 1],
    ['RSV1 on a ping', Op.ping, 4],
    ['RSV2 on a pong', Op.pong, 2],
    ['RSV3 on a close', Op.close, 1],
    ['RSV1 on an empty text frame', Op.text, 4],
  ];
  for (const [name, opcode, rsv] of cases) {
    it(`${name} fails with 1002`, () =>
      server.withClient(async (c) => {
        const payload = opcode === Op.close ? Buffer.from([0x03, 0xe8]) : name.includes('empty') ? '' : 'data';
        await c.write(encodeFrame({ opcode, payload, rsv }));
        await expectFailure(c, 1002);
      }));
  }

  it('RSV1 on a continuation frame fails with 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('a', { fin: false }), frame.continuation('b', { rsv: 4 })]);
      await expectFailure(c, 1002);
    }));

  it('a good message echoes, then RSV2 on the next one fails with 1002', () =>
    server.withClient(async (c) => {
      await c.write(frame.text('good'));
      await expectText(c, 'good');
      await c.write(frame.text('bad', { rsv: 2 }));
      await expectFailure(c, 1002);
    }));

  it('a ping is answered, then RSV3 on a text frame in the same write fails with 1002', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.ping('p'), frame.text('bad', { rsv: 1 }), frame.ping('never')]);
      await expectPong(c, 'p');
      await expectFailure(c, 1002);
    }));

  it('RSV1 after a permessage-deflate offer (not accepted) still fails with 1002', () =>
    server.withConnection(async (c) => {
      const response = await c.handshake({ extra: [['Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits']] });
      if (response.status !== 101) throw new Error(`expected 101, got ${response.statusLine}`);
      if (response.headers.has('sec-websocket-extensions')) throw new Error('the server accepted an extension it does not implement');
      await c.write(frame.text('compressed?', { rsv: 4 }));
      await expectFailure(c, 1002);
    }));
});
