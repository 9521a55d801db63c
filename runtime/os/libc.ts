/**
 * Libc: the C socket and fd calls of the intrinsic table, over real TCP sockets (Node's `net`).
 * Arguments and results are plain JS numbers and Pointers; the service table converts them from and
 * to MLIR values. A call that would block in C returns its result directly when it is available now
 * and a Promise otherwise: the interpreter awaits only Promises, so a busy echo loop does not pay for
 * a microtask per call. Failures are -1 (with `errno` set to the errno name), never exceptions;
 * bad pointers trap like any other memory access.
 */
import { connect as netConnect } from 'node:net';
import { bytesAt, store } from '../memory/access.js';
import { Pointer } from '../values.js';
import { FdTable, type FdEntry } from './fd-table.js';
import { Listener } from './listener.js';
import { AF_INET, decodeSockaddrIn, encodeSockaddrIn, SOCK_STREAM, SOCKADDR_IN_SIZE, type Ipv4Endpoint } from './sockaddr.js';
import { READ_HIGH_WATER_MARK, SocketStream } from './stream.js';

/** Where fd 1 and fd 2 (and the Console services) write. `process.stdout` fits. */
export interface OutputStream {
  write(chunk: Uint8Array): unknown;
}

/** A result now, or later when the call would block. */
export type Blocking<T> = T | Promise<T>;

/** Options for one program run's libc. */
export interface LibcOptions {
  stdout?: OutputStream;
  stderr?: OutputStream;
  /** Bytes queued per socket before it is paused (default 256 KiB). */
  readHighWaterMark?: number;
}

const IPPROTO_TCP = 6;

/** The libc of one program run: its fd table and sockets. */
export class Libc {
  readonly fds = new FdTable();
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The errno name of the last failed call (`EBADF`, `EADDRINUSE`, …), for diagnostics and tests. */
  errno: string | null = null;
  private readonly readHighWaterMark: number;
  /** Every connected socket not yet fully closed, including closed fds still flushing. */
  private readonly sockets = new Set<SocketStream>();

  constructor(options: LibcOptions = {}) {
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    this.readHighWaterMark = options.readHighWaterMark ?? READ_HIGH_WATER_MARK;
  }

  private fail(errno: string): -1 {
    this.errno = errno;
    return -1;
  }

  private track(stream: SocketStream): SocketStream {
    this.sockets.add(stream);
    stream.socket.once('close', () => this.sockets.delete(stream));
    return stream;
  }

  /** `socket(domain, type, protocol)`: only AF_INET + SOCK_STREAM (protocol 0 or TCP); else -1. */
  socket(domain: number, type: number, protocol: number): number {
    if (domain !== AF_INET) return this.fail('EAFNOSUPPORT');
    if (type !== SOCK_STREAM || (protocol !== 0 && protocol !== IPPROTO_TCP)) return this.fail('EPROTONOSUPPORT');
    return this.fds.open({ state: 'fresh' });
  }

  /** Reads the sockaddr_in at `addr` (checked); null if `len` or the family is wrong. */
  private endpointAt(addr: Pointer, len: number): Ipv4Endpoint | null {
    if (len < SOCKADDR_IN_SIZE) return null;
    return decodeSockaddrIn(bytesAt(addr, SOCKADDR_IN_SIZE, 'read'));
  }

  /**
   * `bind(fd, addr, len)`: binds and starts listening (Node cannot do one without the other), so
   * it always blocks: a Promise of 0, or -1 on EADDRINUSE / EACCES / a bad fd or address.
   */
  bind(fd: number, addr: Pointer, len: number): Blocking<number> {
    const entry = this.fds.get(fd);
    if (entry === undefined) return this.fail('EBADF');
    if (entry.state !== 'fresh') return this.fail('EINVAL');
    const endpoint = this.endpointAt(addr, len);
    if (endpoint === null) return this.fail('EINVAL');
    const binding: FdEntry = { state: 'binding' };
    this.fds.replace(fd, binding);
    const listener = new Listener(this.readHighWaterMark);
    return listener.bind(endpoint).then((error) => {
      if (this.fds.get(fd) !== binding) {
        listener.close(); // closed (closeAll) while binding
        return this.fail('EBADF');
      }
      if (error !== null) {
        this.fds.replace(fd, { state: 'fresh' });
        return this.fail(error);
      }
      this.fds.replace(fd, { state: 'listening', listener, backlogSet: false });
      return 0;
    });
  }

  /** `listen(fd, backlog)`: 0 on a bound socket (it is already listening), else -1. */
  listen(fd: number, _backlog: number): number {
    const entry = this.fds.get(fd);
    if (entry === undefined) return this.fail('EBADF');
    if (entry.state !== 'listening') return this.fail('EINVAL');
    this.fds.replace(fd, { ...entry, backlogSet: true });
    return 0;
  }

  /**
   * `accept(fd, addr, addrLen)`: the fd of the next connection, at once if one is queued, else a
   * Promise; -1 if `fd` is not listening or is closed while waiting. If `addr` and `addrLen` are
   * both non-null, the peer's sockaddr_in is stored at `addr` and 16 (i32) at `addrLen`.
   */
  accept(fd: number, addr: Pointer, addrLen: Pointer): Blocking<number> {
    const entry = this.fds.get(fd);
    if (entry === undefined) return this.fail('EBADF');
    if (entry.state !== 'listening' || !entry.backlogSet) return this.fail('EINVAL');
    const listener = entry.listener;
    if (listener.isClosed) return this.fail('EBADF');
    const stream = listener.acceptNow();
    if (stream === null) return listener.whenAcceptable().then(() => this.accept(fd, addr, addrLen));
    const client = this.fds.open({ state: 'connected', stream: this.track(stream) });
    if (addr.alloc !== null && addrLen.alloc !== null) {
      const s = stream.socket;
      const peer = encodeSockaddrIn(s.remoteAddress?.replace(/^::ffff:/, '') ?? '0.0.0.0', s.remotePort ?? 0);
      bytesAt(addr, SOCKADDR_IN_SIZE, 'write').set(peer);
      store(addrLen, 'i32', SOCKADDR_IN_SIZE);
    }
    return client;
  }

