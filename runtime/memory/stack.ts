/**
 * Stack frames: `llvm.alloca` (`NativePtr.stackalloc`, local buffers) allocates in the frame of the
 * running function, and everything in a frame dies when the function returns. The interpreter pushes
 * a frame on each call and pops it on return; a pointer to a popped frame's memory then traps on use.
 */
import type { Allocation } from './allocation.js';

/** One activation's stack allocations. */
export class Frame {
  readonly allocations: Allocation[] = [];
  /** Bytes allocated in this frame, for accounting. */
  bytes = 0;

  constructor(
    /** Unique per `Memory`: frame #1, #2, … */
    readonly id: number,
    /** The function the frame belongs to (`handleClient`), or a generic name. */
    readonly owner: string,
    /** The top of the stack arena when the frame was pushed; popping the frame gives back what lies above. */
    readonly arenaMark: number,
  ) {}

  /** Kills every allocation of the frame. */
  pop(): void {
    const by = `return from ${this.owner} (frame #${this.id} popped)`;
    for (const a of this.allocations) a.release(by);
    this.allocations.length = 0;
  }
}
