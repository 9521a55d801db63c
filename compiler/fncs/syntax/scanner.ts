/**
 * The lexer's fast path: a hand-written scanner over char codes that produces, for a file that
 * lexes cleanly, exactly the tokens the Chevrotain lexer would (same types, images, offsets, lines
 * and columns), in a `TokenBuffer`.
 *
 * Why it exists: lexing a large file with Chevrotain's regular expressions, and building that
 * lexer at start-up, cost more than the rest of the front end can afford (issue 6). The scanner
 * handles only what a clean file contains. Whatever would yield a diagnostic (a tab, an
 * unterminated string or comment, a bad escape or number, a float or character literal, a literal
 * out of range, a character outside the language) makes it give up and return null, and `lex`
 * falls back to the Chevrotain lexer, so diagnostics have one source. tests/syntax/scanner.test.ts
 * checks the two paths agree.
 */
import type { IToken } from 'chevrotain';
import { decodeInt } from './literals.js';
import { fixedImageId, kindOf, TokenBuffer, type TokenSink } from './token.js';
import * as T from './tokens.js';
import { hashOfRange, hashStep, WordTable } from './words.js';

// ---- character classes (ASCII only: any other character outside a string or comment gives up) ----
/**
 * Class bits. A const enum, so that each is a literal where it is used: a module-level constant is
 * a binding V8 reads again (and checks) on every use, once per character in a word's loop.
 */
const enum Class {
  IDENT_START = 1,
  IDENT_PART = 2,
  DIGIT = 4,
  HEX = 8,
  OCTAL = 16,
  BINARY = 32,
  /** `[A-Za-z0-9_]`: what may follow a number and still belong to it. */
  WORD = 64,
}

/**
 * Class bits by code unit, for every code unit (those past ASCII have none): a word's loop then
 * tests one table entry per character, with no test that it is ASCII, and none that it is still in
 * the text, since the code units past a text's end are 0 (`CODES_PAST_END`), which has no class.
 */
const charClass = new Uint8Array(0x10000);
/** Give class bits `k` to each of `ranges`: one character, or a range written `A-Z`. */
function classify(k: Class, ...ranges: string[]): void {
  for (const r of ranges) {
    for (let c = r.charCodeAt(0); c <= r.charCodeAt(r.length - 1); c++) charClass[c]! |= k;
  }
}
classify(Class.IDENT_START, 'A-Z', 'a-z', '_');
classify(Class.IDENT_PART, 'A-Z', 'a-z', '0-9', '_', "'");
classify(Class.DIGIT, '0-9');
classify(Class.HEX, '0-9', 'a-f', 'A-F', '_');
classify(Class.OCTAL, '0-7', '_');
classify(Class.BINARY, '0-1', '_');
classify(Class.WORD, 'A-Z', 'a-z', '0-9', '_');
const is = (c: number, k: Class): boolean => (charClass[c]! & k) !== 0;

const encoder = new TextEncoder();
/** Zeros kept past a text's end: reads a character or two ahead need not test for the end (0 is no character the scanner takes). */
const CODES_PAST_END = 4;

/**
 * The UTF-16 code units of the text being scanned, as `charCodeAt` reads them: the scanner reads
 * every character once or twice (and the word table compares words with the text), and an element
 * of a typed array costs a fraction of what `charCodeAt` costs, which must find out the string's
 * representation each time. One buffer serves every scan, grown to the largest text so far: a new
 * array per file is memory outside the heap, whose growth makes V8 collect early. It holds one
 * text at a time (`loaded`, let go when its scan reaches the end); a scanner finding another text
 * there copies its own in again before it goes on.
 */
let units = new Uint16Array(1 << 16);
/** Bytes for `encodeInto`: an ASCII text is encoded here, then widened into `units`. */
let unitBytes = new Uint8Array(1 << 16);
let loaded: string | undefined;

/** Copy the code units of `text` into `units`, and return it. */
function load(text: string): Uint16Array {
  const n = text.length;
  if (n + CODES_PAST_END > units.length) {
    units = new Uint16Array(Math.max(n + CODES_PAST_END, 2 * units.length));
    unitBytes = new Uint8Array(units.length);
  }
  // UTF-8 gives a byte per character only to ASCII: if every character fit in one, the bytes are the code units.
  const { read, written } = encoder.encodeInto(text, unitBytes.subarray(0, n));
  if (read === n && written === n) units.set(unitBytes.subarray(0, n));
  else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  units.fill(0, n, n + CODES_PAST_END);
  loaded = text;
  return units;
}

