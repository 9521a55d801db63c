/**
 * The MLIR text lexer and the token cursor the type and module parsers read from.
 *
 * It knows only the token shapes of the MLIR subset this project prints: SSA names (`%0`,
 * `%5#1`), symbols (`@write`), block labels (`^bb1`), dialect types (`!llvm.ptr`), bare
 * identifiers (`arith.addi`, `i64`, `x`), integers (decimal, negative, hex), strings with MLIR's
 * `\XX` escapes, and punctuation. Errors are thrown as `MlirSyntaxError` inside the parsers only;
 * the public entry points catch them and return them as values.
 */

/** A position in MLIR text, 1-based. */
export interface TextPos {
  readonly line: number;
  readonly col: number;
}

export type TokenKind =
  | 'value' // %name or %name#3
  | 'symbol' // @name
  | 'label' // ^bb1
  | 'dialectType' // !llvm.ptr, !llvm.struct
  | 'ident' // arith.constant, i64, x, true, loc
  | 'int' // 12, -3, 0x81
  | 'string' // "hello\0A"
  | 'punct' // ( ) { } [ ] < > , : =  and ->
  | 'eof';

export interface Token extends TextPos {
  readonly kind: TokenKind;
  /** The token's text without its sigil (`%x#1` → `x`, `@f` → `f`); for strings, the raw source. */
  readonly text: string;
  /** For `%x#1`, the result index 1. */
  readonly index?: number;
  /** For strings: the decoded bytes. */
  readonly bytes?: readonly number[];
}

/** A syntax error at a position in the text; caught by the parsers' entry points. */
export class MlirSyntaxError extends Error {
  constructor(
    readonly pos: TextPos,
    message: string,
  ) {
    super(message);
  }
}

const NAME_CHAR = /[A-Za-z0-9$._-]/;
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_.$]/;
const PUNCT = new Set(['(', ')', '{', '}', '[', ']', '<', '>', ',', ':', '=', '*']);

/** Split MLIR text into tokens; the last token is always `eof`. Throws `MlirSyntaxError`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (): TextPos => ({ line, col: i - lineStart + 1 });
  const takeWhile = (re: RegExp): string => {
    const start = i;
    while (i < text.length && re.test(text[i]!)) i++;
    return text.slice(start, i);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const at = pos();
    if (c === '%' || c === '@' || c === '^') {
      i++;
      const name = takeWhile(NAME_CHAR);
      if (name === '') throw new MlirSyntaxError(at, `expected a name after '${c}'`);
      if (c === '%' && text[i] === '#') {
        i++;
        const digits = takeWhile(/[0-9]/);
        if (digits === '') throw new MlirSyntaxError(pos(), "expected a result number after '#'");
        tokens.push({ kind: 'value', text: name, index: Number(digits), ...at });
      } else {
        tokens.push({ kind: c === '%' ? 'value' : c === '@' ? 'symbol' : 'label', text: name, ...at });
      }
      continue;
    }
    if (c === '!') {
      i++;
      const name = takeWhile(IDENT_CHAR);
      if (name === '') throw new MlirSyntaxError(at, "expected a dialect type name after '!'");
      tokens.push({ kind: 'dialectType', text: name, ...at });
      continue;
    }
    if (c === '-' && text[i + 1] === '>') {
      i += 2;
      tokens.push({ kind: 'punct', text: '->', ...at });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const start = i;
      if (c === '-') i++;
      if (text[i] === '0' && text[i + 1] === 'x') {
        i += 2;
        if (takeWhile(/[0-9A-Fa-f]/) === '') throw new MlirSyntaxError(at, 'expected hexadecimal digits after 0x');
      } else {
        takeWhile(/[0-9]/);
      }
      if (i < text.length && IDENT_START.test(text[i]!)) throw new MlirSyntaxError(pos(), `unexpected '${text[i]}' in a number`);
      tokens.push({ kind: 'int', text: text.slice(start, i), ...at });
      continue;
    }
    if (IDENT_START.test(c)) {
      tokens.push({ kind: 'ident', text: takeWhile(IDENT_CHAR), ...at });
      continue;
    }
    if (c === '"') {
      const s = decodeString(text, i, at, (end) => (i = end));
      tokens.push({ kind: 'string', text: s.text, bytes: s.bytes, ...at });
      continue;
    }
    if (PUNCT.has(c)) {
      i++;
      tokens.push({ kind: 'punct', text: c, ...at });
      continue;
    }
    throw new MlirSyntaxError(at, `unexpected character '${c}'`);
  }
  tokens.push({ kind: 'eof', text: '<end of input>', ...pos() });
  return tokens;
}

/** Decode a quoted MLIR string starting at `start` (the opening quote); reports its end via `setEnd`. */
function decodeString(text: string, start: number, at: TextPos, setEnd: (end: number) => void): { text: string; bytes: number[] } {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let i = start + 1;
  for (;;) {
    if (i >= text.length || text[i] === '\n') throw new MlirSyntaxError(at, 'unterminated string');
    const c = text[i]!;
    if (c === '"') break;
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      const simple: Record<string, number> = { '\\': 0x5c, '"': 0x22, n: 0x0a, t: 0x09 };
      if (next in simple) {
        bytes.push(simple[next]!);
        i += 2;
        continue;
      }
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new MlirSyntaxError(at, `bad escape '\\${hex}' in a string`);
      bytes.push(parseInt(hex, 16));
      i += 3;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    bytes.push(...encoder.encode(ch));
    i += ch.length;
  }
  setEnd(i + 1);
  return { text: text.slice(start, i + 1), bytes };
}

/** A cursor over tokens with the small vocabulary the parsers need. */
export class TokenCursor {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  /** The current token (never past `eof`). */
  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  /** Whether the current token is punctuation or an identifier with this text. */
  at(text: string): boolean {
    const t = this.peek();
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
  }

  /** Consume `text` if it is next. */
  eat(text: string): boolean {
    if (!this.at(text)) return false;
    this.next();
    return true;
  }

  /** Consume `text` or fail with "expected". */
  expect(text: string, what = `'${text}'`): Token {
    if (!this.at(text)) this.fail(`expected ${what}`);
    return this.next();
  }

  /** Consume a token of `kind` or fail. */
  expectKind(kind: TokenKind, what: string): Token {
    if (this.peek().kind !== kind) this.fail(`expected ${what}`);
    return this.next();
  }

  /** Throw a syntax error at the current token, naming what was found. */
  fail(message: string, at: TextPos = this.peek()): never {
    const t = this.peek();
    const found = t.kind === 'eof' ? 'end of input' : `'${describe(t)}'`;
    throw new MlirSyntaxError(at, `${message}, found ${found}`);
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'value':
      return `%${t.text}${t.index === undefined ? '' : `#${t.index}`}`;
    case 'symbol':
      return `@${t.text}`;
    case 'label':
      return `^${t.text}`;
    case 'dialectType':
      return `!${t.text}`;
    default:
      return t.text;
  }
}
