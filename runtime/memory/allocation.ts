/**
 * Allocation: one contiguous block of simulated memory that pointers point into. Every pointer
 * carries its allocation, so every access can be checked against exactly the block it came from
 * (a sanitizer's view of memory: no flat address space, no silent corruption).
 */
import type { Pointer } from '../values.js';

/**
 * Where an allocation came from:
 * - `stack`: `llvm.alloca` / `NativePtr.stackalloc`, dies when its frame pops;
 * - `region`: `Region.alloc`, dies when its region is released;
 * - `string`: bytes of a string made at run time (immutable);
 * - `static`: bytes of a string literal global (immutable, lives forever);
 * - `service`: made by a runtime service (a Region handle, a sockaddr_in, a SHA-1 digest).
 */
export type AllocationKind = 'stack' | 'region' | 'string' | 'static' | 'service';

const EMPTY = new Uint8Array(0);

/** A block of simulated memory. Created only by `Memory`; fields are read by the checked accessors. */
export class Allocation {
  /** The bytes while live; an empty array once released (the memory really is given back). */
  bytes: Uint8Array;
  /** A little-endian view over `bytes`, made on first multi-byte access. */
  private dataView: DataView | null = null;
  /** False once released (stack frame popped, region released). */
  live = true;
  /** Why and by whom it was released, for use-after-release messages. */
  releasedBy: string | null = null;
  /**
   * Pointers stored into this allocation, by byte offset. Memory holds bytes, but a pointer is an
   * object, so `store ptr` writes a marker into the bytes and keeps the Pointer here; any other
   * write over those bytes forgets it. Null until the first pointer store.
   */
  pointers: Map<number, Pointer> | null = null;

  /** The label, or how to make it: most allocations never appear in a message, so hot paths defer the text. */
  private labelSource: string | (() => string);

  constructor(
    /** Unique per `Memory`, in creation order. */
    readonly id: number,
    readonly kind: AllocationKind,
    label: string | (() => string),
    bytes: Uint8Array,
    /** Writes trap (string bytes, literals, digests, sockaddrs). */
    readonly readOnly: boolean,
    /** The host object behind a service allocation (e.g. the Region a handle stands for), else null. */
    readonly host: object | null = null,
  ) {
    this.labelSource = label;
    this.bytes = bytes;
    this.size = bytes.length;
  }

  /** Human description used in trap messages, e.g. `Region.alloc<byte> 4096 bytes in region #1 (samples/X.fs(5,18))`. */
  get label(): string {
    const l = this.labelSource;
    if (typeof l === 'string') return l;
    const text = l();
    this.labelSource = text;
    return text;
  }

  /** Size in bytes, kept after release so messages can still name it. */
  readonly size: number;

  /** The DataView over the live bytes (little-endian accesses are done by the caller). */
  get view(): DataView {
    let v = this.dataView;
    if (v === null) {
      v = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
      this.dataView = v;
    }
    return v;
  }

  /** Marks the allocation dead and drops its bytes. Called by the owner (frame or region). */
  release(by: string): void {
    this.live = false;
    this.releasedBy = by;
    this.bytes = EMPTY;
    this.dataView = null;
    this.pointers = null;
  }
}