/** Integer suffixes the lexer accepts (`IntLit` in tokens.ts). */
const intSuffixes: ReadonlySet<string> = new Set(['UL', 'ul', 'uL', 'Ul', 'uy', 'us', 'u', 'L', 'l', 'y', 's', 'n', 'UN']);
/** The single-character escapes F# knows (`\u` and `\x` are checked apart). */
const simpleEscapes: ReadonlySet<number> = new Set([...'nrtbafv\\"\'0'].map((c) => c.charCodeAt(0)));
/** The words every scan starts knowing (a copy of): the keywords, and `_` alone (the wildcard). */
const seedWords = WordTable.of(new Map(
  [...T.keywordTypes, ['_', T.Underscore] as const].map(([word, type]) => [word, [kindOf(type), fixedImageId(word)]] as const),
));
const IDENT = kindOf(T.Ident);
const INT = kindOf(T.IntLit);
const STRING = kindOf(T.StringLit);
const TYPE_VAR = kindOf(T.TypeVar);

// ---- operators, by first character, in the order the lexer tries them --------------------------
interface Operator {
  readonly length: number;
  readonly kind: number;
  readonly imageId: number;
  /** The image's second and third characters, -1 where it is shorter. */
  readonly second: number;
  readonly third: number;
}
const operatorsByFirstChar: (readonly Operator[] | undefined)[] = [];
for (const type of T.lexerTokens) {
  const image = T.operatorImages.get(type);
  if (image === undefined) continue;
  const first = image.charCodeAt(0);
  const second = image.length > 1 ? image.charCodeAt(1) : -1;
  const third = image.length > 2 ? image.charCodeAt(2) : -1;
  operatorsByFirstChar[first] = [...(operatorsByFirstChar[first] ?? []), { length: image.length, kind: kindOf(type), imageId: fixedImageId(image), second, third }];
}
/**
 * The operators that may start with the ASCII characters `first` and `second`, at `prefixKey`, in
 * the order the lexer tries them: those whose second character is another are left out, so a `|`
 * or a `<` is found without trying the four or five operators that start with it.
 */
const operatorsByPrefix: (readonly Operator[] | undefined)[] = new Array<readonly Operator[] | undefined>(128 * 128).fill(undefined);
/** Where `operatorsByPrefix` keeps the operators for a first character and the one after it (a character past ASCII is no operator's second). */
const prefixKey = (first: number, second: number): number => 128 * first + (second < 128 ? second : 0);
operatorsByFirstChar.forEach((candidates, first) => {
  for (let second = 0; second < 128; second++) {
    const fit = candidates!.filter((o) => o.second < 0 || o.second === second);
    if (fit.length > 0) operatorsByPrefix[prefixKey(first, second)] = fit;
  }
});

/** The `IntLit` pattern on the whole run `text[start, end)` of word characters that starts with a digit. */
function isIntLiteral(text: string, start: number, end: number): boolean {
  let k = start;
  const radix = start + 1 < end && text.charCodeAt(start) === 48 ? text.charCodeAt(start + 1) | 0x20 : 0;
  const digits = radix === 0x78 ? Class.HEX : radix === 0x6f ? Class.OCTAL : radix === 0x62 ? Class.BINARY : 0;
  if (digits !== 0) {
    k = start + 2;
    while (k < end && is(text.charCodeAt(k), digits)) k++;
    // No suffix starts with a digit or `x`, `o`, `b`, so the radix form is the only reading.
    if (k === start + 2) return false;
  } else {
    while (k < end && (is(text.charCodeAt(k), Class.DIGIT) || text.charCodeAt(k) === 95)) k++;
  }
  return k === end || intSuffixes.has(text.slice(k, end));
}

/** Whether the escape whose letter is at `codes[at]` is one F# knows (`decodeString` agrees). */
function isKnownEscape(codes: Uint16Array, at: number): boolean {
  const e = codes[at]!;
  if (simpleEscapes.has(e)) return true;
  const hexDigits = e === 0x75 ? 4 : e === 0x78 ? 2 : 0;
  if (hexDigits === 0) return false;
  for (let k = 1; k <= hexDigits; k++) {
    const h = codes[at + k]!;
    if (!is(h, Class.HEX) || h === 95) return false;
  }
  return true;
}

