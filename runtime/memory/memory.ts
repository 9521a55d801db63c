/**
 * Memory: the owner of every allocation a running program makes. It hands out allocation ids and
 * labels, runs regions and stack frames, makes the immutable allocations behind strings, literals
 * and service results, and keeps the live-byte accounting a soak test reads to check that released
 * memory is really freed. Loads and stores are in access.ts; they need only the Pointer.
 */
import { Trap } from '../trap.js';
import { Pointer, type StringValue } from '../values.js';
import { Allocation, type AllocationKind } from './allocation.js';
import { Frame } from './stack.js';
import { PAGE_SIZE, Region } from './region.js';

/** Where an allocation is being made, set by the interpreter: used only in labels and messages. */
export interface AllocationSite {
  /** What the program called, e.g. `Region.alloc<byte>`, `NativePtr.stackalloc<byte>`, `String.fromBytes`. */
  readonly description?: string;
  /** The F# source location, `samples/X.fs(5,18)`. */
  readonly location?: string;
}

/** Live bytes and objects, as of now. */
export interface MemoryStats {
  /** Sum over kinds. */
  readonly liveBytes: number;
  /**
   * Per kind. `region` counts whole region buffers (capacity) from create to release; `stack`
   * counts frame allocations until their frame pops; `string`, `static` and `service` allocations
   * have no owner that frees them and are counted until the JS garbage collector reclaims them.
   */
  readonly byKind: Readonly<Record<AllocationKind, number>>;
  readonly liveRegions: number;
  readonly frameDepth: number;
}

/** The most pages one region may have (64 MiB): a larger request is a Trap, not a host crash. */
export const MAX_REGION_PAGES = 16384;

/**
 * How many bytes of released region buffers are kept for the next regions of the same size. A
 * server that creates a region per connection or per large message then reuses its buffers
 * instead of leaving the garbage collector a large buffer per connection. Nothing can reach a
 * kept buffer (its allocations are released and hold no bytes), and `Region.alloc` zeroes every
 * span it hands out, so reuse is invisible to the program.
 */
export const SPARE_REGION_BYTES = 8 * 1024 * 1024;

/**
 * Bytes of the stack arena: stack allocations are carved from it (and zeroed) while they fit, and
 * given back when their frame pops, as on a native stack; a larger one gets bytes of its own. A
 * popped frame's allocations are released (they hold no bytes), so reuse is invisible.
 */
export const STACK_ARENA_BYTES = 1024 * 1024;

const at = (site: AllocationSite | undefined): string => (site?.location === undefined ? '' : ` (${site.location})`);

/** The simulated memory of one program run. Build one per run. */
export class Memory {
  private nextAllocationId = 1;
  private nextRegionId = 1;
  private nextFrameId = 1;
  private readonly live: Record<AllocationKind, number> = { stack: 0, region: 0, string: 0, static: 0, service: 0 };
  private readonly regions = new Set<Region>();
  /** Released region buffers by page count, SPARE_REGION_BYTES at most in all. */
  private readonly spare = new Map<number, Uint8Array[]>();
  private spareBytes = 0;
  private readonly frames: Frame[] = [];
  private stackArena: Uint8Array | null = null;
  private stackTop = 0;
  /** Decrements the accounting of owner-less allocations when the GC takes them. */
  private readonly collected = new FinalizationRegistry<{ kind: AllocationKind; size: number }>((held) => {
    this.live[held.kind] -= held.size;
  });

  /** A new allocation; the caller decides who frees it. */
  private allocate(kind: AllocationKind, label: string | (() => string), bytes: Uint8Array, readOnly: boolean, host: object | null = null): Allocation {
    const a = new Allocation(this.nextAllocationId++, kind, label, bytes, readOnly, host);
    this.live[kind] += bytes.length;
    if (kind === 'string' || kind === 'static' || kind === 'service') this.collected.register(a, { kind, size: bytes.length });
    return a;
  }

  // ---- immutable bytes ---------------------------------------------------------------------------

  /** A read-only allocation holding a string literal global's bytes (`llvm.mlir.global constant`). */
  staticBytes(bytes: Uint8Array, label: string): Pointer {
    return new Pointer(this.allocate('static', label, Uint8Array.from(bytes), true), 0);
  }

  /** A string literal as a string value, its bytes in a static read-only allocation. */
  staticString(text: string): StringValue {
    const bytes = new TextEncoder().encode(text);
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return [this.staticBytes(bytes, `string literal ${JSON.stringify(shown)} (${bytes.length} bytes)`), BigInt(bytes.length)];
  }

  /** A new immutable string holding a copy of `bytes`. */
  newString(bytes: Uint8Array, site?: AllocationSite): StringValue {
    const label = `string of ${bytes.length === 1 ? '1 byte' : `${bytes.length} bytes`} from ${site?.description ?? 'the runtime'}${at(site)}`;
    return [new Pointer(this.allocate('string', label, Uint8Array.from(bytes), true), 0), BigInt(bytes.length)];
  }

  /** A new allocation made by a service (a digest, a sockaddr_in), holding a copy of `bytes`. */
  serviceBytes(bytes: Uint8Array, label: string, readOnly: boolean): Pointer {
    return new Pointer(this.allocate('service', label, Uint8Array.from(bytes), readOnly), 0);
  }

  // ---- regions (PRD A-04) ------------------------------------------------------------------------

