/**
 * Runs a checked program: one month, or a contract year of up to twelve
 * months with caps accruing across them. Turns the evaluator's computations
 * into the public result shape, and every problem — a bad input value, a
 * division by zero — into a diagnostic. Nothing here throws to the caller.
 */
import { labelIn, MONTHS_IN, type PayoutDecl } from '../ast.js';
import type { CheckedProgram } from '../checker/program.js';
import { Decimal, moneyString, ZERO } from '../decimal.js';
import { locate, type Diagnostic, type Problem } from '../diagnostics.js';
import type { Lang } from '../render/format.js';
import { Accruals, feeSchedule, startsQuarter } from '../plan/semantics.js';
import { finish, Pace } from '../plan/steps.js';
import { percentString } from './displays.js';
import { decimalArithmetic, Evaluator, type MonthComputation } from './evaluator.js';
import { explained, type StepData, type StepWording } from './explanation.js';
import { EvaluationStop } from './expressions.js';
import { INPUTS_PER_STEP, readInputsInSteps, type InputValues } from './inputs.js';
import type { CapCut, CreditLine, Evaluation, MonthResult, Step, YearResult } from './results.js';

export interface RunOptions {
  /** The language of the explanation. */
  readonly lang?: Lang;
  /** The currency of the fee when the rules name none (the widget's `currency`). */
  readonly currency?: string;
}

/**
 * `creditOnly`: billing's run (and the chart's), which evaluates only the
 * `let`s and outputs the credit needs, and writes no explanation.
 */
export function run(program: CheckedProgram, evaluator: Evaluator, given: InputValues, options: RunOptions = {}, creditOnly = false): Evaluation {
  return finish(runInSteps(program, evaluator, given, options, creditOnly));
}

/**
 * Where a run pauses: after each period (month or quarter) of a contract
 * year, or whenever it has worked out a step's rules and tiers (`Pace`:
 * a hundred), in whichever period — a month of thousands of tiers in
 * several steps, a year of small months in one.
 */
export type Pauses = 'periods' | 'rules';

/**
 * The run, in steps: it pauses (yields) as `pauses` says, and returns the
 * evaluation. Caps accrue across the periods in order, and a period's
 * credits are decided once its rules are worked out; `run` is this driven
 * to its end at once, a widget drives it in idle time.
 */
