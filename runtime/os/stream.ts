/**
 * SocketStream: a connected TCP socket seen the way a C program sees one. Incoming bytes are queued
 * in order until `read` takes them; past a high-water mark the socket is paused (TCP flow control
 * then slows the peer) and resumed once the program has drained the queue below the low-water mark,
 * so a fast client cannot grow memory without bound. Writes copy the program's bytes (a large write
 * into the buffer of an earlier one that has left), report backpressure as a Promise that settles
 * on 'drain', and never throw: every socket has an 'error' handler, and errors become -1 results.
 *
 * Writes are coalesced: the first write of a turn corks the socket and a `process.nextTick` uncorks
 * it, so everything the program writes until it next waits (a blocking call that must wait, or
 * the end of the run) leaves in one `writev` in the order written, instead of one system call per
 * write (a frame header, then its payload; or a batch of pipelined echoes). Past the socket's
 * high-water mark a write already waits for 'drain', which ends the turn and flushes. Since writes
 * are coalesced here, Nagle's algorithm is turned off (TCP_NODELAY, as `ws` does): it would only
 * add its delay, holding the last partial segment of a large write until the peer's (delayed) ACK.
 */
import type { Socket } from 'node:net';

/** Default bytes queued per socket before it is paused. */
export const READ_HIGH_WATER_MARK = 256 * 1024;
/** Writes of at least this many bytes copy into a recycled buffer (see `spare`); smaller ones come from Node's pool. */
export const RECYCLED_WRITE_BYTES = 64 * 1024;
/** The largest buffer a socket keeps for reuse: one huge write should not hold its size for the connection's life. */
export const RECYCLED_WRITE_MAX = 4 * 1024 * 1024;
/** How long a closed socket waits for the peer's FIN before it is destroyed. */
export const LINGER_MS = 10_000;

/** A connected socket with C read/write semantics. */
export class SocketStream {
  private readonly chunks: Buffer[] = [];
  /** Bytes of `chunks[0]` already read. */
  private head = 0;
  /** Bytes queued and not yet read. */
  private queued = 0;
  private paused = false;
  /** The peer sent FIN. */
  private ended = false;
  /** The socket failed (reset, broken pipe); reads after the queued bytes and writes give -1. */
  private failed: Error | null = null;
  private closedByProgram = false;
  private readonly waiters: (() => void)[] = [];
  /**
   * The largest copy of written bytes that Node is done with (its write callback ran), for the
   * next large write to copy into: a fresh buffer per large message costs page faults on every
   * page and then garbage collection.
   */
  private spare: Buffer | null = null;
  /** Corked by a write of this turn; the scheduled uncork flushes. */
  private corked = false;
  private readonly uncork = (): void => {
    this.corked = false;
    this.socket.uncork();
  };

  constructor(
    readonly socket: Socket,
    private readonly highWaterMark = READ_HIGH_WATER_MARK,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => {
      this.ended = true;
      this.wake();
      if (this.closedByProgram) socket.destroy();
    });
    socket.on('error', (e) => {
      this.failed ??= e;
      this.wake();
    });
    socket.on('close', () => {
      this.ended = true;
      this.wake();
    });
  }

  private onData(chunk: Buffer): void {
    if (this.closedByProgram) return; // the program closed the fd: nobody will read these bytes
    this.chunks.push(chunk);
    this.queued += chunk.length;
    if (!this.paused && this.queued >= this.highWaterMark) {
      this.paused = true;
      this.socket.pause();
    }
    this.wake();
  }

  private wake(): void {
    const ws = this.waiters.splice(0);
    for (const w of ws) w();
  }

  /** Bytes received and not yet read. */
  get bufferedBytes(): number {
    return this.queued;
  }

  /**
   * Reads up to `into.length` bytes now: the count (≥ 1), 0 at EOF, -1 after an error, or null
   * when nothing is available yet (the caller then waits with `whenReadable`). Queued bytes are
   * always delivered before EOF or an error is reported.
   */
  readNow(into: Uint8Array): number | null {
    if (into.length === 0) return 0;
    if (this.queued > 0) {
      let n = 0;
      while (n < into.length && this.chunks.length > 0) {
        const chunk = this.chunks[0]!;
        const take = Math.min(chunk.length - this.head, into.length - n);
        into.set(chunk.subarray(this.head, this.head + take), n);
        n += take;
        this.head += take;
        if (this.head === chunk.length) {
          this.chunks.shift();
          this.head = 0;
        }
      }
      this.queued -= n;
      if (this.paused && this.queued <= this.highWaterMark / 4) {
        this.paused = false;
        this.socket.resume();
      }
      return n;
    }
    if (this.failed !== null) return -1;
    if (this.ended || this.socket.destroyed) return 0;
    return null;
  }

  /** Settles when `readNow` may have something to say (data, EOF or an error). */
  whenReadable(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Writes all of `bytes` (copied first: the program may reuse its buffer at once). Returns the
   * count, -1 if the socket is broken or closed, or a Promise of either when Node's send buffer is
   * over its high-water mark (it settles on 'drain', or -1 if the socket fails first).
   */
  write(bytes: Uint8Array): number | Promise<number> {
    const s = this.socket;
    if (this.failed !== null || this.closedByProgram || s.destroyed || !s.writable) return -1;
    const n = bytes.length;
    if (n === 0) return 0;
    if (!this.corked) {
      this.corked = true;
      s.cork();
      process.nextTick(this.uncork);
    }
    if (n < RECYCLED_WRITE_BYTES ? s.write(Buffer.from(bytes)) : this.writeRecycled(bytes)) return n;
    return new Promise((resolve) => {
      const settle = (result: number): void => {
        s.off('drain', onDrain);
        s.off('close', onClose);
        resolve(result);
      };
      const onDrain = (): void => settle(this.failed === null ? n : -1);
      const onClose = (): void => settle(-1);
      s.on('drain', onDrain);
      s.on('close', onClose);
    });
  }

  /** `socket.write` of a copy of `bytes` made in the spare buffer when it is large enough, else in a new one. */
  private writeRecycled(bytes: Uint8Array): boolean {
    const kept = this.spare;
    const copy = kept !== null && kept.length >= bytes.length ? kept : Buffer.allocUnsafeSlow(bytes.length);
    if (copy === kept) this.spare = null;
    copy.set(bytes);
    return this.socket.write(copy.subarray(0, bytes.length), () => {
      const keep = !this.closedByProgram && copy.length <= RECYCLED_WRITE_MAX;
      if (keep && (this.spare === null || this.spare.length < copy.length)) this.spare = copy;
    });
  }

  /**
   * `close` by the program: queued writes are flushed, then FIN is sent; unread and later bytes are
   * discarded. The socket stops keeping the process alive once FIN is sent, and is destroyed when
   * the peer's FIN arrives or after LINGER_MS.
   */
  close(): void {
    if (this.closedByProgram) return;
    this.closedByProgram = true;
    this.chunks.length = 0;
    this.queued = 0;
    this.head = 0;
    this.spare = null;
    const s = this.socket;
    if (this.paused) s.resume();
    this.wake();
    if (s.destroyed) return;
    if (this.ended || this.failed !== null) {
      s.end(() => s.destroy());
    } else {
      s.end(() => s.unref());
    }
    setTimeout(() => s.destroy(), LINGER_MS).unref();
  }

  /** Abortive close (shutdown of the whole runtime): the socket is gone at once. */
  destroy(): void {
    this.closedByProgram = true;
    this.chunks.length = 0;
    this.queued = 0;
    this.spare = null;
    this.socket.destroy();
    this.wake();
  }
}
