/**
 * The fast parser's cursor over the laid-out token array: token kinds, lookahead, consuming, the
 * spans of what was consumed, and giving up.
 *
 * Spans are computed as Chevrotain's full location tracking computes a CST node's location (and
 * `cst2ast.ts` turns into a span): from the start of the node's first token, virtual or real, to
 * the end of the last real token it consumed. A virtual DEDENT or SEP never extends a node, since
 * the offside pass ends it where the real token before it ends.
 */
import type * as A from '../ast.js';
import { bufferRange, bufferSpan } from '../span.js';
import { END_OFFSET, IMAGE_ID, kindOf, KINDS_PAST_END, START_OFFSET, TOKEN_FIELDS, type TokenBuffer } from '../token.js';
import * as T from '../tokens.js';

/** What the parser throws to give up; caught by `parseFast` alone. */
export const GIVE_UP: unique symbol = Symbol('tokens2ast gives up');

// Token kinds: Chevrotain's token type indices, as a token buffer keeps them, one byte each.
/** The kind past the end of the tokens (never a real index). */
export const EOF = 0;
export const IDENT = kindOf(T.Ident);
export const UNDERSCORE = kindOf(T.Underscore);
export const INT = kindOf(T.IntLit);
export const STRING = kindOf(T.StringLit);
export const UNTERMINATED_STRING = kindOf(T.UnterminatedString);
export const FLOAT = kindOf(T.FloatLit);
export const CHAR = kindOf(T.CharLit);
export const BAD_NUMBER = kindOf(T.BadNumber);
export const TYPE_VAR = kindOf(T.TypeVar);
export const TRUE = kindOf(T.True);
export const FALSE = kindOf(T.False);
export const MODULE = kindOf(T.Module);
export const OPEN = kindOf(T.Open);
export const LET = kindOf(T.Let);
export const REC = kindOf(T.Rec);
export const AND = kindOf(T.And);
export const MUTABLE = kindOf(T.Mutable);
export const TYPE = kindOf(T.Type);
export const IF = kindOf(T.If);
export const THEN = kindOf(T.Then);
export const ELIF = kindOf(T.Elif);
export const ELSE = kindOf(T.Else);
export const WHILE = kindOf(T.While);
export const FOR = kindOf(T.For);
export const IN = kindOf(T.In);
export const TO = kindOf(T.To);
export const DOWNTO = kindOf(T.Downto);
export const DO = kindOf(T.Do);
export const MATCH = kindOf(T.Match);
export const WITH = kindOf(T.With);
export const WHEN = kindOf(T.When);
export const NOT = kindOf(T.Not);
export const BEGIN = kindOf(T.Begin);
export const END = kindOf(T.End);
export const LATTR = kindOf(T.LAttr);
export const RATTR = kindOf(T.RAttr);
export const TILDES = kindOf(T.TildeTildeTilde);
export const LEFT_ARROW = kindOf(T.LeftArrow);
export const ARROW = kindOf(T.Arrow);
export const DOT_DOT = kindOf(T.DotDot);
export const EQUALS = kindOf(T.Equals);
export const LESS = kindOf(T.Less);
export const GREATER = kindOf(T.Greater);
export const BAR = kindOf(T.Bar);
export const MINUS = kindOf(T.Minus);
export const DOT = kindOf(T.Dot);
export const COLON = kindOf(T.Colon);
export const SEMI = kindOf(T.Semi);
export const COMMA = kindOf(T.Comma);
export const LPAREN = kindOf(T.LParen);
export const RPAREN = kindOf(T.RParen);
export const LBRACKET = kindOf(T.LBracket);
export const RBRACKET = kindOf(T.RBracket);
export const LBRACE = kindOf(T.LBrace);
export const RBRACE = kindOf(T.RBrace);
export const INDENT = kindOf(T.Indent);
export const DEDENT = kindOf(T.Dedent);
export const SEP = kindOf(T.Sep);

