/**
 * The diagnostics catalogue's foundation: what a diagnostic is, the table of
 * every stable code with its severity, and the constructors that make a
 * problem of a code (so a misspelt code, or a code given the wrong severity,
 * is a compile error). It imports nothing of the language, so every stage
 * can use it.
 *
 * The wording is written once per code, by stage: what evaluation reports is
 * below (`evaluationProblems`), so the widget's runtime for a precompiled
 * program, which never parses, does not carry the parser's wording; the
 * front end's problems (lexing, syntax, names, kinds, drafting lints) are in
 * `problems.ts`.
 *
 * Stages create `Problem`s (spans only); `locate` adds line/column positions
 * once, when diagnostics leave the library.
 */
import { LineMap, type Position, type Span } from './source.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedInformation {
  readonly message: string;
  readonly span: Span;
  readonly start?: Position;
  readonly end?: Position;
}

/** One parameter of a message: a name, a unit, a range as written, a count. */
export type MessageArg = string | number | boolean | readonly string[] | undefined;

export interface Problem {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedInformation[];
  /**
   * The parameters the message was built from, by the constructor's parameter
   * names (`{ name, suggestion }`): a translation builds its own sentence from
   * them and the code (the playground's German catalogue).
   */
  readonly args?: Readonly<Record<string, MessageArg>>;
  /** For problems with an input value: the input's name. */
  readonly input?: string;
  /** For problems in a contract-year run: the month (1-based). */
  readonly month?: number;
}

export interface Diagnostic extends Problem {
  readonly start: Position;
  readonly end: Position;
  readonly related?: readonly (RelatedInformation & { start: Position; end: Position })[];
}

/**
 * The problem with line/column positions. Copied with `Object.assign`, not
 * `{ ...problem }`: problems come in many shapes, and V8's spread of them
 * costs some 25 µs each, a tenth of a second for the 5,000 warnings of a
 * large tier table; `Object.assign` keeps the same keys in the same order.
 */
export function locate(problem: Problem, lines: LineMap): Diagnostic {
  const located = Object.assign({}, problem) as { -readonly [K in keyof Diagnostic]: Diagnostic[K] };
  if (problem.related) {
    located.related = problem.related.map((r) => Object.assign({}, r, { start: lines.position(r.span.start), end: lines.position(r.span.end) }));
  }
  located.start = lines.position(problem.span.start);
  located.end = lines.position(problem.span.end);
  return located;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/**
 * Every code the language reports, with its severity: the table of
 * docs/language.md (a test holds the two together). A type only, so the
 * runtime carries no table.
 */
interface Codes {
  'tab-indent': 'error';
  'unexpected-character': 'error';
  'unterminated-string': 'error';
  'bad-escape': 'error';
  'unknown-unit': 'error';
  'unknown-currency': 'error';
  'unexpected-indent': 'error';
  'inconsistent-dedent': 'error';
  'unmatched-bracket': 'error';
  'unclosed-bracket': 'error';
  'limit-exceeded': 'error';
  'syntax-error': 'error';
  'reserved-word': 'error';
  'empty-block': 'error';
  'undefined-name': 'error';
  'duplicate-definition': 'error';
  'use-before-definition': 'error';
  'cycle': 'error';
  'implicit-input': 'info';
  'builtin-redefined': 'error';
  'duplicate-statement': 'error';
  'points-without-rate': 'error';
  'mixed-currency': 'error';
  'credit-uses-total': 'error';
  'kind-mismatch': 'error';
  'not-a-condition': 'error';
  'not-a-credit': 'error';
  'bad-cap': 'error';
  'bad-point-rate': 'error';
  'bad-proportional': 'error';
  'bad-step': 'error';
  'bad-declaration': 'error';
  'bad-example': 'error';
  'number-too-large': 'error';
  'unknown-function': 'error';
  'bad-call': 'error';
  'bad-language-tag': 'error';
  'unreachable-tier': 'warning';
  'non-monotonic-tiers': 'warning';
  'cap-never-binds': 'warning';
  'cap-below-tier': 'warning';
  'threshold-out-of-range': 'warning';
  'overlapping-rules': 'warning';
  'unused-name': 'warning';
  'tier-gap': 'warning';
  'rule-after-block': 'warning';
  'division-by-zero': 'error';
  'invalid-input': 'error';
  'input-out-of-range': 'error';
  'unknown-input': 'error';
  'bad-year-run': 'error';
  'empty-list': 'error';
  'invalid-option': 'error';
  'bad-precompiled': 'error';
}

export type Code = keyof Codes;
type CodeOf<S extends Severity> = { [C in Code]: Codes[C] extends S ? C : never }[Code];

export const error = (code: CodeOf<'error'>, message: string, span: Span, extra: Partial<Problem> = {}): Problem => ({
  severity: 'error', code, message, span, ...extra,
});
export const warning = (code: CodeOf<'warning'>, message: string, span: Span, extra: Partial<Problem> = {}): Problem => ({
  severity: 'warning', code, message, span, ...extra,
});
export const info = (code: CodeOf<'info'>, message: string, span: Span, extra: Partial<Problem> = {}): Problem => ({
  severity: 'info', code, message, span, ...extra,
});

export const didYouMean = (suggestion: string | undefined) => (suggestion ? ` Did you mean \`${suggestion}\`?` : '');

/** Problems found while evaluating: kept apart so the runtime (the widget with a precompiled program) carries only these. */
export const evaluationProblems = {
  divisionByZero: (span: Span, month?: number) =>
    error('division-by-zero', 'division by zero', span, month ? { month } : {}),
  numberTooLarge: (span: Span) =>
    error('number-too-large', 'this value is too large to compute exactly: it needs more than 40 significant digits, so its cents would be guessed', span),
  invalidInput: (input: string, message: string, span: Span, month?: number) =>
    error('invalid-input', `\`${input}\`: ${message}`, span, { args: { input }, input, ...(month ? { month } : {}) }),
  inputOutOfRange: (input: string, value: string, range: string, span: Span, month?: number) =>
    error('input-out-of-range', `\`${input}\`: ${value} is outside the allowed range ${range}`, span, { args: { input, value, range }, input, ...(month ? { month } : {}) }),
  unknownInput: (input: string, span: Span, suggestion?: string) =>
    error('unknown-input', `\`${input}\` is not an input of these rules.${didYouMean(suggestion)}`, span, { args: { input, suggestion }, input }),
  badYearRun: (message: string, span: Span) => error('bad-year-run', message, span),
  emptyList: (input: string, which: 'max' | 'min', span: Span) =>
    error('empty-list', `\`${input}\` has no items this period, so it has no ${which === 'max' ? 'largest' : 'smallest'} value; guard it: \`if count(${input}) > 0 then ${which}(${input}) else …\``, span, { args: { input, which }, input }),
  invalidOption: (option: string, message: string) => error('invalid-option', `\`${option}\`: ${message}`, { start: 0, end: 0 }, { args: { option } }),
  notChecked: (span: Span) => error('bad-precompiled', 'this program was not checked; compile the rules again', span),
  badPrecompiled: (message: string) => error('bad-precompiled', message, { start: 0, end: 0 }),
} as const;
