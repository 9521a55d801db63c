/**
 * The fast parser's small sub-languages: type annotations (`typeExpr` … `typeArgs` in `parser.ts`),
 * match patterns (`pattern`, `patAtom`) and integer literals, built as `cst2ast.ts` builds them.
 */
import type * as A from '../ast.js';
import { decodeInt, decodeString } from '../literals.js';
import { joinSpans } from '../span.js';
import type { TokenBuffer } from '../token.js';
import * as T from '../tokens.js';
import {
  ARROW, BAD_NUMBER, BAR, CHAR, COMMA, FALSE, FLOAT, GIVE_UP, GREATER, IDENT, INT, kindSet, LBRACKET, LESS, LPAREN, MINUS, RBRACKET,
  RPAREN, STRING, TokenCursor, TRUE, TYPE_VAR, UNDERSCORE,
} from './cursor.js';

/** The arrays of nodes that have no elements share this one (the tree is never mutated). */
export const NONE: readonly never[] = [];

/** FIRST(patAtom): the tokens a pattern can start with. */
const startsPattern = kindSet(T.Underscore, T.Minus, T.IntLit, T.StringLit, T.FloatLit, T.CharLit, T.BadNumber, T.True, T.False, T.Ident, T.LParen);

/** `true`, `false` and `()` as literal values (immutable, so shared). */
const TRUE_VALUE: A.LiteralValue = { type: 'bool', value: true };
const FALSE_VALUE: A.LiteralValue = { type: 'bool', value: false };
const UNIT_VALUE: A.LiteralValue = { type: 'unit' };

export class TypeAndPatternReader extends TokenCursor {
  // ---- literals -----------------------------------------------------------------------------------
  /**
   * Literal values by image id, a negated integer's at the id's odd index: a program repeats its
   * literals, their tokens share an image id, and values are immutable. An array indexed by id
   * costs no string hashing, and no `-` string for a negated literal.
   */
  private readonly literalValues: (A.LiteralValue | undefined)[];

  constructor(file: string, tokens: TokenBuffer) {
    super(file, tokens);
    this.literalValues = new Array<A.LiteralValue | undefined>(2 * tokens.images.length).fill(undefined);
  }

  protected override refill(pos: number): void {
    super.refill(pos);
    const values = this.literalValues;
    while (values.length < 2 * this.tokens.images.length) values.push(undefined);
  }

  /**
   * The value of the integer literal token `t`, negated after a unary minus. Gives up where
   * `cst2ast.ts` reports it (a literal in range only the other way round); one out of range both
   * ways the lexer has reported.
   */
  protected intValue(t: number, negated: boolean): A.LiteralValue {
    const slot = 2 * this.imageId(t) + (negated ? 1 : 0);
    let value = this.literalValues[slot];
    if (value === undefined) {
      const image = this.image(t);
      const d = decodeInt(image, negated);
      if (!d.ok && decodeInt(image, !negated).ok) throw GIVE_UP;
      value = { type: 'int', intType: d.intType, value: d.value, text: negated ? `-${image}` : image };
      this.literalValues[slot] = value;
    }
    return value;
  }

  /** The value of the string literal token `t`. */
  protected stringValue(t: number): A.LiteralValue {
    const slot = 2 * this.imageId(t);
    let value = this.literalValues[slot];
    if (value === undefined) {
      value = { type: 'string', value: decodeString(this.image(t)).value };
      this.literalValues[slot] = value;
    }
    return value;
  }

  protected literal(value: A.LiteralValue, span: A.Span): A.Expr {
    return { kind: 'Literal', value, span };
  }

  protected boolValue(kind: number): A.LiteralValue {
    return kind === TRUE ? TRUE_VALUE : FALSE_VALUE;
  }

  protected unitValue(): A.LiteralValue {
    return UNIT_VALUE;
  }

