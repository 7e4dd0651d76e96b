/**
 * The exact interpreter: a program's plan (`plan/`) run in decimal.js. The
 * rules of credits — cap order and room, tier choice, accruals — are
 * `plan/semantics.ts`; this file brings exact arithmetic, the values of a
 * month's expressions, and, when asked, the explanation: the month's
 * decisions observed and recorded as steps, and the result's credit lines
 * (`report.ts`).
 * Money is rounded once, at the end of each month, half up to the minor unit.
 */
import * as A from '../ast.js';
import { AFTER_CREDITS, type CheckedProgram } from '../checker/program.js';
import { Decimal, moneyString, ONE, plain, roundMoney, ZERO } from '../decimal.js';
import { lower } from '../plan/lower.js';
import type { BlockPlan, CapPlan, PayConditionPlan, Plan, RulePlan, ValuePlan } from '../plan/plan.js';
import { finish, RULES_PER_STEP, type Pace } from '../plan/steps.js';
import { countSteps, feeOf, month, type Accruals, type Arithmetic, type Fees, type MonthValues, type StepArithmetic } from '../plan/semantics.js';
import { LineMap } from '../source.js';
import { DecimalTable } from './decimal-table.js';
import { compileExpr, EvaluationStop, operate, type Compiled, type Env } from './expressions.js';
import { displayOf, percentString, shareOf } from './displays.js';
import type { Value } from './inputs.js';
import type { StepData } from './explanation.js';
import { Report, type ReportedMonth } from './report.js';
import type { CapCut, CreditLine, Display } from './results.js';

/** Exact decimal arithmetic for the rules, paying in a currency's minor unit. */
export function decimalArithmetic(currency: string | undefined): Arithmetic<Decimal> {
  return {
    zero: ZERO,
    plus: (a, b) => a.plus(b),
    minus: (a, b) => a.minus(b),
    lessOrEqual: (a, b) => a.lte(b),
    greater: (a, b) => a.gt(b),
    paid: (amount) => roundMoney(amount, currency),
  };
}

const STEPS: StepArithmetic<Decimal> = {
  none: ZERO,
  positive: (value) => value.gt(0),
  floorDiv: (a, b) => a.div(b).floor(),
  ceilDiv: (a, b) => a.div(b).ceil(),
};

export interface MonthInput {
  readonly values: ReadonlyMap<string, Value>;
  /** 1-based position in a contract-year run; 0 for a single month. */
  readonly month: number;
  readonly fees: Fees<Decimal>;
  readonly currency: string | undefined;
}

export interface MonthComputation {
  readonly exact: Decimal;
  readonly rounded: Decimal;
  readonly fee: Decimal;
  readonly credits: CreditLine[];
  readonly cuts: CapCut[];
  readonly outputs: Record<string, string>;
  readonly values: Record<string, string>;
  readonly steps: StepData[];
}

/** The names a condition reads, with their kinds: one shared array for every condition that reads the same (a block's tiers). */
type ConditionNames = readonly { readonly name: string; readonly kind: A.Kind }[];

interface CompiledRule {
  readonly condition: Compiled;
  readonly credit: Compiled;
  readonly conditionNames: ConditionNames;
  readonly proportional?: { readonly subject: Compiled; readonly threshold: Compiled; readonly step: Compiled };
}

export class Evaluator {
  readonly plan: Plan;
  /** The program's lines, for every position its results and problems name. */
  readonly lines: LineMap;
  private readonly rules = new Map<RulePlan, CompiledRule>();
  private readonly caps = new Map<CapPlan, Compiled>();
  private readonly values = new Map<string, Compiled>();
  private readonly payConditions = new Map<PayConditionPlan, Compiled>();
  /** Tier tables, ranked for `credit()`. */
  private readonly tables = new Map<BlockPlan, DecimalTable>();
  /** `let`s and outputs that round (`round(x, 0.01)`): their value before rounding, for the explanation. */
  private readonly roundings = new Map<string, { how: string; value: Compiled; step: Compiled }>();
  /** An expression credit's formula as written, by rule. */
  readonly formulas = new Map<RulePlan, string>();
  private pointRate?: Compiled;

  /** `compileNow` false leaves the compiling to `inSteps`, which alone passes it. */
  constructor(program: CheckedProgram, plan: Plan = lower(program), compileNow = true) {
    this.plan = plan;
    this.lines = new LineMap(program.source);
    if (compileNow) finish(this.compile(program));
  }

