/**
 * The interpreted echo server against the `ws` package as a client, over real loopback sockets:
 * text (with multibyte UTF-8), binary at every frame-length boundary up to 1 MiB, fragmented
 * messages, ping → pong with the same payload, the closing handshake with a status code, several
 * connections in sequence against one process, the process exiting once its count is served, and
 * the same server run from its golden `.mlir`.
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { type EchoServer, startEchoServer, stopAllEchoServers } from '../support/echoServer.js';
import { within } from '../support/within.js';

afterEach(stopAllEchoServers);


/** A message as received: its bytes and whether it was binary. */
interface Received {
  readonly data: Buffer;
  readonly isBinary: boolean;
}

/** A `ws` client whose messages, pongs and close are queued, so none is missed between awaits. */
interface Client {
  readonly ws: WebSocket;
  next(ms?: number): Promise<Received>;
  nextPong(ms?: number): Promise<Buffer>;
  /** Resolves with the close code and reason once the TCP connection is gone. */
  closed(ms?: number): Promise<{ code: number; reason: string }>;
}

function queue<T>(): { push: (v: T) => void; take: (ms: number, what: string) => Promise<T> } {
  const items: T[] = [];
  const waiters: ((v: T) => void)[] = [];
  return {
    push: (v) => {
      const w = waiters.shift();
      if (w) w(v);
      else items.push(v);
    },
    take: (ms, what) => {
      const v = items.shift();
      if (v !== undefined) return Promise.resolve(v);
      return within(ms, new Promise<T>((resolve) => waiters.push(resolve)), what);
    },
  };
}

async function connect(server: EchoServer): Promise<Client> {
  const ws = new WebSocket(server.url);
  const messages = queue<Received>();
  const pongs = queue<Buffer>();
  const errors: Error[] = [];
  ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    messages.push({ data: bytes, isBinary });
  });
  ws.on('pong', (data: Buffer) => pongs.push(data));
  ws.on('error', (e) => errors.push(e));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString('utf8') })),
  );
  await within(
    10_000,
    new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    }),
    `opening ${server.url} (server stderr: ${server.stderr()})`,
  );
  const withErrors = (what: string): string => `${what}${errors.length ? ` (client errors: ${errors.map((e) => e.message).join('; ')})` : ''}; server stderr: ${server.stderr()}`;
  return {
    ws,
    next: (ms = 20_000) => messages.take(ms, withErrors('waiting for an echo')),
    nextPong: (ms = 10_000) => pongs.take(ms, withErrors('waiting for a pong')),
    // ws destroys a half-closed socket itself after 30 s; well before that, only the server can
    // have closed it.
    closed: (ms = 10_000) => within(ms, closed, withErrors('waiting for the connection to close')),
  };
}

async function echo(client: Client, data: string | Buffer, isBinary: boolean): Promise<Received> {
  client.ws.send(data, { binary: isBinary });
  return client.next();
}

