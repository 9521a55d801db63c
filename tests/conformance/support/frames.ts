/**
 * WebSocket frames as bytes (RFC 6455 §5.2), for a client that must be able to send anything.
 *
 * `encodeFrame` builds a client frame with any FIN, RSV bits, opcode, mask and length encoding,
 * including forbidden ones (unmasked, non-minimal lengths, a declared length that differs from the
 * payload sent), so the conformance suite can test how the server reacts to each. `FrameParser`
 * decodes the server's frames from a byte stream that may arrive in any pieces.
 */
import { randomBytes } from 'node:crypto';

/** Opcodes (RFC 6455 §5.2). */
export const Op = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

/** How the payload length is written: the shortest form, or a fixed one (7, 16 or 64 bits). */
export type LengthEncoding = 'minimal' | 7 | 16 | 64;

/** Everything about a client frame that a test may want to choose. */
export interface FrameSpec {
  readonly opcode: number;
  readonly payload?: Uint8Array | string;
  /** Default true. */
  readonly fin?: boolean;
  /** RSV1..RSV3 as a 3-bit number (RSV1 = 4, RSV2 = 2, RSV3 = 1); default 0. */
  readonly rsv?: number;
  /** true (a random key, the default), false (no MASK bit, no key), or a 4-byte key. */
  readonly mask?: boolean | Uint8Array;
  /** Default 'minimal'. */
  readonly lengthEncoding?: LengthEncoding;
  /** The length written in the header, if it should differ from the payload's (e.g. a lie). */
  readonly declaredLength?: bigint;
}

/** UTF-8 bytes of a string, or the bytes themselves. */
export function bytesOf(payload: Uint8Array | string | undefined): Buffer {
  if (payload === undefined) return Buffer.alloc(0);
  return typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
}

/** XORs `data` with `key` (RFC 6455 §5.3); masking and unmasking are the same operation. */
export function applyMask(data: Uint8Array, key: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i]! ^ key[i & 3]!;
  return out;
}

/** The bytes of one client frame as `spec` describes it. */
export function encodeFrame(spec: FrameSpec): Buffer {
  const payload = bytesOf(spec.payload);
  const declared = spec.declaredLength ?? BigInt(payload.length);
  const fin = spec.fin ?? true;
  const rsv = spec.rsv ?? 0;
  if (rsv < 0 || rsv > 7) throw new Error(`rsv must be 0..7, not ${rsv}`);
  if (spec.opcode < 0 || spec.opcode > 15) throw new Error(`opcode must be 0..15, not ${spec.opcode}`);
  const key = spec.mask === false ? undefined : spec.mask === true || spec.mask === undefined ? randomBytes(4) : Buffer.from(spec.mask);
  if (key !== undefined && key.length !== 4) throw new Error('a masking key is 4 bytes');

  let encoding = spec.lengthEncoding ?? 'minimal';
  if (encoding === 'minimal') encoding = declared <= 125n ? 7 : declared <= 0xffffn ? 16 : 64;
  if (encoding === 7 && declared > 125n) throw new Error(`length ${declared} does not fit in 7 bits`);
  if (encoding === 16 && declared > 0xffffn) throw new Error(`length ${declared} does not fit in 16 bits`);

  const lengthBytes = encoding === 7 ? 0 : encoding === 16 ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + (key === undefined ? 0 : 4));
  header[0] = (fin ? 0x80 : 0) | (rsv << 4) | spec.opcode;
  const maskBit = key === undefined ? 0 : 0x80;
  if (encoding === 7) header[1] = maskBit | Number(declared);
  else if (encoding === 16) {
    header[1] = maskBit | 126;
    header.writeUInt16BE(Number(declared), 2);
  } else {
    header[1] = maskBit | 127;
    header.writeBigUInt64BE(declared, 2);
  }
  if (key === undefined) return Buffer.concat([header, payload]);
  key.copy(header, 2 + lengthBytes);
  return Buffer.concat([header, applyMask(payload, key)]);
}

