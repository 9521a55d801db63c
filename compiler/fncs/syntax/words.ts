/**
 * The words of one scan (identifiers, keywords, integer literals), each stored once with its
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

/** An open-addressing table of words; built per scan, so nothing outlives the file it came from. */
export class WordTable {
  private words: (string | undefined)[];
  private hashes: Int32Array;
  private kinds: Uint8Array;
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  /** A table of the words of `seed`, each with its kind and image id. */
  constructor(seed: ReadonlyMap<string, readonly [kind: number, id: number]>) {
    const size = 1024;
    this.words = new Array<string | undefined>(size).fill(undefined);
    this.kinds = new Uint8Array(size);
    this.ids = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    for (const [word, [kind, id]] of seed) this.add(word, hashOf(word), kind, id);
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
    const size = words.length * 2;
    this.words = new Array<string | undefined>(size).fill(undefined);
    this.kinds = new Uint8Array(size);
    this.ids = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let k = 0; k < words.length; k++) {
      const word = words[k];
      if (word !== undefined) this.add(word, hashes[k]!, kinds[k]!, ids[k]!);
    }
  }
}