  /** An evaluator made a few hundred rules per step, for a page that spreads the work over idle tasks (`Program.prepare`). */
  static *inSteps(program: CheckedProgram, plan: Plan): Generator<void, Evaluator, void> {
    const evaluator = new Evaluator(program, plan, false);
    yield* evaluator.compile(program);
    return evaluator;
  }

  /** Compiles every expression of the plan, once. */
  private *compile(program: CheckedProgram): Generator<void, void, void> {
    const plan = this.plan;
    const sameNames = new Map<string, ConditionNames>();
    let compiled = 0;
    const rule = (r: RulePlan) => {
      if (r.credit.type !== 'literal') this.formulas.set(r, program.source.slice(r.credit.span.start, r.credit.span.end));
      const names = new Map<string, A.Kind>();
      for (const ref of A.namesIn(r.condition)) if (ref.kind) names.set(ref.name, ref.kind);
      const key = [...names].join(' ');
      let conditionNames = sameNames.get(key);
      if (!conditionNames) sameNames.set(key, (conditionNames = [...names].map(([name, kind]) => ({ name, kind }))));
      const p = r.proportional;
      this.rules.set(r, {
        condition: compileExpr(r.condition),
        credit: compileExpr(r.credit),
        conditionNames,
        ...(p ? { proportional: { subject: compileExpr(p.subject), threshold: compileExpr(p.threshold), step: compileExpr(p.step) } } : {}),
      });
      r.caps.forEach(cap);
    };
    const cap = (c: CapPlan) => this.caps.set(c, compileExpr(c.amount));
    for (const credit of plan.credits) {
      const rules = credit.type === 'rule' ? [credit.rule] : credit.block.tiers;
      for (const r of rules) {
        rule(r);
        if (++compiled % RULES_PER_STEP === 0) yield;
      }
      if (credit.type === 'block') {
        const { caps, table, tiers } = credit.block;
        caps.forEach(cap);
        if (table) {
          // Literals, compiled as the tiers compile them: their values need no names.
          const threshold = (i: number) => compileExpr(table.thresholds[i])(NO_NAMES) as Decimal;
          const pays = (i: number) => atLeastZero(this.rules.get(tiers[i])!.credit(NO_NAMES) as Decimal);
          this.tables.set(credit.block, yield* DecimalTable.ranking(table, threshold, pays));
        }
      }
    }
    plan.caps.forEach(cap);
    if (plan.pointRate) this.pointRate = compileExpr(plan.pointRate.amount);
    for (const value of plan.values.values()) {
      this.values.set(value.name, compileExpr(value.value));
      const v = value.value;
      if (v.type === 'call' && (v.name === 'round' || v.name === 'floor' || v.name === 'ceil')) {
        this.roundings.set(value.name, { how: v.name, value: compileExpr(v.args[0]), step: compileExpr(v.args[1]) });
      }
      if (++compiled % RULES_PER_STEP === 0) yield;
    }
    for (const condition of plan.payConditions) this.payConditions.set(condition, compileExpr(condition.condition));
  }

  /** A tier table's winner, or undefined to try every tier (`DecimalTable.winner`). */
  tableWinner(block: BlockPlan, env: Env, fee: Decimal): number | undefined {
    const table = this.tables.get(block);
    return table?.winner(env.value(block.table!.input) as Decimal, fee);
  }

  /**
   * One month. `accruals` carries the contract year so far; the caller starts
   * quarters. `creditOnly` (billing's run) skips the explanation and the
   * `let`s and outputs the credit does not need.
   */
  month(input: MonthInput, accruals: Accruals<Decimal>, creditOnly = false): MonthComputation {
    return finish(this.monthInSteps(input, accruals, creditOnly));
  }

