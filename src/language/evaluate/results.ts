/**
 * The shape of an evaluation result, as it crosses the public API and the
 * CLI's `--json`: every number a decimal string, percentages as written
 * ("10" is 10 %), money with all the currency's minor digits ("100.00").
 */
import type { DurationUnit, Kind, Period } from '../ast.js';
import type { Diagnostic } from '../diagnostics.js';

/** A value ready to show: `value` is in the unit a person reads (percent points, the duration's unit). */
export interface Display {
  readonly kind: Kind;
  readonly value: string;
  readonly unit?: DurationUnit;
  readonly currency?: string;
}

export interface Amount {
  readonly amount: string;
  /** The amount as a share of the period's fee, in percent ("10" is 10 %); null for a program without a fee. */
  readonly percentOfFee: string | null;
}

export interface CapCut {
  readonly scope: 'rule' | 'block' | 'program';
  /** The rule or block the cap belongs to; "all credits" for `cap` statements. */
  readonly owner: string;
  readonly period: Period;
  /** The cap as written: 20% (of the period's fee), 500 EUR, 10 points. */
  readonly cap: Display;
  /** The cap in money for its period. */
  readonly limit: string;
  /** Credited earlier in the same contract quarter or year under this cap. */
  readonly alreadyCredited: string;
  readonly before: string;
  readonly after: string;
  readonly cut: string;
  readonly line: number;
  readonly month?: number;
}

export interface TierOutcome {
  readonly condition: string;
  readonly line: number;
  readonly holds: boolean;
  readonly amount: string;
}

export interface CreditLine extends Amount {
  readonly name: string;
  readonly kind: 'rule' | 'block';
  readonly line: number;
  /** The rule's condition held (for a block: some tier's did). */
  readonly matched: boolean;
  /** For blocks: every tier, and which one won (index into `tiers`). */
  readonly tiers?: readonly TierOutcome[];
  readonly winner?: number;
  /** Points credited, before the point rate turned them into money. */
  readonly points?: string;
  /** The cuts of this credit's own caps (rule and block caps). */
  readonly cuts: readonly CapCut[];
}

export type StepKind = 'condition' | 'credit' | 'proportional' | 'points' | 'tier' | 'cap' | 'let' | 'output' | 'total' | 'rounding' | 'month' | 'not-paid' | 'item';

/** One line of the explanation: enough, together, to recompute the result by hand. */
export interface Step {
  readonly kind: StepKind;
  /** The sentence, in the language asked for. */
  readonly text: string;
  readonly line?: number;
  readonly month?: number;
}

export interface MonthResult {
  /** `period`: one quarter or year of rules evaluated per quarter or year (`period quarterly`). */
  readonly mode: 'month' | 'period';
  /** In a contract-year run: which month, or quarter (1-based). */
  readonly month?: number;
  readonly currency: string | null;
  /** The monthly fee; null for a program without a fee. */
  readonly fee: string | null;
  readonly credit: Amount;
  readonly credits: readonly CreditLine[];
  /** Cuts by `cap` statements (on all credits together). */
  readonly cuts: readonly CapCut[];
  readonly outputs: Readonly<Record<string, string>>;
  /** Every `let`, for explanations. */
  readonly values: Readonly<Record<string, string>>;
  readonly explanation: readonly Step[];
}

export interface YearResult {
  readonly mode: 'year';
  readonly currency: string | null;
  /** The yearly fee (the sum of twelve monthly fees); null for a program without a fee. */
  readonly fee: string | null;
  /** The year's total; `percentOfFee` is a share of the yearly fee. */
  readonly credit: Amount;
  /** Each credit summed over the months of the run. */
  readonly credits: readonly CreditLine[];
  /** Every cap cut of the year, by month. */
  readonly cuts: readonly CapCut[];
  readonly outputs: Readonly<Record<string, string>>;
  /** Each period of the run: 12 months, 4 quarters or 1 year at most. */
  readonly periods: readonly MonthResult[];
  /** The same as `periods`, for rules evaluated per month (as version 1 named them). */
  readonly months?: readonly MonthResult[];
  readonly explanation: readonly Step[];
}

export type EvaluationResult = MonthResult | YearResult;

export type Evaluation =
  | { readonly ok: true; readonly result: EvaluationResult; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
