/**
 * Side tables keyed by AST node identity, stored as append-only logs, one per top-level
 * declaration.
 *
 * Why not a `Map` per table: with tens of thousands of node keys a map is slow to build (every
 * growth rehashes all its keys, reading each node again, long since out of the cache) and costly in
 * garbage, and the checker spends much of its time there. The checker writes a declaration's nodes
 * together, so a write is an append to that declaration's log; a lookup finds the declaration whose
 * source range holds the node and scans its log, which is short (a map indexes a long one). Should
 * that not find the node, a map over every log answers: a lookup never depends on spans being well
 * formed, only its speed does. A log per declaration, rather than one for the program, is what lets
 * a declaration go (`release`) at the cost of dropping one list per table.
 */
import type { Span } from '../syntax/ast.js';
import { IntList } from './intList.js';

/** A part with more entries than this gets a map from node to entry on its first lookup. */
const SCAN_LIMIT = 48;

/** The log of a part with no entries: never written, or released (never written to). */
const EMPTY: unknown[] = Object.freeze([]) as unknown as unknown[];

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
  /**
   * Each part's log, by part: key, value, key, value… in order of writing (`EMPTY` for a part
   * never written here, or released). A later entry for a node wins.
   */
  private readonly parts: unknown[][] = [];
  /** The part being written (-1 before any write) and its log. */
  private writingPart = -1;
  private writing: unknown[] = EMPTY;
  /** Maps from node to the position of its latest entry in a long part's log, by part. */
  private readonly partIndexes = new Map<number, Map<K, number>>();
  /** From each node to the part holding its latest entry, for nodes not found by their spans. */
  private wholeIndex: Map<K, number> | null = null;
  /**
   * The node the last successful `get` asked for and where its entry is: a node is often looked up
   * twice in a row (an operator's operand path, for its type and then for its value). Forgotten on
   * `set` (a later write for a node wins) and `release`; `rewrite` changes the entry in place.
   */
  private lastKey: K | null = null;
  private lastLog: unknown[] = EMPTY;
  private lastAt = 0;

  constructor(private readonly ranges: DeclRanges) {}

  /** Set `k` to `v` in the current declaration's part; returns the entry, for `rewrite`. */
  set(k: K, v: V): number {
    const part = this.ranges.current;
    if (part !== this.writingPart) this.startPart(part);
    const log = this.writing;
    const at = log.length;
    log.push(k, v);
    this.lastKey = null;
    // A node set again from another declaration's part is still found in the part its span falls
    // in first; the checker writes each node only while checking the declaration holding it.
    if (this.partIndexes.size > 0) this.partIndexes.get(part)?.set(k, at);
    this.wholeIndex?.set(k, part);
    return at >> 1;
  }

  /** Write to part `part` from now on (parts are written in increasing order). */
  private startPart(part: number): void {
    while (this.parts.length <= part) this.parts.push(EMPTY);
    let log = this.parts[part]!;
    if (log === EMPTY) this.parts[part] = log = [];
    this.writingPart = part;
    this.writing = log;
  }

  /**
   * Forget the entries of declaration part `part` (see `ProgramTables.release`): their nodes and
   * values may then be collected. Lookups of its nodes find nothing afterwards.
   */
  release(part: number): void {
    // Most tables have no entry in a given declaration: nothing to drop.
    if (part >= this.parts.length || this.parts[part] === EMPTY) return;
    this.parts[part] = EMPTY;
    if (part === this.writingPart) {
      this.writingPart = -1;
      this.writing = EMPTY;
    }
    if (this.partIndexes.size > 0) this.partIndexes.delete(part);
    this.wholeIndex = null;
    this.lastKey = null;
  }

  /** Replace the value of entry `i`, as `set` returned it while writing the same part. */
  rewrite(i: number, v: V): void {
    this.writing[(i << 1) + 1] = v;
  }

  get(k: K): V | undefined {
    if (k === this.lastKey) return this.lastLog[this.lastAt + 1] as V;
    const part = this.ranges.locate(k.span.startOffset);
    let at = part >= 0 && part < this.parts.length ? this.find(k, part) : -1;
    if (at < 0) {
      // Not where its span says: wherever its latest entry is, if anywhere.
      const elsewhere = this.index().get(k);
      if (elsewhere === undefined) return undefined;
      at = this.find(k, elsewhere);
      if (at < 0) return undefined;
      this.lastLog = this.parts[elsewhere]!;
    } else {
      this.lastLog = this.parts[part]!;
    }
    this.lastKey = k;
    this.lastAt = at;
    return this.lastLog[at + 1] as V;
  }

  /** Where the latest entry for `k` is in part `part`'s log, or -1. */
  private find(k: K, part: number): number {
    const log = this.parts[part]!;
    if (log.length <= 2 * SCAN_LIMIT) {
      for (let at = log.length - 2; at >= 0; at -= 2) if (log[at] === k) return at;
      return -1;
    }
    return this.partIndex(part, log).get(k) ?? -1;
  }

  private partIndex(part: number, log: unknown[]): Map<K, number> {
    let index = this.partIndexes.get(part);
    if (index === undefined) {
      index = new Map();
      for (let at = 0; at < log.length; at += 2) index.set(log[at] as K, at);
      this.partIndexes.set(part, index);
    }
    return index;
  }

  private index(): Map<K, number> {
    if (this.wholeIndex === null) {
      this.wholeIndex = new Map();
      for (let part = 0; part < this.parts.length; part++) {
        const log = this.parts[part]!;
        for (let at = 0; at < log.length; at += 2) this.wholeIndex.set(log[at] as K, part);
      }
    }
    return this.wholeIndex;
  }
}