  /**
   * `month`, for a page that spreads a month of thousands of rules over
   * several tasks: with a `pace`, its rules are worked out ahead, pausing
   * when the pace says a step is full (`DecimalMonth.workAhead`), and the
   * month is then decided at once, as `month` decides it; without, it is
   * `month`.
   */
  *monthInSteps(input: MonthInput, accruals: Accruals<Decimal>, creditOnly = false, pace?: Pace): Generator<void, MonthComputation, void> {
    const ar = decimalArithmetic(input.currency);
    const env = new MonthEnv(input, this.plan.values, this.values);
    const values = new DecimalMonth(this, env, input, creditOnly ? undefined : []);
    if (pace) yield* values.workAhead(pace);
    const report = new Report(values, input);
    const exact = month(this.plan, ar, values, accruals, report);
    const rounded = roundMoney(exact, input.currency);
    const steps = values.steps ?? [];
    steps.push(...report.programCuts.map((cut): StepData => ({ kind: 'cap', cut })));
    if (report.unpaid) steps.push(report.unpaid);
    steps.push({ kind: 'total', amount: report.money(exact), exact: plain(exact), rounded: !rounded.eq(exact), percent: report.share(exact) });

    env.setTotals(rounded, shareOf(exact, input.fees.monthly));
    const outputs: Record<string, string> = {};
    const shown: Record<string, string> = {};
    for (const plan of creditOnly ? [] : this.plan.values.values()) {
      const display = displayOf(env.value(plan.name), plan.kind, input.currency);
      (plan.role === 'output' ? outputs : shown)[plan.name] = display.unit ? `${display.value}${display.unit}` : display.value;
      const r = this.roundings.get(plan.name);
      const rounding = r && {
        how: r.how,
        value: displayOf(r.value(env), plan.kind, undefined),
        step: displayOf(r.step(env), plan.kind, input.currency),
      };
      steps.push({ kind: plan.role, line: plan.line, name: plan.name, value: display, ...(rounding ? { rounding } : {}) });
    }
    return { exact, rounded, fee: input.fees.monthly, credits: report.lines, cuts: report.programCuts, outputs, values: shown, steps };
  }

  /** Whether a `pay only if` condition holds for the period's credit: with its own names, as the totals are not final yet. */
  payable(condition: PayConditionPlan, input: MonthInput, paid: Decimal, exact: Decimal): boolean {
    const env = new MonthEnv(input, this.plan.values, this.values);
    env.setTotals(paid, shareOf(exact, input.fees.monthly));
    return this.payConditions.get(condition)!(env) === true;
  }

  /** A rule's credit as a share, for the explanation: a literal's is worded once, not every month. */
  shareOf(rule: RulePlan, credit: Decimal): string {
    if (rule.credit.type !== 'literal') return percentString(credit);
    let share = this.literalShares.get(rule);
    if (share === undefined) this.literalShares.set(rule, (share = percentString(credit)));
    return share;
  }

  private readonly literalShares = new Map<RulePlan, string>();

  compiledRule(rule: RulePlan): CompiledRule {
    return this.rules.get(rule)!;
  }

  compiledCap(cap: CapPlan): Compiled {
    return this.caps.get(cap)!;
  }

  pointValue(env: Env, fee: Decimal): Decimal {
    const rate = this.plan.pointRate;
    if (!rate || !this.pointRate) return ZERO;
    const amount = this.pointRate(env) as Decimal;
    return rate.kind === 'percent' ? amount.times(fee) : amount;
  }
}

/** A month's expressions in decimals, recording the steps that explain them when `steps` is given. */
class DecimalMonth implements MonthValues<Decimal>, ReportedMonth {
  /** The condition steps of the credit being decided (a rule's one, a block's every tier's), in order, until the report takes them. */
  private conditions: StepData[] = [];
  /** Each rule's other steps (its credit), for the report to place. */
  readonly ruleSteps = new Map<RulePlan, StepData[]>();
  /**
   * The values a condition step shows, by the names it reads: a block's tiers
   * all read the same input, formatted once per month (and per item of a
   * `for each` block, whose item changes them).
   */
  private shown = new Map<ConditionNames, { name: string; value: Display }[]>();
  readonly points = new Map<RulePlan, Decimal>();
  readonly hasFee: boolean;
  private pointValueMemo: Decimal | undefined;
  /** What `workAhead` worked out, for `holds`, `pays` and `limit` to read: by rule, and by cap. */
  private readonly heldAhead = new Map<RulePlan, boolean>();
  private readonly paidAhead = new Map<RulePlan, Decimal>();
  private readonly limitsAhead = new Map<CapPlan, Decimal>();

  constructor(
    private readonly evaluator: Evaluator,
    readonly env: MonthEnv,
    private readonly input: MonthInput,
    readonly steps: StepData[] | undefined,
  ) {
    this.hasFee = evaluator.plan.hasFee;
  }

  holds(rule: RulePlan): boolean {
    const compiled = this.evaluator.compiledRule(rule);
    const holds = this.heldAhead.get(rule) ?? compiled.condition(this.env) === true;
    if (this.steps) this.conditions.push({ kind: 'condition', line: rule.line, rule: rule.owner, holds, values: this.shownValues(compiled.conditionNames) });
    return holds;
  }

  /** The condition steps since the report last took them: those of the credit it is told of now. */
  takeConditions(): StepData[] {
    const taken = this.conditions;
    if (taken.length > 0) this.conditions = [];
    return taken;
  }

