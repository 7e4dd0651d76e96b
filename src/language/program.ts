/**
 * A checked program, ready to use: what a form needs to know about its
 * inputs and outputs, evaluation of a month or a contract year, its
 * examples, and its clause text. Built from the checker's output — freshly
 * compiled or loaded from a precompiled JSON file — without the parser.
 */
import type { ClaimDecl, DurationUnit, InputKind, Kind, PayoutDecl, Period, Translations } from './ast.js';
import type { CheckedProgram, InputSpec } from './checker/program.js';
import { canonical } from './decimal.js';
import { evaluationProblems, locate, type Diagnostic } from './diagnostics.js';
import { displayOf } from './evaluate/displays.js';
import { Evaluator } from './evaluate/evaluator.js';
import { durationUnit, exampleInputs, literalText, type InputValue, type InputValues } from './evaluate/inputs.js';
import type { CapCut, Evaluation, MonthResult, YearResult } from './evaluate/results.js';
import { run as runProgram, runInSteps, type Pauses, type RunOptions } from './evaluate/run.js';
import type { Lang } from './render/format.js';
import { isCurrency, SECONDS_PER_UNIT } from './literals.js';
import { DamagedProgram, lowering } from './plan/lower.js';
import type { Plan } from './plan/plan.js';
import { finish, Stepwise } from './plan/steps.js';
import { validateSavedInSteps } from './saved/validate.js';
import { LineMap } from './source.js';

// `credit()` without values or options: shared, so that billing's call allocates nothing for them.
const NO_VALUES: InputValues = Object.freeze({});
const NO_OPTIONS: RunOptions = Object.freeze({});

/** Everything a form needs to show one input field. Values are decimal strings in the input's own unit. */
export interface InputInfo {
  readonly name: string;
  readonly label?: string;
  /** The label in other languages, by two-letter tag: `labelIn(label, translations, lang)` picks one. */
  readonly translations?: Translations;
  readonly kind: InputKind;
  /** "99.95" for 99.95 %, "1200" for 1200 EUR, "30" for 30min (with `unit` "min"), "true". */
  readonly default?: string;
  readonly range?: { readonly min: string; readonly max: string };
  readonly step?: string;
  /** For durations: the unit the values are in. */
  readonly unit?: DurationUnit;
  /** For money: the currency, when the rules name one. */
  readonly currency?: string;
  /** Not declared: the quick-sketch form of a program. */
  readonly implicit: boolean;
  /** `list of …`: the field takes 0 to 1,000 items a period (`["10min", "2h"]`); `defaultItems` are its default. */
  readonly list?: true;
  readonly defaultItems?: readonly string[];
  /** For the fee: whether it is given per month, quarter or year. */
  readonly period?: Period;

}

export interface OutputInfo {
  readonly name: string;
  readonly label?: string;
  readonly translations?: Translations;
  readonly kind: Kind;
}

/** What a program pays and to whom (`payout "bonus" to "the agent"`); absent: a service credit to the customer. */
export interface PayoutInfo {
  readonly what: string;
  readonly whatTranslations?: Translations;
  readonly recipient?: string;
  readonly recipientTranslations?: Translations;
}

/** `claim within …`: a duration (`unit`), or a count of business days or calendar months (`measure`). */
export interface ClaimInfo {
  readonly value: string;
  readonly unit?: DurationUnit;
  readonly measure?: 'business-days' | 'months';
  /** Counted from the incident rather than from the end of the billing period. */
  readonly afterIncident: boolean;
}

export interface ExampleInfo {
  readonly name: string;
  readonly line: number;
  /** The example's inputs as the literals it writes: `{ availability: "99.2%" }`, lists for a year. */
  readonly inputs: Readonly<Record<string, InputValue | readonly InputValue[] | readonly (readonly InputValue[])[]>>;
}

export interface CreditInfo {
  readonly name: string;
  /** A block's label in other languages. */
  readonly translations?: Translations;
  readonly kind: 'rule' | 'block';
  readonly line: number;
}

