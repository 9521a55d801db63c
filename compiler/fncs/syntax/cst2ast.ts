/**
 * CST → AST: builds the immutable AST from the recovering parser's concrete syntax tree, decoding
 * literals and reporting constructs the subset leaves out. Tolerates the partial trees that error
 * recovery leaves (a missing child becomes an `Error` node), so one run reports every error it can.
 *
 * This is the diagnostic path: a program the fast parser (`tokens2ast.ts`) accepts never gets here.
 * The two must build the same tree, spans included; `tests/syntax/fastParser.test.ts` checks that
 * they do, so a change to one is a change to both.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type * as A from './ast.js';
import { has, inOrder, isToken, node, nodes, nodeSpan, soleChild, token, tokens, tokenSpan } from './cstAccess.js';
import { decodeInt, decodeString } from './literals.js';
import { addLevel, binaryPrecedence, infixOps } from './operators.js';
import { joinSpans } from './span.js';
import * as T from './tokens.js';

/** How constructs outside the subset are named in FS3900 diagnostics. */
const unsupportedNames: Readonly<Record<string, string>> = {
  fun: "A lambda expression ('fun')",
  function: "A 'function' expression",
  try: "'try … with' / 'try … finally'",
  raise: "'raise' (exceptions)",
  '[': 'A list expression',
  '[|': 'An array expression',
  null: "'null'",
  return: "'return'",
  yield: "'yield'",
  use: "'use'",
  lazy: "'lazy'",
  new: 'Object construction',
};