  private shownValues(names: ConditionNames): { name: string; value: Display }[] {
    let values = this.shown.get(names);
    if (!values) this.shown.set(names, (values = names.map(({ name, kind }) => ({ name, value: displayOf(this.env.value(name), kind, this.input.currency) }))));
    return values;
  }

  /** A tier table's winner, only when no explanation is written: one shows every tier's condition and amount. */
  tableWinner(block: BlockPlan): number | undefined {
    return this.steps ? undefined : this.evaluator.tableWinner(block, this.env, this.input.fees.monthly);
  }

  pays(rule: RulePlan): Decimal {
    const ahead = this.paidAhead.get(rule);
    if (ahead) return ahead;
    const compiled = this.evaluator.compiledRule(rule);
    const { env, input } = this;
    const fee = input.fees.monthly;
    const credit = compiled.credit(env) as Decimal;
    let multiplier = ONE;
    if (rule.proportional && compiled.proportional) {
      const p = rule.proportional;
      const subject = compiled.proportional.subject(env) as Decimal;
      const threshold = compiled.proportional.threshold(env) as Decimal;
      const step = compiled.proportional.step(env) as Decimal;
      const distance = atLeastZero(p.direction === 'below' ? threshold.minus(subject) : subject.minus(threshold));
      multiplier = countSteps(distance, step, p.rounding, STEPS);
      this.record(rule, {
        kind: 'proportional', line: rule.line, direction: p.direction, rounding: p.rounding,
        distance: displayOf(distance, p.kind, input.currency), step: displayOf(step, p.kind, input.currency),
        threshold: displayOf(threshold, p.kind, input.currency), steps: plain(multiplier),
      });
    }
    const span = rule.credit.span;
    let amount = operate(credit, 'times', multiplier, span);
    let points: Decimal | undefined;
    if (rule.basis === 'percent') amount = operate(amount, 'times', fee, span);
    else if (rule.basis === 'points') {
      points = atLeastZero(amount);
      amount = operate(points, 'times', this.pointValue(), span);
      this.points.set(rule, points);
    }
    amount = atLeastZero(amount);
    if (this.steps) {
      const step: StepData & { kind: 'credit' } = { kind: 'credit', line: rule.line, rule: rule.owner, basis: rule.basis, amount: this.money(amount) };
      const formula = this.evaluator.formulas.get(rule);
      if (formula !== undefined) step.formula = formula;
      if (rule.basis === 'percent') {
        // A tier's share as written is the same every month: worded once.
        step.share = multiplier === ONE ? this.evaluator.shareOf(rule, credit) : percentString(credit.times(multiplier));
        step.fee = this.money(fee);
        if (this.evaluator.plan.period !== 'monthly') step.period = this.evaluator.plan.period as 'quarterly' | 'yearly';
      }
      if (points) {
        step.points = plain(points);
        step.pointValue = this.money(this.pointValue());
      }
      this.record(rule, step);
    }
    return amount;
  }

  /** Money as results write it; an amount written again (a tier's credit, the fee) is formatted once. */
  money(amount: Decimal): string {
    let text = this.monies.get(amount);
    if (text === undefined) this.monies.set(amount, (text = moneyString(amount, this.input.currency)));
    return text;
  }

  private readonly monies = new Map<Decimal, string>();

  limit(cap: CapPlan): Decimal {
    const ahead = this.limitsAhead.get(cap);
    if (ahead) return ahead;
    const written = this.evaluator.compiledCap(cap)(this.env) as Decimal;
    if (cap.kind === 'percent') return operate(written, 'times', feeOf(cap.period, this.input.fees), cap.amount.span);
    if (cap.kind === 'points') return operate(written, 'times', this.pointValue(), cap.amount.span);
    return written;
  }

  writtenCap(cap: CapPlan): Decimal {
    return this.evaluator.compiledCap(cap)(this.env) as Decimal;
  }

  payable(condition: PayConditionPlan, paid: Decimal, exact: Decimal): boolean {
    return this.evaluator.payable(condition, this.input, paid, exact);
  }

  /**
   * Works out ahead what the month will ask of its rules, a rule or tier at
   * a time, pausing when `pace` says a step is full: each condition, and
   * where it holds the credit (its explanation recorded, as `pays` records
   * it) and its caps' limits. These depend on the month's inputs and `let`s
   * alone, never on what other credits paid or on the order they are asked
   * in, so the month that reads them decides as it would have alone. A
   * problem (a division by zero) is not raised here: the month meets it
   * again where its own order does. Left to the month: a `for each` block,
   * whose tiers see each item in turn, and a tier table it decides from its
   * input.
   */
  *workAhead(pace: Pace): Generator<void, void, void> {
    for (const credit of this.evaluator.plan.credits) {
      if (credit.type === 'block' && (credit.block.each || this.tableWinner(credit.block) !== undefined)) continue;
      for (const rule of credit.type === 'rule' ? [credit.rule] : credit.block.tiers) {
        this.ahead(rule);
        if (pace.worked()) yield;
      }
    }
  }

