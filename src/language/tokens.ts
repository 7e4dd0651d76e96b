/**
 * The vocabulary of the language: every token type, in the order the lexer
 * tries them. This file and `parser.ts` are the grammar; `grammar/` holds the
 * railroad diagrams generated from them.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z][A-Za-z0-9_]*/, label: 'a name' });

/** The category of every reserved word, so the grammar can name "any keyword". */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, label: 'a reserved word' });

/** A reserved word. It matches whole words only: `capped` is not `cap`, `feed` is a name. */
const keyword = (word: string, name = word[0].toUpperCase() + word.slice(1)): TokenType =>
  createToken({
    name,
    pattern: new RegExp(`${word}(?![A-Za-z0-9_])`),
    start_chars_hint: [word[0]],
    categories: [Keyword],
    label: `\`${word}\``,
  });

/**
 * A contextual word (version 2): a keyword only where the grammar asks for it,
 * a name everywhere else, so programs that already use it as a name keep working.
 */
const contextual = (word: string): TokenType =>
  createToken({
    name: word[0].toUpperCase() + word.slice(1),
    pattern: new RegExp(`${word}(?![A-Za-z0-9_])`),
    start_chars_hint: [word[0]],
    longer_alt: Identifier,
    categories: [Identifier],
    label: `\`${word}\``,
  });

// Words that start statements or clauses.
export const If = keyword('if');
export const Then = keyword('then');
export const Else = keyword('else');
export const Each = keyword('each');
export const In = keyword('in');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const Credit = keyword('credit');
export const Points = keyword('points');
export const Point = keyword('point');
export const Input = keyword('input');
export const Let = keyword('let');
export const Output = keyword('output');
export const Fee = keyword('fee');
export const Cap = keyword('cap');
export const Capped = keyword('capped');
export const Per = keyword('per');
export const Full = keyword('full');
export const Started = keyword('started');
export const Below = keyword('below');
export const Above = keyword('above');
export const Of = keyword('of');
export const Monthly = keyword('monthly');
export const Quarterly = keyword('quarterly');
export const Yearly = keyword('yearly');
export const Example = keyword('example');
export const Claim = keyword('claim');
export const Within = keyword('within');
export const Days = keyword('days');
export const Default = keyword('default');
export const Range = keyword('range');
export const Step = keyword('step');
export const True = keyword('true');
export const False = keyword('false');
// Kinds of inputs.
export const PercentKind = keyword('percent', 'PercentKind');
export const MoneyKind = keyword('money', 'MoneyKind');
export const DurationKind = keyword('duration', 'DurationKind');
export const NumberKind = keyword('number', 'NumberKind');
export const BooleanKind = keyword('boolean', 'BooleanKind');
/** Reserved for later versions of the language, so that adding them breaks no program. */
const futureWords = ['when', 'is', 'rounding', 'month', 'quarter', 'year', 'where', 'import'];
export const FutureReserved = createToken({
  name: 'FutureReserved',
  pattern: new RegExp(`(?:${futureWords.join('|')})(?![A-Za-z0-9_])`),
  start_chars_hint: [...new Set(futureWords.map((w) => w[0]))],
  categories: [Keyword],
  label: 'a reserved word',
});

/** Built-in functions that were reserved in version 1: names of nothing else. */
export const FunctionWord = createToken({
  name: 'FunctionWord',
  pattern: /(?:min|max|round)(?![A-Za-z0-9_])/,
  start_chars_hint: ['m', 'r'],
  categories: [Keyword],
  label: 'a function such as `min`',
});

// Contextual words of version 2.
export const Pay = contextual('pay');
export const Only = contextual('only');
export const Payout = contextual('payout');
export const To = contextual('to');
export const Business = contextual('business');
export const Months = contextual('months');
export const After = contextual('after');
export const Incident = contextual('incident');
export const PeriodWord = contextual('period');
export const List = contextual('list');
export const For = contextual('for');
export const contextualWords: readonly TokenType[] = [Payout, Pay, Only, To, Business, Months, After, Incident, PeriodWord, List, For];

