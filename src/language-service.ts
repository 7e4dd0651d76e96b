/**
 * credit-rules/language-service: what an editor needs of the language beyond
 * compiling — the tokens of a text with their roles (for highlighting, from
 * the parser's own lexer, so a word is a keyword in the editor exactly when
 * it is one to the parser), the words that can be written, the built-in
 * names, the names a draft declares and where, and line numbers. The
 * playground is built on this alone; an editor integration can be too.
 */
import { FUNCTION_NAMES, type Kind } from './language/ast.js';
import { BUILTINS } from './language/checker/program.js';
import { lex } from './language/lexer.js';
import { LineMap } from './language/source.js';
import * as t from './language/tokens.js';

/** What a token is, for an editor's colours and completions. */
export type TokenRole =
  | 'name' | 'string' | 'bad-unit' | 'boolean' | 'kind' | 'period' | 'control' | 'operator-word' | 'declaring'
  | 'reserved' | 'keyword' | 'percent' | 'money' | 'duration' | 'number'
  | 'compare' | 'arithmetic' | 'assign' | 'operator' | 'colon' | 'comma' | 'paren' | 'bracket' | 'other';

export interface SourceToken {
  /** Offset of the first character in the text. */
  readonly offset: number;
  readonly text: string;
  readonly role: TokenRole;
}

type TokenType = typeof t.Identifier;

const ROLES = new Map<TokenType, TokenRole>([
  [t.Identifier, 'name'], [t.StringLiteral, 'string'], [t.BadUnit, 'bad-unit'], [t.True, 'boolean'], [t.False, 'boolean'],
  ...[t.PercentKind, t.MoneyKind, t.DurationKind, t.NumberKind, t.BooleanKind].map((k): [TokenType, TokenRole] => [k, 'kind']),
  ...[t.Monthly, t.Quarterly, t.Yearly].map((k): [TokenType, TokenRole] => [k, 'period']),
  [t.If, 'control'], [t.Then, 'control'],
  ...[t.And, t.Or, t.Not, t.Of, t.Per, t.Full, t.Started, t.Below, t.Above, t.Within].map((k): [TokenType, TokenRole] => [k, 'operator-word']),
  ...[t.Input, t.Let, t.Output].map((k): [TokenType, TokenRole] => [k, 'declaring']),
  [t.FutureReserved, 'reserved'],
  [t.PercentLiteral, 'percent'], [t.MoneyLiteral, 'money'], [t.DurationLiteral, 'duration'], [t.NumberLiteral, 'number'],
  ...[t.LessEqual, t.GreaterEqual, t.NotEqual, t.Less, t.Greater].map((k): [TokenType, TokenRole] => [k, 'compare']),
  ...[t.Plus, t.Minus, t.Star, t.Slash].map((k): [TokenType, TokenRole] => [k, 'arithmetic']),
  [t.Equals, 'assign'], [t.Arrow, 'operator'], [t.DotDot, 'operator'], [t.Colon, 'colon'], [t.Comma, 'comma'],
  [t.LParen, 'paren'], [t.RParen, 'paren'], [t.LBracket, 'bracket'], [t.RBracket, 'bracket'],
]);
const KEYWORDS = new Set<TokenType>(t.keywords);

/**
 * The tokens of a text, in order, with their roles. Comments, spaces and the
 * characters the lexer rejects are not tokens: an editor finds them in the
 * gaps (a `#` in a gap starts a comment).
 */
export function tokens(text: string): SourceToken[] {
  const out: SourceToken[] = [];
  for (const token of lex(text).tokens) {
    // The layout pass's made-up tokens (indent, dedent) have no text.
    if (token.image.length === 0) continue;
    const role = ROLES.get(token.tokenType) ?? (KEYWORDS.has(token.tokenType) ? 'keyword' : 'other');
    out.push({ offset: token.startOffset, text: token.image, role });
  }
  return out;
}

/**
 * The words that can be written today: reserved words, the contextual words
 * of version 2 (`pay only if`, `payout … to`, `business days`, `months`,
 * `after incident`) and the built-in functions. Those reserved for later
 * versions (`when`, `each`, …) are not among them.
 */
export const keywords: readonly string[] = [
  ...t.reservedWords.filter((word) => lex(word).tokens[0]?.tokenType !== t.FutureReserved),
  ...t.contextualWords.map((word) => (word.PATTERN as RegExp).source.replace(/\(.*$/, '')),
  ...FUNCTION_NAMES.filter((name) => !t.reservedWords.includes(name)),
];

/** The names the language defines itself, with their kinds. */
export const builtins: Readonly<Record<string, Kind>> = BUILTINS;

export type DeclarationRole = 'input' | 'let' | 'output';

/** Where a name is declared in a text: 1-based line and that line's text. */
export interface Declaration {
  readonly role?: DeclarationRole;
  readonly line: number;
  readonly text: string;
}

/** The names declared by `input`, `let` and `output` in a text as it is now (checked or not), with their lines. */
export function declarations(text: string): Map<string, Declaration & { role: DeclarationRole }> {
  const found = new Map<string, Declaration & { role: DeclarationRole }>();
  const lines = new LineMap(text);
  const all = tokens(text);
  for (let i = 0; i + 1 < all.length; i++) {
    const [word, name] = [all[i], all[i + 1]];
    if (word.role !== 'declaring' || name.role !== 'name' || found.has(name.text)) continue;
    const line = lines.position(name.offset).line;
    found.set(name.text, { role: word.text as DeclarationRole, line, text: lines.line(line).trim() });
  }
  return found;
}

/** The line where a text declares `name`: its declaration, the `fee` line, or (for an input inferred from use) its first use. */
export function declarationOf(text: string, name: string): Declaration | undefined {
  const declared = declarations(text).get(name);
  if (declared) return declared;
  const wanted = tokens(text).find((tok) => tok.text === name && (tok.role === 'name' || (name === 'fee' && tok.role === 'keyword')));
  if (!wanted) return undefined;
  const lines = new LineMap(text);
  const line = lines.position(wanted.offset).line;
  return { line, text: lines.line(line).trim() };
}

/** The 1-based line of each offset of a text. */
export function lineNumbers(text: string): (offset: number) => number {
  const lines = new LineMap(text);
  return (offset) => lines.position(offset).line;
}
