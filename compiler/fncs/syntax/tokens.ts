/**
 * The token vocabulary of the F# subset, as Chevrotain token types, in the order the lexer tries
 * them (longer operators before their prefixes, keywords before identifiers). The keyword and
 * operator tables exported here let the hand-written scanner (`scanner.ts`) produce the same token
 * types without running the patterns.
 *
 * The virtual layout tokens INDENT, DEDENT and SEP are never produced by the lexer: the offside
 * pass (`offside.ts`) inserts them from the columns of real tokens.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

// ---- skipped ------------------------------------------------------------------------------------
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
/** Tabs are an error in F#; the lexer keeps them so the front end can report FS1161 at each. */
export const Tab = createToken({ name: 'Tab', pattern: /\t+/, group: 'errors' });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED });

/** Scan a `(* … *)` comment from `offset`: where it ends, and whether every nested level was closed. */
function scanBlockComment(text: string, offset: number): { end: number; closed: boolean } {
  let depth = 0;
  let i = offset;
  while (i < text.length) {
    if (text.startsWith('(*', i)) { depth++; i += 2; }
    else if (text.startsWith('*)', i)) { depth--; i += 2; if (depth === 0) break; }
    else i++;
  }
  return { end: i, closed: depth === 0 };
}

/** `(* … *)`, nesting as in F#; an unterminated one runs to the end of the file. */
function matchBlockComment(text: string, offset: number): RegExpExecArray | null {
  if (!text.startsWith('(*', offset) || text.startsWith('(*)', offset)) return null;
  return [text.slice(offset, scanBlockComment(text, offset).end)] as unknown as RegExpExecArray;
}

/** Whether a block comment token's image closes every level it opens (`(* (* *)` does not). */
export const isClosedBlockComment = (image: string): boolean => scanBlockComment(image, 0).closed;
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: { exec: matchBlockComment },
  line_breaks: true,
  start_chars_hint: ['('],
  group: 'comments',
});