/** Where the nested `(* … *)` comment opening at `start` (of a text of `n` code units) ends, or -1 when it is never closed. */
function blockCommentEnd(codes: Uint16Array, n: number, start: number): number {
  let depth = 0;
  let i = start;
  while (i < n) {
    const c = codes[i]!;
    if (c === 40 && codes[i + 1] === 42) { depth++; i += 2; }
    else if (c === 42 && codes[i + 1] === 41) { depth--; i += 2; if (depth === 0) return i; }
    else i++;
  }
  return -1;
}

/** The image id of the word `text[start, end)` (whose hash is `hash`), added to `words` and `tokens` as a word of kind `kind` if new. */
function imageOf(words: WordTable, tokens: TokenSink, text: string, codes: Uint16Array, start: number, end: number, hash: number, kind: number): number {
  const slot = words.find(codes, start, end, hash);
  if (slot >= 0) return words.id(slot);
  const image = text.slice(start, end);
  const id = tokens.addImage(image);
  words.add(image, hash, kind, id);
  return id;
}

/** `scanToBuffer`, as Chevrotain token objects (for tests that compare the two lexers). */
export function scan(text: string): IToken[] | null {
  return scanToBuffer(text)?.toTokens() ?? null;
}

/** Scan `text` into a new buffer of real tokens, or return null (see `scanInto`). */
export function scanToBuffer(text: string): TokenBuffer | null {
  // Sized for about one token per four characters; it grows if a file has more.
  const tokens = new TokenBuffer((text.length >> 2) + 16);
  return scanInto(text, tokens) ? tokens : null;
}

/**
 * Scan `text`, handing each real token to `tokens`; false at the first thing that would yield a
 * diagnostic (what `tokens` took until then is to be thrown away).
 */
export function scanInto(text: string, tokens: TokenSink): boolean {
  return new Scanner(text).scan(tokens, Infinity);
}

/**
 * A scan of one text that goes a stretch at a time (`scan`), remembering where it stopped and the
 * words it has met: the streamed compile lexes a declaration ahead of the parser, not the whole file
 * first. Line breaks are `\n`, `\r\n` and a lone `\r`, counted only in white space and block
 * comments, as Chevrotain counts them.
 */
export class Scanner {
  private readonly words = seedWords.copy();
  /** Where scanning goes on from, on which line, and where that line starts (columns are 1-based from it). */
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  /** Whether the whole text has been scanned. */
  get done(): boolean {
    return this.i >= this.text.length;
  }

