/**
 * Conformance, RFC 6455 §4.1-§4.4 (the opening handshake): the accept key is computed as §4.2.2
 * says (the RFC's own example included); header names and token values are matched without regard
 * to case; the request may come in many tiny writes; a request that is not a WebSocket upgrade
 * gets HTTP 400, a version other than 13 gets 426 with `Sec-WebSocket-Version: 13`, headers over
 * 8 KiB get 431 (or 400), and the server closes the connection after any refusal.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { frame } from './support/frames.js';
import { expectRefusal, expectText } from './support/expect.js';
import { acceptFor, RFC_EXAMPLE_ACCEPT, RFC_EXAMPLE_KEY, upgradeRequest, type HttpResponse, type RequestSpec } from './support/handshake.js';
import type { RawClient } from './support/rawClient.js';
import { useEchoServer } from './support/server.js';

const server = useEchoServer();

/** The response is a 101 whose accept value matches `key`; then a message echoes on the connection. */
async function expectAccepted(c: RawClient, response: HttpResponse, key = RFC_EXAMPLE_KEY): Promise<void> {
  expect(response.status, response.head).toBe(101);
  expect(response.headers.get('sec-websocket-accept')).toBe(acceptFor(key));
  expect(response.headers.get('upgrade')?.toLowerCase()).toBe('websocket');
  expect(response.headers.get('connection')?.toLowerCase()).toBe('upgrade');
  await c.write(frame.text('after the handshake'));
  await expectText(c, 'after the handshake');
}

const accepted = (name: string, request: RequestSpec): void => {
  it(name, () =>
    server.withConnection(async (c) => {
      await expectAccepted(c, await c.handshake(request), request.key);
    }));
};

const refused = (name: string, request: RequestSpec, status: number | readonly number[]): void => {
  it(name, () =>
    server.withConnection(async (c) => {
      await expectRefusal(c, await c.handshake(request), status);
    }));
};

describe('§4.2.2 the accept key', () => {
  it("the test client's own accept computation gives the RFC's value", () => {
    expect(acceptFor(RFC_EXAMPLE_KEY)).toBe(RFC_EXAMPLE_ACCEPT);
  });

  it(`the RFC's example key ${RFC_EXAMPLE_KEY} is answered with ${RFC_EXAMPLE_ACCEPT}`, () =>
    server.withConnection(async (c) => {
      const response = await c.handshake({ key: RFC_EXAMPLE_KEY });
      expect(response.statusLine).toMatch(/^HTTP\/1\.1 101 /);
      expect(response.headers.get('sec-websocket-accept')).toBe(RFC_EXAMPLE_ACCEPT);
    }));

  for (let i = 0; i < 3; i++) {
    const key = randomBytes(16).toString('base64');
    accepted(`a random key (${key}) is answered with base64(SHA-1(key + GUID))`, { key });
  }

  accepted('a key of 22 + characters and slashes (+/+/…==) is accepted', { key: '+/+/+/+/+/+/+/+/+/+/+w==' });

  it('the 101 response offers no extension or subprotocol that was not asked for', () =>
    server.withConnection(async (c) => {
      const response = await c.handshake();
      expect(response.status).toBe(101);
      expect(response.headers.has('sec-websocket-extensions')).toBe(false);
      expect(response.headers.has('sec-websocket-protocol')).toBe(false);
    }));
});

