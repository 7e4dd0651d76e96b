/**
 * The diagnostics catalogue: every problem the language can report, one
 * constructor per stable code, so the wording lives in one place and the
 * language reference's table can be checked against it.
 *
 * Stages create `Problem`s (spans only); `locate` adds line/column positions
 * once, when diagnostics leave the library.
 *
 * The front end's problems (lexing, syntax, names, kinds, drafting lints)
 * are written in `problems.ts` and re-exported here; this file keeps only
 * what evaluation reports, so the widget's runtime for a precompiled
 * program, which never parses, does not carry the parser's wording.
 */
import { LineMap, type Position, type Span } from './source.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedInformation {
  readonly message: string;
  readonly span: Span;
  readonly start?: Position;
  readonly end?: Position;
}

export interface Problem {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedInformation[];
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

export function locate(problem: Problem, lines: LineMap): Diagnostic {
  const related = problem.related?.map((r) => ({
    ...r,
    start: lines.position(r.span.start),
    end: lines.position(r.span.end),
  }));
  return {
    ...problem,
    ...(related ? { related } : {}),
    start: lines.position(problem.span.start),
    end: lines.position(problem.span.end),
  } as Diagnostic;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export { problems } from './problems.js';

export const error = (code: string, message: string, span: Span, extra: Partial<Problem> = {}): Problem => ({
  severity: 'error', code, message, span, ...extra,
});
export const warning = (code: string, message: string, span: Span, extra: Partial<Problem> = {}): Problem => ({
  severity: 'warning', code, message, span, ...extra,
});
export const info = (code: string, message: string, span: Span): Problem => ({ severity: 'info', code, message, span });

export const didYouMean = (suggestion: string | undefined) => (suggestion ? ` Did you mean \`${suggestion}\`?` : '');

/** Problems found while evaluating: kept apart so the runtime (the widget with a precompiled program) carries only these. */
export const evaluationProblems = {
  divisionByZero: (span: Span, month?: number) =>
    error('division-by-zero', 'division by zero', span, month ? { month } : {}),
  numberTooLarge: (span: Span) =>
    error('number-too-large', 'this value is too large to compute exactly: it needs more than 40 significant digits, so its cents would be guessed', span),
  invalidInput: (input: string, message: string, span: Span, month?: number) =>
    error('invalid-input', `\`${input}\`: ${message}`, span, { input, ...(month ? { month } : {}) }),
  inputOutOfRange: (input: string, value: string, range: string, span: Span, month?: number) =>
    error('input-out-of-range', `\`${input}\`: ${value} is outside the allowed range ${range}`, span, { input, ...(month ? { month } : {}) }),
  unknownInput: (input: string, span: Span, suggestion?: string) =>
    error('unknown-input', `\`${input}\` is not an input of these rules.${didYouMean(suggestion)}`, span, { input }),
  badYearRun: (message: string, span: Span) => error('bad-year-run', message, span),
  invalidOption: (option: string, message: string) => error('invalid-option', `\`${option}\`: ${message}`, { start: 0, end: 0 }),
  notChecked: (span: Span) => error('bad-precompiled', 'this program was not checked; compile the rules again', span),
  badPrecompiled: (message: string) => error('bad-precompiled', message, { start: 0, end: 0 }),
} as const;
