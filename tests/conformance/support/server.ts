/**
 * One long-lived interpreted echo server per conformance test file.
 *
 * The sample serves connections one after another, so a whole file's cases can share one server
 * process: `useEchoServer()` starts it in beforeAll (through the end-to-end tests' `startEchoServer`)
 * and stops it in afterAll. After each case it checks that the server is still running: if a case
 * crashed it, that case fails with the server's output and a fresh server is started, so one crash
 * is reported once instead of failing every case after it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startEchoServer, type EchoServer, type EchoServerOptions } from '../../support/echoServer.js';
import { RawClient } from './rawClient.js';

/** The shared server of a test file. */
export interface SharedServer {
  port(): number;
  pid(): number;
  /** Opens a connection and completes a valid opening handshake. */
  open(): Promise<RawClient>;
  /** Opens a TCP connection without any handshake. */
  connect(): Promise<RawClient>;
  /** Runs `body` with an open WebSocket connection, destroying it afterwards whatever happens. */
  withClient(body: (c: RawClient) => Promise<void>): Promise<void>;
  /** Runs `body` with a bare TCP connection, destroying it afterwards whatever happens. */
  withConnection(body: (c: RawClient) => Promise<void>): Promise<void>;
}

/** Registers the hooks that give this file one server; call it at the top level of a test file. */
export function useEchoServer(options: EchoServerOptions = {}): SharedServer {
  let server: EchoServer | undefined;
  const current = (): EchoServer => {
    if (server === undefined) throw new Error('the echo server is not running (did beforeAll fail?)');
    return server;
  };

  beforeAll(async () => {
    server = await startEchoServer(options);
  }, 30_000);

  afterEach(async () => {
    const s = server;
    if (s === undefined || !s.exited()) return;
    const exit = await s.waitForExit(1_000);
    server = await startEchoServer(options);
    throw new Error(
      `the echo server died during this case (exit code ${exit.exitCode ?? 'none'}, signal ${exit.signal ?? 'none'})\n` +
        `--- stdout (tail) ---\n${s.stdout().slice(-2000)}\n--- stderr ---\n${s.stderr().slice(-4000)}`,
    );
  }, 30_000);

  afterAll(async () => {
    await server?.stop(3_000);
    server = undefined;
  }, 15_000);

  const withIt = async (make: () => Promise<RawClient>, body: (c: RawClient) => Promise<void>): Promise<void> => {
    const c = await make();
    try {
      await body(c);
    } finally {
      c.destroy();
    }
  };

  const shared: SharedServer = {
    port: () => current().port,
    pid: () => {
      const pid = current().pid;
      if (pid === undefined) throw new Error('the echo server has no pid');
      return pid;
    },
    open: () => RawClient.open(current().port),
    connect: () => RawClient.connect(current().port),
    withClient: (body) => withIt(shared.open, body),
    withConnection: (body) => withIt(shared.connect, body),
  };
  return shared;
}

/** The resident set size of process `pid` in bytes (VmRSS in /proc/PID/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!m) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(m[1]) * 1024;
}
