/**
 * Test helpers for the syntax stage: parse through the same entry points the CLI uses, and print
 * AST nodes as compact S-expressions without spans, so a test states a tree's shape in one line.
 */
import { lex } from '../../compiler/fncs/syntax/lexer.js';
import { lexTokens, parseSource, type ParseResult } from '../../compiler/fncs/syntax/parse.js';
import type * as A from '../../compiler/fncs/syntax/ast.js';
import { sortDiagnostics, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { formatLine } from '../../compiler/diagnostics/render.js';

/** `module T` followed by the lines given, newline-terminated. */
export const mod = (...lines: string[]): string => ['module T', ...lines].join('\n') + '\n';

/** Parse `text` as `t.fs`; diagnostics sorted by position as the CLI shows them. */
export function parse(text: string, file = 't.fs'): ParseResult {
  const r = parseSource(file, text);
  return { ast: r.ast, diagnostics: sortDiagnostics(r.diagnostics) };
}

/** Diagnostics in the F# line format, e.g. `t.fs(2,9): error FS0010: …`. */
export const lines = (ds: readonly Diagnostic[]): string[] => ds.map(formatLine);
/** Diagnostics as `(line,col) FSnnnn`, for asserting positions without wording. */
export const where = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `(${d.span.startLine},${d.span.startCol}) ${d.code}`);

/** Parse a module that must have no diagnostics; fails the test with them otherwise. */
export function parseClean(text: string): A.ModuleAst {
  const r = parse(text);
  if (r.diagnostics.length > 0) throw new Error(`unexpected diagnostics:\n${lines(r.diagnostics).join('\n')}`);
  return r.ast;
}

/** The bindings of the top-level `let` declarations, in order. */
export function topBindings(ast: A.ModuleAst): A.Binding[] {
  return ast.decls.flatMap((d) => (d.kind === 'LetDecl' ? d.bindings : []));
}

/** The body of `let x = <source>` (the source may span lines), as an S-expression. */
export function expr(...source: string[]): string {
  const [first, ...rest] = source;
  const ast = parseClean(mod(`let x = ${first}`, ...rest));
  return sx(topBindings(ast)[0]!.body);
}

/** The body of the first top-level binding of a whole module given as lines (after `module T`). */
export function body(...source: string[]): string {
  return sx(topBindings(parseClean(mod(...source)))[0]!.body);
}