export function* runInSteps(program: CheckedProgram, evaluator: Evaluator, given: InputValues, options: RunOptions = {}, creditOnly = false, pauses: Pauses = 'periods'): Generator<void, Evaluation, void> {
  const lines = evaluator.lines;
  const fail = (found: Problem[]): Evaluation => ({ ok: false, diagnostics: found.map((p) => locate(p, lines)) });
  const { period, feePeriod } = evaluator.plan;
  // A run paused by rules reads a form of thousands of inputs in steps too.
  const read = yield* readInputsInSteps(program.inputs, given, program.currency ?? options.currency, period, pauses === 'rules' ? INPUTS_PER_STEP : Infinity);
  if (read.problems.length > 0) return fail(read.problems);
  const currency = read.currency ?? program.currency ?? options.currency;
  const lang = options.lang ?? 'en';
  const payout = program.ast.statements.find((s): s is PayoutDecl => s.type === 'payout');
  const translated = new Map(evaluator.plan.credits.flatMap((c) => c.type === 'block' && c.block.translations ? [[c.block.owner, labelIn(c.block.owner, c.block.translations, lang)!]] : []));
  const words: StepWording = { lang, currency, paid: payout && labelIn(payout.what, payout.whatTranslations, lang), owner: (name) => translated.get(name) ?? name };

  const monthlyFees = read.months.map((m) => {
    const fee = (m.get('fee') as Decimal | undefined) ?? ZERO;
    // The fee of the evaluation period: `fee 12000 EUR yearly` is 1000 EUR a month, 3000 EUR a quarter.
    return feePeriod === period ? fee : fee.times(MONTHS_IN[period]).div(MONTHS_IN[feePeriod]);
  });
  const ar = decimalArithmetic(currency);
  const fees = feeSchedule(ar, monthlyFees, period);
  const yearlyFee = fees[0].yearly;

  const accruals = new Accruals(ar, evaluator.plan.remembers);
  const pace = pauses === 'rules' ? new Pace() : undefined;
  const computations: MonthComputation[] = [];
  const monthResults: MonthResult[] = [];
  const hasFee = evaluator.plan.hasFee;
  for (const [i, values] of read.months.entries()) {
    if (startsQuarter(i, period)) accruals.startQuarter();
    try {
      computations.push(yield* evaluator.monthInSteps({ values, month: read.year ? i + 1 : 0, currency, fees: fees[i] }, accruals, creditOnly, pace));
    } catch (error) {
      if (error instanceof EvaluationStop) {
        const month = read.year ? i + 1 : undefined;
        return fail([{ ...error.problem, ...(month ? { month } : {}) }]);
      }
      throw error;
    }
    monthResults.push(monthResult(computations[i], read.year ? i + 1 : undefined, words, hasFee, period !== 'monthly', creditOnly));
    if (pauses === 'periods' && read.year && i < read.months.length - 1) yield;
  }

  const diagnostics: Diagnostic[] = [];
  if (!read.year) return { ok: true, result: monthResults[0], diagnostics };

  // A year's share is what it paid (the rounded months) of the yearly fee: what a reviewer recomputes (§14).
  const paid = sum(computations.map((c) => c.rounded));
  const yearShare = hasFee ? percentString(paid.div(yearlyFee)) : null;
  const cuts = monthResults.flatMap((m) => [...m.credits.flatMap((c) => c.cuts), ...m.cuts]);
  const unit = period === 'monthly' ? {} : { period };
  const summary: StepData[] = monthResults.map((m, i) => ({ kind: 'month', month: i + 1, amount: m.credit.amount, percent: m.credit.percentOfFee, ...unit }));
  // Each month's summary, followed by the cuts of that month.
  const explanation: Step[] = creditOnly ? [] : [
    ...summary.flatMap((s, i) => [explained(s, words), ...cuts.filter((c) => c.month === i + 1).map((cut) => explained({ kind: 'cap', cut }, words))]),
    explained({ kind: 'total', amount: moneyString(paid, currency), exact: paid.toFixed(), rounded: false, percent: yearShare }, words),
  ];
  const year: YearResult = {
    mode: 'year',
    currency: currency ?? null,
    fee: hasFee ? moneyString(yearlyFee, currency) : null,
    credit: { amount: moneyString(paid, currency), percentOfFee: yearShare },
    credits: sumCredits(monthResults, currency, hasFee ? yearlyFee : undefined),
    cuts,
    outputs: {},
    periods: monthResults,
    ...(period === 'monthly' ? { months: monthResults } : {}),
    explanation,
  };
  return { ok: true, result: year, diagnostics };
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, v) => total.plus(v), ZERO);
}

function monthResult(c: MonthComputation, month: number | undefined, words: StepWording, hasFee: boolean, otherPeriod: boolean, creditOnly = false): MonthResult {
  const { currency } = words;
  return {
    mode: otherPeriod ? 'period' : 'month',
    ...(month ? { month } : {}),
    currency: currency ?? null,
    fee: hasFee ? moneyString(c.fee, currency) : null,
    credit: { amount: moneyString(c.rounded, currency), percentOfFee: hasFee ? percentString(c.exact.div(c.fee)) : null },
    credits: c.credits,
    cuts: c.cuts,
    outputs: c.outputs,
    values: c.values,
    explanation: creditOnly ? [] : c.steps.map((s) => explained(s, words, month)),
  };
}

/** Each credit's months added up: what that rule or block paid over the run. */
function sumCredits(months: readonly MonthResult[], currency: string | undefined, yearlyFee: Decimal | undefined): CreditLine[] {
  return months[0].credits.map((first, index) => {
    const all = months.map((m) => m.credits[index]);
    const amount = sum(all.map((c) => new Decimal(c.amount)));
    const cuts: CapCut[] = all.flatMap((c) => c.cuts);
    const points = all.some((c) => c.points !== undefined)
      ? { points: sum(all.map((c) => new Decimal(c.points ?? 0))).toFixed() }
      : {};
    const { tiers: _tiers, winner: _winner, ...rest } = first;
    return { ...rest, ...points, matched: all.some((c) => c.matched), amount: moneyString(amount, currency), percentOfFee: yearlyFee ? percentString(amount.div(yearlyFee)) : null, cuts };
  });
}