describe('echo server with the ws client', { timeout: 60_000 }, () => {
  it('echoes text, including multibyte UTF-8', async () => {
    const server = await startEchoServer({ connections: 1 });
    const client = await connect(server);
    for (const text of ['hello', 'world', 'héllo wörld — ½ € 你好 🎉', '', 'x'.repeat(200)]) {
      const got = await echo(client, text, false);
      expect(got.isBinary).toBe(false);
      expect(got.data.toString('utf8')).toBe(text);
    }
    client.ws.close(1000);
    expect((await client.closed()).code).toBe(1000);
    expect(await server.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
  });

  it('echoes binary messages byte for byte at every length boundary, up to 1 MiB', { timeout: 120_000 }, async () => {
    const server = await startEchoServer({ connections: 1 });
    const client = await connect(server);
    for (const size of [0, 1, 125, 126, 127, 65535, 65536, 65537, 1024 * 1024]) {
      const payload = randomBytes(size);
      client.ws.send(payload, { binary: true });
      const got = await client.next(60_000);
      expect(got.isBinary, `size ${size}`).toBe(true);
      expect(got.data.length, `size ${size}`).toBe(size);
      expect(got.data.equals(payload), `size ${size}: echoed bytes differ`).toBe(true);
    }
    client.ws.close(1000);
    expect((await client.closed()).code).toBe(1000);
    expect(await server.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
  });

  it('echoes a fragmented message as one message, answering a ping between its fragments', async () => {
    const server = await startEchoServer({ connections: 1 });
    const client = await connect(server);
    client.ws.send('frag', { fin: false, binary: false });
    client.ws.ping(Buffer.from('between'));
    client.ws.send('men', { fin: false, binary: false });
    client.ws.send('ted ✓', { fin: true, binary: false });
    expect((await client.nextPong()).toString()).toBe('between');
    const got = await client.next();
    expect(got.isBinary).toBe(false);
    expect(got.data.toString('utf8')).toBe('fragmented ✓');
    client.ws.close(1000);
    await client.closed();
  });

  it('answers a ping with a pong carrying the same payload', async () => {
    const server = await startEchoServer({ connections: 1 });
    const client = await connect(server);
    const payloads = [Buffer.alloc(0), Buffer.from('are you there?'), randomBytes(125)];
    for (const payload of payloads) {
      client.ws.ping(payload);
      const pong = await client.nextPong();
      expect(pong.equals(payload), `pong for ${payload.length} bytes`).toBe(true);
    }
    // The connection is still good for messages after the pings
    expect((await echo(client, 'after pings', false)).data.toString()).toBe('after pings');
    client.ws.close(1000);
    await client.closed();
  });

  for (const [code, reason] of [
    [1000, ''],
    [4001, 'going away for a reason ✓'],
  ] as const) {
    it(`answers a close with code ${code}${reason ? ' and a reason' : ''} with the same code, then closes TCP`, async () => {
      const server = await startEchoServer({ connections: 1 });
      const client = await connect(server);
      expect((await echo(client, 'before close', false)).data.toString()).toBe('before close');
      client.ws.close(code, reason);
      const closed = await client.closed();
      expect(closed.code).toBe(code);
      // The server closed its side and finished the connection: its one connection is served.
      expect(await server.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
      expect(server.stdout()).toContain('Client connected');
    });
  }

  it('serves several connections in sequence, then exits 0 once its count is reached', async () => {
    const server = await startEchoServer({ connections: 3 });
    for (let i = 1; i <= 3; i++) {
      const client = await connect(server);
      const text = `connection ${i}`;
      expect((await echo(client, text, false)).data.toString()).toBe(text);
      const bytes = randomBytes(1000 * i);
      expect((await echo(client, bytes, true)).data.equals(bytes)).toBe(true);
      client.ws.close(1000);
      expect((await client.closed()).code).toBe(1000);
      if (i < 3) {
        // Still serving: the count is not reached yet.
        await server.waitForStdout(new RegExp(`(Client connected[\\s\\S]*){${i}}`));
        expect(server.exited(), `the server exited after connection ${i} of 3:\n${server.stderr()}`).toBe(false);
      }
    }
    expect(await server.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
    expect(server.stdout().match(/Client connected/g)).toHaveLength(3);
    expect(server.stderr()).toBe('');
  });

  it('serves the same from the golden .mlir as from the .fs', async () => {
    const server = await startEchoServer({ connections: 1, program: 'golden/WebSocketEcho.mlir' });
    const client = await connect(server);
    expect((await echo(client, 'héllo from the .mlir', false)).data.toString()).toBe('héllo from the .mlir');
    const bytes = randomBytes(70_000);
    expect((await echo(client, bytes, true)).data.equals(bytes)).toBe(true);
    client.ws.ping(Buffer.from('p'));
    expect((await client.nextPong()).toString()).toBe('p');
    client.ws.close(4001, 'bye');
    expect((await client.closed()).code).toBe(4001);
    expect(await server.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
  });

  it('keeps serving, with no count, after a client vanishes without a close frame', async () => {
    const server = await startEchoServer();
    const first = await connect(server);
    expect((await echo(first, 'one', false)).data.toString()).toBe('one');
    first.ws.terminate();
    await first.closed();
    const second = await connect(server);
    expect((await echo(second, 'two', false)).data.toString()).toBe('two');
    second.ws.close(1000);
    await second.closed();
    expect(server.exited()).toBe(false);
    expect(server.stdout().match(/Client connected/g)).toHaveLength(2);
  });
});