export interface PrecompiledProgram extends CheckedProgram {}

function claimInfo(claim: ClaimDecl): ClaimInfo {
  const afterIncident = claim.afterIncident === true;
  if (claim.measure) return { value: claim.within.value, measure: claim.measure, afterIncident };
  const within = displayOf(canonical(claim.within), 'duration', undefined);
  return { value: within.value, unit: within.unit ?? 'd', afterIncident };
}

function inputInfo(spec: InputSpec, currency: string | undefined): InputInfo {
  const display = (literal: NonNullable<InputSpec['default']>) => {
    if (spec.kind === 'boolean') return literal.value;
    if (spec.kind === 'duration') {
      const seconds = canonical(literal).div(SECONDS_PER_UNIT[durationUnit(spec)]);
      return seconds.toFixed();
    }
    return literal.negative ? `-${literal.value}` : literal.value;
  };
  return {
    name: spec.name,
    kind: spec.kind,
    implicit: spec.implicit,
    ...(spec.label !== undefined ? { label: spec.label } : {}),
    ...(spec.translations ? { translations: spec.translations } : {}),
    ...(spec.list ? { list: true as const, ...(spec.defaultItems ? { defaultItems: spec.defaultItems.map(display) } : {}) } : {}),
    ...(spec.default ? { default: display(spec.default) } : {}),
    ...(spec.range ? { range: { min: display(spec.range.min), max: display(spec.range.max) } } : {}),
    ...(spec.step ? { step: display(spec.step) } : {}),
    ...(spec.kind === 'duration' ? { unit: durationUnit(spec) } : {}),
    ...(spec.kind === 'money' && (spec.default?.currency ?? currency) ? { currency: spec.default?.currency ?? currency } : {}),
    ...(spec.period ? { period: spec.period } : {}),
  };
}

/**
 * Plans a program for exact fixed-point arithmetic (`evaluate/fixed.ts`): a
 * function that answers `credit()` for the values it can prove exact, and
 * `undefined` for the rest, which the exact interpreter answers.
 */
export type FastPathPlanner = (program: CheckedProgram, plan: Plan) => FastPath | undefined;
export type FastPath = (values: InputValues, options: RunOptions) => CreditOutcome | undefined;

/** Where a cap cut a credit: enough for a bill's line. Money as decimal strings. */
export interface CutSummary {
  readonly scope: CapCut['scope'];
  readonly owner: string;
  readonly period: CapCut['period'];
  readonly line: number;
  readonly month?: number;
  /** What the credit was before the cap, and what was cut off. */
  readonly before: string;
  readonly cut: string;
}

/** The credit of a month or a contract year, without breakdown or explanation: what billing pays. */
export interface CreditSummary {
  readonly currency: string | null;
  readonly amount: string;
  /** Null for a program without a fee. */
  readonly percentOfFee: string | null;
  readonly cuts: readonly CutSummary[];
  /** A contract year: each month's credit, in order. */
  readonly months?: readonly Omit<CreditSummary, 'months' | 'currency'>[];
}

