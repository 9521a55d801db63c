/**
 * The two echo servers as child processes: the interpreted samples/WebSocketEcho.fs
 * (`firefly-sim run`, serving until stopped) and the `ws` reference server. Each gets a free
 * loopback port, is waited for (bounded) until it prints its banner, is watched for its peak RSS
 * (VmHWM in /proc/PID/status), and is stopped with SIGINT, then SIGKILL after a bound.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CLI, ECHO_SAMPLE, ROOT } from './paths.js';

/** Which server. */
export type ServerKind = 'ours' | 'ws';

/** A running echo server. */
export interface EchoServer {
  readonly kind: ServerKind;
  readonly url: string;
  readonly pid: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** How it ended, and the tail of its stderr, for a failure note. */
  describeExit(): string;
  /** The largest resident set seen so far, in KiB (kernel's VmHWM, polled). */
  peakRssKiB(): number;
  /** Stops it (SIGINT, then SIGKILL after `graceMs`); resolves once it has ended. */
  stop(graceMs?: number): Promise<void>;
}

/** A port that was free a moment ago (listen on port 0 on loopback, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address !== null && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The kernel's peak RSS of `pid` in KiB, or 0 once it is gone (Linux only). */
function readPeakRssKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status) ?? /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match === null ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}

function commandFor(kind: ServerKind, port: number): string[] {
  return kind === 'ours'
    ? [process.execPath, CLI, 'run', ECHO_SAMPLE, String(port)]
    : [process.execPath, join(ROOT, 'dist', 'scripts', 'bench', 'wsEchoServer.js'), String(port)];
}

/** Starts a server and resolves once its banner is out; rejects with its output if it is not within `startTimeoutMs`. */
export async function startServer(kind: ServerKind, prefix: readonly string[], startTimeoutMs = 30_000): Promise<EchoServer> {
  const port = await freePort();
  const [command, ...args] = [...prefix, ...commandFor(kind, port)] as [string, ...string[]];
  const child: ChildProcess = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let exit: string | null = null;
  let peak = 0;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal === null ? `exit code ${code}` : `signal ${signal}`;
      clearInterval(poll);
      resolve();
    }),
  );
  // The server prints a line per connection; keep only the start of its output.
  child.stdout?.on('data', (chunk: Buffer) => {
    if (stdout.length < 4096) stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const pid = child.pid ?? -1;
  const poll = setInterval(() => {
    peak = Math.max(peak, readPeakRssKiB(pid));
  }, 100);

  const server: EchoServer = {
    kind,
    url: `ws://127.0.0.1:${port}`,
    pid,
    alive: () => exit === null,
    describeExit: () => `server ${exit === null ? 'running' : `ended (${exit})`}${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-2).join(' / ')}` : ''}`,
    peakRssKiB: () => {
      if (exit === null) peak = Math.max(peak, readPeakRssKiB(pid));
      return peak;
    },
    stop: async (graceMs = 3000) => {
      if (exit !== null) return;
      peak = Math.max(peak, readPeakRssKiB(pid));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  const banner = `Listening on ws://localhost:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  while (!stdout.includes(banner)) {
    if (exit !== null) throw new Error(`${kind} server did not start: ${server.describeExit()}`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${kind} server printed no banner within ${startTimeoutMs} ms: ${stdout.slice(0, 200)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return server;
}
