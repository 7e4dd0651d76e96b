/**
 * What the checker hands on: the checked AST (every expression's `kind`
 * filled in) plus the facts a form and the evaluator need. Plain data, so it
 * is also the format of a precompiled program.
 */
import type { InputKind, Kind, Literal, Period, ProgramAst, Translations } from '../ast.js';
import type { Span } from '../source.js';

export const PROGRAM_FORMAT = 'credit-rules/1';

export interface InputSpec {
  readonly name: string;
  readonly kind: InputKind;
  readonly label?: string;
  /** The label in other languages, by two-letter tag. */
  readonly translations?: Translations;
  /** `list of KIND`: 0 to 1,000 items a period, each of `kind`; `defaultItems` is its default. */
  readonly list?: true;
  readonly defaultItems?: readonly Literal[];
  readonly default?: Literal;
  readonly range?: { readonly min: Literal; readonly max: Literal };
  readonly step?: Literal;
  /** Not declared: inferred from use (the quick-sketch form of a program). */
  readonly implicit: boolean;
  /** Only for `fee`: the period its value is given for. */
  readonly period?: Period;
  readonly span: Span;
}

export interface ValueSpec {
  readonly name: string;
  readonly kind: Kind;
  readonly label?: string;
  readonly translations?: Translations;
  readonly role: 'let' | 'output';
  readonly span: Span;
}

export interface CheckedProgram {
  readonly format: typeof PROGRAM_FORMAT;
  /** The rules as written: for line numbers in explanations and for the playground. */
  readonly source: string;
  readonly ast: ProgramAst;
  readonly inputs: readonly InputSpec[];
  readonly values: readonly ValueSpec[];
  /** The one currency of the program's money, if any money is written in it. */
  readonly currency?: string;
}

/** Names the language defines itself. */
export const BUILTINS: Readonly<Record<string, Kind>> = {
  fee: 'money',
  total_credit: 'money',
  total_credit_percent: 'percent',
};

/** Built-ins known only after all credits of the period are applied. */
export const AFTER_CREDITS = new Set(['total_credit', 'total_credit_percent']);
