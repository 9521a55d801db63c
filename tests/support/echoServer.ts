/**
 * The interpreted echo server as a real child process, for the end-to-end tests.
 *
 * `startEchoServer` runs `firefly-sim run samples/WebSocketEcho.fs PORT [connections]` on a free
 * ephemeral port, waits (bounded) for its banner `Listening on ws://localhost:PORT`, and hands
 * back the port, the output so far and ways to wait for it to exit or to stop it (SIGINT, then
 * SIGKILL after a bound). Every server started is remembered, and `stopAllEchoServers` (call it
 * from afterEach) stops whatever a test left running, so no process outlives its test.
 */
import { createServer } from 'node:net';
import { execa, type ResultPromise } from 'execa';
import { ROOT, requireBuiltCli } from './cli.js';

/** The sample every server test runs. */
export const ECHO_SAMPLE = 'samples/WebSocketEcho.fs';

/** How a server process ended. */
export interface ServerExit {
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
}

/** A running interpreted echo server. */
export interface EchoServer {
  readonly port: number;
  /** `ws://127.0.0.1:PORT` (loopback only). */
  readonly url: string;
  readonly pid: number | undefined;
  /** Everything the server wrote to stdout / stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Whether the process has ended. */
  exited(): boolean;
  /** Resolves when `pattern` appears on stdout; rejects after `ms` with the output so far. */
  waitForStdout(pattern: RegExp, ms?: number): Promise<void>;
  /** Resolves when the process ends; rejects after `ms` (the process is left running). */
  waitForExit(ms?: number): Promise<ServerExit>;
  /** Sends `signal` to the process (if it is still running). */
  signal(signal: NodeJS.Signals): void;
  /** SIGINT, then SIGKILL if it has not ended within `graceMs`; resolves once it has ended. */
  stop(graceMs?: number): Promise<ServerExit>;
}

/** Options for `startEchoServer`. */
export interface EchoServerOptions {
  /** Connections to serve before exiting (the sample's second argument); default: forever. */
  readonly connections?: number;
  /** The program to run: the sample by default, or e.g. its golden `.mlir`. */
  readonly program?: string;
  /** Bound on the wait for the banner. */
  readonly startTimeoutMs?: number;
  /** Flags for the server's node process, before the CLI (e.g. a V8 heap cap). */
  readonly nodeArgs?: readonly string[];
}

const running = new Set<EchoServer>();

/** A port that was free a moment ago: listen on port 0 on loopback, read the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      if (address === null || typeof address === 'string') {
        srv.close();
        reject(new Error('no port from listen(0)'));
        return;
      }
      srv.close(() => resolve(address.port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Spawns the server on `port`; resolves once the banner is out, or rejects with its output. */
async function spawnOn(port: number, options: EchoServerOptions): Promise<EchoServer> {
  const args = ['run', options.program ?? ECHO_SAMPLE, String(port), ...(options.connections === undefined ? [] : [String(options.connections)])];
  const child: ResultPromise = execa(process.execPath, [...(options.nodeArgs ?? []), requireBuiltCli(), ...args], {
    cwd: ROOT,
    reject: false,
    buffer: false,
    stdin: 'ignore',
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
    // A safety net only: the tests stop their servers long before this.
    timeout: 180_000,
    killSignal: 'SIGKILL',
  });
  let out = '';
  let err = '';
  let exit: ServerExit | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const l of [...listeners]) l();
  };
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    out += chunk;
    notify();
  });
  child.stderr?.on('data', (chunk: string) => {
    err += chunk;
    notify();
  });
  const ended: Promise<ServerExit> = child.then(
    (r) => ({ exitCode: r.exitCode, signal: r.signal }),
    (e: unknown) => ({ exitCode: undefined, signal: String(e) }),
  );
  void ended.then((r) => {
    exit = r;
    notify();
  });

  const report = (what: string): string =>
    `${what}\n--- server command ---\nfirefly-sim ${args.join(' ')}\n--- server stdout ---\n${out}\n--- server stderr ---\n${err}`;

  /** Resolves when `done()` holds, re-checked on every output chunk and at exit. */
  const until = (done: () => boolean, ms: number, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(report(`${what} (waited ${ms} ms)`)));
      }, ms);
      listeners.add(check);
      check();
    });

  const server: EchoServer = {
    port,
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit !== undefined,
    waitForStdout: (pattern, ms = 10_000) => until(() => pattern.test(out), ms, `the server did not print ${pattern}`),
    waitForExit: async (ms = 10_000) => {
      await until(() => exit !== undefined, ms, 'the server did not exit');
      return exit!;
    },
    signal: (signal) => {
      if (exit === undefined) child.kill(signal);
    },
    stop: async (graceMs = 5_000) => {
      if (exit === undefined) {
        child.kill('SIGINT');
        const quick = await Promise.race([ended, sleep(graceMs).then(() => undefined)]);
        if (quick === undefined) child.kill('SIGKILL');
      }
      const r = await ended;
      running.delete(server);
      return r;
    },
  };
  running.add(server);

  const banner = `Listening on ws://localhost:${port}`;
  try {
    await until(
      () => out.includes(banner) || exit !== undefined,
      options.startTimeoutMs ?? 30_000,
      `the server did not print its banner '${banner}'`,
    );
  } catch (e) {
    await server.stop(1_000);
    throw e;
  }
  if (!out.includes(banner)) {
    await server.stop(1_000);
    throw new Error(report(`the server exited (code ${exit?.exitCode ?? 'none'}, signal ${exit?.signal ?? 'none'}) before printing its banner`));
  }
  return server;
}

/**
 * Starts the interpreted echo server on a free loopback port and waits for its banner. The port
 * is found by listening on port 0 and closing; if another process takes it in between (the
 * server says `Cannot listen on port`), it tries again with a new one.
 */
export async function startEchoServer(options: EchoServerOptions = {}): Promise<EchoServer> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await spawnOn(await freePort(), options);
    } catch (e) {
      last = e;
      if (!(e instanceof Error && e.message.includes('Cannot listen on port'))) throw e;
    }
  }
  throw last;
}

/** Stops every server still running (SIGINT, then SIGKILL). For afterEach / afterAll. */
export async function stopAllEchoServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop(3_000)));
  running.clear();
}