/** A set of token kinds as a lookup table. */
export function kindSet(...types: readonly { tokenTypeIdx?: number }[]): Uint8Array {
  const set = new Uint8Array(256);
  for (const t of types) set[kindOf(t)] = 1;
  return set;
}

const layout = kindSet(T.Indent, T.Dedent, T.Sep);
/**
 * Lookahead never reads further than this past the cursor: as far as `parser.ts` looks for type
 * arguments, and as far as a token buffer's kinds are 0 (`EOF`) past its last token.
 */
export const MAX_LOOKAHEAD = KINDS_PAST_END;

/**
 * Where the tokens of a streamed module come from, laid out an item at a time (`layOutAhead.ts`).
 */
export interface TokenFeed {
  /** The buffer the tokens are laid out in. */
  readonly tokens: TokenBuffer;
  /** Whether every token of the file is in the buffer (or has been let go). */
  readonly finished: boolean;
  /**
   * Lay out at least the top-level item after token `from` (a SEP between items, or the first token)
   * and `MAX_LOOKAHEAD` tokens past its end, perhaps letting go of the tokens before `from`: where
   * token `from` is then, or -1 when the file does not lex or lay out cleanly.
   */
  next(from: number): number;
}

/**
 * The token buffer, a position in it, and the spans of what lies behind the position. A token is
 * its index in the buffer.
 */
export class TokenCursor {
  /** Index of the next token. */
  protected pos = 0;
  /** The number of tokens. */
  protected count: number;
  /** The kind of each token, then `EOF` for as far as lookahead can read. */
  protected kinds: Uint8Array;
  private readonly images: readonly string[];
  /** The token buffer's fields (`TOKEN_FIELDS` per token). */
  private fields: Int32Array;
  /**
   * The items of the lists being read, innermost list on top (`openList` … `closeList`): a list is
   * gathered here and copied out at its end into an array of exactly its length. An array of its
   * own per list, grown by `push`, was garbage once copied, and so was the room for some seventeen
   * elements V8 gives an array on its first `push`; the copy is needed all the same, since the tree
   * keeps its arrays, and with them any room they have to spare.
   */
  private readonly listItems: unknown[] = [];
  private listTop = 0;
  /**
   * The text of a name, by image id, once a name with that image has been read: a program names
   * the same things again and again, and reading an image's characters to look for backticks cost
   * more than the rest of making a name.
   */
  private readonly nameTexts: (string | undefined)[];

  constructor(protected readonly file: string, protected readonly tokens: TokenBuffer) {
    const n = tokens.count;
    this.count = n;
    this.kinds = tokens.kinds;
    this.images = tokens.images;
    this.fields = tokens.fields;
    this.nameTexts = new Array<string | undefined>(tokens.images.length).fill(undefined);
  }

  /** Take in what a feed has changed in the token buffer (see `TokenFeed.next`), the cursor now at token `pos`. */
  protected refill(pos: number): void {
    const tokens = this.tokens;
    this.pos = pos;
    this.count = tokens.count;
    this.kinds = tokens.kinds;
    this.fields = tokens.fields;
    const names = this.nameTexts;
    while (names.length < tokens.images.length) names.push(undefined);
  }

  /** Whether every token has been consumed. */
  protected atEnd(): boolean {
    return this.pos >= this.count;
  }

  /** The kind of the token `k` ahead (1 is the next one), `EOF` past the end. */
  protected la(k: number): number {
    return this.kinds[this.pos + k - 1]!;
  }

  /** Consume the next token, whatever it is. */
  protected take(): number {
    return this.pos++;
  }

  /** Consume the next token, which must be of kind `kind`; give up otherwise. */
  protected expect(kind: number): number {
    if (this.kinds[this.pos] !== kind) throw GIVE_UP;
    return this.pos++;
  }

  /** Consume a virtual or punctuation token that no node keeps; give up if it is not there. */
  protected skip(kind: number): void {
    if (this.kinds[this.pos] !== kind) throw GIVE_UP;
    this.pos++;
  }

  /** Start a list on the list stack; its mark, for `closeList`. */
  protected openList(): number {
    return this.listTop;
  }