/** The integer literal token a `prefixExpr` consists of alone (`1` in `-1`), if it is nothing more. */
function bareIntLiteral(prefix: CstNode): IToken | undefined {
  if (has(prefix, 'op')) return undefined;
  const app = node(prefix, 'appExpr');
  if (app === undefined || has(app, 'args') || has(app, 'negArg')) return undefined;
  const postfix = node(app, 'head');
  if (postfix === undefined || inOrder(postfix).length !== 1) return undefined;
  const atom = node(postfix, 'atom');
  const children = atom === undefined ? [] : inOrder(atom);
  return children.length === 1 && atom !== undefined ? token(atom, 'IntLit') : undefined;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly file: string, private readonly fileSpan: A.Span) {}

  private span(n: CstNode | undefined): A.Span {
    return n === undefined ? this.fileSpan : nodeSpan(this.file, n, this.fileSpan);
  }
  private tspan(t: IToken): A.Span {
    return tokenSpan(this.file, t);
  }
  private error(span: A.Span): A.Expr {
    return { kind: 'Error', span };
  }
  private name(t: IToken): A.Name {
    const text = t.image.startsWith('``') ? t.image.slice(2, -2) : t.image;
    return { text, span: this.tspan(t) };
  }

  // ---- file ------------------------------------------------------------------------------------
  compilationUnit(cu: CstNode, moduleFallback: string): A.ModuleAst {
    let name: A.Name | undefined;
    const decls: A.Decl[] = [];
    let attributes: A.Attribute[] = [];
    for (const item of nodes(cu, 'topItem')) {
      const header = node(item, 'moduleHeader');
      if (header !== undefined) {
        if (has(header, 'Namespace')) this.diagnostics.push(report('unsupported', this.span(header), ['A namespace declaration'], 'use `module Name`'));
        if (name === undefined && decls.length === 0) name = this.longIdentName(node(header, 'longIdent'));
        else this.diagnostics.push(report('unsupported', this.span(header), ['A second module declaration']));
        continue;
      }
      for (const a of nodes(item, 'attributes')) {
        for (const t of tokens(a, 'Ident')) attributes.push({ name: this.name(t), span: this.span(a) });
      }
      const letDecl = node(item, 'letDecl');
      if (letDecl !== undefined) {
        const { rec, bindings, span } = this.letParts(letDecl);
        decls.push({ kind: 'LetDecl', attributes, rec, bindings, span });
        attributes = [];
        continue;
      }
      const typeDecl = node(item, 'typeDecl');
      if (typeDecl !== undefined) { decls.push(this.typeDecl(typeDecl)); continue; }
      const openDecl = node(item, 'openDecl');
      if (openDecl !== undefined) {
        decls.push({ kind: 'OpenDecl', path: this.longIdentParts(node(openDecl, 'longIdent')), span: this.span(openDecl) });
        continue;
      }
      const e = node(item, 'expr');
      if (e !== undefined) {
        this.expr(e);
        this.diagnostics.push(report('unsupported', this.span(e), ['A top-level expression'], "put it in the '[<EntryPoint>]' function"));
      }
    }
    if (attributes.length > 0) this.diagnostics.push(report('unexpectedToken', attributes[0]!.span, ['attribute', 'definition']));
    const span = this.span(cu);
    if (name === undefined) {
      const first = nodes(cu, 'topItem')[0];
      this.diagnostics.push(report('missingModule', first === undefined ? span : this.span(first)));
      name = { text: moduleFallback, span };
    }
    return { kind: 'Module', name, decls, span };
  }

  private longIdentParts(n: CstNode | undefined): A.Name[] {
    return n === undefined ? [] : tokens(n, 'Ident').map((t) => this.name(t));
  }
  private longIdentName(n: CstNode | undefined): A.Name {
    const parts = this.longIdentParts(n);
    if (parts.length === 0) return { text: '?', span: this.span(n) };
    return { text: parts.map((p) => p.text).join('.'), span: joinSpans(parts[0]!.span, parts[parts.length - 1]!.span) };
  }

  // ---- declarations ----------------------------------------------------------------------------
  letParts(n: CstNode): { rec: boolean; bindings: A.Binding[]; span: A.Span } {
    return { rec: has(n, 'Rec'), bindings: nodes(n, 'binding').map((b) => this.binding(b)), span: this.span(n) };
  }

  private binding(n: CstNode): A.Binding {
    const nameTok = token(n, 'Ident') ?? token(n, 'Underscore');
    const span = this.span(n);
    const name = nameTok === undefined ? { text: '_', span } : this.name(nameTok);
    const retType = node(n, 'typeExpr');
    return {
      kind: 'Binding',
      name,
      mutable: has(n, 'Mutable'),
      params: nodes(n, 'param').map((p) => this.param(p)),
      returnType: retType === undefined ? null : this.typeExpr(retType),
      body: this.block(node(n, 'block'), span),
      span,
    };
  }

  private param(n: CstNode): A.Param {
    const span = this.span(n);
    const ident = token(n, 'Ident');
    const t = node(n, 'typeExpr');
    const unit = has(n, 'LParen') && ident === undefined && !has(n, 'Underscore');
    return { kind: 'Param', name: ident === undefined ? null : this.name(ident), unit, type: t === undefined ? null : this.typeExpr(t), span };
  }

  private typeDecl(n: CstNode): A.Decl {
    const nameTok = token(n, 'Ident');
    const span = this.span(n);
    const fields = nodes(n, 'fieldDecl').map((f): A.FieldDecl => {
      const ft = token(f, 'Ident');
      const ty = node(f, 'typeExpr');
      const fspan = this.span(f);
      return {
        name: ft === undefined ? { text: '?', span: fspan } : this.name(ft),
        mutable: has(f, 'Mutable'),
        type: ty === undefined ? { kind: 'TypeName', name: { text: '?', span: fspan }, args: [], span: fspan } : this.typeExpr(ty),
        span: fspan,
      };
    });
    return { kind: 'RecordDecl', name: nameTok === undefined ? { text: '?', span } : this.name(nameTok), fields, span };
  }

  // ---- types ---------------------------------------------------------------------------------------
  typeExpr(n: CstNode): A.TypeExpr {
    const span = this.span(n);
    const from = this.typePostfix(node(n, 'typePostfix'), span);
    const rest = node(n, 'typeExpr');
    return rest === undefined ? from : { kind: 'TypeFun', from, to: this.typeExpr(rest), span };
  }

  private typePostfix(n: CstNode | undefined, fallback: A.Span): A.TypeExpr {
    const span = n === undefined ? fallback : this.span(n);
    const atom = n === undefined ? undefined : node(n, 'typeAtom');
    let t: A.TypeExpr = atom === undefined ? { kind: 'TypeName', name: { text: '?', span }, args: [], span } : this.typeAtom(atom);
    for (const rb of n === undefined ? [] : tokens(n, 'RBracket')) t = { kind: 'TypeArray', element: t, span: joinSpans(span, this.tspan(rb)) };
    return t;
  }

  private typeAtom(n: CstNode): A.TypeExpr {
    const span = this.span(n);
    const tv = token(n, 'TypeVar');
    if (tv !== undefined) return { kind: 'TypeVar', name: this.name(tv), span };
    const inner = node(n, 'typeExpr');
    if (inner !== undefined && has(n, 'LParen')) return this.typeExpr(inner);
    const id = token(n, 'Ident');
    const args = node(n, 'typeArgs');
    return {
      kind: 'TypeName',
      name: id === undefined ? { text: '?', span } : this.name(id),
      args: args === undefined ? [] : nodes(args, 'typeExpr').map((a) => this.typeExpr(a)),
      span,
    };
  }

  // ---- blocks ------------------------------------------------------------------------------------------
  block(n: CstNode | undefined, fallback: A.Span): A.Expr {
    const seq = n === undefined ? undefined : node(n, 'seq');
    return seq === undefined ? this.error(n === undefined ? fallback : this.span(n)) : this.seq(seq);
  }

  seq(n: CstNode): A.Expr {
    const items: A.BlockItem[] = nodes(n, 'blockItem').map((item): A.BlockItem => {
      const l = node(item, 'letDecl');
      if (l !== undefined) {
        const { rec, bindings, span } = this.letParts(l);
        return { kind: 'LocalLet', rec, bindings, span };
      }
      return this.expr(node(item, 'expr'));
    });
    const span = this.span(n);
    if (items.length === 1 && items[0]!.kind !== 'LocalLet') return items[0] as A.Expr;
    return { kind: 'Block', items, span };
  }

  // ---- expressions ---------------------------------------------------------------------------------------
  expr(n: CstNode | undefined): A.Expr {
    if (n === undefined) return this.error(this.fileSpan);
    const [lhs, rhs] = nodes(n, 'binaryExpr');
    const left = this.binaryExpr(lhs);
    if (rhs === undefined) return left;
    return { kind: 'Assign', target: left, value: this.binaryExpr(rhs), span: this.span(n) };
  }

  /**
   * A `binaryExpr` (operands and operators in source order) folded by precedence climbing over
   * `binaryPrecedence`: left-associative, `^^^` right-associative.
   */
  private binaryExpr(n: CstNode | undefined): A.Expr {
    if (n === undefined) return this.error(this.fileSpan);
    const operands = n.children['operands'] ?? [];
    const ops = (n.children['op'] ?? []) as IToken[];
    if (ops.length === 0) return this.operand(operands[0]);
    // An operator recovery left without its right operand is dropped, as each level did before.
    const count = Math.min(ops.length, operands.length - 1);
    let k = 0; // operators consumed so far, so `operands[k]` is the next operand
    const climb = (minPrec: number): A.Expr => {
      let left = this.operand(operands[k]);
      while (k < count) {
        const op = ops[k]!;
        const level = binaryPrecedence.get(op.tokenType) ?? addLevel;
        if (level.prec < minPrec) break;
        k++;
        left = this.infix(op, left, climb(level.right ? level.prec : level.prec + 1));
      }
      return left;
    };
    return climb(0);
  }

  private operand(e: CstElement | undefined): A.Expr {
    return e === undefined || isToken(e) ? this.error(this.fileSpan) : this.prefixExpr(e);
  }

  private infix(op: IToken, left: A.Expr, right: A.Expr): A.Expr {
    const o = infixOps.get(op.image) ?? '+';
    return { kind: 'Infix', op: o, opSpan: this.tspan(op), left, right, span: joinSpans(left.span, right.span) };
  }

  private prefixExpr(n: CstNode): A.Expr {
    const op = token(n, 'op');
    const inner = node(n, 'prefixExpr');
    if (op === undefined || inner === undefined) return this.appExpr(node(n, 'appExpr'));
    // `-2147483648`: the literal is decoded once, negated, so a value that fits only negated is in range.
    const literal = op.image === '-' ? bareIntLiteral(inner) : undefined;
    if (literal !== undefined) return this.intLiteral(literal.image, joinSpans(this.tspan(op), this.tspan(literal)), true);
    const operand = this.prefixExpr(inner);
    const span = joinSpans(this.tspan(op), operand.span);
    const o: A.PrefixOp = op.image === '-' ? '-' : op.image === '~~~' ? '~~~' : 'not';
    return { kind: 'Prefix', op: o, opSpan: this.tspan(op), operand, span };
  }

  private intLiteral(image: string, span: A.Span, negated: boolean): A.Expr {
    const d = decodeInt(image, negated);
    // The lexer reports a literal that fits neither way; one that fits only the other way is reported here.
    if (!d.ok && decodeInt(image, !negated).ok) this.diagnostics.push(report('literalOutOfRange', span, [negated ? `-${image}` : image, d.intType]));
    return { kind: 'Literal', value: { type: 'int', intType: d.intType, value: d.value, text: negated ? `-${image}` : image }, span };
  }

  private appExpr(n: CstNode | undefined): A.Expr {
    if (n === undefined) return this.error(this.fileSpan);
    const fn = this.postfixExpr(node(n, 'head'));
    if (soleChild(n) !== undefined) return fn;
    const args: A.Expr[] = [];
    const negs = tokens(n, 'negArgValue');
    for (const c of inOrder(n)) {
      if (c.label === 'args') args.push(this.postfixExpr(c.element as CstNode));
      else if (c.label === 'negArg') {
        const value = negs.find((v) => v.startOffset === (c.element as IToken).startOffset + 1);
        if (value !== undefined) args.push(this.intLiteral(value.image, joinSpans(this.tspan(c.element as IToken), this.tspan(value)), true));
      }
    }
    if (args.length === 0) return fn;
    return { kind: 'App', fn, args, span: joinSpans(fn.span, args[args.length - 1]!.span) };
  }

  private postfixExpr(n: CstNode | undefined): A.Expr {
    if (n === undefined) return this.error(this.fileSpan);
    let e = this.atom(node(n, 'atom'));
    if (soleChild(n) !== undefined) return e;
    for (const c of inOrder(n)) {
      if (c.label === 'field') {
        const f = this.name(c.element as IToken);
        const span = joinSpans(e.span, f.span);
        e = e.kind === 'Path' ? { kind: 'Path', parts: [...e.parts, f], span } : { kind: 'FieldGet', target: e, field: f, span };
      } else if (c.label === 'index') {
        const index = this.expr(c.element as CstNode);
        e = { kind: 'Index', target: e, index, span: joinSpans(e.span, index.span) };
      } else if (c.label === 'typeArgs') {
        const args = c.element as CstNode;
        e = { kind: 'TypeApp', target: e, typeArgs: nodes(args, 'typeExpr').map((t) => this.typeExpr(t)), span: joinSpans(e.span, this.span(args)) };
      }
    }
    return e;
  }

  private atom(n: CstNode | undefined): A.Expr {
    if (n === undefined) return this.error(this.fileSpan);
    const span = this.span(n);
    const t = soleChild(n) ?? Object.values(n.children)[0]?.[0];
    if (t === undefined) return this.error(span);
    if (!isToken(t)) return this.compound(t, span);
    switch (t.tokenType) {
      case T.IntLit: return this.intLiteral(t.image, span, false);
      case T.StringLit:
      case T.UnterminatedString: return { kind: 'Literal', value: { type: 'string', value: decodeString(t.image).value }, span };
      case T.True: return { kind: 'Literal', value: { type: 'bool', value: true }, span };
      case T.False: return { kind: 'Literal', value: { type: 'bool', value: false }, span };
      case T.Ident: return { kind: 'Path', parts: [this.name(t)], span };
      case T.Begin: return this.seqOrError(node(n, 'seq'), span);
      default: return this.error(span);
    }
  }

  private seqOrError(n: CstNode | undefined, span: A.Span): A.Expr {
    return n === undefined ? this.error(span) : this.seq(n);
  }

  /** Atoms that are whole constructs: parentheses, records, if, match, loops, unsupported ones. */
  private compound(n: CstNode, span: A.Span): A.Expr {
    const build = this.compounds[n.name];
    return build === undefined ? this.error(span) : build(n, span);
  }

  private readonly compounds: Readonly<Record<string, (n: CstNode, span: A.Span) => A.Expr>> = {
    parenExpr: (n, span) => {
      const seqs = nodes(n, 'seq');
      if (has(n, 'tupleItems')) {
        nodes(n, 'tupleItems').forEach((s) => this.seq(s));
        if (seqs[0] !== undefined) this.seq(seqs[0]);
        this.diagnostics.push(report('unsupported', span, ['A tuple']));
        return this.error(span);
      }
      if (seqs[0] === undefined) return { kind: 'Literal', value: { type: 'unit' }, span };
      return this.seq(seqs[0]);
    },
    recordExpr: (n, span) => {
      const inits = nodes(n, 'fieldInits')[0];
      const fields = inits === undefined ? [] : nodes(inits, 'fieldInit').map((f): A.FieldInit => {
        const ft = token(f, 'Ident');
        const fspan = this.span(f);
        return { name: ft === undefined ? { text: '?', span: fspan } : this.name(ft), value: this.expr(node(f, 'expr')), span: fspan };
      });
      const source = node(n, 'source');
      return source === undefined ? { kind: 'Record', fields, span } : { kind: 'RecordUpdate', source: this.binaryExpr(source), fields, span };
    },
    ifExpr: (n, span) => {
      const conds = nodes(n, 'elifCond');
      const blocks = nodes(n, 'elifBlock');
      const elseBlock = node(n, 'else');
      let otherwise: A.Expr | null = elseBlock === undefined ? null : this.block(elseBlock, span);
      for (let i = conds.length - 1; i >= 0; i--) {
        const cond = this.expr(conds[i]);
        const then = this.block(blocks[i], span);
        otherwise = { kind: 'If', cond, then, otherwise, span: joinSpans(cond.span, (otherwise ?? then).span) };
      }
      return { kind: 'If', cond: this.expr(node(n, 'cond')), then: this.block(node(n, 'then'), span), otherwise, span };
    },
    matchExpr: (n, span) => ({
      kind: 'Match',
      scrutinee: this.expr(node(n, 'expr')),
      arms: nodes(n, 'matchArm').map((arm): A.MatchArm => {
        const armSpan = this.span(arm);
        const guard = node(arm, 'guard');
        return { pattern: this.pattern(node(arm, 'pattern'), armSpan), guard: guard === undefined ? null : this.expr(guard), body: this.block(node(arm, 'block'), armSpan), span: armSpan };
      }),
      span,
    }),
    whileExpr: (n, span) => ({ kind: 'While', cond: this.expr(node(n, 'expr')), body: this.block(node(n, 'block'), span), span }),
    forExpr: (n, span) => {
      const v = token(n, 'Ident');
      return {
        kind: 'For',
        variable: v === undefined ? { text: '_', span } : this.name(v),
        from: this.expr(node(n, 'from')),
        to: this.expr(node(n, 'to')),
        down: has(n, 'Downto'),
        style: has(n, 'In') ? 'in' : 'to',
        body: this.block(node(n, 'block'), span),
        span,
      };
    },
    unsupportedExpr: (n, span) => {
      const what = token(n, 'what');
      const text = what === undefined ? 'This construct' : (unsupportedNames[what.image] ?? `'${what.image}'`);
      this.diagnostics.push(report('unsupported', what === undefined ? span : this.tspan(what), [text]));
      return this.error(span);
    },
  };

  // ---- patterns ------------------------------------------------------------------------------------------
  private pattern(n: CstNode | undefined, fallback: A.Span): A.Pattern {
    if (n === undefined) return { kind: 'PWild', span: fallback };
    const alternatives = nodes(n, 'patAtom').map((p) => this.patAtom(p));
    const span = this.span(n);
    if (alternatives.length === 1) return alternatives[0]!;
    return { kind: 'POr', alternatives, span };
  }

  private patAtom(n: CstNode): A.Pattern {
    const span = this.span(n);
    const int = token(n, 'IntLit');
    if (int !== undefined) {
      const lit = this.intLiteral(int.image, span, has(n, 'Minus'));
      return lit.kind === 'Literal' ? { kind: 'PConst', value: lit.value, span } : { kind: 'PWild', span };
    }
    const str = token(n, 'StringLit');
    if (str !== undefined) return { kind: 'PConst', value: { type: 'string', value: decodeString(str.image).value }, span };
    if (has(n, 'True')) return { kind: 'PConst', value: { type: 'bool', value: true }, span };
    if (has(n, 'False')) return { kind: 'PConst', value: { type: 'bool', value: false }, span };
    const id = node(n, 'longIdent');
    if (id !== undefined) {
      const parts = this.longIdentParts(id);
      if (parts.length === 1) return { kind: 'PVar', name: parts[0]!, span };
      this.diagnostics.push(report('unsupported', span, ['A constructor or qualified pattern']));
      return { kind: 'PWild', span };
    }
    const inner = node(n, 'pattern');
    if (inner !== undefined) return this.pattern(inner, span);
    if (has(n, 'LParen')) return { kind: 'PConst', value: { type: 'unit' }, span };
    return { kind: 'PWild', span };
  }
}
