/** Chevrotain's recognition errors → F#-style FS0010 diagnostics ("Unexpected … in …"). */
import type { IRecognitionException, IToken } from 'chevrotain';
import { report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from './ast.js';
import { pointSpan, tokenSpan } from './span.js';
import * as T from './tokens.js';

/** Grammar rules named as F# names the construct being parsed. */
const ruleContext: Readonly<Record<string, string>> = {
  compilationUnit: 'definition', topItem: 'definition', moduleHeader: 'module declaration', attributes: 'attribute',
  openDecl: 'open declaration', longIdent: 'name', letDecl: 'binding', binding: 'binding', param: 'pattern',
  typeDecl: 'type definition', fieldDecl: 'record field', typeExpr: 'type', typePostfix: 'type', typeAtom: 'type',
  typeArgs: 'type arguments', expr: 'expression',
  binaryExpr: 'expression', prefixExpr: 'expression', appExpr: 'expression', postfixExpr: 'expression', atom: 'expression',
  parenExpr: 'parenthesized expression', recordExpr: 'record expression', fieldInits: 'record expression',
  fieldInit: 'field binding', ifExpr: "'if' expression", matchExpr: 'pattern match', matchArm: 'pattern matching rules',
  pattern: 'pattern', patAtom: 'pattern', whileExpr: "'while' loop", forExpr: "'for' loop",
  unsupportedExpr: 'expression',
};

const virtualTokens = new Set([T.Indent, T.Dedent, T.Sep]);
/** How virtual tokens are named in an expectation: internal, so an "Expected …" naming only them is left out. */
const virtualLabels = new Set([...virtualTokens].map(T.describeTokenType));

/** The construct being parsed: the innermost rule F# has a name for (blocks are named by what owns them). */
function contextOf(e: IRecognitionException): string {
  const rules = e.context?.ruleStack ?? [];
  for (let i = rules.length - 1; i >= 0; i--) {
    const name = ruleContext[rules[i]!];
    if (name !== undefined) return name;
  }
  return 'definition';
}

function describeFound(t: IToken): string {
  if (t.tokenType.name === 'EOF') return 'end of input';
  if (t.tokenType === T.Ident || t.tokenType === T.IntLit) return `${T.describeTokenType(t.tokenType)} '${t.image}'`;
  return T.describeTokenType(t.tokenType);
}

/** The expected tokens, as Chevrotain lists them in a mismatch message. */
function expected(e: IRecognitionException): string | undefined {
  if (e.name !== 'MismatchedTokenException') return undefined;
  const m = /Expecting (?:token of type )?--> (.*?) <--/.exec(e.message);
  if (m?.[1] === undefined || virtualLabels.has(m[1])) return undefined;
  return m[1] === 'EOF' ? 'end of input' : m[1];
}

/** One diagnostic per recognition error; `endSpan` is used for errors at the end of the file. */
export function syntaxDiagnostics(file: string, errors: readonly IRecognitionException[], endSpan: Span): Diagnostic[] {
  return errors.map((e) => {
    const t = e.token;
    const atEnd = t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
    const span = atEnd ? endSpan : virtualTokens.has(t.tokenType) ? pointSpan(file, t) : tokenSpan(file, t);
    const context = contextOf(e);
    if (atEnd || virtualTokens.has(t.tokenType)) {
      return report('incompleteConstruct', span, [context]);
    }
    const exp = expected(e);
    return exp === undefined
      ? report('unexpectedToken', span, [describeFound(t), context])
      : report('unexpectedTokenExpecting', span, [describeFound(t), context, exp]);
  });
}