/** Real tokens as `Type:image` (or `Type` when the image is the keyword/symbol itself). */
export function tokenNames(text: string): string[] {
  return lex('t.fs', text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

/**
 * The laid-out stream of a module's body, as one line per source line: real tokens by image,
 * virtual ones as `INDENT`, `DEDENT`, `SEP`. The `module T` line is left out.
 */
export function layout(...source: string[]): string {
  const { tokens } = lexTokens('t.fs', mod(...source));
  return tokens
    .filter((t) => (t.startLine ?? 1) > 1)
    .map((t) => (t.image === '' ? t.tokenType.name : t.image))
    .join(' ');
}

// ---- S-expressions ------------------------------------------------------------------------------

export function sx(e: A.Expr | A.LocalLet): string {
  switch (e.kind) {
    case 'Literal': return lit(e.value);
    case 'Path': return e.parts.map((p) => p.text).join('.');
    case 'FieldGet': return `(. ${sx(e.target)} ${e.field.text})`;
    case 'TypeApp': return `${sx(e.target)}<${e.typeArgs.map(sty).join(', ')}>`;
    case 'App': return `(${[e.fn, ...e.args].map(sx).join(' ')})`;
    case 'Index': return `(.[] ${sx(e.target)} ${sx(e.index)})`;
    case 'Infix': return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'Prefix': return `(${e.op} ${sx(e.operand)})`;
    case 'If': return `(if ${sx(e.cond)} ${sx(e.then)}${e.otherwise === null ? '' : ` ${sx(e.otherwise)}`})`;
    case 'While': return `(while ${sx(e.cond)} ${sx(e.body)})`;
    case 'For':
      return e.style === 'in'
        ? `(for ${e.variable.text} in ${sx(e.from)} .. ${sx(e.to)} ${sx(e.body)})`
        : `(for ${e.variable.text} = ${sx(e.from)} ${e.down ? 'downto' : 'to'} ${sx(e.to)} ${sx(e.body)})`;
    case 'Match':
      return `(match ${sx(e.scrutinee)} ${e.arms.map((a) => `[${spat(a.pattern)}${a.guard === null ? '' : ` when ${sx(a.guard)}`} -> ${sx(a.body)}]`).join(' ')})`;
    case 'Block': return `{${e.items.map(sx).join('; ')}}`;
    case 'Assign': return `(<- ${sx(e.target)} ${sx(e.value)})`;
    case 'Record': return `{${e.fields.map(sfield).join('; ')}}`;
    case 'RecordUpdate': return `{${sx(e.source)} with ${e.fields.map(sfield).join('; ')}}`;
    case 'LocalLet': return slet(e.rec, e.bindings);
    case 'Error': return '!error';
  }
}

const sfield = (f: A.FieldInit): string => `${f.name.text} = ${sx(f.value)}`;

function lit(v: A.LiteralValue): string {
  switch (v.type) {
    case 'int': return v.intType === 'int' ? v.text : `${v.text}:${v.intType}`;
    case 'bool': return String(v.value);
    case 'string': return JSON.stringify(v.value);
    case 'unit': return '()';
  }
}

export function spat(p: A.Pattern): string {
  switch (p.kind) {
    case 'PWild': return '_';
    case 'PConst': return lit(p.value);
    case 'PVar': return p.name.text;
    case 'POr': return p.alternatives.map(spat).join(' | ');
  }
}

export function sty(t: A.TypeExpr): string {
  switch (t.kind) {
    case 'TypeName': return t.args.length === 0 ? t.name.text : `${t.name.text}<${t.args.map(sty).join(', ')}>`;
    case 'TypeVar': return t.name.text;
    case 'TypeArray': return `${sty(t.element)}[]`;
    case 'TypeFun': return `(${sty(t.from)} -> ${sty(t.to)})`;
  }
}

function sparam(p: A.Param): string {
  if (p.unit) return '()';
  const name = p.name?.text ?? '_';
  return p.type === null ? name : `(${name}: ${sty(p.type)})`;
}

function sbinding(b: A.Binding): string {
  const head = [b.mutable ? 'mutable ' : '', b.name.text, ...b.params.map((p) => ` ${sparam(p)}`)].join('');
  return `${head}${b.returnType === null ? '' : ` : ${sty(b.returnType)}`} = ${sx(b.body)}`;
}

function slet(rec: boolean, bindings: readonly A.Binding[]): string {
  return `let ${rec ? 'rec ' : ''}${bindings.map(sbinding).join(' and ')}`;
}

/** A declaration, e.g. `[<EntryPoint>] let main argv = 0` or `type R = { A: int; mutable B: byte }`. */
export function sdecl(d: A.Decl): string {
  switch (d.kind) {
    case 'LetDecl': return `${d.attributes.map((a) => `[<${a.name.text}>] `).join('')}${slet(d.rec, d.bindings)}`;
    case 'RecordDecl': return `type ${d.name.text} = { ${d.fields.map((f) => `${f.mutable ? 'mutable ' : ''}${f.name.text}: ${sty(f.type)}`).join('; ')} }`;
    case 'OpenDecl': return `open ${d.path.map((p) => p.text).join('.')}`;
  }
}

/** A span as `l:c-l:c` (end exclusive), for asserting where a node is. */
export const at = (s: A.Span): string => `${s.startLine}:${s.startCol}-${s.endLine}:${s.endCol}`;
