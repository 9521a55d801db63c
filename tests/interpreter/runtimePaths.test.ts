/**
 * The runtime paths the executor's speed depends on, checked for meaning: socket writes coalesced
 * within one turn of the event loop keep the byte stream (order, content) and the error results
 * of C (-1, EPIPE), and region buffers kept for reuse are invisible to the program (fresh regions
 * read as zero, pointers into a released one still trap).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesAt, load } from '../../runtime/memory/access.js';
import { Memory } from '../../runtime/memory/memory.js';
import { Libc } from '../../runtime/os/libc.js';
import { encodeSockaddrIn } from '../../runtime/os/sockaddr.js';
import { Trap } from '../../runtime/trap.js';
import { Pointer } from '../../runtime/values.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A loopback server whose connections are handed to `onConnection`; resolves with its port. */
function server(onConnection: (s: Socket) => void): Promise<number> {
  const srv: Server = createServer(onConnection);
  cleanups.push(() => srv.close());
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve((srv.address() as { port: number }).port)));
}

/** A program's libc connected to `port`: its memory, libc and the connected fd. */
async function connected(port: number): Promise<{ memory: Memory; libc: Libc; fd: number }> {
  const memory = new Memory();
  const libc = new Libc({ stdout: { write: () => true }, stderr: { write: () => true } });
  cleanups.push(() => libc.closeAll());
  const fd = libc.socket(2, 1, 0);
  const addr = memory.serviceBytes(encodeSockaddrIn('127.0.0.1', port), 'sockaddr_in', true);
  expect(await libc.connect(fd, addr, 16)).toBe(0);
  return { memory, libc, fd };
}

/** Bounded wait for `cond`, one event-loop turn at a time. */
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

describe('socket writes coalesced within a turn', () => {
  it('keep the order of many small writes (frame headers and payloads) and are held for one writev until the turn ends', async () => {
    const chunks: Buffer[] = [];
    const port = await server((s) => s.on('data', (d: Buffer) => chunks.push(d)));
    const { memory, libc, fd } = await connected(port);
    const region = memory.createRegion(1);
    const header = memory.regionAlloc(region, 2, 1);
    const payload = memory.regionAlloc(region, 16, 1);
    const expected: number[] = [];
    for (let i = 0; i < 200; i++) {
      // The program reuses its buffers at once: each write must have copied what it was given.
      bytesAt(header, 2, 'write').set([0x81, i & 0x7f]);
      bytesAt(payload, 16, 'write').fill(i & 0xff);
      expect(libc.write(fd, header, 2)).toBe(2);
      expect(libc.write(fd, payload, 16)).toBe(16);
      expected.push(0x81, i & 0x7f, ...new Array<number>(16).fill(i & 0xff));
    }
    const entry = libc.fds.get(fd);
    const socket = entry?.state === 'connected' ? entry.stream.socket : undefined;
    expect(socket?.writableCorked).toBe(1); // held for one writev at the end of the turn
    expect(socket?.writableLength).toBe(expected.length);
    await new Promise((r) => process.nextTick(r));
    expect(socket?.writableCorked).toBe(0);
    await until(() => chunks.reduce((n, c) => n + c.length, 0) >= expected.length, 'the bytes');
    expect([...Buffer.concat(chunks)]).toEqual(expected);
  });

  it('are flushed when the program waits: a write then a blocking read completes a round trip', async () => {
    const port = await server((s) => s.on('data', (d: Buffer) => s.write(d)));
    const { memory, libc, fd } = await connected(port);
    const buf = memory.serviceBytes(new Uint8Array(8), 'buffer', false);
    bytesAt(buf, 5, 'write').set(Buffer.from('hello'));
    expect(libc.write(fd, buf, 5)).toBe(5);
    const into = memory.serviceBytes(new Uint8Array(8), 'reply', false);
    const n = libc.read(fd, into, 8);
    expect(n).toBeInstanceOf(Promise); // nothing can have come back before the program waited
    expect(await n).toBe(5);
    expect(Buffer.from(bytesAt(into, 5, 'read')).toString()).toBe('hello');
  });

  it('surface a peer reset as -1 with EPIPE, never an exception', async () => {
    let peer: Socket | undefined;
    const port = await server((s) => {
      peer = s;
      s.on('error', () => undefined);
    });
    const { memory, libc, fd } = await connected(port);
    await until(() => peer !== undefined, 'the connection');
    const buf = memory.serviceBytes(new Uint8Array(1024), 'buffer', false);
    peer!.resetAndDestroy();
    const results: number[] = [];
    for (let i = 0; i < 200 && results[results.length - 1] !== -1; i++) {
      results.push(await libc.write(fd, buf, 1024));
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(results[results.length - 1]).toBe(-1);
    expect(results.every((r) => r === 1024 || r === -1)).toBe(true);
    expect(libc.errno).toBe('EPIPE');
    expect(libc.write(fd, buf, 1024)).toBe(-1);
  });
});

describe('memory kept for reuse', () => {
  it('read as zero in the next region, and pointers into the released region still trap', () => {
    const m = new Memory();
    const first = m.createRegion(2);
    const a = m.regionAlloc(first, 8192, 1, { description: 'Region.alloc<byte>', location: 'R.fs(3,5)' });
    bytesAt(a, 8192, 'write').fill(0xab);
    const buffer = a.alloc!.bytes.buffer;
    m.releaseRegion(first, { location: 'R.fs(4,5)' });
    const second = m.createRegion(2);
    const b = m.regionAlloc(second, 8192, 1);
    expect(b.alloc!.bytes.buffer).toBe(buffer); // the same buffer, reused
    expect(bytesAt(b, 8192, 'read').every((x) => x === 0)).toBe(true);
    expect(() => load(new Pointer(a.alloc, 10), 'i8')).toThrow(Trap);
    expect(() => load(new Pointer(a.alloc, 10), 'i8')).toThrow(/use after release: read of 1 byte at offset 10 of Region\.alloc<byte> 8192 bytes in region #1 \(R\.fs\(3,5\)\), released by Region\.release of region #1 \(R\.fs\(4,5\)\)/);
    expect(m.stats().byKind.region).toBe(8192);
  });

  it('stack bytes come from one arena: a new frame reads zero where a popped one wrote, and its old pointers trap', () => {
    const m = new Memory();
    m.pushFrame('first');
    const a = m.stackAlloc(64, { description: 'stackalloc<byte>', location: 'S.fs(2,5)' });
    bytesAt(a, 64, 'write').fill(0xcd);
    const { buffer, byteOffset } = a.alloc!.bytes;
    m.popFrame();
    m.pushFrame('second');
    const b = m.stackAlloc(64);
    expect(b.alloc!.bytes.buffer).toBe(buffer); // the same arena bytes, given back and taken again
    expect(b.alloc!.bytes.byteOffset).toBe(byteOffset);
    expect(bytesAt(b, 64, 'read').every((x) => x === 0)).toBe(true);
    expect(() => load(new Pointer(a.alloc, 3), 'i8')).toThrow(/use after release: read of 1 byte at offset 3 of stackalloc<byte> 64 bytes in frame #1 of first \(S\.fs\(2,5\)\), released by return from first/);
    const big = m.stackAlloc(2 * 1024 * 1024);
    expect(big.alloc!.size).toBe(2 * 1024 * 1024); // larger than the arena: bytes of its own
    m.popFrame();
    expect(m.stats().byKind.stack).toBe(0);
  });
});
