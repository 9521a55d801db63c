/**
 * The fast parser's keyword constructs: records `{ … }`, `if`, `match`, `while` and `for`
 * (`recordExpr` … `forExpr` in `parser.ts`), built as `cst2ast.ts` builds them. Anything else in an
 * atom's place (unsupported keywords, lists, arrays) is left to the recovering parser to report.
 */
import type * as A from '../ast.js';
import { joinSpans } from '../span.js';
import * as T from '../tokens.js';
import {
  BAR, DEDENT, DO, DOT_DOT, DOWNTO, ELIF, ELSE, EQUALS, FOR, GIVE_UP, IDENT, IF, IN, INDENT, kindSet, LBRACE, MATCH, RBRACE, THEN, TO, WHEN,
  WHILE, WITH, ARROW,
} from './cursor.js';
import { ExpressionReader } from './expressions.js';

/** What can start a record's field initialiser after a `;` or a new line. */
const startsFieldInit = kindSet(T.Ident);

export class ConstructReader extends ExpressionReader {
  protected construct(kind: number): A.Expr {
    if (kind === IF) return this.ifExpr();
    if (kind === MATCH) return this.matchExpr();
    if (kind === LBRACE) return this.record();
    if (kind === WHILE) return this.whileExpr();
    if (kind === FOR) return this.forExpr();
    throw GIVE_UP;
  }

  /**
   * `{ INDENT fieldInits DEDENT }` or `{ INDENT binaryExpr with fieldInits DEDENT }`: field
   * initialisers when the block starts with `name =` (the grammar's gate), else copy-and-update.
   */
  private record(): A.Expr {
    const open = this.take();
    this.skip(INDENT);
    let source: A.Expr | null = null;
    if (this.la(1) !== IDENT || this.la(2) !== EQUALS) {
      source = this.binary(0);
      this.skip(WITH);
    }
    const fields = this.blockItems(this.fieldInit(), startsFieldInit, this.fieldInit);
    this.skip(DEDENT);
    this.skip(RBRACE);
    const span = this.spanFrom(open);
    return source === null ? { kind: 'Record', fields, span } : { kind: 'RecordUpdate', source, fields, span };
  }

  private fieldInit(): A.FieldInit {
    const id = this.expect(IDENT);
    this.skip(EQUALS);
    const value = this.expr();
    return { name: this.name(id), value, span: this.spanFrom(id) };
  }

  /** `if c then block (elif c then block)* (else block)?`; each `elif` nests in the `else` before it. */
  private ifExpr(): A.Expr {
    const first = this.take();
    const cond = this.expr();
    this.skip(THEN);
    const then = this.block();
    let elifs: A.Expr[] | null = null;
    while (this.la(1) === ELIF) {
      this.pos++;
      const c = this.expr();
      this.skip(THEN);
      (elifs ??= []).push(c, this.block());
    }
    let otherwise: A.Expr | null = null;
    if (this.la(1) === ELSE) {
      this.pos++;
      otherwise = this.block();
    }
    const span = this.spanFrom(first);
    if (elifs !== null) {
      for (let i = elifs.length - 2; i >= 0; i -= 2) {
        const c = elifs[i]!;
        const t = elifs[i + 1]!;
        otherwise = { kind: 'If', cond: c, then: t, otherwise, span: joinSpans(c.span, (otherwise ?? t).span) };
      }
    }
    return { kind: 'If', cond, then, otherwise, span };
  }

  /** `match e with |? arm (| arm)*` */
  private matchExpr(): A.Expr {
    const first = this.take();
    const scrutinee = this.expr();
    this.skip(WITH);
    if (this.la(1) === BAR) this.pos++;
    const arms = this.separatedBy(BAR, this.matchArm);
    return { kind: 'Match', scrutinee, arms, span: this.spanFrom(first) };
  }

  /** `pattern (when expr)? -> block` */
  private matchArm(): A.MatchArm {
    const first = this.peekToken();
    const pattern = this.pattern();
    let guard: A.Expr | null = null;
    if (this.la(1) === WHEN) {
      this.pos++;
      guard = this.expr();
    }
    this.skip(ARROW);
    const body = this.block();
    return { pattern, guard, body, span: this.spanFrom(first) };
  }

  /** `while expr do block` */
  private whileExpr(): A.Expr {
    const first = this.take();
    const cond = this.expr();
    this.skip(DO);
    const body = this.block();
    return { kind: 'While', cond, body, span: this.spanFrom(first) };
  }

  /** `for i in a .. b do block` or `for i = a (to | downto) b do block` */
  private forExpr(): A.Expr {
    const first = this.take();
    const variable = this.name(this.expect(IDENT));
    const style = this.la(1);
    if (style !== IN && style !== EQUALS) throw GIVE_UP;
    this.pos++;
    const from = this.expr();
    let down = false;
    if (style === IN) this.skip(DOT_DOT);
    else {
      const dir = this.la(1);
      if (dir !== TO && dir !== DOWNTO) throw GIVE_UP;
      down = dir === DOWNTO;
      this.pos++;
    }
    const to = this.expr();
    this.skip(DO);
    const body = this.block();
    return { kind: 'For', variable, from, to, down, style: style === IN ? 'in' : 'to', body, span: this.spanFrom(first) };
  }
}