  /**
   * Hand up to `budget` more real tokens to `tokens`, stopping early at the end of the text; false
   * at the first thing that would yield a diagnostic (then the scan is over, and what `tokens` took
   * is to be thrown away).
   */
  scan(tokens: TokenSink, budget: number): boolean {
    const { text, words } = this;
    // Module-level values read per character are read once into locals: V8 loads a module's
    // bindings again on every use, and checks that a function it inlined is still the one bound.
    const classes = charClass;
    const n = text.length;
    let { i, line, lineStart } = this;
    if (i >= n) return true;
    const codes = loaded === text ? units : load(text);

    while (i < n && budget > 0) {
      const c = codes[i]!;
      // white space and line breaks
      if (c === 32) {
        // Indentation comes in runs: skip a run here rather than one space per round of the loop.
        do i++; while (codes[i] === 32);
        continue;
      }
      if (c === 10 || c === 13) {
        i += c === 13 && codes[i + 1] === 10 ? 2 : 1;
        line++;
        lineStart = i;
        continue;
      }
      if (c >= 128) return false;

      let end: number;
      let kind: number;
      let imageId: number;
      if ((classes[c]! & Class.IDENT_START) !== 0) {
        // `hashStep`, written out (see above).
        let hash = c;
        end = i + 1;
        for (let d = codes[end]!; (classes[d]! & Class.IDENT_PART) !== 0; d = codes[++end]!) hash = (Math.imul(hash, 31) + d) | 0;
        const slot = words.find(codes, i, end, hash);
        if (slot >= 0) {
          imageId = words.id(slot);
          kind = words.kind(slot);
        } else {
          const image = text.slice(i, end);
          imageId = tokens.addImage(image);
          kind = IDENT;
          words.add(image, hash, kind, imageId);
        }
      } else if ((classes[c]! & Class.DIGIT) !== 0) {
        let hash = c;
        let decimal = true;
        end = i + 1;
        for (let d = codes[end]!; (classes[d]! & Class.WORD) !== 0; d = codes[++end]!) {
          hash = (Math.imul(hash, 31) + d) | 0;
          if ((classes[d]! & Class.DIGIT) === 0 && d !== 95) decimal = false;
        }
        // `1.5`: a float, reported by the Chevrotain path.
        if (decimal && codes[end] === 46 && is(codes[end + 1]!, Class.DIGIT)) return false;
        const slot = words.find(codes, i, end, hash);
        if (slot >= 0) {
          imageId = words.id(slot);
        } else {
          if (!decimal && !isIntLiteral(text, i, end)) return false;
          const image = text.slice(i, end);
          // Nine decimal digits always fit an int; anything else is checked as `lex` checks it.
          if ((end - i > 9 || !decimal) && !decodeInt(image).ok && !decodeInt(image, true).ok) return false;
          imageId = tokens.addImage(image);
          words.add(image, hash, INT, imageId);
        }
        kind = INT;
      } else if (c === 34) {
        // A program repeats its strings too: the word table gives each one image.
        let hash = c;
        end = i + 1;
        for (;;) {
          if (end >= n) return false;
          const d = codes[end]!;
          hash = hashStep(hash, d);
          if (d === 34) break;
          if (d === 10) return false;
          if (d === 92) {
            if (end + 1 >= n || !isKnownEscape(codes, end + 1)) return false;
            hash = hashStep(hash, codes[end + 1]!);
            end += 2;
          } else {
            end++;
          }
        }
        end++;
        imageId = imageOf(words, tokens, text, codes, i, end, hash, STRING);
        kind = STRING;
      } else if (c === 40 && codes[i + 1] === 42 && codes[i + 2] !== 41) {
        const commentEnd = blockCommentEnd(codes, n, i);
        if (commentEnd < 0) return false;
        for (let k = i; k < commentEnd; k++) {
          const d = codes[k]!;
          if (d === 10 || d === 13) {
            if (d === 13 && codes[k + 1] === 10) k++;
            line++;
            lineStart = k + 1;
          }
        }
        i = commentEnd;
        continue;
      } else if (c === 47 && codes[i + 1] === 47) {
        // A line comment runs to the next `\n`: `indexOf` finds it faster than a loop over the characters.
        const lineEnd = text.indexOf('\n', i + 2);
        i = lineEnd < 0 ? n : lineEnd;
        continue;
      } else if (c === 39) {
        // `'T` is a type variable; `'a'` (a character literal) and a lone `'` are reported.
        if (!is(codes[i + 1]!, Class.IDENT_START) || codes[i + 2] === 39) return false;
        end = i + 2;
        while (end < n && is(codes[end]!, Class.WORD)) end++;
        imageId = tokens.addImage(text.slice(i, end));
        kind = TYPE_VAR;
      } else if (c === 96) {
        // ``an identifier with spaces``
        if (codes[i + 1] !== 96) return false;
        end = i + 2;
        while (end < n && codes[end] !== 96 && codes[end] !== 10) end++;
        if (end === i + 2 || codes[end] !== 96 || codes[end + 1] !== 96) return false;
        end += 2;
        imageId = imageOf(words, tokens, text, codes, i, end, hashOfRange(text, i, end), IDENT);
        kind = IDENT;
      } else {
        const candidates = operatorsByPrefix[prefixKey(c, codes[i + 1]!)];
        if (candidates === undefined) return false;
        let found: Operator | undefined;
        for (let k = 0; k < candidates.length; k++) {
          const o = candidates[k]!;
          if (o.third < 0 || o.third === codes[i + 2]!) { found = o; break; }
        }
        if (found === undefined) return false;
        imageId = found.imageId;
        kind = found.kind;
        end = i + found.length;
      }

      const column = i - lineStart + 1;
      tokens.push(kind, imageId, i, end - 1, line, line, column, column + (end - i) - 1);
      budget--;
      i = end;
    }
    this.i = i;
    this.line = line;
    this.lineStart = lineStart;
    // Scanned to the end: the buffer need not keep the text alive.
    if (i >= n) loaded = undefined;
    return true;
  }
}
