/**
 * The services table: it covers every libc/runtime symbol of the intrinsic table with the same MLIR
 * signature, and each service follows the value conventions and traps with the documented wording.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { intrinsics } from '../../compiler/intrinsics/table.js';
import { bytesAt, load, store } from '../../runtime/memory/access.js';
import { createServiceContext, EXTRA_RUNTIME_SYMBOLS, lookupService, services, type ServiceContext } from '../../runtime/services/index.js';
import { NULL_PTR, Pointer, type StringValue, type Value } from '../../runtime/values.js';
import { Capture, client, collect, within } from './harness.js';
import { trapOf } from '../support/traps.js';

const contexts: ServiceContext[] = [];
afterEach(() => {
  for (const c of contexts.splice(0)) c.libc.closeAll();
});

function context() {
  const stdout = new Capture();
  const stderr = new Capture();
  const ctx = createServiceContext({ stdout, stderr });
  contexts.push(ctx);
  return { ctx, stdout, stderr };
}

/** Calls a service by symbol, as the interpreter does. */
function call(ctx: ServiceContext, symbol: string, ...args: Value[]): Value | Promise<Value> {
  const s = lookupService(symbol);
  if (s === undefined) throw new Error(`no service ${symbol}`);
  return s.impl(args, ctx);
}


const text = (s: Value | Promise<Value>): string => {
  if (s instanceof Promise) throw new Error('a string service returned a Promise');
  const [p, n] = s as StringValue;
  return Buffer.from(bytesAt(p, Number(n), 'read')).toString('utf8');
};

describe('the table', () => {
  it('has a service for every libc and runtime symbol of the intrinsic table, with the same signature', () => {
    const lowered = intrinsics.flatMap((i) => (i.lowering.kind === 'libc' || i.lowering.kind === 'runtime' ? [i.lowering] : []));
    expect(lowered.length).toBeGreaterThan(20);
    for (const l of lowered) {
      const s = services.get(l.symbol);
      expect(s, `service for @${l.symbol}`).toBeDefined();
      expect(s!.kind).toBe(l.kind);
      expect(s!.params, `params of @${l.symbol}`).toEqual(l.params);
      expect(s!.result, `result of @${l.symbol}`).toBe(l.result);
    }
    for (const extra of EXTRA_RUNTIME_SYMBOLS) expect(services.has(extra), extra).toBe(true);
    expect(services.size).toBe(new Set(lowered.map((l) => l.symbol)).size + EXTRA_RUNTIME_SYMBOLS.length);
  });

  it('marks exactly the calls that can block', () => {
    const blocking = [...services.values()].filter((s) => s.blocking).map((s) => s.symbol).sort();
    expect(blocking).toEqual(['accept', 'bind', 'connect', 'read', 'write']);
  });

  it('turns a wrong argument type into an internal-error Trap naming the service', () => {
    const { ctx } = context();
    const t = trapOf(() => call(ctx, 'close', 3n));
    expect(t.code).toBe('internal');
    expect(t.message).toContain('@close argument 0 should be a number (i32), got bigint 3');
  });
});

