/**
 * The offside rule: turns F#'s indentation-sensitive layout into explicit virtual tokens, so the
 * grammar can be written as if F# had braces.
 *
 *   INDENT  opens a block whose column is that of its first token;
 *   SEP     separates two lines of the same block (a new line starting at the block's column);
 *   DEDENT  closes a block (a line starting left of it, a closing bracket, or a keyword such as
 *           `else`, `|` or `with` that ends the construct the block belongs to).
 *
 * Blocks open after the `=` of a `let` or `type`, after `then`, `else`, `->` of a match arm, `do`,
 * and inside `{ … }`. As in F#, a block always opens at the column of the token that follows, on
 * the same line or the next, so `let x = 1` is `let x = INDENT 1 DEDENT`. Besides blocks, a stack
 * of contexts remembers the constructs a keyword may close (`if` until `then`/`else`, `match` until
 * `with` and its arms, loops until `do`, brackets until their closing bracket).
 */
import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { tokenSpan } from './span.js';
import * as T from './tokens.js';

type ContextKind = 'root' | 'block' | 'paren' | 'let' | 'if' | 'match' | 'with' | 'loop' | 'fun';

/** A 1-based line and column. */
interface Position {
  readonly line: number;
  readonly col: number;
}

interface Context extends Position {
  readonly kind: ContextKind;
  /** For 'paren': the closing token type that ends it, and the opening token. */
  readonly closer?: TokenType;
  readonly opener?: IToken;
}

/** Opening brackets and the token that closes each. */
const brackets: ReadonlyMap<TokenType, TokenType> = new Map([
  [T.LParen, T.RParen], [T.LBracket, T.RBracket], [T.LArray, T.RArray], [T.LBrace, T.RBrace], [T.LAttr, T.RAttr],
  [T.Begin, T.End],
]);
const closers: ReadonlySet<TokenType> = new Set(brackets.values());
const layoutTokens: ReadonlySet<TokenType> = new Set([T.Indent, T.Dedent, T.Sep]);

/** Tokens that continue the previous line when they start a line at a block's column. */
const continuesLine: ReadonlySet<TokenType> = new Set([
  T.Then, T.Else, T.Elif, T.With, T.Bar, T.And, T.Do, T.Arrow, T.When, T.In, T.To, T.Downto,
  T.Pipe, T.BarBar, T.AmpAmp, T.BarBarBar, T.AmpAmpAmp, T.HatHatHat, T.ShiftLeft, T.ShiftRight,
  T.Equals, T.NotEqual, T.Less, T.LessEqual, T.Greater, T.GreaterEqual, T.Plus, T.Minus, T.Star, T.Slash,
  T.Percent, T.LeftArrow, ...closers,
]);

/** For a context left at the column a line starts at, the tokens that continue its construct. */
const continuesContext: Readonly<Partial<Record<ContextKind, ReadonlySet<TokenType>>>> = {
  if: new Set([T.Then, T.Else, T.Elif]),
  match: new Set([T.With, T.Bar]),
  with: new Set([T.Bar]),
  loop: new Set([T.Do]),
  let: new Set([T.Equals, T.And]),
};

export interface LayoutResult {
  readonly tokens: IToken[];
  readonly diagnostics: Diagnostic[];
}