  /** `connect(fd, addr, len)`: a Promise of 0 once connected, or -1 (refused, bad fd or address). */
  connect(fd: number, addr: Pointer, len: number): Blocking<number> {
    const entry = this.fds.get(fd);
    if (entry === undefined) return this.fail('EBADF');
    if (entry.state !== 'fresh') return this.fail('EISCONN');
    const endpoint = this.endpointAt(addr, len);
    if (endpoint === null) return this.fail('EINVAL');
    const socket = netConnect({ host: endpoint.address, port: endpoint.port, allowHalfOpen: true });
    const stream = this.track(new SocketStream(socket, this.readHighWaterMark));
    const connecting: FdEntry = { state: 'connecting', socket };
    this.fds.replace(fd, connecting);
    return new Promise<number>((resolve) => {
      const onConnect = (): void => {
        socket.off('close', onClose);
        if (this.fds.get(fd) !== connecting) {
          stream.destroy();
          resolve(this.fail('EBADF'));
          return;
        }
        this.fds.replace(fd, { state: 'connected', stream });
        resolve(0);
      };
      const onClose = (): void => {
        socket.off('connect', onConnect);
        if (this.fds.get(fd) === connecting) this.fds.replace(fd, { state: 'fresh' });
        resolve(this.fail('ECONNREFUSED'));
      };
      socket.once('connect', onConnect);
      socket.once('close', onClose);
    });
  }

  /**
   * `read(fd, buf, len)`: at least one byte (the count), 0 at EOF, -1 on error or a bad fd. The
   * whole destination `[buf, buf + len)` is checked first. Blocks (a Promise) only when nothing is
   * queued yet. fd 0 (stdin) is not supported: -1.
   */
  read(fd: number, buf: Pointer, len: number): Blocking<number> {
    const entry = this.fds.get(fd);
    if (entry === undefined) return this.fail('EBADF');
    if (entry.state !== 'connected') return this.fail('ENOTCONN');
    if (len < 0) return this.fail('EINVAL');
    const into = bytesAt(buf, len, 'write');
    const n = entry.stream.readNow(into);
    if (n === null) return entry.stream.whenReadable().then(() => this.read(fd, buf, len));
    return n < 0 ? this.fail('ECONNRESET') : n;
  }

  /**
   * `write(fd, buf, len)`: writes all `len` bytes and returns `len`, or -1 (bad fd, reset or
   * closed peer). The source range is checked and copied at once; a Promise is returned only when
   * the socket's send buffer is full, settling on 'drain'. fd 1 and 2 write to stdout and stderr.
   */
  write(fd: number, buf: Pointer, len: number): Blocking<number> {
    if (len < 0) return this.fail('EINVAL');
    if (fd === 1 || fd === 2) {
      const bytes = Uint8Array.from(bytesAt(buf, len, 'read'));
      (fd === 1 ? this.stdout : this.stderr).write(bytes);
      return len;
    }
    const entry = this.fds.get(fd);
    if (entry === undefined) return this.fail('EBADF');
    if (entry.state !== 'connected') return this.fail('ENOTCONN');
    const result = entry.stream.write(bytesAt(buf, len, 'read'));
    if (typeof result === 'number') return result < 0 ? this.fail('EPIPE') : result;
    return result.then((r) => (r < 0 ? this.fail('EPIPE') : r));
  }

  /**
   * `close(fd)`: 0, or -1 for an fd the program does not own (0, 1 and 2 included). A listening
   * fd stops listening; a connected one is ended gracefully (FIN after queued writes flush).
   */
  close(fd: number): number {
    const entry = this.fds.remove(fd);
    if (entry === undefined) return this.fail('EBADF');
    switch (entry.state) {
      case 'listening':
        entry.listener.close();
        break;
      case 'connecting':
        entry.socket.destroy();
        break;
      case 'connected':
        entry.stream.close();
        break;
      case 'fresh':
      case 'binding':
        break;
    }
    return 0;
  }

  /** `getsockname` for a listening fd: its address and real port (useful after binding port 0). */
  getsockname(fd: number): Ipv4Endpoint | null {
    const entry = this.fds.get(fd);
    if (entry?.state === 'listening') return entry.listener.address();
    if (entry?.state === 'connected') {
      const s = entry.stream.socket;
      return { address: s.localAddress?.replace(/^::ffff:/, '') ?? '0.0.0.0', port: s.localPort ?? 0 };
    }
    return null;
  }

  /**
   * Shutdown (Ctrl-C, the end of a run, a trap): destroys every listener and socket, including
   * closed ones still flushing, wakes every blocked call (they give -1), and empties the table, so
   * nothing keeps the process alive.
   */
  closeAll(): void {
    for (const fd of this.fds.fds()) {
      const entry = this.fds.remove(fd)!;
      if (entry.state === 'listening') entry.listener.close();
      else if (entry.state === 'connecting') entry.socket.destroy();
      else if (entry.state === 'connected') entry.stream.destroy();
    }
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }
}
