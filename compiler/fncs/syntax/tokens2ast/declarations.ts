/**
 * The fast parser's file level: `compilationUnit` and its items (module header, attributes, `let`,
 * `type` and `open` declarations), built as `cst2ast.ts` builds them. What `cst2ast.ts` would report
 * at this level (a namespace, a second module line, a top-level expression, attributes with no `let`
 * after them, a missing module line) makes the fast parser give up, so the recovering parser reports it.
 */
import type * as A from '../ast.js';
import { joinSpans } from '../span.js';
import * as T from '../tokens.js';
import {
  COLON, DEDENT, DOT, EQUALS, GIVE_UP, IDENT, INDENT, kindSet, LATTR, LBRACE, LET, MODULE, MUTABLE, OPEN, RATTR, RBRACE, SEMI, SEP, TYPE,
  type TokenFeed,
} from './cursor.js';
import { ConstructReader } from './constructs.js';
import { NONE } from './typesAndPatterns.js';

/** What can start a record type's field after a `;` or a new line. */
const startsFieldDecl = kindSet(T.Mutable, T.Ident);

/**
 * Takes each declaration as it is read, in place of the module's list (which then stays empty), so
 * a compile can finish with one declaration before the next is read. `module` is the module's name
 * and the span of its first token: a declaration before the `module` line makes the reader give up.
 */
export type DeclarationSink = (decl: A.Decl, module: ModuleHeader) => void;

/** What is known of the module when its first declaration is read. */
export interface ModuleHeader {
  readonly name: A.Name;
  /** The span of the module's first token (where its whole span starts). */
  readonly start: A.Span;
}

export class ModuleReader extends ConstructReader {
  /** `(SEP topItem?)*` to the end of the tokens. */
  module(): A.ModuleAst {
    return this.items(undefined, undefined)!;
  }

  /**
   * `module`, each declaration going to `sink` as soon as it is read; with a `feed`, the tokens are
   * laid out an item ahead of the parser, and those of items read are let go.
   */
  stream(sink: DeclarationSink, feed: TokenFeed | undefined): void {
    this.items(sink, feed);
  }

  /** The module's items, to `sink` or, without one, into the module returned. */
  private items(sink: DeclarationSink | undefined, feed: TokenFeed | undefined): A.ModuleAst | null {
    if (feed !== undefined) this.advance(feed);
    if (this.atEnd()) throw GIVE_UP;
    const first = this.peekToken();
    // Taken now: with a feed, the first token is let go before the module ends.
    const start = this.tokenSpan(first);
    let name: A.Name | null = null;
    const decls: A.Decl[] = [];
    let declared = 0;
    let header: ModuleHeader | null = null;
    const add = (d: A.Decl): void => {
      declared++;
      if (sink === undefined) decls.push(d);
      else if (header === null) throw GIVE_UP;
      else sink(d, header);
    };
    let attributes: A.Attribute[] | typeof NONE = NONE;
    for (;;) {
      if (feed !== undefined) this.advance(feed);
      if (this.la(1) !== SEP) break;
      this.pos++;
      const k = this.la(1);
      if (k === LET) {
        const l = this.letBindings();
        add({ kind: 'LetDecl', attributes, rec: l.rec, bindings: l.bindings, span: l.span });
        attributes = NONE;
      } else if (k === LATTR) {
        const list: A.Attribute[] = attributes === NONE ? [] : (attributes as A.Attribute[]);
        while (this.la(1) === LATTR) this.attributes(list);
        attributes = list;
        if (this.la(1) === LET) {
          const l = this.letBindings();
          add({ kind: 'LetDecl', attributes, rec: l.rec, bindings: l.bindings, span: l.span });
          attributes = NONE;
        }
      } else if (k === TYPE) {
        add(this.typeDecl());
      } else if (k === OPEN) {
        const open = this.take();
        const path = this.longIdent();
        add({ kind: 'OpenDecl', path, span: this.spanFrom(open) });
      } else if (k === MODULE) {
        if (name !== null || declared > 0) throw GIVE_UP;
        this.pos++;
        const parts = this.longIdent();
        name = { text: parts.map((p) => p.text).join('.'), span: joinSpans(parts[0]!.span, parts[parts.length - 1]!.span) };
        header = { name, start };
      } else if (k !== SEP && !this.atEnd()) {
        // A namespace, a top-level expression, or no item at all where one must be.
        throw GIVE_UP;
      }
    }
    if (!this.atEnd() || (feed !== undefined && !feed.finished) || attributes.length > 0 || name === null) throw GIVE_UP;
    return sink === undefined ? { kind: 'Module', name, decls, span: this.spanFrom(first) } : null;
  }

  /** Have `feed` lay out the next item, letting go of the tokens before the cursor; give up if the file is not clean. */
  private advance(feed: TokenFeed): void {
    const pos = feed.next(this.pos);
    if (pos < 0) throw GIVE_UP;
    this.refill(pos);
  }

  /** `[< name (; name)* >]`: one attribute per name, each spanning the brackets. */
  private attributes(into: A.Attribute[]): void {
    const open = this.take();
    const names = this.separatedBy(SEMI, this.identName);
    this.skip(RATTR);
    const span = this.spanFrom(open);
    for (const name of names) into.push({ name, span });
  }

  /** `name (. name)*` */
  private longIdent(): A.Name[] {
    return this.separatedBy(DOT, this.identName);
  }

  /** An identifier, as a name. */
  private identName(): A.Name {
    return this.name(this.expect(IDENT));
  }

  /** `type Name = INDENT { INDENT field ((; | SEP) field?)* DEDENT } DEDENT` */
  private typeDecl(): A.Decl {
    const first = this.take();
    const name = this.name(this.expect(IDENT));
    this.skip(EQUALS);
    this.skip(INDENT);
    this.skip(LBRACE);
    this.skip(INDENT);
    const fields = this.blockItems(this.fieldDecl(), startsFieldDecl, this.fieldDecl);
    this.skip(DEDENT);
    this.skip(RBRACE);
    this.skip(DEDENT);
    return { kind: 'RecordDecl', name, fields, span: this.spanFrom(first) };
  }

  /** `mutable? name : type` */
  private fieldDecl(): A.FieldDecl {
    const first = this.peekToken();
    const mutable = this.la(1) === MUTABLE;
    if (mutable) this.pos++;
    const name = this.name(this.expect(IDENT));
    this.skip(COLON);
    const type = this.typeExpr();
    return { name, mutable, type, span: this.spanFrom(first) };
  }
}
