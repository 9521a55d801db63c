/**
 * The fast parser's expressions and blocks: `expr` … `atom`, `block`, `seq` and the `let` bindings
 * that are block items, rule for rule as `parser.ts` has them and built as `cst2ast.ts` builds them.
 *
 * Every decision is the one Chevrotain takes (one token of lookahead plus the grammar's gates): a
 * loop continues while the next token can start another round, and an alternative is picked by its
 * first token. Binary operators are folded by the same precedence climbing as `cst2ast.ts`, here as
 * the operands are read. The constructs that start with a keyword (`if`, `match`, loops, records)
 * are in `constructs.ts`.
 */
import type * as A from '../ast.js';
import { binaryPrecedence, infixOpOf } from '../operators.js';
import { joinSpans } from '../span.js';
import * as T from '../tokens.js';
import {
  AND, BAD_NUMBER, BEGIN, CHAR, COLON, COMMA, DEDENT, DOT, END, EQUALS, FALSE, FLOAT, GIVE_UP, GREATER, IDENT, INDENT, INT, kindSet, LBRACKET,
  LEFT_ARROW, LESS, LET, LPAREN, MAX_LOOKAHEAD, MINUS, MUTABLE, NOT, RBRACKET, REC, RPAREN, SEMI, SEP, STRING, TILDES, TRUE, UNDERSCORE, UNTERMINATED_STRING,
} from './cursor.js';
import { NONE, TypeAndPatternReader } from './typesAndPatterns.js';

/** FIRST(atom): what can start an atom, and so an application's next argument. */
const startsAtom = kindSet(
  T.IntLit, T.StringLit, T.UnterminatedString, T.FloatLit, T.CharLit, T.BadNumber, T.True, T.False, T.Ident, T.LParen, T.LBrace,
  T.If, T.Match, T.While, T.For, T.Begin, T.Unsupported, T.LBracket, T.LArray,
);
/** FIRST(blockItem): an expression or a local `let`. */
const startsBlockItem = kindSet(T.Let, T.Minus, T.TildeTildeTilde, T.Not);
for (let k = 0; k < 256; k++) if (startsAtom[k] === 1) startsBlockItem[k] = 1;
const startsParam = kindSet(T.Ident, T.Underscore, T.LParen);
/** Tokens that may appear between the `<` and `>` of explicit type arguments (`typeArgsAhead`). */
const typeArgTokens = kindSet(T.Ident, T.TypeVar, T.Comma, T.Dot, T.LBracket, T.RBracket, T.Arrow, T.LParen, T.RParen, T.Underscore);

/** Each binary operator's precedence (0: not a binary operator), associativity and AST operator, by kind. */
const precedence = new Uint8Array(256);
const rightAssoc = new Uint8Array(256);
const operatorOf: (A.InfixOp | undefined)[] = [];
for (const [type, level] of binaryPrecedence) {
  const k = type.tokenTypeIdx!;
  precedence[k] = level.prec;
  rightAssoc[k] = level.right ? 1 : 0;
  operatorOf[k] = infixOpOf.get(type);
}

export abstract class ExpressionReader extends TypeAndPatternReader {
  /** A construct that is an atom of its own: parentheses, records, `if`, `match`, loops, `begin … end`. */
  protected abstract construct(kind: number): A.Expr;

  // ---- blocks and bindings ------------------------------------------------------------------------
  /** `INDENT seq DEDENT`: the body after `=`, `then`, `else`, `->`, `do`. */
  protected block(): A.Expr {
    this.skip(INDENT);
    const e = this.seq();
    this.skip(DEDENT);
    return e;
  }

  /** `blockItem ((SEP | ;) blockItem?)*`: one item alone is itself, unless it is a `let`. */
  protected seq(): A.Expr {
    const first = this.peekToken();
    const item = this.blockItem();
    const k = this.la(1);
    if (k !== SEP && k !== SEMI) return item.kind === 'LocalLet' ? { kind: 'Block', items: [item], span: this.spanFrom(first) } : item;
    const items = this.blockItems(item, startsBlockItem, this.blockItem);
    if (items.length === 1 && item.kind !== 'LocalLet') return item;
    return { kind: 'Block', items, span: this.spanFrom(first) };
  }

  private blockItem(): A.BlockItem {
    return this.la(1) === LET ? this.letBindings() : this.expr();
  }

  /** `let rec? binding (and binding)*`, as a local `let` (a top-level one is rebuilt from it). */
  protected letBindings(): A.LocalLet {
    const first = this.take();
    const rec = this.la(1) === REC;
    if (rec) this.pos++;
    const bindings = this.separatedBy(AND, this.binding);
    return { kind: 'LocalLet', rec, bindings, span: this.spanFrom(first) };
  }

