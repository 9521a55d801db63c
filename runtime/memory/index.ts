/** The memory model's public surface: allocations, checked access, regions, stack frames. */
export { Allocation, type AllocationKind } from './allocation.js';
export { checkAccess, load, store, gep, copy, fill, bytesAt, sizeOf, type ScalarType, type AccessKind } from './access.js';
export { Memory, MAX_REGION_PAGES, PAGE_SIZE, type AllocationSite, type MemoryStats } from './memory.js';
export { Region } from './region.js';
