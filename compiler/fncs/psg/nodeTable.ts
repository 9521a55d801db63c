/**
 * Side tables keyed by AST node identity, stored as append-only logs cut into one part per
 * top-level declaration.
 *
 * Why not a `Map` per table: with tens of thousands of node keys a map is slow to build (every
 * growth rehashes all its keys, reading each node again, long since out of the cache) and costly in
 * garbage, and the checker spends much of its time there. The checker writes a declaration's nodes
 * together, so a write is an append; a lookup finds the declaration whose source range holds the
 * node and scans its part, which is short (a map indexes a long one). Should that not find the node,
 * a map over the whole log answers: a lookup never depends on spans being well formed, only its
 * speed does. The log is kept in fixed-size chunks, so it grows without copying.
 */
import type { Span } from '../syntax/ast.js';
import { IntList } from './intList.js';

/** A part longer than this gets a map from node to entry on its first lookup. */
const SCAN_LIMIT = 48;
/** Entries per chunk of the log (a power of two); each entry is a key then its value. */
const CHUNK_BITS = 8;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** What a chunk whose entries have all been released is replaced by. */
const RELEASED: unknown[] = Object.freeze([]) as unknown as unknown[];

/** The source ranges of the top-level declarations, in order, shared by a program's node tables. */
export class DeclRanges {
  private readonly starts = new IntList();
  private readonly ends = new IntList();
  /** The part being written: 0 (outside any declaration) until the first `open`. */
  private currentPart = 0;
  /** The last part `locate` found, with its range (a lookup usually follows one in the same declaration). */
  private lastPart = -1;
  private lastStart = 0;
  private lastEnd = 0;

  /** Later writes go to a new part, for the declaration spanning `span`. */
  open(span: Span): void {
    this.starts.push(span.startOffset);
    this.ends.push(span.endOffset);
    this.currentPart = this.starts.length;
  }

  get current(): number {
    return this.currentPart;
  }

  /** The part of the declaration whose range holds `offset`, or -1. */
  locate(offset: number): number {
    if (offset >= this.lastStart && offset < this.lastEnd) return this.lastPart;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts.at(mid) <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    if (hi < 0 || !(offset < this.ends.at(hi))) return -1;
    this.lastPart = hi + 1;
    this.lastStart = this.starts.at(hi);
    this.lastEnd = this.ends.at(hi);
    return this.lastPart;
  }
}

/** A node-keyed table written one declaration at a time (see the file comment). */
export class NodeTable<K extends { readonly span: Span }, V> {
  /** The log: entry `i` is at `chunks[i >> CHUNK_BITS]`, key at `2 * (i & MASK)`, value after it. */
  private readonly chunks: unknown[][] = [];
  private size = 0;
  /** Where each part begins in the log; a part ends where the next begins. */
  private readonly partStarts = new IntList();
  /** Maps from node to its latest entry, for long parts (by part) and for the whole log. */
  private readonly partIndexes = new Map<number, Map<K, number>>();
  private wholeIndex: Map<K, number> | null = null;
  /** Per chunk, how many of its entries `release` has cleared. */
  private readonly releasedIn: number[] = [];
  /**
   * The node the last successful `get` asked for and its entry: a node is often looked up twice in
   * a row (an operator's operand path, for its type and then for its value). Forgotten on `set` (a
   * later write for a node wins) and `release`; `rewrite` changes the entry's value in place.
   */
  private lastKey: K | null = null;
  private lastEntry = 0;

  constructor(private readonly ranges: DeclRanges) {}

  /** Set `k` to `v` in the current declaration's part; returns the entry, for `rewrite`. */
  set(k: K, v: V): number {
    const part = this.ranges.current;
    while (this.partStarts.length <= part) this.partStarts.push(this.size);
    const i = this.size++;
    const at = (i & MASK) << 1;
    if (at === 0) this.chunks.push(new Array<unknown>(2 * CHUNK));
    const chunk = this.chunks[i >> CHUNK_BITS]!;
    chunk[at] = k;
    chunk[at + 1] = v;
    this.lastKey = null;
    // Within a part a later entry for the same node wins: scans go from the end, indexes are kept
    // current. A node set again from another declaration's part is still found in the part its span
    // falls in first; the checker writes each node only while checking the declaration holding it.
    if (this.partIndexes.size > 0) this.partIndexes.get(part)?.set(k, i);
    this.wholeIndex?.set(k, i);
    return i;
  }

