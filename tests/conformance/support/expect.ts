/**
 * The outcomes a conformance case asserts, each checked exactly: an echoed message (one final
 * frame of the right kind with exactly the bytes sent), a failed connection (a close frame with
 * the expected status code, then the TCP close and nothing more), the closing handshake, and HTTP
 * refusals of the opening handshake.
 */
import { expect } from 'vitest';
import { bytesOf, describeFrame, Op } from './frames.js';
import type { HttpResponse } from './handshake.js';
import type { RawClient } from './rawClient.js';

/** Where two byte strings first differ, for failure messages about large payloads. */
function firstDifference(a: Buffer, b: Buffer): string {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return `first difference at byte ${i}: got ${a[i]}, expected ${b[i]}`;
  return `lengths differ: got ${a.length}, expected ${b.length}`;
}

/** The next frame is the echo of a whole message: FIN, no RSV, unmasked, `opcode`, exactly `payload`. */
export async function expectEcho(c: RawClient, opcode: number, payload: Uint8Array | string, timeoutMs?: number): Promise<void> {
  const f = await c.nextFrame(timeoutMs);
  const want = bytesOf(payload);
  const what = describeFrame(f);
  expect(f.opcode, `opcode of ${what}`).toBe(opcode);
  expect(f.fin, `FIN of ${what}`).toBe(true);
  expect(f.rsv, `RSV of ${what}`).toBe(0);
  expect(f.masked, `a server must not mask (${what})`).toBe(false);
  if (!f.payload.equals(want)) {
    expect.fail(`echoed payload differs from the ${want.length} bytes sent (${firstDifference(f.payload, want)}); got ${what}`);
  }
}

/** Shorthands for text and binary echoes. */
export const expectText = (c: RawClient, payload: Uint8Array | string, timeoutMs?: number): Promise<void> =>
  expectEcho(c, Op.text, payload, timeoutMs);
export const expectBinary = (c: RawClient, payload: Uint8Array | string, timeoutMs?: number): Promise<void> =>
  expectEcho(c, Op.binary, payload, timeoutMs);

/** The next frame is a pong carrying exactly `payload`. */
export async function expectPong(c: RawClient, payload: Uint8Array | string): Promise<void> {
  await expectEcho(c, Op.pong, payload);
}

/**
 * The server fails the connection (§7.1.7): a close frame with status `code`, then it closes the
 * TCP connection with nothing sent after the close frame.
 */
export async function expectFailure(c: RawClient, code: number, timeoutMs?: number): Promise<void> {
  const close = await c.nextClose(timeoutMs);
  expect(close.code, `close code (reason ${JSON.stringify(close.reason.toString('utf8'))})`).toBe(code);
  await c.waitForTcpClose(timeoutMs);
}

/**
 * The closing handshake: the server answers with a close frame with status `code` (and either no
 * reason or the client's), then closes the TCP connection with nothing after it.
 */
export async function expectCloseReply(c: RawClient, code: number, reason: Uint8Array | string = ''): Promise<void> {
  const close = await c.nextClose();
  expect(close.code, 'the close code echoed').toBe(code);
  const r = bytesOf(reason);
  expect(close.reason.length === 0 || close.reason.equals(r), `reason ${JSON.stringify(close.reason.toString('utf8'))}`).toBe(true);
  await c.waitForTcpClose();
}

/** An empty close is answered by an empty close (or 1000), then the TCP close. */
export async function expectEmptyCloseReply(c: RawClient): Promise<void> {
  const close = await c.nextClose();
  expect(close.code === undefined || close.code === 1000, `close code ${close.code} with an empty close`).toBe(true);
  expect(close.reason.length).toBe(0);
  await c.waitForTcpClose();
}

/** The server refused the handshake with `status`, and then closed the connection. */
export async function expectRefusal(c: RawClient, response: HttpResponse, status: number | readonly number[]): Promise<void> {
  const allowed = typeof status === 'number' ? [status] : status;
  expect(allowed, `status of:\n${response.head}`).toContain(response.status);
  expect(response.headers.has('sec-websocket-accept'), 'a refusal carries no Sec-WebSocket-Accept').toBe(false);
  await c.waitForTcpClose();
}
