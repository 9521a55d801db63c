/**
 * The binary operators of the F# subset and their precedence, in one table shared by both parsers
 * (the recovering Chevrotain grammar in `parser.ts` with `cst2ast.ts`, and the fast path in
 * `tokens2ast.ts`). Kept apart from `parser.ts` so that importing it does not build that parser.
 *
 * Precedence follows the F# specification (lowest first): `||`; `&&`; `|>`, comparisons, `|||`,
 * `&&&`, `<<<`, `>>>` (one level, left-associative, as in F#); `^^^` (right); `+ -`; `* / %`.
 */
import type { TokenType } from 'chevrotain';
import type { InfixOp } from './ast.js';
import * as T from './tokens.js';

/** Tokens of the one F# precedence level that holds `|>`, comparisons and most bitwise operators. */
export const comparisonOps: readonly TokenType[] = [
  T.Pipe, T.Equals, T.NotEqual, T.Less, T.LessEqual, T.Greater, T.GreaterEqual, T.BarBarBar, T.AmpAmpAmp, T.ShiftLeft, T.ShiftRight,
];

/** Every infix operator of the binary levels, in the order the grammar lists them. */
export const binaryOps: readonly TokenType[] = [T.BarBar, T.AmpAmp, ...comparisonOps, T.HatHatHat, T.Plus, T.Minus, T.Star, T.Slash, T.Percent];

/** How tightly a binary operator binds (higher binds tighter), and whether it groups to the right. */
export interface Level {
  readonly prec: number;
  readonly right: boolean;
}

/** The level of `+` and `-`, also what an operator missing from the table is folded as. */
export const addLevel: Level = { prec: 5, right: false };

/** Binary operator token → its level. */
export const binaryPrecedence: ReadonlyMap<TokenType, Level> = new Map<TokenType, Level>([
  [T.BarBar, { prec: 1, right: false }],
  [T.AmpAmp, { prec: 2, right: false }],
  ...comparisonOps.map((t): [TokenType, Level] => [t, { prec: 3, right: false }]),
  [T.HatHatHat, { prec: 4, right: true }],
  [T.Plus, addLevel],
  [T.Minus, addLevel],
  [T.Star, { prec: 6, right: false }],
  [T.Slash, { prec: 6, right: false }],
  [T.Percent, { prec: 6, right: false }],
]);

/** Binary operator token → the AST's operator (its image). */
export const infixOpOf: ReadonlyMap<TokenType, InfixOp> = new Map<TokenType, InfixOp>([
  [T.Pipe, '|>'], [T.BarBar, '||'], [T.AmpAmp, '&&'], [T.Equals, '='], [T.NotEqual, '<>'], [T.Less, '<'], [T.LessEqual, '<='],
  [T.Greater, '>'], [T.GreaterEqual, '>='], [T.BarBarBar, '|||'], [T.HatHatHat, '^^^'], [T.AmpAmpAmp, '&&&'], [T.ShiftLeft, '<<<'],
  [T.ShiftRight, '>>>'], [T.Plus, '+'], [T.Minus, '-'], [T.Star, '*'], [T.Slash, '/'], [T.Percent, '%'],
]);

/** Operator image → the AST's operator. */
export const infixOps: ReadonlyMap<string, InfixOp> = new Map([...infixOpOf.values()].map((o) => [o, o]));
