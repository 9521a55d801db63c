/**
 * Listener: a bound, listening TCP socket. Node cannot bind without listening, so `bind` starts
 * listening at once and connections that arrive before the program calls `listen` or `accept` wait
 * in a queue, as they would in the kernel's backlog. Each queued connection is already a
 * SocketStream, so its early bytes are buffered (with backpressure) and its errors are handled.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { SocketStream } from './stream.js';
import type { Ipv4Endpoint } from './sockaddr.js';

/** Why a bind failed, as errno names. */
export type BindError = 'EADDRINUSE' | 'EACCES' | 'EADDRNOTAVAIL' | 'EINVAL';

/** A listening socket and its queue of not-yet-accepted connections. */
export class Listener {
  private readonly server: Server;
  private readonly pending: SocketStream[] = [];
  private readonly waiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly readHighWaterMark: number) {
    this.server = createServer({ allowHalfOpen: true });
    this.server.on('connection', (socket: Socket) => {
      const stream = new SocketStream(socket, this.readHighWaterMark);
      if (this.closed) {
        stream.destroy();
        return;
      }
      this.pending.push(stream);
      this.wake();
    });
    this.server.on('error', () => {
      // Errors before 'listening' are reported by bind(); later ones only end accept() with -1.
      this.wake();
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Binds and listens on `endpoint`; settles with null on success or the errno name. */
  bind(endpoint: Ipv4Endpoint): Promise<BindError | null> {
    return new Promise((resolve) => {
      const onError = (e: NodeJS.ErrnoException): void => {
        this.server.off('listening', onListening);
        this.closed = true;
        const code = e.code;
        resolve(code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' ? code : 'EINVAL');
      };
      const onListening = (): void => {
        this.server.off('error', onError);
        resolve(null);
      };
      this.server.once('error', onError);
      this.server.once('listening', onListening);
      this.server.listen({ host: endpoint.address, port: endpoint.port });
    });
  }

  /** The bound address and port (the real port when bound to port 0). */
  address(): Ipv4Endpoint | null {
    const a = this.server.address();
    return a === null || typeof a === 'string' ? null : { address: a.address, port: a.port };
  }

  /** The next queued connection, or null if none has arrived; throws nothing. */
  acceptNow(): SocketStream | null {
    return this.pending.shift() ?? null;
  }

  /** Whether the listener was closed (accept then fails). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Settles when a connection is queued or the listener closes. */
  whenAcceptable(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops listening, drops unaccepted connections, and wakes a blocked accept (which gives -1). */
  close(): void {
    this.closed = true;
    for (const s of this.pending.splice(0)) s.destroy();
    if (this.server.listening) this.server.close();
    this.wake();
  }
}
