/**
 * The space between two tokens on one line, in the canonical layout: one
 * space by default; none inside brackets, before `,` and `:`, around `..`,
 * after a unary minus and between a function's name and its `(`. A token the
 * formatter has no rule for (a token type added to the language later) keeps
 * the spacing it was written with, so new syntax is never mangled.
 */
import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import * as t from '../tokens.js';

/** Token types whose spacing the rules below decide; keywords are known through their category. */
const KNOWN: readonly TokenType[] = [
  t.Identifier, t.BadUnit, t.PercentLiteral, t.MoneyLiteral, t.DurationLiteral, t.NumberLiteral,
  t.StringLiteral, t.UnterminatedString,
  t.Arrow, t.LessEqual, t.GreaterEqual, t.NotEqual, t.Less, t.Greater, t.Equals, t.DotDot,
  t.Plus, t.Minus, t.Star, t.Slash, t.Colon, t.Comma, t.LParen, t.RParen, t.LBracket, t.RBracket,
];

/** Built-in functions (language version 2): `round(x, 0.01)` is written without a space. */
const FUNCTIONS = new Set(['min', 'max', 'round', 'floor', 'ceil', 'count', 'sum']);

/** Tokens after which a `-` is a subtraction; after anything else it is a sign. */
const VALUE_ENDS: readonly TokenType[] = [
  t.Identifier, t.PercentLiteral, t.MoneyLiteral, t.DurationLiteral, t.NumberLiteral, t.BadUnit,
  t.RParen, t.RBracket, t.True, t.False, t.Fee, t.Points, t.Point,
];

export function isKnown(token: IToken): boolean {
  return tokenMatcher(token, t.Keyword) || KNOWN.some((type) => tokenMatcher(token, type));
}

const is = (token: IToken | undefined, ...types: TokenType[]) => token !== undefined && types.some((type) => tokenMatcher(token, type));

/**
 * The canonical text between `previous` and `next` (adjacent on one line);
 * undefined when it is not the formatter's to decide. `beforePrevious` tells
 * a sign from a subtraction.
 */
export function spaceBetween(beforePrevious: IToken | undefined, previous: IToken, next: IToken): string | undefined {
  if (!isKnown(previous) || !isKnown(next)) return undefined;
  if (is(next, t.Comma, t.Colon, t.RParen, t.RBracket, t.DotDot)) return '';
  if (is(previous, t.LParen, t.LBracket, t.DotDot)) return '';
  if (is(next, t.LParen) && FUNCTIONS.has(previous.image)) return '';
  if (is(previous, t.Minus) && !is(beforePrevious, ...VALUE_ENDS)) return '';
  return ' ';
}

/** A literal as the canonical layout writes it: `99.5 %` is `99.5%`, `50  EUR` is `50 EUR`. */
export function canonicalImage(token: IToken): string {
  if (tokenMatcher(token, t.PercentLiteral)) return token.image.replace(/ +%$/, '%');
  if (tokenMatcher(token, t.MoneyLiteral)) return token.image.replace(/ +/, ' ');
  return token.image;
}