  private ahead(rule: RulePlan): void {
    try {
      const holds = this.evaluator.compiledRule(rule).condition(this.env) === true;
      this.heldAhead.set(rule, holds);
      if (!holds) return;
      this.paidAhead.set(rule, this.pays(rule));
      for (const cap of rule.caps) this.limitsAhead.set(cap, this.limit(cap));
    } catch (error) {
      if (!(error instanceof EvaluationStop)) throw error;
    }
  }

  /** The item a `for each` block's tiers see now. */
  currentItem: Decimal | undefined;

  items(block: BlockPlan): number {
    return (this.env.value(block.each!.list) as readonly Decimal[]).length;
  }

  bindItem(block: BlockPlan, index: number): void {
    const each = block.each!;
    this.currentItem = index < 0 ? undefined : (this.env.value(each.list) as readonly Decimal[])[index];
    this.env.bind(each.name, this.currentItem);
    if (this.shown.size > 0) this.shown = new Map();
  }

  private pointValue(): Decimal {
    return (this.pointValueMemo ??= this.evaluator.pointValue(this.env, this.input.fees.monthly));
  }

  /** The kind of a `for each` block's items: its list input's. */
  itemKind(block: BlockPlan): A.Kind {
    return this.evaluator.plan.inputs.find((i) => i.name === block.each!.list)?.kind ?? 'number';
  }

  private record(rule: RulePlan, step: StepData): void {
    if (!this.steps) return;
    const own = this.ruleSteps.get(rule);
    if (own) own.push(step);
    else this.ruleSteps.set(rule, [step]);
  }
}

/**
 * A month's names: inputs, the fee, and `let`s evaluated on first use, once.
 * A `let` is computed after the `let`s it names, with an explicit stack, so
 * a chain of thousands of them needs no deep recursion.
 */
class MonthEnv implements Env {
  private readonly memo = new Map<string, Value>();
  private readonly items = new Map<string, Value>();

  constructor(
    private readonly input: MonthInput,
    private readonly plans: ReadonlyMap<string, ValuePlan>,
    private readonly compiled: ReadonlyMap<string, Compiled>,
  ) {}

  /** A `for each` block's item, known by its name inside the block; undefined unbinds it. */
  bind(name: string, value: Decimal | undefined): void {
    if (value === undefined) this.items.delete(name);
    else this.items.set(name, value);
  }

  setTotals(credit: Decimal, share: Decimal): void {
    this.memo.set('total_credit', credit);
    this.memo.set('total_credit_percent', share);
  }

  value(name: string): Value {
    const known = this.known(name);
    if (known !== undefined) return known;
    const pending = [name];
    while (pending.length > 0) {
      const next = pending[pending.length - 1];
      const plan = this.plans.get(next);
      if (!plan || AFTER_CREDITS.has(next)) throw new Error(`internal: \`${next}\` has no value`);
      const missing = dependencies(plan).find((n) => this.known(n) === undefined);
      if (missing !== undefined) {
        pending.push(missing);
        continue;
      }
      this.memo.set(next, this.compiled.get(next)!(this));
      pending.pop();
    }
    return this.memo.get(name)!;
  }

  private known(name: string): Value | undefined {
    if (this.items.size > 0 && this.items.has(name)) return this.items.get(name);
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    if (name === 'fee') return this.input.fees.monthly;
    return this.input.values.get(name);
  }
}

const dependencyCache = new WeakMap<ValuePlan, readonly string[]>();

/** The names a `let` or output uses directly. */
function dependencies(plan: ValuePlan): readonly string[] {
  let names = dependencyCache.get(plan);
  if (!names) dependencyCache.set(plan, (names = [...new Set(A.namesIn(plan.value).map((n) => n.name))]));
  return names;
}

/** Names for an expression that reads none. */
const NO_NAMES: Env = { value: (name) => { throw new Error(`internal: \`${name}\` read by a literal`); } };

/** `Decimal.max(0, value)` without its two copies: the value itself when above zero, else zero (never −0). */
function atLeastZero(value: Decimal): Decimal {
  return value.gt(ZERO) ? value : ZERO;
}