  /** Add an item to the list on top of the list stack. */
  protected addToList(item: unknown): void {
    this.listItems[this.listTop++] = item;
  }

  /** The items added since `mark`, as an array of their own; the stack lets go of them. */
  protected closeList<T>(mark: number): T[] {
    const stack = this.listItems;
    const top = this.listTop;
    const n = top - mark;
    // Most lists are short: an array literal of their items costs less than `slice`, a call into a builtin.
    const items = (n === 1 ? [stack[mark]] : n === 2 ? [stack[mark], stack[mark + 1]] : n === 3 ? [stack[mark], stack[mark + 1], stack[mark + 2]] : stack.slice(mark, top)) as T[];
    for (let i = mark; i < top; i++) stack[i] = undefined;
    this.listTop = mark;
    return items;
  }

  /** `item (sep item)*`: one item or more, each after the first behind a `sep` token. */
  protected separatedBy<T>(sep: number, item: (this: this) => T): T[] {
    const first = item.call(this);
    if (this.kinds[this.pos] !== sep) return [first];
    const mark = this.openList();
    this.addToList(first);
    while (this.kinds[this.pos] === sep) {
      this.pos++;
      this.addToList(item.call(this));
    }
    return this.closeList(mark);
  }

  /**
   * `((; | SEP) item?)*` after the `first` item of a block: the items of a block, where a `;` or a
   * new line may also have no item after it (the grammar's optional item, decided by `startsItem`).
   */
  protected blockItems<T>(first: T, startsItem: Uint8Array, item: (this: this) => T): T[] {
    const mark = this.openList();
    this.addToList(first);
    for (let k = this.kinds[this.pos]!; k === SEMI || k === SEP; k = this.kinds[this.pos]!) {
      this.pos++;
      if (startsItem[this.kinds[this.pos]!] === 1) this.addToList(item.call(this));
    }
    return this.closeList(mark);
  }

  /** The next token, not consumed (the first token of the node about to be parsed). */
  protected peekToken(): number {
    if (this.pos >= this.count) throw GIVE_UP;
    return this.pos;
  }

  /** The id of token `t`'s image (tokens with the same image share it, when the scanner made them). */
  protected imageId(t: number): number {
    return this.fields[TOKEN_FIELDS * t + IMAGE_ID]!;
  }

  /** The image of token `t`. */
  protected image(t: number): string {
    return this.images[this.fields[TOKEN_FIELDS * t + IMAGE_ID]!]!;
  }

  /** Chevrotain's `adjacent`: token `b` starts right where token `a` ends (false before the start or past the end). */
  protected adjacent(a: number, b: number): boolean {
    return a >= 0 && b < this.count && this.fields[TOKEN_FIELDS * a + END_OFFSET]! + 1 === this.fields[TOKEN_FIELDS * b + START_OFFSET]!;
  }

  /**
   * The span from the start of token `first` to the end of the last real token consumed, or of a
   * virtual token after it that ends further (never, in what the offside pass produces; Chevrotain
   * takes the first token that ends furthest).
   */
  protected spanFrom(first: number): A.Span {
    const end = this.pos;
    const f = this.fields;
    let i = end - 1;
    while (i > 0 && layout[this.kinds[i]!] === 1) i--;
    let last = i;
    for (let j = i + 1; j < end; j++) if (f[TOKEN_FIELDS * j + END_OFFSET]! > f[TOKEN_FIELDS * last + END_OFFSET]!) last = j;
    return bufferRange(this.file, this.tokens, first, last);
  }

  protected tokenSpan(t: number): A.Span {
    return bufferSpan(this.file, this.tokens, t);
  }

  /** A name together with where it was written; `` ``a b`` `` loses its backticks. */
  protected name(t: number): A.Name {
    const id = this.imageId(t);
    let text = this.nameTexts[id];
    if (text === undefined) {
      const image = this.images[id]!;
      text = image.startsWith('``') ? image.slice(2, -2) : image;
      this.nameTexts[id] = text;
    }
    return { text, span: this.tokenSpan(t) };
  }
}
