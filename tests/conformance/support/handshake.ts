/**
 * The opening handshake as text (RFC 6455 §4.1, §4.2): a builder for client requests, valid or
 * broken in one chosen way, the accept key a server must answer with, and a parser for the
 * server's HTTP response.
 */
import { createHash } from 'node:crypto';

/**
 * The RFC's example key and the accept value it must produce, exactly as RFC 6455 §1.3 and §4.2.2
 * print them (base64 of SHA-1 0xb3 0x7a 0x4f 0x2c …). Note `s3pPLMBiTxaQ9kXJeGjegpZgGzo=`, which
 * circulates in some write-ups, is not it.
 */
export const RFC_EXAMPLE_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
export const RFC_EXAMPLE_ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** base64(SHA-1(key + GUID)) (§4.2.2). */
export function acceptFor(key: string): string {
  return createHash('sha1').update(key + GUID).digest('base64');
}

/** A header line; a `null` value means "leave this header out". */
export type Headers = readonly (readonly [string, string | null])[];

/** What the request looks like; every field has a valid default. */
export interface RequestSpec {
  readonly method?: string;
  readonly path?: string;
  readonly httpVersion?: string;
  readonly key?: string;
  /** Replace the default headers by name (case-insensitive); null drops one. */
  readonly override?: Record<string, string | null>;
  /** Extra header lines, sent after the others. */
  readonly extra?: Headers;
  /** Use these header lines exactly instead of building them. */
  readonly rawHeaders?: Headers;
}

/** A complete upgrade request (ending with the blank line). */
export function upgradeRequest(spec: RequestSpec = {}): string {
  const key = spec.key ?? RFC_EXAMPLE_KEY;
  const defaults: [string, string][] = [
    ['Host', 'localhost'],
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Key', key],
    ['Sec-WebSocket-Version', '13'],
  ];
  const override = new Map(Object.entries(spec.override ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const lines: Headers =
    spec.rawHeaders ??
    [
      ...defaults.map(([name, value]) => [name, override.has(name.toLowerCase()) ? override.get(name.toLowerCase())! : value] as const),
      ...[...override.entries()].filter(([k]) => !defaults.some(([d]) => d.toLowerCase() === k)),
    ];
  const all = [...lines, ...(spec.extra ?? [])].filter((h): h is readonly [string, string] => h[1] !== null);
  return (
    `${spec.method ?? 'GET'} ${spec.path ?? '/'} ${spec.httpVersion ?? 'HTTP/1.1'}\r\n` +
    all.map(([n, v]) => `${n}: ${v}\r\n`).join('') +
    '\r\n'
  );
}

/** A parsed HTTP response head. */
export interface HttpResponse {
  readonly status: number;
  readonly statusLine: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  readonly headers: ReadonlyMap<string, string>;
  readonly head: string;
}

/** Where the blank line ending an HTTP head is, as the length of the head; -1 if not yet there. */
export function headLength(bytes: Buffer): number {
  const i = bytes.indexOf('\r\n\r\n');
  return i < 0 ? -1 : i + 4;
}

/** Parses an HTTP response head (status line and headers). */
export function parseResponse(head: string): HttpResponse {
  const lines = head.split('\r\n');
  const statusLine = lines[0] ?? '';
  const m = /^HTTP\/1\.1 (\d{3})(?: .*)?$/.exec(statusLine);
  if (!m) throw new Error(`not an HTTP/1.1 status line: ${JSON.stringify(statusLine)}`);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`malformed header line in the response: ${JSON.stringify(line)}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)!}, ${value}` : value);
  }
  return { status: Number(m[1]), statusLine, headers, head };
}
