/**
 * `format(source)`: rules text in its one canonical layout (see `layout.ts`),
 * or the syntax errors that stop it. Only whitespace changes — indentation,
 * spaces between tokens, blank lines — and the space inside a literal
 * (`99.5 %`); comments are kept. Before the result is given back its tokens
 * are compared with the source's, so a formatter mistake can never change
 * what the rules mean: the text is then refused, not altered.
 */
import type { IToken } from 'chevrotain';
import { analyze } from '../analyze.js';
import { locate, type Diagnostic, type Problem } from '../diagnostics.js';
import { lex } from '../lexer.js';
import { LineMap } from '../source.js';
import { layout } from './layout.js';
import { canonicalImage } from './spacing.js';

export interface FormatResult {
  /** The formatted text; absent when the source has syntax errors. */
  readonly text?: string;
  /** Whether the text differs from the source (false when it could not be formatted). */
  readonly changed: boolean;
  /** Why the text could not be formatted: its syntax errors, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Problems that leave the layout unknown: lexing, the grammar, structural limits. */
const SYNTAX = new Set(['syntax-error', 'empty-block', 'limit-exceeded']);

export function format(source: string): FormatResult {
  const lexed = lex(source);
  const lexical = new Set(lexed.problems.map(key));
  const errors = analyze(source).problems.filter((p) => p.severity === 'error' && (SYNTAX.has(p.code) || lexical.has(key(p))));
  if (errors.length > 0 || lexed.limited) return refused(source, errors.length ? errors : lexed.problems);
  const text = layout(source, lexed.tokens);
  if (!sameTokens(lexed.tokens, lex(text).tokens)) {
    // Never expected: the layout would have changed the tokens. Refuse rather than alter the rules.
    return refused(source, [{
      severity: 'error',
      code: 'syntax-error',
      message: 'the formatter could not lay out this text without changing its tokens; it was left as it is (please report this text)',
      span: { start: 0, end: 0 },
    }]);
  }
  return { text, changed: text !== source, diagnostics: [] };
}

function refused(source: string, problems: readonly Problem[]): FormatResult {
  const lines = new LineMap(source);
  return { changed: false, diagnostics: problems.map((p) => locate(p, lines)) };
}

const key = (p: Problem) => `${p.code}@${p.span.start}`;

/** The same tokens, in the same order and the same blocks (spaces and comments aside). */
function sameTokens(before: readonly IToken[], after: readonly IToken[]): boolean {
  return before.length === after.length &&
    before.every((token, i) => token.tokenType === after[i].tokenType && canonicalImage(token).replace(/\r/, '') === canonicalImage(after[i]));
}
