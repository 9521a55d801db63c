/**
 * The benchmark's WebSocket client (the `ws` package's), wrapped so scenarios can await each
 * echoed message in order with a bound, and close with a bound. A connection that fails, closes
 * early or times out rejects with a message saying which, so a scenario can report it.
 */
import WebSocket from 'ws';

/** One open client connection. */
export interface EchoClient {
  send(payload: Buffer): void;
  /** The next message from the server; rejects after `timeoutMs`, or if the connection ends first. */
  receive(timeoutMs: number): Promise<Buffer>;
  /** The closing handshake; the socket is terminated if it is not done within `timeoutMs`. */
  close(timeoutMs?: number): Promise<void>;
}

/** Opens a connection to `url`; rejects after `timeoutMs`. */
export function connect(url: string, timeoutMs: number): Promise<EchoClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
    const inbox: Buffer[] = [];
    let waiter: { resolve: (b: Buffer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;
    let ended: string | null = null;
    const closed = new Promise<void>((r) => socket.once('close', () => r()));

    const fail = (why: string): void => {
      if (ended === null) ended = why;
      if (waiter !== null) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(why));
        waiter = null;
      }
    };
    const openTimer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no handshake within ${timeoutMs} ms`));
    }, timeoutMs);

    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const bytes = isBinary || Buffer.isBuffer(data) ? data : Buffer.from(data);
      if (waiter !== null) {
        clearTimeout(waiter.timer);
        waiter.resolve(bytes);
        waiter = null;
      } else inbox.push(bytes);
    });
    socket.on('close', (code: number) => fail(`the server closed the connection (code ${code})`));
    socket.on('error', (error: Error) => {
      clearTimeout(openTimer);
      fail(`connection error: ${error.message}`);
      reject(error);
    });
    socket.once('open', () => {
      clearTimeout(openTimer);
      resolve({
        send: (payload) => socket.send(payload, { binary: false }),
        receive: (ms) =>
          new Promise<Buffer>((res, rej) => {
            const next = inbox.shift();
            if (next !== undefined) return res(next);
            if (ended !== null) return rej(new Error(ended));
            const timer = setTimeout(() => {
              waiter = null;
              rej(new Error(`no echo within ${ms} ms`));
            }, ms);
            waiter = { resolve: res, reject: rej, timer };
          }),
        close: async (ms = 5000) => {
          if (socket.readyState === WebSocket.CLOSED) return;
          socket.close(1000);
          const timer = setTimeout(() => socket.terminate(), ms);
          await closed;
          clearTimeout(timer);
        },
      });
    });
  });
}
