/** Checked memory: every bad access traps with a message naming the allocation, offset and size. */
import { describe, expect, it } from 'vitest';
import { Memory, load, store, gep, copy, fill, bytesAt } from '../../runtime/memory/index.js';
import { NULL_PTR, Pointer } from '../../runtime/values.js';
import { trapOf } from '../support/traps.js';


const site = { description: 'Region.alloc<byte>', location: 'samples/X.fs(5,18)' };

describe('typed loads and stores', () => {
  it('round-trips every scalar type in the value conventions, little-endian', () => {
    const m = new Memory();
    m.pushFrame('main');
    const p = m.stackAlloc(32);
    store(p, 'i8', 0xff);
    expect(load(p, 'i8')).toBe(255);
    store(p, 'i8', -1);
    expect(load(p, 'i8')).toBe(255);
    store(gep(p, 2), 'i16', 0xbeef);
    expect(load(gep(p, 2), 'i16')).toBe(0xbeef);
    expect(load(gep(p, 2), 'i8')).toBe(0xef);
    store(gep(p, 4), 'i32', -2);
    expect(load(gep(p, 4), 'i32')).toBe(-2);
    store(gep(p, 8), 'i64', -5n);
    expect(load(gep(p, 8), 'i64')).toBe(-5n);
    store(gep(p, 16), 'i1', 1);
    expect(load(gep(p, 16), 'i1')).toBe(1);
  });

  it('keeps pointers stored in memory, and forgets them when their bytes are overwritten', () => {
    const m = new Memory();
    m.pushFrame('main');
    const cell = m.stackAlloc(16);
    const target = gep(m.stackAlloc(4), 3);
    store(cell, 'ptr', target);
    expect(load(cell, 'ptr')).toBe(target);
    expect(load(gep(cell, 8), 'ptr')).toBe(NULL_PTR); // zeroed bytes read as null
    const other = m.stackAlloc(16);
    copy(other, cell, 16);
    expect(load(other, 'ptr')).toBe(target);
    store(gep(cell, 2), 'i8', 7);
    const t = trapOf(() => load(cell, 'ptr'));
    expect(t.code).toBe('bad-pointer');
    expect(t.message).toContain('offset 0');
  });

  it('copy has memmove semantics and fill writes typed elements', () => {
    const m = new Memory();
    m.pushFrame('main');
    const p = m.stackAlloc(8);
    bytesAt(p, 8, 'write').set([1, 2, 3, 4, 5, 6, 7, 8]);
    copy(gep(p, 2), p, 5);
    expect([...bytesAt(p, 8, 'read')]).toEqual([1, 2, 1, 2, 3, 4, 5, 8]);
    fill(p, 'i16', 0x0102, 4);
    expect([...bytesAt(p, 8, 'read')]).toEqual([2, 1, 2, 1, 2, 1, 2, 1]);
    expect(trapOf(() => fill(p, 'i32', 0, 3)).message).toContain('write of 12 bytes at offset 0');
  });
});

