/**
 * Helpers for the socket tests: a Libc with captured console streams, sockaddrs in simulated memory,
 * plain `net` clients, and time bounds so a hung socket fails the test instead of the run.
 */
import { connect, type Socket } from 'node:net';
import { Libc } from '../../runtime/os/libc.js';
import { Memory } from '../../runtime/memory/memory.js';
import { encodeSockaddrIn } from '../../runtime/os/sockaddr.js';
import type { Pointer } from '../../runtime/values.js';
import { Capture } from '../support/capture.js';
import { within } from '../support/within.js';

export { Capture, within };

/** A fresh program run: memory, libc, captured stdout/stderr. */
export function run(readHighWaterMark?: number) {
  const stdout = new Capture();
  const stderr = new Capture();
  const memory = new Memory();
  const libc = new Libc({ stdout, stderr, ...(readHighWaterMark === undefined ? {} : { readHighWaterMark }) });
  return { memory, libc, stdout, stderr };
}

/** A sockaddr_in in simulated memory. */
export function sockaddr(memory: Memory, address: string, port: number): Pointer {
  return memory.serviceBytes(encodeSockaddrIn(address, port), `sockaddr_in ${address}:${port}`, true);
}


/** A libc listening socket on 127.0.0.1, ephemeral port; returns the fd and the real port. */
export async function listenLoopback(memory: Memory, libc: Libc): Promise<{ fd: number; port: number }> {
  const fd = libc.socket(2, 1, 0);
  if (fd < 0) throw new Error('socket failed');
  if ((await libc.bind(fd, sockaddr(memory, '127.0.0.1', 0), 16)) !== 0) throw new Error(`bind failed: ${libc.errno}`);
  if (libc.listen(fd, 10) !== 0) throw new Error('listen failed');
  const name = libc.getsockname(fd);
  if (name === null) throw new Error('getsockname failed');
  return { fd, port: name.port };
}

/** A plain net client, connected (with `allowHalfOpen` it never closes its side by itself), with an error handler (errors are recorded, not thrown). */
export function client(port: number, allowHalfOpen = false): Promise<Socket & { errors: Error[] }> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, allowHalfOpen }) as Socket & { errors: Error[] };
    s.errors = [];
    s.once('connect', () => {
      s.off('error', reject);
      s.on('error', (e) => s.errors.push(e));
      resolve(s);
    });
    s.once('error', reject);
  });
}

/** Everything the socket sends until it ends or closes. */
export function collect(s: Socket): Promise<Buffer> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    s.on('data', (d: Buffer) => parts.push(d));
    s.once('end', () => resolve(Buffer.concat(parts)));
    s.once('close', () => resolve(Buffer.concat(parts)));
  });
}

/** TCP handles currently keeping the event loop alive. */
export function liveTcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
}

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