export type CreditOutcome =
  | { readonly ok: true; readonly credit: CreditSummary }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export class Program {
  readonly inputs: readonly InputInfo[];
  readonly outputs: readonly OutputInfo[];
  readonly examples: readonly ExampleInfo[];
  readonly currency?: string;
  /** `claim within …`: the claim period, e.g. `{ value: '30', unit: 'd', afterIncident: false }`. */
  readonly claim?: ClaimInfo;
  /** `payout …`: what the program pays and to whom; absent for service credits to the customer. */
  readonly payout?: PayoutInfo;
  /**
   * The program's plan and its interpreter, made on first use or beforehand
   * by `prepare()`: compiling only to check (the language service, the
   * playground's worker, `check`) never lowers a plan, and a large program's
   * plan costs as much as its lints.
   */
  private readonly planned = new Stepwise<Plan>(() => lowering(this.checked));
  private readonly interpreter = new Stepwise<Evaluator>(() => Evaluator.inSteps(this.checked, this.planned.get()));
  private creditList: readonly CreditInfo[] | undefined = undefined;
  private lastCurrency: string | undefined = undefined;
  private lastSettled: ReturnType<Program['settle']> = { options: NO_OPTIONS };
  /** Planned on first use of `credit()`; null when there is no fast path. */
  private fast: FastPath | null | undefined = undefined;

  constructor(
    protected readonly checked: CheckedProgram,
    /** Warnings and infos from compiling (a compiled program has no errors). */
    readonly diagnostics: readonly Diagnostic[] = [],
    private readonly fastPath?: FastPathPlanner,
  ) {
    // Every field is set, even when empty: one hidden class for every program, so that
    // code calling many programs (billing) stays fast.
    this.currency = checked.currency;
    this.inputs = checked.inputs.map((spec) => inputInfo(spec, checked.currency));
    this.outputs = checked.values
      .filter((v) => v.role === 'output')
      .map((v) => ({ name: v.name, kind: v.kind, ...(v.label !== undefined ? { label: v.label } : {}), ...(v.translations ? { translations: v.translations } : {}) }));
    const statements = checked.ast.statements;
    const lines = statements.some((s) => s.type === 'example') ? new LineMap(checked.source) : undefined;
    this.examples = statements.flatMap((s) => {
      if (s.type !== 'example') return [];
      const line = lines!.position(s.span.start).line;
      return [{ name: s.label ?? `example at line ${line}`, line, inputs: exampleInputs(s) }];
    });
    const claim = statements.find((s): s is ClaimDecl => s.type === 'claim');
    this.claim = claim && claimInfo(claim);
    const payout = statements.find((s): s is PayoutDecl => s.type === 'payout');
    this.payout = payout && {
      what: payout.what,
      ...(payout.whatTranslations ? { whatTranslations: payout.whatTranslations } : {}),
      ...(payout.recipient !== undefined ? { recipient: payout.recipient } : {}),
      ...(payout.recipientTranslations ? { recipientTranslations: payout.recipientTranslations } : {}),
    };
  }

  protected get evaluator(): Evaluator {
    return this.interpreter.get();
  }

  private get plan(): Plan {
    return this.planned.get();
  }

  /**
   * Makes the program ready to run — its plan, its compiled expressions, and
   * the fast path where it has one — a few hundred rules per step: a
   * generator that yields between steps, for a page that spreads a large
   * program's preparation over idle tasks. Optional: `evaluate`, `credit`
   * and the rest finish at once whatever is not yet made, with the same
   * results, and a prepared program is not made again.
   */
  *prepare(): Generator<void, void, void> {
    if (!this.planned.ready) {
      yield* this.planned.steps();
      // The plan's last step, then the first rules compiled: each in its own step.
      if (!this.interpreter.ready) yield;
    }
    yield* this.interpreter.steps();
    if (this.fast === undefined && this.fastPath) {
      yield;
      this.fast ??= this.fastPath(this.checked, this.plan) ?? null;
    }
  }

  /** The credits (rules and blocks), in the order they apply. */
  get credits(): readonly CreditInfo[] {
    return (this.creditList ??= this.plan.credits.map((c): CreditInfo => {
      const { owner, line } = c.type === 'rule' ? c.rule : c.block;
      const translations = c.type === 'block' ? c.block.translations : undefined;
      return { name: owner, kind: c.type, line, ...(translations ? { translations } : {}) };
    }));
  }

  /** Whether the program has a fee (§11): without one, results state no share of it. */
  get hasFee(): boolean {
    return this.plan.hasFee;
  }

  /** The period its rules are evaluated for (`period quarterly`): a contract year holds 12, 4 or 1 of them. */
  get period(): Period {
    return this.plan.period;
  }

  /** The rules as written. */
  get source(): string {
    return this.checked.source;
  }

  /**
   * Evaluates one month, or a contract year when any value is a list (one per
   * month, up to 12). Missing values take their declared defaults.
   */
  evaluate(values: InputValues = {}, options: RunOptions = {}): Evaluation {
    const settled = this.settle(options);
    return 'diagnostics' in settled ? settled : runProgram(this.checked, this.evaluator, values, settled.options);
  }

  /**
   * `evaluate`, one period at a time: each `next()` evaluates one month (or
   * quarter) of a contract year, then pauses; the generator returns what
   * `evaluate` returns. For a page that spreads a long year over several
   * tasks; caps accrue across the months exactly as in `evaluate`, which is
   * this run driven to its end.
   */
  *evaluateByPeriod(values: InputValues = {}, options: RunOptions = {}): Generator<void, Evaluation, void> {
    return yield* this.evaluation(values, options, 'periods');
  }

  /**
   * `evaluate`, a hundred rules at a time: each `next()` works out at most a
   * hundred of the rules and tiers of a month, or of several small months,
   * then pauses; a month's credits are decided, and its explanation
   * written, in the step that works out its last. The generator returns
   * what `evaluate` returns, which is this run driven to its end. For a page
   * that spreads rules of thousands of tiers over several tasks.
   */
  *evaluateInSteps(values: InputValues = {}, options: RunOptions = {}): Generator<void, Evaluation, void> {
    return yield* this.evaluation(values, options, 'rules');
  }

  private *evaluation(values: InputValues, options: RunOptions, pauses: Pauses): Generator<void, Evaluation, void> {
    const settled = this.settle(options);
    return 'diagnostics' in settled ? settled : yield* runInSteps(this.checked, this.evaluator, values, settled.options, false, pauses);
  }

  /**
   * The credit alone, for one month or a contract year (values as for
   * `evaluate`): amount, share of the fee and cap cuts, without breakdown or
   * explanation. Identical to `evaluate`'s figures, and with the fast path
   * (the package entry's programs) many times faster: billing's call. Only
   * the `let`s and outputs the credit needs are evaluated.
   */
  credit(values: InputValues = NO_VALUES, options: RunOptions = NO_OPTIONS): CreditOutcome {
    const start = this.creditStart(values, options);
    return 'ok' in start ? start : creditOf(runProgram(this.checked, this.evaluator, values, start, true));
  }

  /**
   * `credit`, one period at a time: where the fast path answers, the first
   * `next()` returns its answer; otherwise each `next()` computes one month
   * (or quarter) of a contract year, then pauses. Returns what `credit`
   * returns — `credit` is this exact run driven to its end at once. For a
   * page that spreads a long year's figures over several tasks.
   */
  *creditByPeriod(values: InputValues = NO_VALUES, options: RunOptions = NO_OPTIONS): Generator<void, CreditOutcome, void> {
    return yield* this.creditRun(values, options, 'periods');
  }

  /**
   * `credit`, a hundred rules at a time: where the fast path answers, the
   * first `next()` returns its answer; otherwise each `next()` works out at
   * most a hundred of the rules and tiers of a month, or of several small
   * months, then pauses, and a month's credits are decided in the step that
   * works out its last. A tier table's tiers are not worked out: its winner
   * follows from its input. Returns what `credit` returns, which is this run
   * driven to its end. For a page that spreads rules of thousands of tiers
   * over several tasks; a year of small rules, or of a tier table, takes one.
   */
  *creditInSteps(values: InputValues = NO_VALUES, options: RunOptions = NO_OPTIONS): Generator<void, CreditOutcome, void> {
    return yield* this.creditRun(values, options, 'rules');
  }

  private *creditRun(values: InputValues, options: RunOptions, pauses: Pauses): Generator<void, CreditOutcome, void> {
    const start = this.creditStart(values, options);
    return 'ok' in start ? start : creditOf(yield* runInSteps(this.checked, this.evaluator, values, start, true, pauses));
  }

  /** What both credit paths do first: the options settled, then the fast path. An outcome, or the options for the exact run. */
  private creditStart(values: InputValues, options: RunOptions): CreditOutcome | RunOptions {
    let run = options;
    if (options.currency !== undefined) {
      // Billing passes the same currency for every row: checked once.
      if (options.currency !== this.lastCurrency) [this.lastCurrency, this.lastSettled] = [options.currency, this.settle(options)];
      const settled = this.lastSettled;
      if ('diagnostics' in settled) return settled;
      if (settled.options.currency !== options.currency) run = { ...options, currency: settled.options.currency };
    }
    if (this.fast === undefined) this.fast = this.fastPath?.(this.checked, this.plan) ?? null;
    return (this.fast === null ? undefined : this.fast(values, run)) ?? run;
  }

  /**
   * Options checked once, for both paths: a currency code is read in capitals
   * (`eur` is EUR), and one that is no ISO 4217 code is refused.
   */
  private settle(options: RunOptions): { readonly options: RunOptions } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] } {
    const given = options.currency;
    if (given === undefined) return { options };
    const currency = typeof given === 'string' ? given.trim().toUpperCase() : '';
    if (!isCurrency(currency)) {
      return { ok: false, diagnostics: [locate(evaluationProblems.invalidOption('currency', `${JSON.stringify(String(given)).slice(0, 40)} is not an ISO 4217 currency code such as EUR`), this.evaluator.lines)] };
    }
    return { options: currency === given ? options : { ...options, currency } };
  }

  /** The precompiled form: load it with `loadProgram`, without the parser. */
  toJSON(): PrecompiledProgram {
    return this.checked;
  }
}

