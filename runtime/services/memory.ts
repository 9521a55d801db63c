/**
 * Services for scoped memory (PRD A-04): `fidelity_region_create`, `fidelity_region_alloc` (called by
 * Alex's `regionAlloc` witness; not in the intrinsic table because `Region.alloc` lowers inline) and
 * `fidelity_region_release`.
 */
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
];
