/**
 * A growable list of 32-bit integers, for the node tables' per-declaration positions.
 *
 * Why not a `number[]`: the tables keep one position per top-level declaration each, a hundred
 * thousand and more in a large program. Held in a typed array they take 4 bytes each rather than
 * 8, and the garbage collector neither scans nor copies them.
 */
export class IntList {
  private items = new Int32Array(16);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(n: number): void {
    if (this.count === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.count++] = n;
  }

  /** Item `i` (below `length`). */
  at(i: number): number {
    return this.items[i]!;
  }
}