/** A loaded program, or the diagnostics that say why it could not be loaded. */
export interface LoadResult<P extends Program = Program> {
  readonly diagnostics: readonly Diagnostic[];
  readonly program?: P;
}

/**
 * Loads a precompiled program (the JSON of `credit-rules compile`): checked
 * field by field before anything runs, so a damaged or hostile file is a
 * diagnostic here, never a failure later in a widget.
 */
export function loadProgram<P extends Program>(json: unknown, make: (checked: CheckedProgram) => P): LoadResult<P> {
  return finish(loadProgramInSteps(json, make));
}

/**
 * `loadProgram` in steps: the JSON text parsed, then read and checked, each a
 * step, then planned and compiled a few hundred rules a step (`prepare`). A
 * page without a worker reads a program of thousands of tiers in idle time.
 */
export function* loadProgramInSteps<P extends Program>(json: unknown, make: (checked: CheckedProgram) => P): Generator<void, LoadResult<P>, void> {
  const refuse = (why: string): LoadResult<P> => ({ diagnostics: [locate(evaluationProblems.badPrecompiled(why), new LineMap(''))] });
  const reading = yield* validateSavedInSteps(json);
  if (!reading.ok) return refuse(reading.problem);
  try {
    const program = make(reading.program);
    // Planned and compiled now, not on first use: a damaged program is refused here.
    yield;
    yield* program.prepare();
    return { diagnostics: [], program };
  } catch (error) {
    // The reader checked every field; lowering names what it still finds wrong.
    return refuse(`this precompiled program is damaged${error instanceof DamagedProgram ? `: ${error.message}` : ''}; compile the rules again`);
  }
}

function creditOf(evaluation: Evaluation): CreditOutcome {
  return evaluation.ok ? { ok: true, credit: summarize(evaluation.result) } : evaluation;
}

function summarize(result: MonthResult | YearResult): CreditSummary {
  const cuts = (r: MonthResult) => [...r.credits.flatMap((c) => c.cuts), ...r.cuts].map(cutSummary);
  if (result.mode !== 'year') return { currency: result.currency, ...result.credit, cuts: cuts(result) };
  const months = result.periods.map((m) => ({ ...m.credit, cuts: cuts(m) }));
  return { currency: result.currency, ...result.credit, cuts: months.flatMap((m) => m.cuts), months };
}

function cutSummary(cut: CapCut): CutSummary {
  const { scope, owner, period, line, month, before, cut: amount } = cut;
  return { scope, owner, period, line, ...(month ? { month } : {}), before, cut: amount };
}

export type { Evaluation, InputValue, InputValues, Lang, RunOptions };
export { literalText };
