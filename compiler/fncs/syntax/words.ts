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

/** The hash of a whole string, as `hashStep` builds it. */
function hashOf(word: string): number {
  let h = 0;
  for (let k = 0; k < word.length; k++) h = hashStep(h, word.charCodeAt(k));
  return h;
}

/** Whether `text` holds `word` at `start`; compared here rather than by `startsWith`, which costs more for words this short. */
function sameChars(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * An open-addressing table of words; one per scan, so nothing outlives the file it came from. Each
 * scan starts from a copy of one table of the seed words built once, which costs a few array
 * copies rather than hashing and adding every keyword again.
 */
export class WordTable {
  private mask: number;

  private constructor(
    private words: (string | undefined)[],
    private hashes: Int32Array,
    private kinds: Uint8Array,
    private ids: Int32Array,
    private count: number,
  ) {
    this.mask = words.length - 1;
  }

  /** An empty table with room for `size` slots (a power of two). */
  private static empty(size: number): WordTable {
    return new WordTable(new Array<string | undefined>(size).fill(undefined), new Int32Array(size), new Uint8Array(size), new Int32Array(size), 0);
  }

  /** A table of the words of `seed`, each with its kind and image id. */
  static of(seed: ReadonlyMap<string, readonly [kind: number, id: number]>): WordTable {
    const table = WordTable.empty(1024);
    for (const [word, [kind, id]] of seed) table.add(word, hashOf(word), kind, id);
    return table;
  }

  /** A table holding the words this one holds, to add to without changing this one. */
  copy(): WordTable {
    return new WordTable(this.words.slice(), this.hashes.slice(), this.kinds.slice(), this.ids.slice(), this.count);
  }

  /** The slot holding `text[start, end)` (whose hash is `hash`), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const word = this.words[slot];
      if (word === undefined) return -1;
      if (this.hashes[slot] === hash && word.length === length && sameChars(text, start, word)) return slot;
    }
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
    if ((this.count + 1) * 2 > this.words.length) this.grow();
    let slot = hash & this.mask;
    while (this.words[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.words[slot] = word;
    this.hashes[slot] = hash;
    this.kinds[slot] = kind;
    this.ids[slot] = id;
    this.count++;
  }

  private grow(): void {
    const { words, hashes, kinds, ids } = this;
    const wider = WordTable.empty(words.length * 2);
    for (let k = 0; k < words.length; k++) {
      const word = words[k];
      if (word !== undefined) wider.add(word, hashes[k]!, kinds[k]!, ids[k]!);
    }
    this.words = wider.words;
    this.hashes = wider.hashes;
    this.kinds = wider.kinds;
    this.ids = wider.ids;
    this.mask = wider.mask;
    this.count = wider.count;
  }
}