// Quantities. A number followed directly by letters that are no unit is its own
// token, so `5m` gets a clear message instead of two confusing ones.
const NUMBER = String.raw`\d(?:_?\d)*(?:\.\d(?:_?\d)*)?`;
export const BadUnit = createToken({ name: 'BadUnit', pattern: new RegExp(`${NUMBER}[A-Za-z_][A-Za-z0-9_]*`), label: 'a number with an unknown unit' });
export const PercentLiteral = createToken({ name: 'PercentLiteral', pattern: new RegExp(`${NUMBER} ?%`), label: 'a percentage such as 10%' });
export const MoneyLiteral = createToken({ name: 'MoneyLiteral', pattern: new RegExp(`${NUMBER} +[A-Z][A-Za-z]*`), label: 'an amount of money such as 50 EUR' });
export const DurationLiteral = createToken({ name: 'DurationLiteral', pattern: new RegExp(`${NUMBER}(?:min|s|h|d)`), longer_alt: BadUnit, label: 'a duration such as 4h' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: new RegExp(NUMBER), longer_alt: BadUnit, label: 'a number' });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\n\r]|\\.)*"/, label: 'a label in quotes' });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n\r]|\\.)*/, label: 'an unterminated string' });

// Punctuation.
export const Arrow = createToken({ name: 'Arrow', pattern: /=>/, label: '`=>`' });
export const LessEqual = createToken({ name: 'LessEqual', pattern: /<=/, label: '`<=`' });
export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: /[>]=/, label: '`>=`' });
export const NotEqual = createToken({ name: 'NotEqual', pattern: /!=/, label: '`!=`' });
export const Less = createToken({ name: 'Less', pattern: /</, label: '`<`' });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: '`>`' });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: '`=`' });
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./, label: '`..`' });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: '`+`' });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: '`-`' });
export const Star = createToken({ name: 'Star', pattern: /\*/, label: '`*`' });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: '`/`' });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: '`:`' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '`,`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: '`)`' });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: '`]`' });

// Layout. Spaces and comments are dropped by the lexer; the layout pass turns
// `Newline`s and `Tab`s into statement ends, INDENTs and DEDENTs.
export const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, label: 'the end of the line' });
export const Tab = createToken({ name: 'Tab', pattern: /\t/, label: 'a tab' });
export const Spaces = createToken({ name: 'Spaces', pattern: / +/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: Lexer.SKIPPED });
/** Emitted by the layout pass, never matched from text. */
export const Indent = createToken({ name: 'Indent', pattern: Lexer.NA, label: 'an indented block' });
export const Dedent = createToken({ name: 'Dedent', pattern: Lexer.NA, label: 'the end of the indented block' });

export const keywords: readonly TokenType[] = [
  If, Then, Else, Each, In, And, Or, Not, Credit, Points, Point, Input, Let, Output, Fee, Cap, Capped, Per, Full,
  Started, Below, Above, Of, Monthly, Quarterly, Yearly, Example, Claim, Within, Days, Default,
  Range, Step, True, False, PercentKind, MoneyKind, DurationKind, NumberKind, BooleanKind, FunctionWord, FutureReserved,
];

/** Lexer order matters: longer and more specific patterns first. */
export const allTokens: readonly TokenType[] = [
  Newline, Spaces, Tab, Comment,
  StringLiteral, UnterminatedString,
  PercentLiteral, MoneyLiteral, DurationLiteral, NumberLiteral, BadUnit,
  Arrow, LessEqual, GreaterEqual, NotEqual, Less, Greater, Equals, DotDot,
  Plus, Minus, Star, Slash, Colon, Comma, LParen, RParen, LBracket, RBracket,
  ...keywords,
  ...contextualWords,
  Identifier,
  Keyword, Indent, Dedent,
];

/** Every reserved word, as written (for completion and for the reference). */
export const reservedWords: readonly string[] = [
  ...keywords.filter((k) => k !== FutureReserved && k !== FunctionWord).map((k) => (k.PATTERN as RegExp).source.replace(/\(.*$/, '')),
  'min', 'max', 'round',
  ...futureWords,
];
