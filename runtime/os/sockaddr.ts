/**
 * `struct sockaddr_in` as the program's memory holds it (16 bytes, Linux layout):
 * `sin_family` u16 in host order (little-endian; AF_INET = 2), `sin_port` u16 big-endian (network
 * order), `sin_addr` 4 bytes in network order, then 8 bytes of zero padding.
 */
import { Trap } from '../trap.js';

/** `sizeof(struct sockaddr_in)`. */
export const SOCKADDR_IN_SIZE = 16;
/** `AF_INET`. */
export const AF_INET = 2;
/** `SOCK_STREAM`. */
export const SOCK_STREAM = 1;

/** An IPv4 endpoint in JS terms. */
export interface Ipv4Endpoint {
  /** Dotted quad, e.g. `127.0.0.1`. */
  readonly address: string;
  readonly port: number;
}

/** Parses a dotted quad strictly (four decimal numbers 0..255); null for anything else. */
export function parseDottedQuad(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

/** The 16 bytes of a sockaddr_in for `address` (a dotted quad) and `port`; bad input is a Trap. */
export function encodeSockaddrIn(address: string, port: number): Uint8Array {
  const ip = parseDottedQuad(address);
  if (ip === null) throw new Trap('format', `SockAddr.ipv4: ${JSON.stringify(address)} is not an IPv4 address (expected a dotted quad such as 127.0.0.1)`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Trap('argument-out-of-range', `SockAddr.ipv4: port ${port} is outside 0..65535`);
  const bytes = new Uint8Array(SOCKADDR_IN_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, AF_INET, true);
  view.setUint16(2, port, false);
  bytes.set(ip, 4);
  return bytes;
}

/** Reads a sockaddr_in; null when the family is not AF_INET. */
export function decodeSockaddrIn(bytes: Uint8Array): Ipv4Endpoint | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < SOCKADDR_IN_SIZE || view.getUint16(0, true) !== AF_INET) return null;
  return { address: `${bytes[4]}.${bytes[5]}.${bytes[6]}.${bytes[7]}`, port: view.getUint16(2, false) };
}
