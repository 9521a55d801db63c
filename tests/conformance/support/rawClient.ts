/**
 * A raw TCP WebSocket client over `node:net`, for testing a server against RFC 6455 byte by byte.
 *
 * Unlike a real WebSocket library it sends exactly the bytes it is given: any handshake, frames
 * built by `encodeFrame` (any FIN/RSV/opcode/mask/length encoding), split into pieces written with
 * small delays, several frames joined in one write, or corrupted bytes. It parses what the server
 * sends (an HTTP response head, then unmasked frames) and notices the TCP close (FIN, or a reset).
 * Every wait is bounded and fails with a message that says what was expected and what came
 * instead.
 */
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeFrame, FrameParser, Op, parseClose, type CloseInfo, type ServerFrame } from './frames.js';
import { headLength, parseResponse, upgradeRequest, type HttpResponse, type RequestSpec } from './handshake.js';

/** How the server ended the TCP connection. */
export type TcpEnd = 'fin' | 'reset';

/** Default bound on every wait, in ms. */
export const DEFAULT_WAIT_MS = 5_000;

export class RawClient {
  private readonly parser = new FrameParser();
  private readonly listeners = new Set<() => void>();
  private end: TcpEnd | undefined;
  private socketError: Error | undefined;
  private received = 0;
  /** Every frame returned by `nextFrame`, in order. */
  readonly frames: ServerFrame[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      this.parser.push(chunk);
      this.notify();
    });
    socket.on('end', () => {
      this.end ??= 'fin';
      this.notify();
    });
    socket.on('error', (e: Error) => {
      this.socketError = e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ECONNRESET' || code === 'EPIPE') this.end ??= 'reset';
      this.notify();
    });
    socket.on('close', () => {
      this.end ??= 'fin';
      this.notify();
    });
  }

  /** Opens a TCP connection to 127.0.0.1:`port`. */
  static connect(port: number, timeoutMs = DEFAULT_WAIT_MS): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`could not connect to 127.0.0.1:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new RawClient(socket));
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`could not connect to 127.0.0.1:${port}: ${e.message}`));
      });
    });
  }

  /** Opens a connection and completes a valid opening handshake; fails unless the answer is 101. */
  static async open(port: number, request: RequestSpec = {}): Promise<RawClient> {
    const client = await RawClient.connect(port);
    const response = await client.handshake(request);
    if (response.status !== 101) {
      client.destroy();
      throw new Error(`expected 101 Switching Protocols, got:\n${response.head}`);
    }
    return client;
  }

  /** Bytes received from the server so far. */
  bytesReceived(): number {
    return this.received;
  }

  /** How the server ended the connection, if it has. */
  tcpEnd(): TcpEnd | undefined {
    return this.end;
  }

  /** Writes `data` in one write; resolves once it is handed to the kernel. Never rejects (a write to
   * a closed connection is a normal outcome here); the error shows up as `tcpEnd()`. */
  write(data: Uint8Array | string): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed || this.socket.writableEnded) {
        resolve();
        return;
      }
      this.socket.write(data, () => resolve());
    });
  }

  /** Writes several frames (or any byte strings) joined in a single write. */
  writeJoined(parts: readonly Uint8Array[]): Promise<void> {
    return this.write(Buffer.concat(parts));
  }

  /**
   * Writes `data` in pieces: all of `pieceSize` bytes, or the given sizes in turn (the rest in one
   * last piece), waiting `delayMs` between writes so that they arrive as separate TCP segments.
   */
  async writeInPieces(data: Uint8Array | string, pieceSize: number | readonly number[], delayMs = 1): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    let pos = 0;
    let i = 0;
    while (pos < bytes.length) {
      const size = typeof pieceSize === 'number' ? pieceSize : (pieceSize[i++] ?? bytes.length - pos);
      if (size <= 0) throw new Error(`piece sizes must be positive, not ${size}`);
      await this.write(bytes.subarray(pos, pos + size));
      pos += size;
      if (pos < bytes.length && delayMs > 0) await sleep(delayMs);
    }
  }

  /** Sends an upgrade request (see `upgradeRequest`) and reads the response head. */
  async handshake(request: RequestSpec = {}, timeoutMs = DEFAULT_WAIT_MS): Promise<HttpResponse> {
    await this.write(upgradeRequest(request));
    return this.readResponse(timeoutMs);
  }

  /** Reads an HTTP response head; bytes after it stay buffered as frames. */
  async readResponse(timeoutMs = DEFAULT_WAIT_MS): Promise<HttpResponse> {
    await this.until(() => headLength(this.parser.peek()) >= 0 || this.end !== undefined, timeoutMs, 'an HTTP response');
    const length = headLength(this.parser.peek());
    if (length < 0) {
      throw new Error(
        `the server ended the connection (${this.end}) before a whole HTTP response head; got ${JSON.stringify(this.parser.peek().toString('latin1'))}`,
      );
    }
    return parseResponse(this.parser.take(length).toString('latin1'));
  }

  /** The next frame from the server; fails if none arrives within the bound or the connection ends. */
  async nextFrame(timeoutMs = DEFAULT_WAIT_MS): Promise<ServerFrame> {
    let f: ServerFrame | undefined;
    await this.until(
      () => {
        f ??= this.parser.next();
        return f !== undefined || this.end !== undefined;
      },
      timeoutMs,
      'a frame from the server',
    );
    f ??= this.parser.next();
    if (f === undefined) {
      throw new Error(`the server ended the connection (${this.end}) instead of sending a frame${this.describePending()}${this.history()}`);
    }
    this.frames.push(f);
    return f;
  }

  /** The next frame, which must be a close frame; its code and reason. */
  async nextClose(timeoutMs = DEFAULT_WAIT_MS): Promise<CloseInfo> {
    const f = await this.nextFrame(timeoutMs);
    if (f.opcode !== Op.close) throw new Error(`expected a close frame, got ${describeFrame(f)}${this.history()}`);
    return parseClose(f.payload);
  }

  /**
   * Waits for the server to end the TCP connection, and checks that nothing (not a byte) came
   * after what was already read. Returns how it ended.
   */
  async waitForTcpClose(timeoutMs = DEFAULT_WAIT_MS): Promise<TcpEnd> {
    await this.until(() => this.end !== undefined, timeoutMs, 'the server to close the TCP connection');
    if (this.parser.pending() > 0) {
      const extra = this.parser.next();
      throw new Error(
        `the server sent more after the last frame read: ${extra ? describeFrame(extra) : `${this.parser.pending()} bytes`}${this.history()}`,
      );
    }
    return this.end!;
  }

  /** Resolves true if the server closed the connection within `ms`, false if it is still open. */
  async closedWithin(ms: number): Promise<boolean> {
    try {
      await this.until(() => this.end !== undefined, ms, 'close');
      return true;
    } catch {
      return false;
    }
  }

  /** Asserts that nothing arrives (and the connection stays open) for `ms`. */
  async expectSilence(ms: number): Promise<void> {
    const before = this.received;
    await sleep(ms);
    if (this.received !== before) {
      const f = this.parser.next();
      throw new Error(`expected silence for ${ms} ms, but the server sent ${f ? describeFrame(f) : `${this.received - before} bytes`}`);
    }
    if (this.end !== undefined) throw new Error(`expected the connection to stay open, but the server ended it (${this.end})`);
  }

  /** Half-closes (sends FIN) without destroying, as a client that stops sending. */
  endWriting(): void {
    this.socket.end();
  }

  /** Drops the connection at once (no close handshake), as a client that vanishes. */
  destroy(): void {
    this.socket.destroy();
  }

  /** Drops the connection with a TCP reset. */
  reset(): void {
    this.socket.resetAndDestroy();
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves when `done()` holds, re-checked on every socket event; rejects after `ms`. */
  private until(done: () => boolean, ms: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`waited ${ms} ms for ${what}; connection ${this.end ?? 'still open'}${this.describePending()}${this.history()}`));
      }, ms);
      this.listeners.add(check);
      check();
    });
  }

  private describePending(): string {
    const p = this.parser.pending();
    if (p === 0) return '';
    return `; ${p} unparsed bytes: ${this.parser.peek().subarray(0, 48).toString('hex')}`;
  }

  private history(): string {
    const errorText = this.socketError ? `; socket error ${this.socketError.message}` : '';
    if (this.frames.length === 0) return errorText;
    return `${errorText}; frames so far: ${this.frames.map(describeFrame).join(' | ')}`;
  }
}
