/**
 * The SUPPORT functions Alex calls that are not F# intrinsics: the services table has each with
 * the table's signature, and they behave as documented: `fidelity_args` builds main's string[]
 * from C's argv (without the program name, as .NET does), `memmove` copies overlapping ranges,
 * `memset` fills bytes, `fidelity_region_scope_exit` releases unless already released.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORT } from '../../compiler/intrinsics/table.js';
import { bytesAt, load, store } from '../../runtime/memory/access.js';
import { createServiceContext, lookupService } from '../../runtime/services/index.js';
import { Trap } from '../../runtime/trap.js';
import { Pointer, type Value } from '../../runtime/values.js';
import { Capture } from './harness.js';

const ctxOf = () => createServiceContext({ stdout: new Capture(), stderr: new Capture() });
const call = (ctx: ReturnType<typeof ctxOf>, symbol: string, ...args: Value[]) => lookupService(symbol)!.impl(args, ctx);

describe('SUPPORT coverage', () => {
  it('has a service for every SUPPORT function, with its kind and signature', () => {
    for (const s of Object.values(SUPPORT)) {
      const service = lookupService(s.symbol);
      expect(service, s.symbol).toBeDefined();
      expect(service!.kind, s.symbol).toBe(s.kind);
      expect(service!.params, s.symbol).toEqual(s.params);
      expect(service!.result, s.symbol).toBe(s.result);
      expect(service!.blocking, s.symbol).toBe(false);
    }
  });
});

describe('SUPPORT behaviour', () => {
  it('fidelity_args: string[] elements of 16 bytes (ptr at 0, i64 length at 8), argv[0] left out', () => {
    const ctx = ctxOf();
    const m = ctx.memory;
    const words = ['prog', '9001', 'héllo'];
    const argv = m.serviceBytes(new Uint8Array(32), 'argv', false);
    words.forEach((w, i) => store(new Pointer(argv.alloc, i * 8), 'ptr', m.staticBytes(Buffer.from(`${w}\0`), w)));
    const [arr, count] = call(ctx, 'fidelity_args', 3, argv) as [Pointer, bigint];
    expect(count).toBe(2n);
    expect(arr.alloc!.size).toBe(32);
    const texts = [0, 1].map((i) => {
      const p = load(new Pointer(arr.alloc, i * 16), 'ptr') as Pointer;
      const n = load(new Pointer(arr.alloc, i * 16 + 8), 'i64') as bigint;
      return Buffer.from(bytesAt(p, Number(n), 'read')).toString('utf8');
    });
    expect(texts).toEqual(['9001', 'héllo']);
  });

  it('memmove copies overlapping ranges and returns the destination; memset fills; both checked', () => {
    const ctx = ctxOf();
    ctx.memory.pushFrame('test');
    const p = ctx.memory.stackAlloc(8);
    bytesAt(p, 8, 'write').set([1, 2, 3, 4, 5, 6, 7, 8]);
    const r = call(ctx, 'memmove', new Pointer(p.alloc, 2), p, 5n);
    expect((r as Pointer).offset).toBe(2);
    expect([...bytesAt(p, 8, 'read')]).toEqual([1, 2, 1, 2, 3, 4, 5, 8]);
    call(ctx, 'memset', new Pointer(p.alloc, 4), 0x1ff, 4n);
    expect([...bytesAt(p, 8, 'read')]).toEqual([1, 2, 1, 2, 0xff, 0xff, 0xff, 0xff]);
    expect(() => call(ctx, 'memset', new Pointer(p.alloc, 5), 0, 4n)).toThrow(Trap);
    expect(() => call(ctx, 'memmove', p, new Pointer(p.alloc, 6), 3n)).toThrow(/out-of-bounds read of 3 bytes at offset 6/);
  });

  it('fidelity_region_scope_exit releases a live region and leaves a released one alone', () => {
    const ctx = ctxOf();
    const a = call(ctx, 'fidelity_region_create', 1) as Pointer;
    const buf = call(ctx, 'fidelity_region_alloc', a, 8n, 1n) as Pointer;
    call(ctx, 'fidelity_region_scope_exit', a);
    expect(() => load(buf, 'i8')).toThrow(/use after release/);
    const b = call(ctx, 'fidelity_region_create', 1) as Pointer;
    call(ctx, 'fidelity_region_release', b);
    expect(call(ctx, 'fidelity_region_scope_exit', b)).toBeUndefined();
    expect(ctx.memory.stats().liveRegions).toBe(0);
  });
});
