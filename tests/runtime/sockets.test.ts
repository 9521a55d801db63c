/**
 * Libc over real TCP sockets on 127.0.0.1: fd isolation, a loopback echo through
 * socket/bind/listen/accept/read/write/close against a plain `net` client, partial reads, large
 * transfers under backpressure, peer reset, EOF, EADDRINUSE, connect, and clean shutdown.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Libc } from '../../runtime/os/libc.js';
import { bytesAt, gep } from '../../runtime/memory/access.js';
import { Trap } from '../../runtime/trap.js';
import { NULL_PTR } from '../../runtime/values.js';
import { client, collect, delay, listenLoopback, liveTcpHandles, run, sockaddr, within } from './harness.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function program(readHighWaterMark?: number) {
  const r = run(readHighWaterMark);
  cleanups.push(() => r.libc.closeAll());
  return r;
}

const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

describe('fd table', () => {
  it('gives -1 for every fd the program did not create, and never touches host fds', async () => {
    const { memory, libc, stdout } = program();
    memory.pushFrame('main');
    const buf = memory.stackAlloc(16);
    for (const fd of [0, 5, 99, -1]) {
      expect(await libc.read(fd, buf, 16)).toBe(-1);
      expect(libc.close(fd)).toBe(-1);
      expect(libc.listen(fd, 1)).toBe(-1);
      expect(await libc.accept(fd, buf, buf)).toBe(-1);
    }
    expect(await libc.write(5, buf, 4)).toBe(-1);
    expect(await libc.write(0, buf, 4)).toBe(-1);
    expect(libc.errno).toBe('EBADF');
    bytesAt(buf, 3, 'write').set([0x68, 0x69, 0x0a]);
    expect(await libc.write(1, buf, 3)).toBe(3);
    expect(stdout.text).toBe('hi\n');
  });

  it('allocates the lowest free fd from 3 and reuses closed ones; rejects other domains and types', () => {
    const { libc } = program();
    expect([libc.socket(2, 1, 0), libc.socket(2, 1, 0), libc.socket(2, 1, 6)]).toEqual([3, 4, 5]);
    expect(libc.close(4)).toBe(0);
    expect(libc.close(4)).toBe(-1);
    expect(libc.socket(2, 1, 0)).toBe(4);
    expect(libc.socket(10, 1, 0)).toBe(-1);
    expect(libc.socket(2, 2, 0)).toBe(-1);
  });

  it('traps when read is given a buffer smaller than the length, before blocking', () => {
    const { memory, libc } = program();
    memory.pushFrame('main');
    const fd = libc.socket(2, 1, 0);
    expect(libc.read(fd, memory.stackAlloc(4), 8)).toBe(-1); // not connected: -1 first
    expect(() => libc.write(1, memory.stackAlloc(4), 8)).toThrow(Trap);
  });
});

describe('loopback', () => {
  it('echoes through socket/bind/listen/accept/read/write/close with a plain net client', async () => {
    const { memory, libc } = program();
    const { fd, port } = await listenLoopback(memory, libc);
    expect(port).toBeGreaterThan(0);
    const region = memory.createRegion(2);
    const buf = memory.regionAlloc(region, 4096, 1);

    const accepted = libc.accept(fd, memory.regionAlloc(region, 16, 4), memory.regionAlloc(region, 4, 4));
    expect(accepted).toBeInstanceOf(Promise); // nobody has connected yet: accept blocks
    const c = await client(port);
    const reply = collect(c);
    const cfd = await within(2000, accepted, 'accept');
    expect(cfd).toBe(fd + 1);
    c.write('hello');
    const n = await within(2000, libc.read(cfd, buf, 4096), 'read');
    expect(n).toBe(5);
    expect(text(bytesAt(buf, 5, 'read'))).toBe('hello');
    expect(await libc.write(cfd, buf, n)).toBe(5);
    expect(libc.close(cfd)).toBe(0);
    expect((await within(2000, reply, 'reply')).toString()).toBe('hello');
    c.end();
    expect(libc.close(fd)).toBe(0);
    memory.releaseRegion(region);
  });

  it('large writes reuse the copy of an earlier one only after it has left: every byte arrives as written', async () => {
    const { memory, libc } = program();
    const { fd, port } = await listenLoopback(memory, libc);
    const c = await client(port);
    const received = collect(c);
    const cfd = await within(2000, libc.accept(fd, NULL_PTR, NULL_PTR), 'accept');
    const size = 200 * 1024;
    const region = memory.createRegion(64);
    const buf = memory.regionAlloc(region, size, 1);
    const expected: Buffer[] = [];
    for (let i = 0; i < 12; i++) {
      // A small write (from Node's pool) between large ones (recycled copies), each of new bytes
      const header = bytesAt(buf, 2, 'write');
      header.set([0xee, i]);
      expected.push(Buffer.from(header));
      expect(await within(5000, libc.write(cfd, buf, 2), 'header')).toBe(2);
      const n = size - i * 1000;
      bytesAt(buf, n, 'write').fill(i + 1);
      expected.push(Buffer.alloc(n, i + 1));
      expect(await within(5000, libc.write(cfd, buf, n), 'payload')).toBe(n);
    }
    expect(libc.close(cfd)).toBe(0);
    const back = await within(10000, received, 'echo');
    expect(back.equals(Buffer.concat(expected))).toBe(true);
    c.end();
    expect(libc.close(fd)).toBe(0);
    memory.releaseRegion(region);
  });

  it('returns accept synchronously when a connection is already queued (even before listen)', async () => {
    const { memory, libc } = program();
    const fd = libc.socket(2, 1, 0);
    expect(await libc.bind(fd, sockaddr(memory, '127.0.0.1', 0), 16)).toBe(0);
    const c = await client(libc.getsockname(fd)!.port);
    c.write('early');
    await delay(50);
    expect(libc.listen(fd, 1)).toBe(0);
    const cfd = libc.accept(fd, NULL_PTR, NULL_PTR);
    expect(typeof cfd).toBe('number');
    memory.pushFrame('main');
    const buf = memory.stackAlloc(16);
    expect(libc.read(cfd as number, buf, 16)).toBe(5); // already buffered: no Promise
    c.destroy();
  });

  it('delivers a client writing one byte at a time, in order, with partial reads', async () => {
    const { memory, libc } = program();
    const { fd, port } = await listenLoopback(memory, libc);
    const c = await client(port);
    const cfd = await within(2000, libc.accept(fd, NULL_PTR, NULL_PTR));
    const message = 'GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n';
    const sending = (async () => {
      for (const ch of message) {
        c.write(ch);
        await delay(2);
      }
      c.end();
    })();
    memory.pushFrame('main');
    const buf = memory.stackAlloc(4096);
    let got = '';
    let reads = 0;
    for (;;) {
      const n = await within(2000, libc.read(cfd, buf, 4096), 'read');
      if (n <= 0) {
        expect(n).toBe(0);
        break;
      }
      reads++;
      got += text(bytesAt(buf, n, 'read'));
    }
    await sending;
    expect(got).toBe(message);
    expect(reads).toBeGreaterThan(5); // the bytes really came in pieces
    expect(await libc.read(cfd, buf, 4096)).toBe(0); // EOF stays EOF
  });

  it('moves several MiB both ways under backpressure without losing or reordering bytes', async () => {
    const HWM = 64 * 1024;
    const { memory, libc } = program(HWM);
    const { fd, port } = await listenLoopback(memory, libc);
    const c = await client(port);
    const cfd = await within(2000, libc.accept(fd, NULL_PTR, NULL_PTR));
    const payload = randomBytes(6 * 1024 * 1024);
    c.write(payload, () => c.end());
    const echoed = collect(c);
    c.pause(); // the client does not read at first: server writes must block

    // The server does not read for a while: its queue must stay bounded by the high-water mark.
    await delay(300);
    const entry = libc.fds.get(cfd);
    expect(entry?.state).toBe('connected');
    const queued = entry?.state === 'connected' ? entry.stream.bufferedBytes : -1;
    expect(queued).toBeGreaterThan(0);
    expect(queued).toBeLessThan(HWM + 256 * 1024);

    const region = memory.createRegion(4);
    const buf = memory.regionAlloc(region, 16384, 1);
    let total = 0;
    let blockedWrites = 0;
    setTimeout(() => c.resume(), 200);
    for (;;) {
      const n = await within(5000, libc.read(cfd, buf, 16384), 'read');
      if (n === 0) break;
      expect(n).toBeGreaterThan(0);
      total += n;
      const w = libc.write(cfd, buf, n);
      if (w instanceof Promise) blockedWrites++;
      expect(await within(5000, w, 'write')).toBe(n);
    }
    expect(total).toBe(payload.length);
    expect(blockedWrites).toBeGreaterThan(0);
    libc.close(cfd);
    const back = await within(10000, echoed, 'echo');
    expect(back.length).toBe(payload.length);
    expect(createHash('sha1').update(back).digest('hex')).toBe(createHash('sha1').update(payload).digest('hex'));
  }, 30_000);

  it('returns -1 when the peer resets mid-write, without an unhandled error', async () => {
    const { memory, libc } = program();
    const { fd, port } = await listenLoopback(memory, libc);
    const c = await client(port);
    const cfd = await within(2000, libc.accept(fd, NULL_PTR, NULL_PTR));
    const region = memory.createRegion(16);
    const chunk = memory.regionAlloc(region, 65536, 1);
    let received = 0;
    c.on('data', (d: Buffer) => {
      received += d.length;
      if (received > 200_000 && !c.destroyed) c.resetAndDestroy();
    });
    let result = 0;
    let writes = 0;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      result = await within(5000, libc.write(cfd, chunk, 65536), 'write');
      writes++;
      if (result < 0) break;
    }
    expect(result).toBe(-1);
    expect(writes).toBeGreaterThan(3);
    expect(await libc.read(cfd, chunk, 16)).toBe(-1);
    expect(libc.close(cfd)).toBe(0);
  });

  it('reads 0 at EOF after the buffered bytes', async () => {
    const { memory, libc } = program();
    const { fd, port } = await listenLoopback(memory, libc);
    const c = await client(port);
    c.end('bye');
    const cfd = await within(2000, libc.accept(fd, NULL_PTR, NULL_PTR));
    memory.pushFrame('main');
    const buf = memory.stackAlloc(2);
    expect(await within(2000, libc.read(cfd, buf, 2))).toBe(2);
    expect(await within(2000, libc.read(cfd, buf, 2))).toBe(1);
    expect(await within(2000, libc.read(cfd, buf, 2))).toBe(0);
    expect(await within(2000, libc.read(cfd, buf, 2))).toBe(0);
  });

  it('fails bind with -1 (EADDRINUSE) on a port already in use, and the fd stays usable', async () => {
    const { memory, libc } = program();
    const { port } = await listenLoopback(memory, libc);
    const second = libc.socket(2, 1, 0);
    expect(await within(2000, libc.bind(second, sockaddr(memory, '127.0.0.1', port), 16))).toBe(-1);
    expect(libc.errno).toBe('EADDRINUSE');
    expect(libc.listen(second, 1)).toBe(-1);
    expect(await within(2000, libc.bind(second, sockaddr(memory, '127.0.0.1', 0), 16))).toBe(0);
  });

  it('connects to a plain net server, and gives -1 when the connection is refused', async () => {
    const { memory, libc } = program();
    const server: Server = createServer((s) => s.pipe(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => server.close());
    const port = (server.address() as { port: number }).port;
    const fd = libc.socket(2, 1, 0);
    expect(await within(2000, libc.connect(fd, sockaddr(memory, '127.0.0.1', port), 16))).toBe(0);
    const [msg, len] = memory.staticString('ping');
    expect(await libc.write(fd, msg, Number(len))).toBe(4);
    memory.pushFrame('main');
    const buf = memory.stackAlloc(8);
    expect(await within(2000, libc.read(fd, buf, 8))).toBe(4);
    expect(text(bytesAt(buf, 4, 'read'))).toBe('ping');
    expect(libc.close(fd)).toBe(0);

    const closed: Server = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const fd2 = libc.socket(2, 1, 0);
    expect(await within(2000, libc.connect(fd2, sockaddr(memory, '127.0.0.1', deadPort), 16))).toBe(-1);
    expect(await libc.write(fd2, gep(buf, 0), 1)).toBe(-1);
  });
});

describe('shutdown', () => {
  async function waitForNoTcpHandles(baseline: number): Promise<number> {
    for (let i = 0; i < 100 && liveTcpHandles() > baseline; i++) await delay(20);
    return liveTcpHandles();
  }

  it('leaves no TCP handle keeping the process alive after the program closes its last fd', async () => {
    const baseline = await waitForNoTcpHandles(0); // earlier tests' sockets may still be closing
    const { memory, libc } = program();
    const { fd, port } = await listenLoopback(memory, libc);
    const c = await client(port, true);
    const cfd = await within(2000, libc.accept(fd, NULL_PTR, NULL_PTR));
    const [msg, len] = memory.staticString('done');
    expect(await libc.write(cfd, msg, Number(len))).toBe(4);
    const reply = collect(c);
    c.unref(); // the test's own client must not count
    // The client never closes its side: the program's close must still let the process exit.
    expect(libc.close(cfd)).toBe(0);
    expect(libc.close(fd)).toBe(0);
    expect((await within(2000, reply)).toString()).toBe('done');
    expect(await waitForNoTcpHandles(baseline)).toBe(baseline);
    c.destroy();
  });

  it('closeAll unblocks a pending accept and read with -1 and frees every handle', async () => {
    const baseline = await waitForNoTcpHandles(0); // earlier tests' sockets may still be closing
    const { memory, libc } = program();
    const { fd, port } = await listenLoopback(memory, libc);
    const c = await client(port);
    const cfd = await within(2000, libc.accept(fd, NULL_PTR, NULL_PTR));
    memory.pushFrame('main');
    const buf = memory.stackAlloc(8);
    const pendingRead = libc.read(cfd, buf, 8);
    const other = await listenLoopback(memory, libc);
    const pendingAccept = libc.accept(other.fd, NULL_PTR, NULL_PTR);
    expect(pendingRead).toBeInstanceOf(Promise);
    expect(pendingAccept).toBeInstanceOf(Promise);
    (libc as Libc).closeAll();
    expect(await within(2000, pendingRead)).toBe(-1);
    expect(await within(2000, pendingAccept)).toBe(-1);
    expect(libc.fds.fds()).toEqual([]);
    c.destroy();
    expect(await waitForNoTcpHandles(baseline)).toBe(baseline);
  });
});
