/**
 * Conformance, RFC 6455 §7.1.7 and §10 (robustness): a client that vanishes at any point (in the
 * handshake, in a frame header, in a payload, in a fragmented or large message, by FIN or by reset)
 * never takes the server down; the next connection is served. Each case ends by checking that.
 */
import { describe, expect, it } from 'vitest';
import { frame } from './support/frames.js';
import { expectBinary, expectText } from './support/expect.js';
import { upgradeRequest } from './support/handshake.js';
import { RawClient } from './support/rawClient.js';
import { bytePattern } from './support/payloads.js';
import { useEchoServer } from './support/server.js';

const server = useEchoServer();

/** A fresh connection completes the handshake and echoes a message. */
async function nextClientIsServed(): Promise<void> {
  await server.withClient(async (c) => {
    await c.write(frame.text('next client'));
    await expectText(c, 'next client');
  });
}

/** Opens a connection, lets `act` do its damage, drops it (destroy or reset), then checks the next client. */
function vanish(name: string, act: (c: RawClient) => Promise<void>, how: 'destroy' | 'reset' = 'destroy'): void {
  it(`${name}, then the next client is served`, async () => {
    const c = await server.connect();
    try {
      await act(c);
      await new Promise((r) => setTimeout(r, 30));
    } finally {
      if (how === 'reset') c.reset();
      else c.destroy();
    }
    await nextClientIsServed();
  });
}

const handshaken = async (c: RawClient): Promise<void> => {
  const response = await c.handshake();
  expect(response.status).toBe(101);
};

describe('§7.1.7 clients that vanish during the opening handshake', () => {
  vanish('a client connects and closes without a byte', async () => {});
  vanish('a client sends half a request line and vanishes', (c) => c.write('GET / HT'));
  vanish('a client sends all headers but the blank line and vanishes', (c) => c.write(upgradeRequest().slice(0, -2)));
  vanish('a client sends half a request and resets', (c) => c.write(upgradeRequest().slice(0, 40)), 'reset');
  vanish('a client sends a request and vanishes before reading the 101', (c) => c.write(upgradeRequest()));
  vanish('a client sends 8 KiB of garbage and vanishes', (c) => c.write(Buffer.alloc(8192, 0x41)));
});

describe('§7.1.7 clients that vanish in the middle of a frame', () => {
  vanish('a client sends 1 byte of a frame header', async (c) => {
    await handshaken(c);
    await c.write(frame.text('x').subarray(0, 1));
  });
  vanish('a client sends half of a 16-bit extended length', async (c) => {
    await handshaken(c);
    await c.write(frame.binary(bytePattern(300)).subarray(0, 3));
  });
  vanish('a client sends half of a 64-bit extended length', async (c) => {
    await handshaken(c);
    await c.write(frame.binary(bytePattern(70000)).subarray(0, 6));
  });
  vanish('a client sends half of a masking key', async (c) => {
    await handshaken(c);
    await c.write(frame.text('hello').subarray(0, 4));
  });
  vanish('a client sends half of a payload', async (c) => {
    await handshaken(c);
    await c.write(frame.text('hello world').subarray(0, 10));
  });
  vanish('a client sends half of a 1 MiB payload', async (c) => {
    await handshaken(c);
    await c.write(frame.binary(bytePattern(1 << 20)).subarray(0, 1 << 19));
  });
  vanish(
    'a client resets in the middle of a payload',
    async (c) => {
      await handshaken(c);
      await c.write(frame.binary(bytePattern(5000)).subarray(0, 2000));
    },
    'reset',
  );
  vanish('a client sends half of a ping', async (c) => {
    await handshaken(c);
    await c.write(frame.ping('ping payload').subarray(0, 8));
  });
});

describe('§7.1.7 clients that vanish in the middle of a message', () => {
  vanish('a client sends the first fragment of a text message', async (c) => {
    await handshaken(c);
    await c.write(frame.text('first part', { fin: false }));
  });
  vanish('a client sends 200 KiB of a fragmented message (in its own region)', async (c) => {
    await handshaken(c);
    await c.writeJoined([frame.binary(bytePattern(100_000), { fin: false }), frame.continuation(bytePattern(100_000), { fin: false })]);
  });
  vanish('a client sends 3 MiB of a 4 MiB message and resets', async (c) => {
    await handshaken(c);
    await c.write(frame.binary(bytePattern(4 << 20)).subarray(0, 3 << 20));
  }, 'reset');
});

describe('§7.1.7 clients that stop reading or stop writing', () => {
  vanish('a client sends a 2 MiB message and vanishes without reading the echo', async (c) => {
    await handshaken(c);
    await c.write(frame.binary(bytePattern(2 << 20)));
  });
  vanish('a client sends 50 messages and resets without reading an echo', async (c) => {
    await handshaken(c);
    await c.writeJoined(Array.from({ length: 50 }, (_, i) => frame.binary(bytePattern(20_000, i))));
  }, 'reset');

  it('a client half-closes (FIN) after a message: the echo arrives, then the server closes', async () => {
    const c = await server.open();
    try {
      await c.write(frame.binary(Buffer.from([1, 2, 3])));
      c.endWriting();
      await expectBinary(c, Buffer.from([1, 2, 3]));
      await c.waitForTcpClose();
    } finally {
      c.destroy();
    }
    await nextClientIsServed();
  });

  it('three clients queue up while one is served: each is served in turn', async () => {
    const clients = await Promise.all([server.connect(), server.connect(), server.connect()]);
    try {
      for (const [i, c] of clients.entries()) {
        const response = await c.handshake();
        expect(response.status).toBe(101);
        await c.write(frame.text(`client ${i}`));
        await expectText(c, `client ${i}`);
        await c.write(frame.close(1000));
        await c.nextClose();
        await c.waitForTcpClose();
      }
    } finally {
      for (const c of clients) c.destroy();
    }
  });
});