describe('memory services', () => {
  it('builds a sockaddr_in: family little-endian, port and address in network order', () => {
    const { ctx } = context();
    const p = call(ctx, 'fidelity_sockaddr_ipv4', ctx.memory.staticString('10.0.0.1'), 8080) as Pointer;
    expect([...bytesAt(p, 16, 'read')]).toEqual([2, 0, 0x1f, 0x90, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(trapOf(() => call(ctx, 'fidelity_sockaddr_ipv4', ctx.memory.staticString('10.0.0.256'), 80)).message).toContain(
      '"10.0.0.256" is not an IPv4 address',
    );
    expect(trapOf(() => call(ctx, 'fidelity_sockaddr_ipv4', ctx.memory.staticString('localhost'), 80)).code).toBe('format');
    expect(trapOf(() => call(ctx, 'fidelity_sockaddr_ipv4', ctx.memory.staticString('1.2.3.4'), 70000)).code).toBe('argument-out-of-range');
  });

  it('creates, allocates from and releases regions, labelling allocations with the call site', () => {
    const { ctx } = context();
    ctx.site = { location: 'samples/X.fs(4,18)' };
    const r = call(ctx, 'fidelity_region_create', 4) as Pointer;
    ctx.site = { description: 'Region.alloc<byte>', location: 'samples/X.fs(5,18)' };
    const buf = call(ctx, 'fidelity_region_alloc', r, 4096n, 1n) as Pointer;
    store(buf, 'i8', 7);
    expect(buf.alloc!.label).toBe('Region.alloc<byte> 4096 bytes in region #1 (samples/X.fs(5,18))');
    expect(call(ctx, 'fidelity_region_release', r)).toBeUndefined();
    expect(trapOf(() => load(buf, 'i8')).code).toBe('use-after-release');
    expect(trapOf(() => call(ctx, 'fidelity_region_release', r)).code).toBe('double-release');
    expect(trapOf(() => call(ctx, 'fidelity_region_alloc', buf, 1n, 1n)).message).toContain('expected a Region');
  });
});

describe('string services', () => {
  it('copies bytes in fromBytes, so later writes to the buffer do not change the string', () => {
    const { ctx } = context();
    ctx.memory.pushFrame('main');
    const buf = ctx.memory.stackAlloc(5);
    bytesAt(buf, 5, 'write').set(Buffer.from('hello'));
    const s = call(ctx, 'fidelity_string_from_bytes', buf, 5n);
    store(buf, 'i8', 0x4a);
    expect(text(s)).toBe('hello');
    expect(trapOf(() => store((s as StringValue)[0], 'i8', 0)).code).toBe('read-only');
    expect(trapOf(() => call(ctx, 'fidelity_string_from_bytes', buf, 6n)).code).toBe('out-of-bounds');
  });

  it('searches, slices, trims, lowers, concatenates and compares UTF-8 bytes', () => {
    const { ctx } = context();
    const lit = (t: string) => ctx.memory.staticString(t);
    const req = lit('GET / HTTP/1.1\r\nUpgrade: websocket\r\nSec-WebSocket-Key: abc==\r\n');
    expect(call(ctx, 'fidelity_string_contains', req, lit('Upgrade: websocket'))).toBe(1);
    expect(call(ctx, 'fidelity_string_contains', req, lit('upgrade: websocket'))).toBe(0);
    expect(call(ctx, 'fidelity_string_contains', req, lit(''))).toBe(1);
    expect(call(ctx, 'fidelity_string_index_of', req, lit('Sec-WebSocket-Key: '))).toBe(36);
    expect(call(ctx, 'fidelity_string_index_of', req, lit('nope'))).toBe(-1);
    expect(call(ctx, 'fidelity_string_index_of', lit('héllo wörld'), lit('w'))).toBe(7); // byte index
    expect(call(ctx, 'fidelity_string_starts_with', req, lit('GET '))).toBe(1);
    expect(call(ctx, 'fidelity_string_starts_with', lit('GE'), lit('GET'))).toBe(0);
    expect(text(call(ctx, 'fidelity_string_substring', req, 55, 5))).toBe('abc==');
    expect(text(call(ctx, 'fidelity_string_trim', lit(' \t abc==\r\n')))).toBe('abc==');
    expect(text(call(ctx, 'fidelity_string_trim', lit(' \r\n')))).toBe('');
    expect(text(call(ctx, 'fidelity_string_to_lower', lit('Upgrade: WebSocket É')))).toBe('upgrade: websocket É');
    expect(text(call(ctx, 'fidelity_string_concat', lit('abc=='), lit('258EAFA5')))).toBe('abc==258EAFA5');
    expect(call(ctx, 'fidelity_string_equals', lit('abc'), lit('abc'))).toBe(1);
    expect(call(ctx, 'fidelity_string_equals', lit('abc'), lit('abd'))).toBe(0);
    expect(call(ctx, 'fidelity_string_equals', lit('abc'), lit('ab'))).toBe(0);
  });

  it("traps an out-of-range substring with .NET's ArgumentOutOfRangeException wording", () => {
    const { ctx } = context();
    const s = ctx.memory.staticString('hello');
    expect(trapOf(() => call(ctx, 'fidelity_string_substring', s, 3, 3)).message).toBe(
      "System.ArgumentOutOfRangeException: Index and length must refer to a location within the string. (Parameter 'length') in String.substring of a 5-byte string with start 3 and length 3",
    );
    expect(trapOf(() => call(ctx, 'fidelity_string_substring', s, -1, 1)).message).toContain("StartIndex cannot be less than zero. (Parameter 'startIndex')");
    expect(trapOf(() => call(ctx, 'fidelity_string_substring', s, 6, 0)).message).toContain('startIndex cannot be larger than length of string.');
    expect(trapOf(() => call(ctx, 'fidelity_string_substring', s, 0, -1)).message).toContain("Length cannot be less than zero. (Parameter 'length')");
    expect(text(call(ctx, 'fidelity_string_substring', s, 5, 0))).toBe('');
  });
});

describe('text, crypto and failure services', () => {
  it('writes to the console streams', () => {
    const { ctx, stdout } = context();
    call(ctx, 'fidelity_console_write', ctx.memory.staticString('=== WebSocket'));
    call(ctx, 'fidelity_console_writeln', ctx.memory.staticString(' Echo Server ==='));
    expect(stdout.text).toBe('=== WebSocket Echo Server ===\n');
  });

  it('formats and parses Int32 as .NET does', () => {
    const { ctx } = context();
    expect(text(call(ctx, 'fidelity_format_int', -2147483648))).toBe('-2147483648');
    expect(call(ctx, 'fidelity_parse_int', ctx.memory.staticString(' +42\r\n'))).toBe(42);
    expect(call(ctx, 'fidelity_parse_int', ctx.memory.staticString('-2147483648'))).toBe(-2147483648);
    const bad = trapOf(() => call(ctx, 'fidelity_parse_int', ctx.memory.staticString('12a')));
    expect(bad.code).toBe('format');
    expect(bad.message).toBe("System.FormatException: The input string '12a' was not in a correct format.");
    expect(trapOf(() => call(ctx, 'fidelity_parse_int', ctx.memory.staticString(''))).code).toBe('format');
    expect(trapOf(() => call(ctx, 'fidelity_parse_int', ctx.memory.staticString('2147483648'))).message).toContain(
      'System.OverflowException: Value was either too large or too small for an Int32.',
    );
  });

  it('computes the WebSocket accept key through sha1 and base64 services', () => {
    const { ctx } = context();
    const [p, n] = ctx.memory.staticString('dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11');
    const digest = call(ctx, 'fidelity_crypto_sha1', p, n) as Pointer;
    expect(digest.alloc!.size).toBe(20);
    expect(digest.alloc!.readOnly).toBe(true);
    expect(Buffer.from(bytesAt(digest, 20, 'read')).toString('hex')).toBe(
      createHash('sha1').update('dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('hex'),
    );
    expect(text(call(ctx, 'fidelity_crypto_base64_encode', digest, 20n))).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    expect(trapOf(() => call(ctx, 'fidelity_crypto_base64_encode', digest, 21n)).code).toBe('out-of-bounds');
  });

  it("traps an incomplete match with F#'s MatchFailureException wording and the location", () => {
    const { ctx } = context();
    const t = trapOf(() => call(ctx, 'fidelity_match_failure', ctx.memory.staticString('samples/X.fs'), 12, 9));
    expect(t.code).toBe('match-failure');
    expect(t.message).toBe('Microsoft.FSharp.Core.MatchFailureException: The match cases were incomplete at samples/X.fs(12,9)');
    expect(t.location).toBe('samples/X.fs(12,9)');
    expect(t.render()).toBe(`samples/X.fs(12,9): runtime error: ${t.message}`);
  });
});

describe('socket services', () => {
  it('runs a server with i32/i64 values, returning i64 results as bigints, sync or awaited', async () => {
    const { ctx } = context();
    const fd = call(ctx, 'socket', 2, 1, 0) as number;
    const addr = call(ctx, 'fidelity_sockaddr_ipv4', ctx.memory.staticString('127.0.0.1'), 0) as Pointer;
    expect(await within(2000, call(ctx, 'bind', fd, addr, 16))).toBe(0);
    expect(call(ctx, 'listen', fd, 10)).toBe(0);
    const c = await client(ctx.libc.getsockname(fd)!.port);
    const echoed = collect(c);
    const cfd = (await within(2000, call(ctx, 'accept', fd, NULL_PTR, NULL_PTR))) as number;
    c.end('ping');
    ctx.memory.pushFrame('main');
    const buf = ctx.memory.stackAlloc(64);
    const n = await within(2000, call(ctx, 'read', cfd, buf, 64n));
    expect(n).toBe(4n);
    expect(await call(ctx, 'write', cfd, buf, 4n)).toBe(4n);
    expect(await within(2000, call(ctx, 'read', cfd, buf, 64n))).toBe(0n);
    expect(call(ctx, 'close', cfd)).toBe(0);
    expect(call(ctx, 'close', fd)).toBe(0);
    expect((await within(2000, echoed)).toString()).toBe('ping');
    expect(call(ctx, 'read', 0, buf, 1n)).toBe(-1n);
  });
});