// ---- literals ------------------------------------------------------------------------------------
export const StringLit = createToken({ name: 'StringLit', pattern: /"(?:[^"\\\n]|\\[^\n])*"/, label: 'string literal' });
/** A string that reaches the end of its line without a closing quote. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n]|\\[^\n])*/ });
/** Floating-point literals are outside the subset; lexed so they can be reported, not misread. */
export const FloatLit = createToken({ name: 'FloatLit', pattern: /[0-9][0-9_]*\.[0-9][0-9_]*(?:[eE][+-]?[0-9]+)?[fFmM]?/ });
export const IntLit = createToken({
  name: 'IntLit',
  label: 'integer literal',
  pattern: /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)(?:UL|ul|uL|Ul|uy|us|u|L|l|y|s|n|UN)?(?![A-Za-z0-9_])/,
});
/** A number followed by letters that are no suffix, such as `12abc`: reported as a bad literal. */
export const BadNumber = createToken({ name: 'BadNumber', pattern: /[0-9][0-9A-Za-z_]*/ });
/** `'a'` character literals are left out of the subset; lexed to be reported. */
export const CharLit = createToken({ name: 'CharLit', pattern: /'(?:[^'\\\n]|\\[^\n])'/ });
export const TypeVar = createToken({ name: 'TypeVar', pattern: /'[A-Za-z_][A-Za-z0-9_]*/ });

// ---- identifiers and keywords ---------------------------------------------------------------------
export const Ident = createToken({ name: 'Ident', pattern: /[A-Za-z_][A-Za-z0-9_']*|``[^`\n]+``/, label: 'identifier' });
/** `_` alone (wildcard); `_x` is an identifier. */
export const Underscore = createToken({ name: 'Underscore', pattern: /_(?![A-Za-z0-9_'])/, longer_alt: Ident });

const keywordTable = new Map<string, TokenType>();
function keyword(word: string): TokenType {
  const name = word[0]!.toUpperCase() + word.slice(1);
  const type = createToken({ name, pattern: new RegExp(`${word}(?![A-Za-z0-9_'])`), longer_alt: Ident, label: `keyword '${word}'` });
  keywordTable.set(word, type);
  return type;
}

export const Module = keyword('module');
export const Namespace = keyword('namespace');
export const Open = keyword('open');
export const Let = keyword('let');
export const Rec = keyword('rec');
export const And = keyword('and');
export const Mutable = keyword('mutable');
export const Type = keyword('type');
export const If = keyword('if');
export const Then = keyword('then');
export const Elif = keyword('elif');
export const Else = keyword('else');
export const While = keyword('while');
export const For = keyword('for');
export const In = keyword('in');
export const To = keyword('to');
export const Downto = keyword('downto');
export const Do = keyword('do');
export const Done = keyword('done');
export const Match = keyword('match');
export const With = keyword('with');
export const When = keyword('when');
export const True = keyword('true');
export const False = keyword('false');
export const Not = keyword('not');
export const Begin = keyword('begin');
export const End = keyword('end');
const unsupportedWords = [
  'fun', 'function', 'try', 'finally', 'raise', 'lazy', 'yield', 'return', 'use', 'new', 'member', 'interface', 'class',
  'struct', 'exception', 'inherit', 'abstract', 'override', 'default', 'async', 'task', 'upcast', 'downcast', 'null', 'of',
  'static', 'inline', 'private', 'public', 'internal', 'extern', 'val', 'assert', 'base', 'global', 'select', 'fixed', 'const',
];
/** Keywords of F# outside the subset: lexed as keywords so they are reported as unsupported. */
export const Unsupported = createToken({
  name: 'UnsupportedKeyword',
  pattern: new RegExp(`(?:${unsupportedWords.join('|')})(?![A-Za-z0-9_'])`),
  longer_alt: Ident,
});
for (const word of unsupportedWords) keywordTable.set(word, Unsupported);
/**
 * Every keyword, supported or not, and its token type. A run of identifier characters is a keyword
 * exactly when the whole run is one of these words (each keyword pattern refuses an identifier
 * character after it), which is what lets the scanner (`scanner.ts`) look words up instead of matching.
 */
export const keywordTypes: ReadonlyMap<string, TokenType> = keywordTable;

// ---- operators and punctuation (longest first) -------------------------------------------------------
const operatorTable = new Map<TokenType, string>();
function op(name: string, image: string): TokenType {
  const type = createToken({ name, pattern: new RegExp(image.replace(/[|\\^$*+?.()[\]{}<>-]/g, (c) => `\\${c}`)), label: `symbol '${image}'` });
  operatorTable.set(type, image);
  return type;
}

export const LAttr = op('LAttr', '[<');
export const RAttr = op('RAttr', '>]');
export const LArray = op('LArray', '[|');
export const RArray = op('RArray', '|]');
export const Pipe = op('Pipe', '|>');
export const BarBarBar = op('BarBarBar', '|||');
export const BarBar = op('BarBar', '||');
export const AmpAmpAmp = op('AmpAmpAmp', '&&&');
export const AmpAmp = op('AmpAmp', '&&');
export const HatHatHat = op('HatHatHat', '^^^');
export const TildeTildeTilde = op('TildeTildeTilde', '~~~');
export const ShiftLeft = op('ShiftLeft', '<<<');
export const ShiftRight = op('ShiftRight', '>>>');
export const LeftArrow = op('LeftArrow', '<-');
export const Arrow = op('Arrow', '->');
export const NotEqual = op('NotEqual', '<>');
export const LessEqual = op('LessEqual', '<=');
export const GreaterEqual = op('GreaterEqual', '>=');
export const DotDot = op('DotDot', '..');
export const ColonColon = op('ColonColon', '::');
export const ColonEquals = op('ColonEquals', ':=');
export const Equals = op('Equals', '=');
export const Less = op('Less', '<');
export const Greater = op('Greater', '>');
export const Bar = op('Bar', '|');
export const Plus = op('Plus', '+');
export const Minus = op('Minus', '-');
export const Star = op('Star', '*');
export const Slash = op('Slash', '/');
export const Percent = op('Percent', '%');
export const Dot = op('Dot', '.');
export const Colon = op('Colon', ':');
export const Semi = op('Semi', ';');
export const Comma = op('Comma', ',');
export const LParen = op('LParen', '(');
export const RParen = op('RParen', ')');
export const LBracket = op('LBracket', '[');
export const RBracket = op('RBracket', ']');
export const LBrace = op('LBrace', '{');
export const RBrace = op('RBrace', '}');
/** Each operator or punctuation token type and the one image it matches (in lexer order). */
export const operatorImages: ReadonlyMap<TokenType, string> = operatorTable;
/**
 * Any other character: reported once per run of such characters. Its first-character hint is
 * attached by `lexer.ts` when it builds the Chevrotain lexer (see `unknownStartChars`).
 */
export const Unknown = createToken({ name: 'Unknown', pattern: /[^\sA-Za-z0-9_]/ });
/**
 * Every UTF-16 code unit except `[A-Za-z0-9_]`: a superset of what `Unknown` can start with.
 * Chevrotain cannot analyse a complement set, and one unanalysable pattern turns off its
 * first-character optimisation for the whole lexer; this hint keeps it on. Listing 65,536 codes
 * takes milliseconds, so it is done only when the Chevrotain lexer is built, which a clean
 * compile never needs.
 */
export function unknownStartChars(): number[] {
  const codes: number[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!word) codes.push(c);
  }
  return codes;
}

// ---- virtual layout tokens (inserted by the offside pass) --------------------------------------------
export const Indent = createToken({ name: 'INDENT', pattern: Lexer.NA, label: 'start of an indented block' });
export const Dedent = createToken({ name: 'DEDENT', pattern: Lexer.NA, label: 'end of an indented block' });
export const Sep = createToken({ name: 'SEP', pattern: Lexer.NA, label: 'new line' });

/** Lexer order matters: comments before `(`, longer operators before shorter ones. */
export const lexerTokens: TokenType[] = [
  WhiteSpace, Tab, LineComment, BlockComment,
  StringLit, UnterminatedString, FloatLit, IntLit, BadNumber, CharLit, TypeVar,
  Module, Namespace, Open, Let, Rec, And, Mutable, Type, If, Then, Elif, Else, While, For, In, To, Downto, Do, Done,
  Match, With, When, True, False, Not, Begin, End, Unsupported, Underscore, Ident,
  LAttr, RAttr, LArray, RArray, Pipe, BarBarBar, BarBar, AmpAmpAmp, AmpAmp, HatHatHat, TildeTildeTilde,
  ShiftLeft, ShiftRight, LeftArrow, Arrow, NotEqual, LessEqual, GreaterEqual, DotDot, ColonColon, ColonEquals,
  Equals, Less, Greater, Bar, Plus, Minus, Star, Slash, Percent, Dot, Colon, Semi, Comma,
  LParen, RParen, LBracket, RBracket, LBrace, RBrace, Unknown,
];

/** Every token type the parser knows, virtual ones included. */
export const allTokens: TokenType[] = [...lexerTokens, Indent, Dedent, Sep];

/** How a token type is named in "Unexpected …" messages: its label, in F#'s words where F# has them. */
export function describeTokenType(t: TokenType): string {
  return t.LABEL ?? t.name;
}

/** A token type, as used for keys in tables of tokens. */
export type TokenTypeLike = TokenType;