describe('checks', () => {
  it('traps an out-of-bounds read one past a region allocation, naming it exactly', () => {
    const m = new Memory();
    const r = m.createRegion(1);
    const buf = m.regionAlloc(r, 4096, 1, site);
    expect(load(gep(buf, 4095), 'i8')).toBe(0);
    const t = trapOf(() => load(gep(buf, 4096), 'i8'));
    expect(t.code).toBe('out-of-bounds');
    expect(t.exitCode).toBe(70);
    expect(t.message).toBe(
      'out-of-bounds read of 1 byte at offset 4096 of Region.alloc<byte> 4096 bytes in region #1 (samples/X.fs(5,18)) (valid offsets 0..4095)',
    );
  });

  it('traps out-of-bounds writes, negative offsets and straddling multi-byte accesses', () => {
    const m = new Memory();
    const r = m.createRegion(1);
    const a = m.regionAlloc(r, 8, 8, site);
    const b = m.regionAlloc(r, 8, 8, site);
    expect(trapOf(() => store(gep(a, 6), 'i32', 1)).message).toMatch(/^out-of-bounds write of 4 bytes at offset 6 of Region\.alloc<byte> 8 bytes/);
    expect(trapOf(() => load(gep(a, -1), 'i8')).message).toContain('read of 1 byte at offset -1');
    expect(load(b, 'i64')).toBe(0n); // the neighbour was not touched
  });

  it('traps null pointer accesses', () => {
    const t = trapOf(() => load(new Pointer(null, 4), 'i32'));
    expect(t.code).toBe('null-pointer');
    expect(t.message).toBe('null pointer read of 4 bytes at offset 4');
  });

  it('traps use after release and double release, and release really frees the region', () => {
    const m = new Memory();
    const r = m.createRegion(4, { location: 'samples/X.fs(3,5)' });
    const buf = m.regionAlloc(r, 100, 1, site);
    expect(m.stats().byKind.region).toBe(4 * 4096);
    m.releaseRegion(r, { location: 'samples/X.fs(9,5)' });
    expect(m.stats().byKind.region).toBe(0);
    expect(m.stats().liveRegions).toBe(0);
    const t = trapOf(() => store(buf, 'i8', 1));
    expect(t.code).toBe('use-after-release');
    expect(t.message).toBe(
      'use after release: write of 1 byte at offset 0 of Region.alloc<byte> 100 bytes in region #1 (samples/X.fs(5,18)), released by Region.release of region #1 (samples/X.fs(9,5))',
    );
    const d = trapOf(() => m.releaseRegion(r));
    expect(d.code).toBe('double-release');
    expect(d.message).toContain('double release of region #1 (4 pages, 16384 bytes, created at samples/X.fs(3,5))');
    expect(trapOf(() => m.regionAlloc(r, 1, 1)).code).toBe('use-after-release');
  });

  it('traps when a region is out of space, naming the region and the request', () => {
    const m = new Memory();
    const r = m.createRegion(1);
    m.regionAlloc(r, 4000, 1, site);
    const t = trapOf(() => m.regionAlloc(r, 200, 1, site));
    expect(t.code).toBe('out-of-memory');
    expect(t.message).toBe(
      'out of region space: Region.alloc<byte> of 200 bytes (samples/X.fs(5,18)) does not fit in region #1 (1 page, 4096 bytes): 4000 bytes used, 96 free',
    );
    expect(load(m.regionAlloc(r, 96, 1), 'i8')).toBe(0);
  });

  it('aligns and zeroes region allocations', () => {
    const m = new Memory();
    const r = m.createRegion(1);
    const a = m.regionAlloc(r, 3, 1);
    const b = m.regionAlloc(r, 8, 8);
    expect(b.alloc!.bytes.byteOffset - a.alloc!.bytes.byteOffset).toBe(8);
    expect([...bytesAt(b, 8, 'read')]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(trapOf(() => m.regionAlloc(r, 1, 3)).code).toBe('invalid-argument');
  });

  it('traps writes to read-only string bytes', () => {
    const m = new Memory();
    const [p] = m.staticString('Upgrade: websocket');
    expect(load(p, 'i8')).toBe('U'.charCodeAt(0));
    const t = trapOf(() => store(gep(p, 2), 'i8', 0));
    expect(t.code).toBe('read-only');
    expect(t.message).toBe('write to read-only memory: 1 byte at offset 2 of string literal "Upgrade: websocket" (18 bytes)');
    const [q] = m.newString(new Uint8Array([65]), { description: 'String.fromBytes', location: 'a.fs(1,1)' });
    expect(trapOf(() => store(q, 'i8', 0)).message).toContain('string of 1 byte from String.fromBytes (a.fs(1,1))');
  });

  it('kills stack allocations when their frame pops', () => {
    const m = new Memory();
    m.pushFrame('main');
    const outer = m.stackAlloc(4);
    m.pushFrame('handleClient');
    const inner = m.stackAlloc(16, { description: 'NativePtr.stackalloc<byte>', location: 'a.fs(7,9)' });
    store(inner, 'i32', 1);
    expect(m.stats().byKind.stack).toBe(20);
    m.popFrame();
    expect(m.stats().byKind.stack).toBe(4);
    const t = trapOf(() => load(inner, 'i32'));
    expect(t.code).toBe('use-after-release');
    expect(t.message).toContain('NativePtr.stackalloc<byte> 16 bytes in frame #2 of handleClient (a.fs(7,9))');
    expect(t.message).toContain('return from handleClient');
    store(outer, 'i32', 5);
    expect(load(outer, 'i32')).toBe(5);
    m.popFrame();
    expect(trapOf(() => m.popFrame()).code).toBe('internal');
  });

  it('does not hold memory for released regions across many create/release cycles', () => {
    const m = new Memory();
    for (let i = 0; i < 2000; i++) {
      const r = m.createRegion(16);
      m.regionAlloc(r, 60000, 1);
      m.releaseRegion(r);
    }
    expect(m.stats().byKind.region).toBe(0);
    expect(m.stats().liveRegions).toBe(0);
  });
});
