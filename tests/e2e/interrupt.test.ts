/**
 * Ctrl-C: SIGINT stops the interpreted echo server promptly, whether it is blocked in accept or
 * in a read from a client, with a one-line message and no stack trace; its sockets are closed
 * (the client sees the end of the stream, and the port can be listened on again).
 */
import { connect, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { hasJsStackTrace } from '../support/cli.js';
import { type EchoServer, startEchoServer, stopAllEchoServers } from '../support/echoServer.js';

afterEach(stopAllEchoServers);

/** How the shell reports a process stopped by SIGINT. */
const SIGINT_EXIT = 130;

function expectStoppedCleanly(server: EchoServer, exit: { exitCode: number | undefined; signal: string | undefined }): void {
  const report = `stdout:\n${server.stdout()}\nstderr:\n${server.stderr()}`;
  expect(exit, report).toEqual({ exitCode: SIGINT_EXIT, signal: undefined });
  const stderr = server.stderr();
  expect(stderr.endsWith('\n') && !stderr.slice(0, -1).includes('\n'), `not one line:\n${stderr}`).toBe(true);
  expect(stderr).toMatch(/SIGINT/);
  expect(hasJsStackTrace(stderr + server.stdout()), report).toBe(false);
}

/** Whether the port can be listened on (the server's listening socket is gone). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '0.0.0.0', () => s.close(() => resolve(true)));
  });
}

describe('Ctrl-C', { timeout: 60_000 }, () => {
  it('stops the server blocked in accept, with one line and no stack trace', async () => {
    const server = await startEchoServer();
    server.signal('SIGINT');
    expectStoppedCleanly(server, await server.waitForExit(10_000));
    expect(await canListen(server.port)).toBe(true);
  });

  it('stops the server blocked in a read from a client, and closes the client', async () => {
    const server = await startEchoServer();
    const client: Socket = connect({ host: '127.0.0.1', port: server.port });
    client.on('error', () => undefined);
    const clientClosed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    // Half a request: the server is now blocked reading the rest.
    client.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await server.waitForStdout(/Client connected/);
    server.signal('SIGINT');
    expectStoppedCleanly(server, await server.waitForExit(10_000));
    await Promise.race([
      clientClosed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the client socket was not closed')), 5_000)),
    ]);
    client.destroy();
  });
});
