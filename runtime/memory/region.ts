/**
 * Region: scoped memory as PRD A-04 defines it. A region is a buffer of 4096-byte pages; `carve`
 * bump-allocates from it and never reuses space; releasing the region kills every allocation carved
 * from it at once and gives the buffer back. Each carved allocation is bounds-checked on its own,
 * so running off the end of one `Region.alloc` into its neighbour traps instead of corrupting it.
 */
import type { Allocation } from './allocation.js';

/** Bytes per region page. */
export const PAGE_SIZE = 4096;

/** A region's bookkeeping; `Memory` creates regions and turns carved spans into Allocations. */
export class Region {
  /** The pages while live; null once released. */
  buffer: Uint8Array | null;
  /** Bytes handed out so far (the bump pointer). */
  used = 0;
  live = true;
  /** How it was released (`Region.release at samples/X.fs(9,5)`), for double-release messages. */
  releasedBy: string | null = null;
  /** Every allocation carved from this region, killed together on release. */
  readonly allocations: Allocation[] = [];

  constructor(
    /** Unique per `Memory`: region #1, #2, … */
    readonly id: number,
    readonly pages: number,
    /** Where `Region.create` ran, if known. */
    readonly createdAt: string | undefined,
    /** The pages, if the owner has a spare buffer of exactly this size (carve zeroes what it hands out). */
    buffer: Uint8Array = new Uint8Array(pages * PAGE_SIZE),
  ) {
    this.buffer = buffer;
  }

  /** Capacity in bytes. */
  get capacity(): number {
    return this.pages * PAGE_SIZE;
  }

  /** `Region #1 (4 pages)`: how messages name the region. */
  get name(): string {
    return `region #${this.id} (${this.pages} page${this.pages === 1 ? '' : 's'}, ${this.capacity} bytes${
      this.createdAt === undefined ? '' : `, created at ${this.createdAt}`
    })`;
  }

  /**
   * Reserves `bytes` at the next multiple of `align` and returns their start offset in the buffer,
   * or null when they do not fit. `align` must be a power of two.
   */
  carve(bytes: number, align: number): number | null {
    const start = Math.ceil(this.used / align) * align;
    if (start + bytes > this.capacity) return null;
    this.used = start + bytes;
    return start;
  }

  /** Kills every allocation of the region and drops the buffer. */
  release(by: string): void {
    this.live = false;
    this.releasedBy = by;
    for (const a of this.allocations) a.release(by);
    this.allocations.length = 0;
    this.buffer = null;
  }
}