  /** `mutable? name param* (: type)? = block` */
  private binding(): A.Binding {
    const first = this.peekToken();
    const mutable = this.la(1) === MUTABLE;
    if (mutable) this.pos++;
    const k = this.la(1);
    if (k !== IDENT && k !== UNDERSCORE) throw GIVE_UP;
    const name = this.name(this.take());
    let params: A.Param[] | typeof NONE = NONE;
    if (startsParam[this.la(1)] === 1) {
      const mark = this.openList();
      while (startsParam[this.la(1)] === 1) this.addToList(this.param());
      params = this.closeList(mark);
    }
    let returnType: A.TypeExpr | null = null;
    if (this.la(1) === COLON) {
      this.pos++;
      returnType = this.typeExpr();
    }
    this.skip(EQUALS);
    const body = this.block();
    return { kind: 'Binding', name, mutable, params, returnType, body, span: this.spanFrom(first) };
  }

  /** `a`, `_`, `(a: T)`, `(_: T)`, `(a)` or `()` */
  private param(): A.Param {
    const k = this.la(1);
    if (k === IDENT) {
      const name = this.name(this.take());
      return { kind: 'Param', name, unit: false, type: null, span: name.span };
    }
    if (k === UNDERSCORE) return { kind: 'Param', name: null, unit: false, type: null, span: this.tokenSpan(this.take()) };
    const open = this.take();
    let name: A.Name | null = null;
    let named = false;
    let type: A.TypeExpr | null = null;
    const inner = this.la(1);
    if (inner === IDENT || inner === UNDERSCORE) {
      named = true;
      const t = this.take();
      if (inner === IDENT) name = this.name(t);
      if (this.la(1) === COLON) {
        this.pos++;
        type = this.typeExpr();
      }
    }
    this.skip(RPAREN);
    return { kind: 'Param', name, unit: !named, type, span: this.spanFrom(open) };
  }

  // ---- expressions ------------------------------------------------------------------------------------
  /** `binaryExpr (<- binaryExpr)?` */
  protected expr(): A.Expr {
    const first = this.peekToken();
    const target = this.binary(0);
    if (this.la(1) !== LEFT_ARROW) return target;
    this.pos++;
    const value = this.binary(0);
    return { kind: 'Assign', target, value, span: this.spanFrom(first) };
  }

  /** Operands and binary operators, folded by precedence climbing: left-associative, `^^^` right. */
  protected binary(minPrec: number): A.Expr {
    let left = this.prefix();
    for (;;) {
      const k = this.la(1);
      const prec = precedence[k]!;
      if (prec === 0 || prec < minPrec) return left;
      const op = this.take();
      const right = this.binary(rightAssoc[k] === 1 ? prec : prec + 1);
      left = { kind: 'Infix', op: operatorOf[k]!, opSpan: this.tokenSpan(op), left, right, span: joinSpans(left.span, right.span) };
    }
  }

  /** `(- | ~~~ | not) prefixExpr | appExpr`; a minus before a lone integer literal is part of the literal. */
  private prefix(): A.Expr {
    const k = this.la(1);
    if (k !== MINUS && k !== TILDES && k !== NOT) return this.app();
    const op = this.take();
    const opSpan = this.tokenSpan(op);
    if (k === MINUS && this.la(1) === INT && this.endsOperandAt(this.pos + 1)) {
      // `-2147483648`: the literal is decoded once, negated, so a value that fits only negated is in range.
      const t = this.take();
      return this.literal(this.intValue(t, true), joinSpans(opSpan, this.tokenSpan(t)));
    }
    const operand = this.prefix();
    return { kind: 'Prefix', op: k === MINUS ? '-' : k === TILDES ? '~~~' : 'not', opSpan, operand, span: joinSpans(opSpan, operand.span) };
  }

  /** Whether an atom ending before token `i` is a whole operand: no `.`, type arguments or argument follows it. */
  private endsOperandAt(i: number): boolean {
    const k = this.kinds[i]!;
    if (k === DOT || startsAtom[k] === 1) return false;
    if (k === LESS) return !this.typeArgsAhead(i);
    if (k === MINUS) return !this.negativeArgAhead(i);
    return true;
  }

  /** `f -1`: at token `i`, a minus glued to a number and not to what precedes it is a negative argument. */
  private negativeArgAhead(i: number): boolean {
    return this.kinds[i] === MINUS && this.kinds[i + 1] === INT && this.adjacent(i, i + 1) && !this.adjacent(i - 1, i);
  }