/** Shorthands for the frames most tests send. */
export const frame = {
  text: (payload: Uint8Array | string, more: Partial<FrameSpec> = {}): Buffer => encodeFrame({ opcode: Op.text, payload, ...more }),
  binary: (payload: Uint8Array | string, more: Partial<FrameSpec> = {}): Buffer => encodeFrame({ opcode: Op.binary, payload, ...more }),
  continuation: (payload: Uint8Array | string, more: Partial<FrameSpec> = {}): Buffer =>
    encodeFrame({ opcode: Op.continuation, payload, ...more }),
  ping: (payload: Uint8Array | string = '', more: Partial<FrameSpec> = {}): Buffer => encodeFrame({ opcode: Op.ping, payload, ...more }),
  pong: (payload: Uint8Array | string = '', more: Partial<FrameSpec> = {}): Buffer => encodeFrame({ opcode: Op.pong, payload, ...more }),
  /** A close frame with a status code and reason; `code` undefined means an empty payload. */
  close: (code?: number, reason: Uint8Array | string = '', more: Partial<FrameSpec> = {}): Buffer =>
    encodeFrame({ opcode: Op.close, payload: code === undefined ? Buffer.alloc(0) : closePayload(code, reason), ...more }),
};

/** A close frame's payload: the 2-byte status code, then the reason. */
export function closePayload(code: number, reason: Uint8Array | string = ''): Buffer {
  const head = Buffer.alloc(2);
  head.writeUInt16BE(code);
  return Buffer.concat([head, bytesOf(reason)]);
}

/** One frame as the server sent it. */
export interface ServerFrame {
  readonly fin: boolean;
  readonly rsv: number;
  readonly opcode: number;
  readonly masked: boolean;
  readonly payload: Buffer;
  /** The frame's bytes as received, header included. */
  readonly raw: Buffer;
}

/** What a close frame's payload says. */
export interface CloseInfo {
  /** undefined for an empty close payload. */
  readonly code: number | undefined;
  readonly reason: Buffer;
}

/** Decodes a close payload (a 1-byte payload gives code undefined and the byte as reason). */
export function parseClose(payload: Buffer): CloseInfo {
  if (payload.length < 2) return { code: undefined, reason: payload };
  return { code: payload.readUInt16BE(0), reason: payload.subarray(2) };
}

/**
 * Decodes frames from a stream of bytes. `push` what arrived; `next` returns the next whole frame,
 * or undefined until all of it is there.
 */
export class FrameParser {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
  }

  /** Bytes received and not yet part of a returned frame. */
  pending(): number {
    return this.buffer.length;
  }

  /** Takes the unparsed bytes (e.g. for reading an HTTP response instead of frames). */
  take(count: number): Buffer {
    const out = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return out;
  }

  peek(): Buffer {
    return this.buffer;
  }

  next(): ServerFrame | undefined {
    const b = this.buffer;
    if (b.length < 2) return undefined;
    const len7 = b[1]! & 0x7f;
    const masked = (b[1]! & 0x80) !== 0;
    let pos = 2;
    let length: number;
    if (len7 === 126) {
      if (b.length < 4) return undefined;
      length = b.readUInt16BE(2);
      pos = 4;
    } else if (len7 === 127) {
      if (b.length < 10) return undefined;
      const big = b.readBigUInt64BE(2);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`the server declared a frame of ${big} bytes`);
      length = Number(big);
      pos = 10;
    } else length = len7;
    const key = masked ? b.subarray(pos, pos + 4) : undefined;
    if (masked) pos += 4;
    if (b.length < pos + length) return undefined;
    const body = b.subarray(pos, pos + length);
    const payload = key === undefined ? Buffer.from(body) : applyMask(body, key);
    const raw = Buffer.from(b.subarray(0, pos + length));
    this.buffer = b.subarray(pos + length);
    return { fin: (b[0]! & 0x80) !== 0, rsv: (b[0]! >> 4) & 7, opcode: b[0]! & 0x0f, masked, payload, raw };
  }
}

/** A readable one-line description of a server frame, for failure messages. */
export function describeFrame(f: ServerFrame): string {
  const name = Object.entries(Op).find(([, v]) => v === f.opcode)?.[0] ?? `opcode ${f.opcode}`;
  const body =
    f.opcode === Op.close
      ? (() => {
          const c = parseClose(f.payload);
          return `code ${c.code ?? 'none'} reason ${JSON.stringify(c.reason.toString('utf8'))}`;
        })()
      : f.payload.length <= 32
        ? `payload ${f.payload.toString('hex') || '(empty)'}`
        : `payload ${f.payload.length} bytes`;
  return `${name}${f.fin ? '' : ' (FIN=0)'}${f.rsv ? ` rsv=${f.rsv}` : ''}${f.masked ? ' MASKED' : ''} ${body}`;
}