  // ---- types ----------------------------------------------------------------------------------------
  /** `typePostfix (-> typeExpr)?` */
  protected typeExpr(): A.TypeExpr {
    const first = this.peekToken();
    const from = this.typePostfix();
    if (this.la(1) !== ARROW) return from;
    this.pos++;
    const to = this.typeExpr();
    return { kind: 'TypeFun', from, to, span: this.spanFrom(first) };
  }

  /** `typeAtom ([ ])*`; each array type spans from the start to its `]` (as `cst2ast.ts` joins them). */
  private typePostfix(): A.TypeExpr {
    const first = this.peekToken();
    let t = this.typeAtom();
    if (this.la(1) !== LBRACKET) return t;
    const closers = [];
    while (this.la(1) === LBRACKET) {
      this.pos++;
      closers.push(this.expect(RBRACKET));
    }
    const span = this.spanFrom(first);
    for (const rb of closers) t = { kind: 'TypeArray', element: t, span: joinSpans(span, this.tokenSpan(rb)) };
    return t;
  }

  private typeAtom(): A.TypeExpr {
    const k = this.la(1);
    if (k === IDENT) {
      const id = this.take();
      if (this.la(1) !== LESS) {
        const name = this.name(id);
        return { kind: 'TypeName', name, args: NONE, span: name.span };
      }
      const args = this.typeArgs();
      return { kind: 'TypeName', name: this.name(id), args, span: this.spanFrom(id) };
    }
    if (k === TYPE_VAR) {
      const name = this.name(this.take());
      return { kind: 'TypeVar', name, span: name.span };
    }
    if (k === LPAREN) {
      this.pos++;
      const inner = this.typeExpr();
      this.skip(RPAREN);
      return inner;
    }
    throw GIVE_UP;
  }

  /** `< typeExpr (, typeExpr)* >` */
  protected typeArgs(): A.TypeExpr[] {
    this.skip(LESS);
    const args = this.separatedBy(COMMA, this.typeExpr);
    this.skip(GREATER);
    return args;
  }

  // ---- patterns -------------------------------------------------------------------------------------
  /** `patAtom (| patAtom)*`: one `POr` for alternatives. */
  protected pattern(): A.Pattern {
    const first = this.peekToken();
    const p = this.patAtom();
    if (this.la(1) !== BAR) return p;
    const mark = this.openList();
    this.addToList(p);
    while (this.la(1) === BAR) {
      this.pos++;
      this.addToList(this.patAtom());
    }
    return { kind: 'POr', alternatives: this.closeList(mark), span: this.spanFrom(first) };
  }

  private patAtom(): A.Pattern {
    const k = this.la(1);
    if (k === IDENT) {
      // A dotted name (a constructor or qualified pattern, which `cst2ast.ts` reports) fails at its dot.
      const name = this.name(this.take());
      return { kind: 'PVar', name, span: name.span };
    }
    if (k === INT) {
      const t = this.take();
      return { kind: 'PConst', value: this.intValue(t, false), span: this.tokenSpan(t) };
    }
    if (k === UNDERSCORE || k === FLOAT || k === CHAR || k === BAD_NUMBER) return { kind: 'PWild', span: this.tokenSpan(this.take()) };
    if (k === MINUS) {
      const minus = this.take();
      const t = this.expect(INT);
      return { kind: 'PConst', value: this.intValue(t, true), span: this.spanFrom(minus) };
    }
    if (k === STRING) {
      const t = this.take();
      return { kind: 'PConst', value: this.stringValue(t), span: this.tokenSpan(t) };
    }
    if (k === TRUE || k === FALSE) return { kind: 'PConst', value: this.boolValue(k), span: this.tokenSpan(this.take()) };
    if (k === LPAREN) {
      const open = this.take();
      if (this.la(1) === RPAREN) {
        this.pos++;
        return { kind: 'PConst', value: UNIT_VALUE, span: this.spanFrom(open) };
      }
      if (startsPattern[this.la(1)] !== 1) throw GIVE_UP;
      const inner = this.pattern();
      this.skip(RPAREN);
      return inner;
    }
    throw GIVE_UP;
  }
}
