/**
 * The fast parser's cursor over the laid-out token array: token kinds, lookahead, consuming, the
 * spans of what was consumed, and giving up.
 *
 * Spans are computed as Chevrotain's full location tracking computes a CST node's location (and
 * `cst2ast.ts` turns into a span): from the start of the node's first token, virtual or real, to
 * the end of the last real token it consumed. A virtual DEDENT or SEP never extends a node, since
 * the offside pass ends it where the real token before it ends.
 */
import type { IToken } from 'chevrotain';
import type * as A from '../ast.js';
import { tokenSpan } from '../span.js';
import * as T from '../tokens.js';

/** What the parser throws to give up; caught by `parseFast` alone. */
export const GIVE_UP: unique symbol = Symbol('tokens2ast gives up');

const kindOf = (t: { tokenTypeIdx?: number }): number => {
  const k = t.tokenTypeIdx;
  if (k === undefined || k <= 0 || k > 255) throw new Error(`internal error: token index ${String(k)} does not fit the fast parser's tables`);
  return k;
};

// Token kinds: Chevrotain's token type indices, so a token's kind is one byte.
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
/** Lookahead never reads further than this past the cursor: as far as `parser.ts` looks for type arguments. */
export const MAX_LOOKAHEAD = 32;
const NO_KINDS = new Uint8Array(MAX_LOOKAHEAD);

/** A name together with where it was written; `` ``a b`` `` loses its backticks. */
export function nameOf(file: string, t: IToken): A.Name {
  const image = t.image;
  const text = image.charCodeAt(0) === 96 && image.startsWith('``') ? image.slice(2, -2) : image;
  return { text, span: tokenSpan(file, t) };
}

/** The token array, a position in it, and the spans of what lies behind the position. */
export class TokenCursor {
  /** Index of the next token. */
  protected pos = 0;
  /** The kind of each token, then `EOF` for as far as lookahead can read. */
  protected readonly kinds: Uint8Array;

  constructor(protected readonly file: string, protected readonly tokens: readonly IToken[]) {
    const n = tokens.length;
    const kinds = n === 0 ? NO_KINDS : new Uint8Array(n + MAX_LOOKAHEAD);
    for (let i = 0; i < n; i++) kinds[i] = kindOf(tokens[i]!);
    this.kinds = kinds;
  }

  /** Whether every token has been consumed. */
  protected atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  /** The kind of the token `k` ahead (1 is the next one), `EOF` past the end. */
  protected la(k: number): number {
    return this.kinds[this.pos + k - 1]!;
  }

  /** Consume the next token, whatever it is. */
  protected take(): IToken {
    return this.tokens[this.pos++]!;
  }

  /** Consume the next token, which must be of kind `kind`; give up otherwise. */
  protected expect(kind: number): IToken {
    if (this.kinds[this.pos] !== kind) throw GIVE_UP;
    return this.tokens[this.pos++]!;
  }

  /** Consume a virtual or punctuation token that no node keeps; give up if it is not there. */
  protected skip(kind: number): void {
    if (this.kinds[this.pos] !== kind) throw GIVE_UP;
    this.pos++;
  }

  /** The next token, not consumed (the first token of the node about to be parsed). */
  protected peekToken(): IToken {
    const t = this.tokens[this.pos];
    if (t === undefined) throw GIVE_UP;
    return t;
  }

  /** The token at `index`, or null before the start and past the end (Chevrotain's EOF). */
  protected tokenAt(index: number): IToken | null {
    return index >= 0 && index < this.tokens.length ? this.tokens[index]! : null;
  }

  /**
   * The span from the start of `first` to the end of the last real token consumed, or of a virtual
   * token after it that ends further (never, in what the offside pass produces; Chevrotain takes
   * the first token that ends furthest).
   */
  protected spanFrom(first: IToken): A.Span {
    const end = this.pos;
    let i = end - 1;
    while (i > 0 && layout[this.kinds[i]!] === 1) i--;
    let last = this.tokens[i]!;
    for (let j = i + 1; j < end; j++) {
      const t = this.tokens[j]!;
      if ((t.endOffset ?? t.startOffset) > (last.endOffset ?? last.startOffset)) last = t;
    }
    return {
      file: this.file,
      startLine: first.startLine ?? 1,
      startCol: first.startColumn ?? 1,
      endLine: last.endLine ?? last.startLine ?? 1,
      endCol: (last.endColumn ?? 1) + 1,
      startOffset: first.startOffset,
      endOffset: (last.endOffset ?? last.startOffset) + 1,
    };
  }

  protected tokenSpan(t: IToken): A.Span {
    return tokenSpan(this.file, t);
  }

  protected name(t: IToken): A.Name {
    return nameOf(this.file, t);
  }
}