/** Insert INDENT/DEDENT/SEP into a token stream. Never throws. */
export function applyOffside(file: string, tokens: readonly IToken[]): LayoutResult {
  const out: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  const first = tokens[0];
  const stack: Context[] = [{ kind: 'root', col: first?.startColumn ?? 1, line: 0 }];
  /** Where the construct that opens the next block starts (a `let`, `if`, `match`, loop or `{`), or null. */
  let pendingBlock: Position | null = null;
  let prevLine = 0;

  const top = (): Context => stack[stack.length - 1]!;
  const lastReal = (): IToken | undefined => out.findLast((o) => !layoutTokens.has(o.tokenType));
  /**
   * A virtual token starts where the token that caused it starts (errors point there, as F#'s do).
   * DEDENT and SEP end where the last real token before them ends, so a node that closes with one
   * spans up to its own last token, not into the next line.
   */
  const virtual = (type: TokenType, at: IToken): IToken => {
    const end = type === T.Indent ? undefined : lastReal();
    return createTokenInstance(
      type, '',
      at.startOffset, end?.endOffset ?? at.startOffset,
      at.startLine ?? 1, end?.endLine ?? at.startLine ?? 1,
      at.startColumn ?? 1, end?.endColumn ?? at.startColumn ?? 1,
    );
  };
  const pop = (at: IToken): void => {
    const c = stack.pop()!;
    if (c.kind === 'block') out.push(virtual(T.Dedent, at));
  };
  /** Index of the innermost context of `kind` above the innermost bracket, or -1. */
  const findAboveParen = (kind: ContextKind): number => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const k = stack[i]!.kind;
      if (k === kind) return i;
      if (k === 'paren' || k === 'root') return -1;
    }
    return -1;
  };
  const popAbove = (index: number, at: IToken): void => {
    while (stack.length - 1 > index) pop(at);
  };
  /**
   * The column a bracket's contents must stay right of: that of the innermost block left of the
   * bracket (`g (a,` in a block at column 5 → 5; `let x = (` → the block around the `let`).
   */
  const bracketOffsideCol = (index: number): number => {
    const bracket = stack[index]!;
    for (let i = index - 1; i >= 0; i--) {
      const c = stack[i]!;
      if ((c.kind === 'block' || c.kind === 'root') && c.col < bracket.col) return c.col;
    }
    return 0;
  };

  for (const t of tokens) {
    const line = t.startLine ?? 1;
    const col = t.startColumn ?? 1;
    const type = t.tokenType;

    // 1. A token that starts a line closes the blocks and constructs it is left of.
    if (line > prevLine) {
      for (;;) {
        const c = top();
        if (c.kind === 'root') break;
        if (c.kind === 'paren') {
          // A line back at or left of where the bracketed construct started: the bracket was never closed.
          if (closers.has(type) || col > bracketOffsideCol(stack.length - 1) || c.opener === undefined) break;
          diagnostics.push(report('unmatchedBracket', tokenSpan(file, c.opener), [c.opener.image]));
          stack.pop();
          continue;
        }
        if (c.kind === 'block') {
          if (c.col > col) { pop(t); continue; }
          break;
        }
        const continues = continuesContext[c.kind]?.has(type) ?? false;
        if (c.col > col || (c.col === col && !continues)) { stack.pop(); continue; }
        break;
      }
      const c = top();
      if (pendingBlock === null && (c.kind === 'block' || c.kind === 'root') && c.col === col && !continuesLine.has(type)) {
        out.push(virtual(T.Sep, t));
      }
    }

    // 2. A block opened by the previous token starts here.
    if (pendingBlock !== null) {
      const owner = pendingBlock;
      pendingBlock = null;
      const enclosing = stack.findLast((c) => c.kind === 'block' || c.kind === 'root' || c.kind === 'paren');
      let blockCol = col;
      if (line > prevLine && enclosing !== undefined && enclosing.kind !== 'paren' && col <= enclosing.col) {
        diagnostics.push(report('offside', tokenSpan(file, t), [`${owner.line}:${owner.col}`]));
        blockCol = enclosing.col + 1;
      }
      stack.push({ kind: 'block', col: blockCol, line });
      out.push(virtual(T.Indent, t));
    }

    // 3. What the token itself opens or closes.
    const closer = brackets.get(type);
    if (closer !== undefined) {
      out.push(t);
      stack.push({ kind: 'paren', col, closer, line, opener: t });
      if (type === T.LBrace) pendingBlock = { line, col };
      prevLine = t.endLine ?? line;
      continue;
    }
    if (closers.has(type)) {
      const i = stack.findLastIndex((c) => c.kind === 'paren' && c.closer === type);
      if (i > 0) { popAbove(i, t); stack.pop(); }
      out.push(t);
      prevLine = t.endLine ?? line;
      continue;
    }
    switch (true) {
      case type === T.Let || type === T.And || type === T.Type:
        stack.push({ kind: 'let', col, line });
        break;
      case type === T.Equals && top().kind === 'let':
        pendingBlock = stack.pop()!;
        break;
      case type === T.If:
        stack.push({ kind: 'if', col, line });
        break;
      case type === T.Then || type === T.Else || type === T.Elif: {
        const i = findAboveParen('if');
        if (type !== T.Elif) pendingBlock = i >= 0 ? stack[i]! : { line, col };
        if (i >= 0) popAbove(i, t);
        break;
      }
      case type === T.Match:
        stack.push({ kind: 'match', col, line });
        break;
      case type === T.With: {
        const i = findAboveParen('match');
        if (i >= 0) {
          const m = stack[i]!;
          popAbove(i, t);
          stack.pop();
          stack.push({ kind: 'with', col: m.col, line: m.line });
        }
        break;
      }
      case type === T.Bar: {
        const i = findAboveParen('with');
        if (i >= 0) popAbove(i, t);
        break;
      }
      case type === T.Arrow && (top().kind === 'with' || top().kind === 'fun'):
        pendingBlock = top().kind === 'fun' ? stack.pop()! : top();
        break;
      case type === T.While || type === T.For:
        stack.push({ kind: 'loop', col, line });
        break;
      case type === T.Do: {
        const i = findAboveParen('loop');
        pendingBlock = i >= 0 ? stack[i]! : { line, col };
        if (i >= 0) { popAbove(i, t); stack.pop(); }
        break;
      }
      case type === T.Unsupported && t.image === 'fun':
        stack.push({ kind: 'fun', col, line });
        break;
      default:
        break;
    }
    out.push(t);
    prevLine = t.endLine ?? line;
  }

  const last = tokens[tokens.length - 1];
  if (last !== undefined) {
    if (pendingBlock !== null) { out.push(virtual(T.Indent, last)); out.push(virtual(T.Dedent, last)); }
    const end = createTokenInstance(T.Sep, '', (last.endOffset ?? last.startOffset) + 1, (last.endOffset ?? last.startOffset) + 1, last.endLine ?? 1, last.endLine ?? 1, (last.endColumn ?? 1) + 1, (last.endColumn ?? 1) + 1);
    while (stack.length > 1) pop(end);
  }
  return { tokens: out, diagnostics };
}
