/**
 * The grammar of the F# subset, as a Chevrotain CST parser over the laid-out token stream
 * (`offside.ts` has already made blocks explicit with INDENT/DEDENT/SEP). Rules hold no semantics:
 * `cst2ast.ts` builds the AST. The parser is built once, on first use, and reused
 * (`parser.input = tokens`), with error recovery so one run reports every syntax error it can.
 *
 * It is the front end's second parser, the one for diagnostics: a program without syntax errors is
 * parsed by the hand-written fast path (`tokens2ast.ts`), which mirrors this grammar rule for rule
 * and gives up on anything it does not accept; only then is this parser built and run. A
 * differential test (`tests/syntax/fastParser.test.ts`) keeps the two in agreement.
 *
 * Operator precedence follows the F# specification (lowest first): `<-`; `||`; `&&`;
 * `|>`, comparisons, `|||`, `&&&`, `<<<`, `>>>` (one level, left-associative, as in F#);
 * `^^^` (right); `+ -`; `* / %`; prefix `- ~~~ not`; application; `.` and `.[ ]`.
 */
import { CstParser, EOF, type IToken, type TokenType } from 'chevrotain';
import { binaryOps } from './operators.js';
import * as T from './tokens.js';

/** Tokens that open and close nested parts of a skipped construct (blocks included). */
const openers: ReadonlySet<TokenType> = new Set([T.LParen, T.LBracket, T.LArray, T.LBrace, T.Begin, T.Indent, T.LAttr]);
const closing: ReadonlySet<TokenType> = new Set([T.RParen, T.RBracket, T.RArray, T.RBrace, T.End, T.Dedent, T.RAttr]);

const adjacent = (a: IToken, b: IToken): boolean => a.endOffset !== undefined && a.endOffset + 1 === b.startOffset;

/** Tokens that may appear between the `<` and `>` of explicit type arguments. */
const typeArgTokens: ReadonlySet<TokenType> = new Set([T.Ident, T.TypeVar, T.Comma, T.Dot, T.LBracket, T.RBracket, T.Arrow, T.LParen, T.RParen, T.Underscore]);

