/**
 * The words of one scan (identifiers, keywords, integer and string literals), each stored once with its
 * token kind (its type's `tokenTypeIdx`) and image id (in the scan's token buffer), and looked up
 * straight from the source text by a hash of its char codes.
 *
 * Why: a large file names the same few hundred words tens of thousands of times. Looking each up
 * here, without cutting it out of the text first, lets every token of a word share one image
 * string and skips the keyword test and the literal checks after a word's first occurrence; fewer
 * live strings also means less for the garbage collector to copy while the token array grows.
 */
/** The hash the scanner computes while reading a word: `hash = (hash * 31 + code) | 0` per char. */
export const hashStep = (hash: number, code: number): number => (Math.imul(hash, 31) + code) | 0;

/** The hash of `text[start, end)`, as `hashStep` builds it. */
export function hashOfRange(text: string, start: number, end: number): number {
  let h = 0;
  for (let k = start; k < end; k++) h = hashStep(h, text.charCodeAt(k));
  return h;
}

/** The hash of a whole string, as `hashStep` builds it. */
const hashOf = (word: string): number => hashOfRange(word, 0, word.length);

/**
 * An open-addressing table of words; one per scan, so nothing outlives the file it came from. Each
 * scan starts from a copy of one table of the seed words built once, which costs a few array
 * copies rather than hashing and adding every keyword again.
 *
 * The characters of the words are kept in one array of char codes, and a slot names its word by
 * where it starts there and its length (0 for an empty slot): a lookup compares the source text
 * with that array, and reads no string but the text, which costs less per character than reading
 * the word's own string (of whichever of V8's string representations it has).
 */
export class WordTable {
  private mask: number;

  private constructor(
    private hashes: Int32Array,
    private kinds: Uint8Array,
    private ids: Int32Array,
    private starts: Int32Array,
    private lengths: Int32Array,
    private count: number,
    private chars: Uint16Array,
    private charCount: number,
  ) {
    this.mask = hashes.length - 1;
  }

  /** An empty table with room for `size` slots (a power of two) and `chars` characters (it grows). */
  private static empty(size: number, chars: number): WordTable {
    return new WordTable(new Int32Array(size), new Uint8Array(size), new Int32Array(size), new Int32Array(size), new Int32Array(size), 0, new Uint16Array(chars), 0);
  }

  /** A table of the words of `seed`, each with its kind and image id. */
  static of(seed: ReadonlyMap<string, readonly [kind: number, id: number]>): WordTable {
    const table = WordTable.empty(1024, 4096);
    for (const [word, [kind, id]] of seed) table.add(word, hashOf(word), kind, id);
    return table;
  }

  /** A table holding the words this one holds, to add to without changing this one. */
  copy(): WordTable {
    const { hashes, kinds, ids, starts, lengths, chars } = this;
    return new WordTable(hashes.slice(), kinds.slice(), ids.slice(), starts.slice(), lengths.slice(), this.count, chars.slice(), this.charCount);
  }

  /** The slot holding the word whose code units are `codes[start, end)` (and whose hash is `hash`), or -1. */
  find(codes: Uint16Array, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const l = this.lengths[slot]!;
      if (l === 0) return -1;
      if (this.hashes[slot] === hash && l === length && this.sameChars(codes, start, this.starts[slot]!, length)) return slot;
    }
  }

  /** Whether `codes` holds at `start` the `length` characters stored from `from` on. */
  private sameChars(codes: Uint16Array, start: number, from: number, length: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < length; k++) if (codes[start + k] !== chars[from + k]) return false;
    return true;
  }

  /** The image id of the word in a slot `find` returned. */
  id(slot: number): number {
    return this.ids[slot]!;
  }

  /** The token kind of the word in a slot `find` returned. */
  kind(slot: number): number {
    return this.kinds[slot]!;
  }

  /** Store a word not yet in the table. */
  add(word: string, hash: number, kind: number, id: number): void {
    if (this.charCount + word.length > this.chars.length) {
      const wider = new Uint16Array(2 * (this.charCount + word.length));
      wider.set(this.chars);
      this.chars = wider;
    }
    const from = this.charCount;
    for (let k = 0; k < word.length; k++) this.chars[from + k] = word.charCodeAt(k);
    this.charCount += word.length;
    this.place(hash, kind, id, from, word.length);
  }

  /** Put a word whose characters are stored from `from` on in a free slot. */
  private place(hash: number, kind: number, id: number, from: number, length: number): void {
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    let slot = hash & this.mask;
    while (this.lengths[slot] !== 0) slot = (slot + 1) & this.mask;
    this.hashes[slot] = hash;
    this.kinds[slot] = kind;
    this.ids[slot] = id;
    this.starts[slot] = from;
    this.lengths[slot] = length;
    this.count++;
  }

  private grow(): void {
    const { hashes, kinds, ids, starts, lengths } = this;
    const size = hashes.length * 2;
    this.hashes = new Int32Array(size);
    this.kinds = new Uint8Array(size);
    this.ids = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.lengths = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let k = 0; k < hashes.length; k++) {
      if (lengths[k] !== 0) this.place(hashes[k]!, kinds[k]!, ids[k]!, starts[k]!, lengths[k]!);
    }
  }
}