  /**
   * Forget the entries of declaration part `part` (see `ProgramTables.release`): their nodes and
   * values may then be collected, and a chunk with no entry left is dropped. Lookups of its nodes
   * find nothing afterwards. Each part is released at most once.
   */
  release(part: number): void {
    if (part >= this.partStarts.length) return;
    const from = this.partStarts.at(part);
    const to = part + 1 < this.partStarts.length ? this.partStarts.at(part + 1) : this.size;
    // Most tables have no entry in a given declaration: nothing to clear, no index to drop.
    if (from === to) return;
    // A chunk at a time: the entries of the part in it, then the chunk itself if none is left.
    for (let i = from; i < to; ) {
      const c = i >> CHUNK_BITS;
      const end = Math.min(to, (c + 1) << CHUNK_BITS);
      const gone = (this.releasedIn[c] ?? 0) + (end - i);
      this.releasedIn[c] = gone;
      if (gone === CHUNK) {
        this.chunks[c] = RELEASED;
      } else {
        // A loop rather than `fill`: a part's entries are few, and `fill` is a call into the runtime.
        const chunk = this.chunks[c]!;
        for (let at = (i & MASK) << 1, stop = (((end - 1) & MASK) << 1) + 2; at < stop; at++) chunk[at] = undefined;
      }
      i = end;
    }
    if (this.partIndexes.size > 0) this.partIndexes.delete(part);
    this.wholeIndex = null;
    this.lastKey = null;
  }

  /** Replace the value of entry `i` (as returned by `set`). */
  rewrite(i: number, v: V): void {
    this.chunks[i >> CHUNK_BITS]![((i & MASK) << 1) + 1] = v;
  }

  get(k: K): V | undefined {
    if (k === this.lastKey) return this.valueAt(this.lastEntry);
    const i = this.find(k);
    if (i < 0) return undefined;
    this.lastKey = k;
    this.lastEntry = i;
    return this.valueAt(i);
  }

  /** The latest entry for `k`, or -1. */
  private find(k: K): number {
    const part = this.ranges.locate(k.span.startOffset);
    if (part >= 0 && part < this.partStarts.length) {
      const from = this.partStarts.at(part);
      const to = part + 1 < this.partStarts.length ? this.partStarts.at(part + 1) : this.size;
      const i = to - from <= SCAN_LIMIT ? this.scan(k, from, to) : (this.partIndex(part, from, to).get(k) ?? -1);
      if (i >= 0) return i;
    }
    return this.index().get(k) ?? -1;
  }

  /** The last entry for `k` among entries `from` to below `to`, or -1: a chunk at a time, which a part seldom crosses. */
  private scan(k: K, from: number, to: number): number {
    for (let i = to - 1; i >= from; ) {
      const chunk = this.chunks[i >> CHUNK_BITS]!;
      const base = i & ~MASK;
      for (const stop = Math.max(from, base); i >= stop; i--) if (chunk[(i - base) << 1] === k) return i;
    }
    return -1;
  }

  private keyAt(i: number): K {
    return this.chunks[i >> CHUNK_BITS]![(i & MASK) << 1] as K;
  }

  private valueAt(i: number): V {
    return this.chunks[i >> CHUNK_BITS]![((i & MASK) << 1) + 1] as V;
  }

  private partIndex(part: number, from: number, to: number): Map<K, number> {
    let index = this.partIndexes.get(part);
    if (index === undefined) {
      index = new Map();
      for (let i = from; i < to; i++) index.set(this.keyAt(i), i);
      this.partIndexes.set(part, index);
    }
    return index;
  }

  private index(): Map<K, number> {
    if (this.wholeIndex === null) {
      this.wholeIndex = new Map();
      for (let i = 0; i < this.size; i++) {
        const k = this.keyAt(i);
        if (k !== undefined) this.wholeIndex.set(k, i);
      }
    }
    return this.wholeIndex;
  }
}