  /**
   * `Region.alloc<byte>`: at token `i`, type arguments glued to the name (no space before `<`) and
   * closed by a matching `>` with only type tokens between, so `i<n` stays a comparison.
   */
  private typeArgsAhead(i: number): boolean {
    if (this.kinds[i] !== LESS || !this.adjacent(i - 1, i)) return false;
    let depth = 0;
    for (let j = i; j < i + MAX_LOOKAHEAD; j++) {
      const k = this.kinds[j]!;
      if (k === LESS) depth++;
      else if (k === GREATER) { if (--depth === 0) return true; }
      else if (typeArgTokens[k] !== 1) return false;
    }
    return false;
  }

  /** `postfixExpr (-INT | postfixExpr)*`: application by juxtaposition. */
  private app(): A.Expr {
    const fn = this.postfix();
    const mark = this.openList();
    let last: A.Expr | null = null;
    for (;;) {
      const k = this.la(1);
      let arg: A.Expr;
      if (startsAtom[k] === 1) arg = this.postfix();
      else if (k === MINUS && this.negativeArgAhead(this.pos)) {
        const minus = this.take();
        const t = this.take();
        arg = this.literal(this.intValue(t, true), joinSpans(this.tokenSpan(minus), this.tokenSpan(t)));
      } else break;
      this.addToList(arg);
      last = arg;
    }
    if (last === null) return fn;
    return { kind: 'App', fn, args: this.closeList(mark), span: joinSpans(fn.span, last.span) };
  }

  /** `atom (. name | .[ expr ] | <types>)*`; a name after a path extends the path. */
  private postfix(): A.Expr {
    let e = this.la(1) === IDENT ? this.path() : this.atom();
    for (;;) {
      const k = this.la(1);
      if (k === DOT) {
        this.pos++;
        const next = this.la(1);
        if (next === IDENT) {
          const field = this.name(this.take());
          const span = joinSpans(e.span, field.span);
          e = e.kind === 'Path' ? { kind: 'Path', parts: [...e.parts, field], span } : { kind: 'FieldGet', target: e, field, span };
        } else if (next === LBRACKET) {
          this.pos++;
          const index = this.expr();
          this.skip(RBRACKET);
          e = { kind: 'Index', target: e, index, span: joinSpans(e.span, index.span) };
        } else throw GIVE_UP;
      } else if (k === LESS && this.typeArgsAhead(this.pos)) {
        const open = this.peekToken();
        const typeArgs = this.typeArgs();
        e = { kind: 'TypeApp', target: e, typeArgs, span: joinSpans(e.span, this.spanFrom(open)) };
      } else return e;
    }
  }

  /** A name and the `.name`s right after it, as one path (what `postfix` would build a part at a time). */
  private path(): A.Expr {
    const head = this.name(this.take());
    if (this.la(1) !== DOT || this.la(2) !== IDENT) return { kind: 'Path', parts: [head], span: head.span };
    const mark = this.openList();
    this.addToList(head);
    let last = head;
    while (this.la(1) === DOT && this.la(2) === IDENT) {
      this.pos++;
      last = this.name(this.take());
      this.addToList(last);
    }
    return { kind: 'Path', parts: this.closeList(mark), span: joinSpans(head.span, last.span) };
  }

  private atom(): A.Expr {
    const k = this.la(1);
    if (k === INT) {
      const t = this.take();
      return this.literal(this.intValue(t, false), this.tokenSpan(t));
    }
    if (k === STRING || k === UNTERMINATED_STRING) {
      const t = this.take();
      return this.literal(this.stringValue(t), this.tokenSpan(t));
    }
    if (k === TRUE || k === FALSE) return this.literal(this.boolValue(k), this.tokenSpan(this.take()));
    // Literals the lexer has already reported.
    if (k === FLOAT || k === CHAR || k === BAD_NUMBER) return { kind: 'Error', span: this.tokenSpan(this.take()) };
    if (k === LPAREN) return this.paren();
    if (k === BEGIN) {
      this.pos++;
      const e = this.seq();
      this.skip(END);
      return e;
    }
    return this.construct(k);
  }

  /** `( )` is unit; `( seq )` is the sequence itself; a tuple is left to the recovering parser to report. */
  private paren(): A.Expr {
    const open = this.take();
    if (this.la(1) === RPAREN) {
      this.pos++;
      return this.literal(this.unitValue(), this.spanFrom(open));
    }
    if (startsBlockItem[this.la(1)] !== 1) throw GIVE_UP;
    const e = this.seq();
    if (this.la(1) === COMMA) throw GIVE_UP;
    this.skip(RPAREN);
    return e;
  }
}