describe('§4.2.1 header names and tokens without regard to case', () => {
  accepted('lower-case header names', {
    rawHeaders: [
      ['host', 'localhost'],
      ['upgrade', 'websocket'],
      ['connection', 'Upgrade'],
      ['sec-websocket-key', RFC_EXAMPLE_KEY],
      ['sec-websocket-version', '13'],
    ],
  });
  accepted('upper-case header names', {
    rawHeaders: [
      ['HOST', 'localhost'],
      ['UPGRADE', 'websocket'],
      ['CONNECTION', 'Upgrade'],
      ['SEC-WEBSOCKET-KEY', RFC_EXAMPLE_KEY],
      ['SEC-WEBSOCKET-VERSION', '13'],
    ],
  });
  accepted('mixed-case header names (sEc-WeBsOcKeT-kEy)', {
    rawHeaders: [
      ['hOsT', 'localhost'],
      ['uPgRaDe', 'websocket'],
      ['cOnNeCtIoN', 'Upgrade'],
      ['sEc-WeBsOcKeT-kEy', RFC_EXAMPLE_KEY],
      ['sEc-WeBsOcKeT-vErSiOn', '13'],
    ],
  });
  accepted('Upgrade: WebSocket and Connection: upgrade (token values in any case)', { override: { Upgrade: 'WebSocket', Connection: 'upgrade' } });
  accepted('Upgrade: WEBSOCKET and Connection: UPGRADE', { override: { Upgrade: 'WEBSOCKET', Connection: 'UPGRADE' } });
  accepted('Connection: keep-alive, Upgrade (a token list, as Firefox sends)', { override: { Connection: 'keep-alive, Upgrade' } });
  accepted('Connection: Upgrade, keep-alive', { override: { Connection: 'Upgrade, keep-alive' } });
  accepted('Connection:keep-alive,Upgrade without spaces', { override: { Connection: 'keep-alive,Upgrade' } });
  accepted('Upgrade: websocket, h2c (a multi-token Upgrade)', { override: { Upgrade: 'websocket, h2c' } });
  accepted('header values with extra spaces around them', { override: { Upgrade: '   websocket   ', 'Sec-WebSocket-Version': '  13 ' } });
  accepted('extra headers (Origin, User-Agent, Sec-WebSocket-Protocol, Cookie)', {
    extra: [
      ['Origin', 'http://localhost'],
      ['User-Agent', 'conformance/1.0'],
      ['Sec-WebSocket-Protocol', 'chat, superchat'],
      ['Cookie', 'a=b; c=d'],
    ],
  });
  accepted('a path with a query (/chat?room=1)', { path: '/chat?room=1' });
  accepted('headers of nearly 7 KiB in total', { extra: Array.from({ length: 70 }, (_, i) => [`X-Filler-${i}`, 'x'.repeat(85)] as const) });
});

describe('§4.1 the request in pieces', () => {
  it('a request written one byte at a time is answered with 101', () =>
    server.withConnection(async (c) => {
      await c.writeInPieces(upgradeRequest(), 1, 0);
      await expectAccepted(c, await c.readResponse());
    }));

  it('a request written in 5-byte pieces with 2 ms pauses is answered with 101', () =>
    server.withConnection(async (c) => {
      await c.writeInPieces(upgradeRequest(), 5, 2);
      await expectAccepted(c, await c.readResponse());
    }));

  it('a request split inside the blank line (CR LF CR | LF) is answered with 101', () =>
    server.withConnection(async (c) => {
      const request = upgradeRequest();
      await c.writeInPieces(request, [request.length - 1], 30);
      await expectAccepted(c, await c.readResponse());
    }));

  it('a request split between CR and LF of every line is answered with 101', () =>
    server.withConnection(async (c) => {
      const request = upgradeRequest();
      const cuts: number[] = [];
      let last = 0;
      for (let i = request.indexOf('\r'); i >= 0; i = request.indexOf('\r', i + 1)) {
        cuts.push(i + 1 - last);
        last = i + 1;
      }
      await c.writeInPieces(request, cuts, 3);
      await expectAccepted(c, await c.readResponse());
    }));
});