  /** `Region.create pages`: a new region; the result is its handle (a pointer to a 0-byte allocation). */
  createRegion(pages: number, site?: AllocationSite): Pointer {
    if (!Number.isInteger(pages) || pages < 1 || pages > MAX_REGION_PAGES) {
      throw new Trap('invalid-argument', `Region.create: the page count must be between 1 and ${MAX_REGION_PAGES} (got ${pages})`);
    }
    const kept = this.spare.get(pages)?.pop();
    if (kept !== undefined) this.spareBytes -= kept.length;
    const region = new Region(this.nextRegionId++, pages, site?.location, kept);
    this.regions.add(region);
    this.live.region += region.capacity;
    return new Pointer(this.allocate('service', `handle of ${region.name}`, new Uint8Array(0), true, region), 0);
  }

  /** The Region behind a handle; traps if the pointer is not a region handle. */
  regionOf(handle: Pointer): Region {
    const host = handle.alloc?.host;
    if (!(host instanceof Region) || handle.offset !== 0) {
      throw new Trap('bad-pointer', `expected a Region, got ${handle.alloc === null ? 'the null pointer' : `a pointer into ${handle.alloc.label}`}`);
    }
    return host;
  }

  /**
   * `Region.alloc<'T> region n`: `bytes` fresh zeroed bytes aligned to `align`, carved from the
   * region and bounds-checked on their own. Out of space, or a released region, is a Trap.
   */
  regionAlloc(handle: Pointer, bytes: number, align: number, site?: AllocationSite): Pointer {
    const region = this.regionOf(handle);
    const what = site?.description ?? 'Region.alloc';
    if (!region.live) {
      throw new Trap('use-after-release', `${what} of ${bytes} bytes${at(site)} in ${region.name}, which was released by ${region.releasedBy}`);
    }
    if (!Number.isInteger(bytes) || bytes < 0) throw new Trap('invalid-argument', `${what}${at(site)}: negative size ${bytes} bytes in ${region.name}`);
    if (!Number.isInteger(align) || align < 1 || (align & (align - 1)) !== 0) {
      throw new Trap('invalid-argument', `${what}${at(site)}: alignment ${align} is not a power of two`);
    }
    const start = region.carve(bytes, align);
    if (start === null) {
      throw new Trap(
        'out-of-memory',
        `out of region space: ${what} of ${bytes} bytes${at(site)} does not fit in ${region.name}: ${region.used} bytes used, ${region.capacity - region.used} free`,
      );
    }
    const span = region.buffer!.subarray(start, start + bytes);
    span.fill(0);
    const a = this.allocate('region', () => `${what} ${bytes} bytes in region #${region.id}${at(site)}`, span, false);
    this.live.region -= bytes; // the region's whole buffer is already counted
    region.allocations.push(a);
    return new Pointer(a, 0);
  }

  /** `Region.release`: kills the region and all its allocations; a second release is a Trap. */
  releaseRegion(handle: Pointer, site?: AllocationSite): void {
    const region = this.regionOf(handle);
    if (!region.live) {
      throw new Trap('double-release', `double release of ${region.name}${at(site)}: already released by ${region.releasedBy}`);
    }
    const buffer = region.buffer!;
    region.release(`Region.release of region #${region.id}${at(site)}`);
    this.regions.delete(region);
    this.live.region -= region.capacity;
    if (this.spareBytes + buffer.length <= SPARE_REGION_BYTES) {
      const list = this.spare.get(region.pages);
      if (list === undefined) this.spare.set(region.pages, [buffer]);
      else list.push(buffer);
      this.spareBytes += buffer.length;
    }
  }

  // ---- stack frames ------------------------------------------------------------------------------

  /** Enters a function: allocations from now on belong to a new frame owned by `owner`. */
  pushFrame(owner = 'a function'): void {
    this.frames.push(new Frame(this.nextFrameId++, owner, this.stackTop));
  }

  /** Leaves the current function: its stack allocations die. */
  popFrame(): void {
    const frame = this.frames.pop();
    if (frame === undefined) throw new Trap('internal', 'internal error: popFrame with no stack frame');
    frame.pop();
    this.stackTop = frame.arenaMark;
    this.live.stack -= frame.bytes;
  }

  /** `llvm.alloca`: `bytes` zeroed bytes in the current frame. */
  stackAlloc(bytes: number, site?: AllocationSite): Pointer {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined) throw new Trap('internal', 'internal error: stack allocation outside any stack frame');
    if (!Number.isInteger(bytes) || bytes < 0) throw new Trap('invalid-argument', `stack allocation of ${bytes} bytes${at(site)}`);
    const what = site?.description ?? 'stack allocation';
    const a = this.allocate('stack', () => `${what} ${bytes} bytes in frame #${frame.id} of ${frame.owner}${at(site)}`, this.stackBytes(bytes), false);
    frame.allocations.push(a);
    frame.bytes += bytes;
    return new Pointer(a, 0);
  }

  /** `bytes` zeroed bytes from the stack arena (8-byte aligned), or bytes of their own when they do not fit. */
  private stackBytes(bytes: number): Uint8Array {
    const start = (this.stackTop + 7) & ~7;
    if (start + bytes > STACK_ARENA_BYTES) return new Uint8Array(bytes);
    this.stackArena ??= new Uint8Array(STACK_ARENA_BYTES);
    this.stackTop = start + bytes;
    return this.stackArena.subarray(start, start + bytes).fill(0);
  }

  /** The number of frames pushed and not yet popped. */
  get frameDepth(): number {
    return this.frames.length;
  }

  // ---- accounting --------------------------------------------------------------------------------

  /** Live bytes and objects now. */
  stats(): MemoryStats {
    const byKind = { ...this.live };
    const liveBytes = Object.values(byKind).reduce((s, n) => s + n, 0);
    return { liveBytes, byKind, liveRegions: this.regions.size, frameDepth: this.frames.length };
  }
}

export { PAGE_SIZE };