export class FSharpParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: 'full', traceInitPerf: process.env['FIREFLY_TRACE'] === '1', skipValidations: process.env['FIREFLY_VALIDATE_GRAMMAR'] !== '1' });
    this.performSelfAnalysis();
  }

  // ---- file and declarations --------------------------------------------------------------------
  public compilationUnit = this.RULE('compilationUnit', () => {
    this.MANY(() => {
      this.CONSUME(T.Sep);
      this.OPTION(() => this.SUBRULE(this.topItem));
    });
  });

  private topItem = this.RULE('topItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.moduleHeader) },
      { ALT: () => { this.AT_LEAST_ONE(() => this.SUBRULE(this.attributes)); this.OPTION(() => this.SUBRULE(this.letDecl)); } },
      { ALT: () => this.SUBRULE2(this.letDecl) },
      { ALT: () => this.SUBRULE(this.typeDecl) },
      { ALT: () => this.SUBRULE(this.openDecl) },
      { ALT: () => this.SUBRULE(this.expr) },
    ]);
  });

  private moduleHeader = this.RULE('moduleHeader', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Module) }, { ALT: () => this.CONSUME(T.Namespace) }]);
    this.SUBRULE(this.longIdent);
  });

  private attributes = this.RULE('attributes', () => {
    this.CONSUME(T.LAttr);
    this.CONSUME(T.Ident);
    this.MANY(() => { this.CONSUME(T.Semi); this.CONSUME2(T.Ident); });
    this.CONSUME(T.RAttr);
  });

  private openDecl = this.RULE('openDecl', () => {
    this.CONSUME(T.Open);
    this.SUBRULE(this.longIdent);
  });

  private longIdent = this.RULE('longIdent', () => {
    this.CONSUME(T.Ident);
    this.MANY(() => { this.CONSUME(T.Dot); this.CONSUME2(T.Ident); });
  });

  public letDecl = this.RULE('letDecl', () => {
    this.CONSUME(T.Let);
    this.OPTION(() => this.CONSUME(T.Rec));
    this.SUBRULE(this.binding);
    this.MANY(() => { this.CONSUME(T.And); this.SUBRULE2(this.binding); });
  });

  private binding = this.RULE('binding', () => {
    this.OPTION(() => this.CONSUME(T.Mutable));
    this.OR([{ ALT: () => this.CONSUME(T.Ident) }, { ALT: () => this.CONSUME(T.Underscore) }]);
    this.MANY(() => this.SUBRULE(this.param));
    this.OPTION2(() => { this.CONSUME(T.Colon); this.SUBRULE(this.typeExpr); });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.block);
  });

  private param = this.RULE('param', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Ident) },
      { ALT: () => this.CONSUME(T.Underscore) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.OPTION(() => {
            this.OR2([{ ALT: () => this.CONSUME2(T.Ident) }, { ALT: () => this.CONSUME2(T.Underscore) }]);
            this.OPTION2(() => { this.CONSUME(T.Colon); this.SUBRULE(this.typeExpr); });
          });
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  private typeDecl = this.RULE('typeDecl', () => {
    this.CONSUME(T.Type);
    this.CONSUME(T.Ident);
    this.CONSUME(T.Equals);
    this.CONSUME(T.Indent);
    this.CONSUME(T.LBrace);
    this.CONSUME2(T.Indent);
    this.SUBRULE(this.fieldDecl);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Semi) }, { ALT: () => this.CONSUME(T.Sep) }]);
      this.OPTION(() => this.SUBRULE2(this.fieldDecl));
    });
    this.CONSUME(T.Dedent);
    this.CONSUME(T.RBrace);
    this.CONSUME2(T.Dedent);
  });

  private fieldDecl = this.RULE('fieldDecl', () => {
    this.OPTION(() => this.CONSUME(T.Mutable));
    this.CONSUME(T.Ident);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
  });

  // ---- types ------------------------------------------------------------------------------------
  private typeExpr = this.RULE('typeExpr', () => {
    this.SUBRULE(this.typePostfix);
    this.OPTION(() => { this.CONSUME(T.Arrow); this.SUBRULE(this.typeExpr); });
  });

  private typePostfix = this.RULE('typePostfix', () => {
    this.SUBRULE(this.typeAtom);
    this.MANY(() => { this.CONSUME(T.LBracket); this.CONSUME(T.RBracket); });
  });

  private typeAtom = this.RULE('typeAtom', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Ident); this.OPTION(() => this.SUBRULE(this.typeArgs)); } },
      { ALT: () => this.CONSUME(T.TypeVar) },
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.typeExpr); this.CONSUME(T.RParen); } },
    ]);
  });

  private typeArgs = this.RULE('typeArgs', () => {
    this.CONSUME(T.Less);
    this.SUBRULE(this.typeExpr);
    this.MANY(() => { this.CONSUME(T.Comma); this.SUBRULE2(this.typeExpr); });
    this.CONSUME(T.Greater);
  });

  // ---- blocks ---------------------------------------------------------------------------------------
  /** `INDENT item (SEP|; item)* DEDENT`: the body after `=`, `then`, `else`, `->`, `do`. */
  private block = this.RULE('block', () => {
    this.CONSUME(T.Indent);
    this.SUBRULE(this.seq);
    this.CONSUME(T.Dedent);
  });

  private seq = this.RULE('seq', () => {
    this.SUBRULE(this.blockItem);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Sep) }, { ALT: () => this.CONSUME(T.Semi) }]);
      this.OPTION(() => this.SUBRULE2(this.blockItem));
    });
  });

  private blockItem = this.RULE('blockItem', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.letDecl) }, { ALT: () => this.SUBRULE(this.expr) }]);
  });

  // ---- expressions ------------------------------------------------------------------------------------
  public expr = this.RULE('expr', () => {
    this.SUBRULE(this.binaryExpr);
    this.OPTION(() => { this.CONSUME(T.LeftArrow); this.SUBRULE2(this.binaryExpr); });
  });

  /**
   * Every binary precedence level (`||` … `* / %`) as one flat rule: operands and operators in source
   * order. Precedence and associativity are applied by `cst2ast.ts` (one CST node per operand chain
   * instead of one per level per operand).
   */
  private binaryExpr = this.RULE('binaryExpr', () => {
    this.SUBRULE(this.prefixExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR(this.binaryOpAlts ??= binaryOps.map((op) => ({ ALT: () => this.CONSUME(op, { LABEL: 'op' }) })));
      this.SUBRULE2(this.prefixExpr, { LABEL: 'operands' });
    });
  });
  /** The operator alternatives of `binaryExpr`, built once (Chevrotain's advice for large `OR`s). */
  private binaryOpAlts?: { ALT: () => IToken }[];

  private prefixExpr = this.RULE('prefixExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) },
            { ALT: () => this.CONSUME(T.TildeTildeTilde, { LABEL: 'op' }) },
            { ALT: () => this.CONSUME(T.Not, { LABEL: 'op' }) },
          ]);
          this.SUBRULE(this.prefixExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.appExpr) },
    ]);
  });

  /** `f -1`: a minus glued to a number and not to what precedes it is a negative argument. */
  private negativeArgAhead(): boolean {
    const minus = this.LA(1);
    const value = this.LA(2);
    return minus.tokenType === T.Minus && value.tokenType === T.IntLit && adjacent(minus, value) && !adjacent(this.LA(0), minus);
  }

  /**
   * `Region.alloc<byte>`: type arguments glued to the name (no space before `<`) and closed by a
   * matching `>` with only type tokens between, so `i<n` stays a comparison (F#'s rule too).
   */
  private typeArgsAhead(): boolean {
    if (this.LA(1).tokenType !== T.Less || !adjacent(this.LA(0), this.LA(1))) return false;
    let depth = 0;
    for (let k = 1; k <= 32; k++) {
      const t = this.LA(k).tokenType;
      if (t === T.Less) depth++;
      else if (t === T.Greater) { if (--depth === 0) return true; }
      else if (!typeArgTokens.has(t)) return false;
    }
    return false;
  }

  private appExpr = this.RULE('appExpr', () => {
    this.SUBRULE(this.postfixExpr, { LABEL: 'head' });
    // The gate sits on the loop itself: Chevrotain decides to iterate from the next token alone, so a
    // gate only on the alternative would enter the loop at `a - 1` and report the `-` as unexpected.
    this.MANY({
      GATE: () => this.LA(1).tokenType !== T.Minus || this.negativeArgAhead(),
      DEF: () => {
        this.OR([
          { ALT: () => { this.CONSUME(T.Minus, { LABEL: 'negArg' }); this.CONSUME(T.IntLit, { LABEL: 'negArgValue' }); } },
          { ALT: () => this.SUBRULE2(this.postfixExpr, { LABEL: 'args' }) },
        ]);
      },
    });
  });

  private postfixExpr = this.RULE('postfixExpr', () => {
    this.SUBRULE(this.atom);
    this.MANY({
      GATE: () => this.LA(1).tokenType !== T.Less || this.typeArgsAhead(),
      DEF: () => this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            this.OR2([
              { ALT: () => this.CONSUME(T.Ident, { LABEL: 'field' }) },
              { ALT: () => { this.CONSUME(T.LBracket); this.SUBRULE(this.expr, { LABEL: 'index' }); this.CONSUME(T.RBracket); } },
            ]);
          },
        },
        { ALT: () => this.SUBRULE(this.typeArgs) },
      ]),
    });
  });

  private atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.IntLit) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.UnterminatedString) },
      // Literals the lexer has already reported (floats, characters, bad numbers): kept as atoms so
      // the parser does not report them a second time.
      { ALT: () => this.CONSUME(T.FloatLit) },
      { ALT: () => this.CONSUME(T.CharLit) },
      { ALT: () => this.CONSUME(T.BadNumber) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Ident) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.recordExpr) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.matchExpr) },
      { ALT: () => this.SUBRULE(this.whileExpr) },
      { ALT: () => this.SUBRULE(this.forExpr) },
      { ALT: () => { this.CONSUME(T.Begin); this.SUBRULE(this.seq); this.CONSUME(T.End); } },
      { ALT: () => this.SUBRULE(this.unsupportedExpr) },
    ]);
  });

  private parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.seq);
      this.MANY(() => { this.CONSUME(T.Comma); this.SUBRULE2(this.seq, { LABEL: 'tupleItems' }); });
    });
    this.CONSUME(T.RParen);
  });

  private recordExpr = this.RULE('recordExpr', () => {
    this.CONSUME(T.LBrace);
    this.CONSUME(T.Indent);
    this.OR([
      { GATE: () => this.LA(2).tokenType === T.Equals, ALT: () => this.SUBRULE(this.fieldInits) },
      { ALT: () => { this.SUBRULE(this.binaryExpr, { LABEL: 'source' }); this.CONSUME(T.With); this.SUBRULE2(this.fieldInits); } },
    ]);
    this.CONSUME(T.Dedent);
    this.CONSUME(T.RBrace);
  });

  private fieldInits = this.RULE('fieldInits', () => {
    this.SUBRULE(this.fieldInit);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Semi) }, { ALT: () => this.CONSUME(T.Sep) }]);
      this.OPTION(() => this.SUBRULE2(this.fieldInit));
    });
  });

  private fieldInit = this.RULE('fieldInit', () => {
    this.CONSUME(T.Ident);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expr);
  });

  private ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expr, { LABEL: 'cond' });
    this.CONSUME(T.Then);
    this.SUBRULE(this.block, { LABEL: 'then' });
    this.MANY(() => {
      this.CONSUME(T.Elif);
      this.SUBRULE2(this.expr, { LABEL: 'elifCond' });
      this.CONSUME2(T.Then);
      this.SUBRULE2(this.block, { LABEL: 'elifBlock' });
    });
    this.OPTION(() => { this.CONSUME(T.Else); this.SUBRULE3(this.block, { LABEL: 'else' }); });
  });

  private matchExpr = this.RULE('matchExpr', () => {
    this.CONSUME(T.Match);
    this.SUBRULE(this.expr);
    this.CONSUME(T.With);
    this.OPTION(() => this.CONSUME(T.Bar));
    this.SUBRULE(this.matchArm);
    this.MANY(() => { this.CONSUME2(T.Bar); this.SUBRULE2(this.matchArm); });
  });

  private matchArm = this.RULE('matchArm', () => {
    this.SUBRULE(this.pattern);
    this.OPTION(() => { this.CONSUME(T.When); this.SUBRULE(this.expr, { LABEL: 'guard' }); });
    this.CONSUME(T.Arrow);
    this.SUBRULE(this.block);
  });

  private pattern = this.RULE('pattern', () => {
    this.SUBRULE(this.patAtom);
    this.MANY(() => { this.CONSUME(T.Bar); this.SUBRULE2(this.patAtom); });
  });

  private patAtom = this.RULE('patAtom', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Underscore) },
      { ALT: () => { this.OPTION(() => this.CONSUME(T.Minus)); this.CONSUME(T.IntLit); } },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.FloatLit) },
      { ALT: () => this.CONSUME(T.CharLit) },
      { ALT: () => this.CONSUME(T.BadNumber) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.SUBRULE(this.longIdent) },
      { ALT: () => { this.CONSUME(T.LParen); this.OPTION2(() => this.SUBRULE(this.pattern)); this.CONSUME(T.RParen); } },
    ]);
  });

  private whileExpr = this.RULE('whileExpr', () => {
    this.CONSUME(T.While);
    this.SUBRULE(this.expr);
    this.CONSUME(T.Do);
    this.SUBRULE(this.block);
  });

  private forExpr = this.RULE('forExpr', () => {
    this.CONSUME(T.For);
    this.CONSUME(T.Ident);
    this.OR([
      { ALT: () => { this.CONSUME(T.In); this.SUBRULE(this.expr, { LABEL: 'from' }); this.CONSUME(T.DotDot); this.SUBRULE2(this.expr, { LABEL: 'to' }); } },
      {
        ALT: () => {
          this.CONSUME(T.Equals);
          this.SUBRULE3(this.expr, { LABEL: 'from' });
          this.OR2([{ ALT: () => this.CONSUME(T.To) }, { ALT: () => this.CONSUME(T.Downto) }]);
          this.SUBRULE4(this.expr, { LABEL: 'to' });
        },
      },
    ]);
    this.CONSUME(T.Do);
    this.SUBRULE(this.block);
  });

  /**
   * A construct the subset leaves out (`fun`, `try`, lists, arrays…): its first token is kept for
   * cst2ast to report; the rest of it, up to the end of its line or block (brackets balanced), is
   * skipped so that one unsupported construct gives one diagnostic, not a cascade.
   */
  private unsupportedExpr = this.RULE('unsupportedExpr', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Unsupported, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(T.LBracket, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(T.LArray, { LABEL: 'what' }) },
    ]);
    this.ACTION(() => {
      // Inside the brackets a list or array opened, everything up to its closer; then the rest of the line.
      let depth = this.LA(0).tokenType === T.Unsupported ? 0 : 1;
      for (let t = this.LA(1).tokenType; t !== EOF; t = this.LA(1).tokenType) {
        if (depth === 0 && (t === T.Sep || t === T.Semi || closing.has(t))) break;
        if (openers.has(t)) depth++;
        else if (closing.has(t)) depth--;
        this.SKIP_TOKEN();
      }
    });
  });
}

let instance: FSharpParser | undefined;

/** The one parser instance, built on first use: building it (grammar analysis) is the expensive part. */
export function recoveringParser(): FSharpParser {
  instance ??= new FSharpParser();
  return instance;
}