describe('§4.2.1 requests that are not WebSocket upgrades get 400', () => {
  refused('a missing Sec-WebSocket-Key', { override: { 'Sec-WebSocket-Key': null } }, 400);
  refused('an empty Sec-WebSocket-Key', { override: { 'Sec-WebSocket-Key': '' } }, 400);
  refused('a key that is not 16 bytes (abc)', { key: 'abc' }, 400);
  refused('a key of 12 bytes in base64 (16 characters)', { key: randomBytes(12).toString('base64') }, 400);
  refused('a key of 17 bytes in base64', { key: randomBytes(17).toString('base64') }, 400);
  refused('a 24-character key with characters outside base64', { key: 'dGhlIHNhbXBsZS*ub25jZQ==' }, 400);
  refused('a 24-character key without the == padding', { key: 'dGhlIHNhbXBsZSBub25jZQAA' }, 400);
  refused('two Sec-WebSocket-Key headers', { extra: [['Sec-WebSocket-Key', randomBytes(16).toString('base64')]] }, 400);
  refused('a POST', { method: 'POST' }, 400);
  refused('a PUT', { method: 'PUT' }, 400);
  refused('a lower-case get (methods are case-sensitive)', { method: 'get' }, 400);
  refused('HTTP/1.0', { httpVersion: 'HTTP/1.0' }, 400);
  refused('a missing Upgrade header', { override: { Upgrade: null } }, 400);
  refused('Upgrade: h2c (not websocket)', { override: { Upgrade: 'h2c' } }, 400);
  refused('a missing Connection header', { override: { Connection: null } }, 400);
  refused('a missing Host header (RFC 6455 §4.1)', { override: { Host: null } }, 400);
  refused('two Host headers', { extra: [['Host', 'example.com']] }, 400);
  refused('Connection: keep-alive (no Upgrade token)', { override: { Connection: 'keep-alive' } }, 400);
  refused('Connection: upgraded (a longer word is not the token)', { override: { Connection: 'upgraded' } }, 400);

  it('a header line without a colon gets 400', () =>
    server.withConnection(async (c) => {
      await c.write(upgradeRequest().replace('Host: localhost\r\n', 'Host localhost\r\n'));
      await expectRefusal(c, await c.readResponse(), 400);
    }));

  it('a request line that is not HTTP gets 400', () =>
    server.withConnection(async (c) => {
      await c.write('HELLO\r\n\r\n');
      await expectRefusal(c, await c.readResponse(), 400);
    }));

  it('a bare blank line gets 400', () =>
    server.withConnection(async (c) => {
      await c.write('\r\n\r\n');
      await expectRefusal(c, await c.readResponse(), 400);
    }));
});

describe('§4.4 versions other than 13 get 426 with Sec-WebSocket-Version: 13', () => {
  for (const version of ['8', '7', '12', '14', '0']) {
    it(`Sec-WebSocket-Version: ${version} gets 426 naming version 13`, () =>
      server.withConnection(async (c) => {
        const response = await c.handshake({ override: { 'Sec-WebSocket-Version': version } });
        await expectRefusal(c, response, 426);
        expect(response.headers.get('sec-websocket-version')).toBe('13');
      }));
  }
  refused('a missing Sec-WebSocket-Version gets 400 or 426', { override: { 'Sec-WebSocket-Version': null } }, [400, 426]);
});

describe('RFC 6585 §5: request headers over 8 KiB', () => {
  it('headers over 8 KiB get 431 (or 400) and the connection is closed', () =>
    server.withConnection(async (c) => {
      const request = upgradeRequest({ extra: Array.from({ length: 100 }, (_, i) => [`X-Filler-${i}`, 'y'.repeat(100)] as const) });
      expect(request.length).toBeGreaterThan(8192);
      await c.write(request);
      await expectRefusal(c, await c.readResponse(), [431, 400]);
    }));

  it('one header line of 10 KiB gets 431 (or 400)', () =>
    server.withConnection(async (c) => {
      await c.write(upgradeRequest({ extra: [['X-Long', 'z'.repeat(10 * 1024)]] }));
      await expectRefusal(c, await c.readResponse(), [431, 400]);
    }));

  it('8 KiB of bytes with no blank line gets 431 (or 400)', () =>
    server.withConnection(async (c) => {
      await c.write(`GET / HTTP/1.1\r\nX: ${'a'.repeat(9000)}`);
      await expectRefusal(c, await c.readResponse(), [431, 400]);
    }));
});

describe('§4.2.1 after a refusal the next client is served', () => {
  it('a POST is refused, then a good handshake on a new connection echoes', async () => {
    await server.withConnection(async (c) => {
      await expectRefusal(c, await c.handshake({ method: 'POST' }), 400);
    });
    await server.withConnection(async (c) => {
      await expectAccepted(c, await c.handshake());
    });
  });
});
