/**
 * Services for scoped memory (PRD A-04): `fidelity_region_create`, `fidelity_region_alloc` (called by
 * Alex's `regionAlloc` witness; not in the intrinsic table because `Region.alloc` lowers inline),
 * `fidelity_region_release` and `fidelity_region_scope_exit` (the release Alex inserts on every exit
 * of the scope that created a region); and the libc byte movers `memmove` (NativePtr.copy) and
 * `memset` (NativePtr.fill on bytes), checked over both ranges before a byte moves.
 */
import { copy, fill } from '../memory/access.js';
import { int, long, ptr } from './args.js';
import { siteOf } from './context.js';
import type { ServiceDef } from './service.js';

const PTR = '!llvm.ptr';

/** The region services. */
export const memoryServices: readonly ServiceDef[] = [
  {
    symbol: 'fidelity_region_create', kind: 'runtime', params: ['i32'], result: PTR, blocking: false,
    impl: (a, ctx) => ctx.memory.createRegion(int('fidelity_region_create', a, 0), siteOf(ctx, 'Region.create')),
  },
  {
    // fidelity_region_alloc(region: !llvm.ptr, bytes: i64, align: i64) -> !llvm.ptr:
    // `bytes` zeroed bytes aligned to `align` (a power of two), carved from the region.
    symbol: 'fidelity_region_alloc', kind: 'runtime', params: [PTR, 'i64', 'i64'], result: PTR, blocking: false,
    impl: (a, ctx) =>
      ctx.memory.regionAlloc(
        ptr('fidelity_region_alloc', a, 0),
        long('fidelity_region_alloc', a, 1),
        long('fidelity_region_alloc', a, 2),
        siteOf(ctx, 'Region.alloc'),
      ),
  },
  {
    symbol: 'fidelity_region_release', kind: 'runtime', params: [PTR], result: 'void', blocking: false,
    impl: (a, ctx) => {
      ctx.memory.releaseRegion(ptr('fidelity_region_release', a, 0), siteOf(ctx, 'Region.release'));
      return undefined;
    },
  },
  {
    // fidelity_region_scope_exit(region): releases the region unless the program already did.
    symbol: 'fidelity_region_scope_exit', kind: 'runtime', params: [PTR], result: 'void', blocking: false,
    impl: (a, ctx) => {
      const handle = ptr('fidelity_region_scope_exit', a, 0);
      if (ctx.memory.regionOf(handle).live) ctx.memory.releaseRegion(handle, siteOf(ctx, 'the end of the region scope'));
      return undefined;
    },
  },
  {
    // memmove(dst, src, n) -> dst: overlapping ranges allowed; both ranges checked first.
    symbol: 'memmove', kind: 'libc', params: [PTR, PTR, 'i64'], result: PTR, blocking: false,
    impl: (a) => {
      const dst = ptr('memmove', a, 0);
      copy(dst, ptr('memmove', a, 1), long('memmove', a, 2));
      return dst;
    },
  },
  {
    // memset(dst, c, n) -> dst: n bytes set to (c & 0xff), checked as a whole.
    symbol: 'memset', kind: 'libc', params: [PTR, 'i32', 'i64'], result: PTR, blocking: false,
    impl: (a) => {
      const dst = ptr('memset', a, 0);
      fill(dst, 'i8', int('memset', a, 1) & 0xff, long('memset', a, 2));
      return dst;
    },
  },
];
