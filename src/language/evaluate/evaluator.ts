/**
 * Evaluation of a checked program for one month or a contract year.
 *
 * A month: each rule's credit (percent of the month's fee, money, or points
 * at the point rate), proportional credits by whole or started steps, tier
 * blocks where the highest matching tier wins; then caps — rule caps, block
 * caps, then `cap` statements, each monthly before quarterly before yearly,
 * quarterly and yearly caps counting what their scope credited earlier in
 * the same contract quarter or year. Exact decimals throughout; money is
 * rounded once, at the end of each month, half up to the minor unit.
 */
import * as A from '../ast.js';
import type { CheckedProgram } from '../checker/program.js';
import { AFTER_CREDITS } from '../checker/program.js';
import { Decimal, moneyString, HUNDRED, plain, roundMoney, ZERO } from '../decimal.js';
import { SECONDS_PER_UNIT } from '../literals.js';
import { LineMap } from '../source.js';
import { compileExpr, type Compiled, type Env } from './expressions.js';
import type { Value } from './inputs.js';
import type { StepData } from './explanation.js';
import type { CapCut, CreditLine, Display, TierOutcome } from './results.js';

const PERIOD_ORDER: Record<A.Period, number> = { monthly: 0, quarterly: 1, yearly: 2 };

/** Sorts caps into the order they apply: monthly, then quarterly, then yearly. */
export const byPeriod = (a: { period: A.Period }, b: { period: A.Period }) => PERIOD_ORDER[a.period] - PERIOD_ORDER[b.period];

interface CapPlan {
  readonly source: A.Cap;
  readonly amount: Compiled;
  readonly kind: A.Kind;
  readonly period: A.Period;
  readonly line: number;
  readonly literal?: A.Literal;
}

interface RulePlan {
  readonly id: string;
  readonly name: string;
  readonly line: number;
  readonly condition: Compiled;
  readonly conditionNames: readonly { name: string; kind: A.Kind }[];
  readonly credit: Compiled;
  readonly creditKind: A.Kind;
  readonly proportional?: {
    readonly subject: Compiled;
    readonly threshold: Compiled;
    readonly step: Compiled;
    readonly kind: A.Kind;
    readonly rounding: 'full' | 'started';
    readonly direction: 'below' | 'above';
  };
  readonly caps: readonly CapPlan[];
}

interface BlockPlan {
  readonly id: string;
  readonly name: string;
  readonly line: number;
  readonly tiers: readonly RulePlan[];
  readonly caps: readonly CapPlan[];
}

type CreditPlan = { readonly type: 'rule'; readonly plan: RulePlan } | { readonly type: 'block'; readonly plan: BlockPlan };

interface ValuePlan {
  readonly name: string;
  readonly role: 'let' | 'output';
  readonly kind: A.Kind;
  readonly line: number;
  readonly compute: Compiled;
}

/**
 * What the year so far has paid, per cap scope (a rule, a block, or the whole
 * program). Each amount counts as paid: rounded to the minor unit. So a
 * quarterly or yearly cap holds for the money actually paid — three months of
 * 100.005 EUR against a cap of 300.015 EUR pay 100.01 + 100.01 + 100.00.
 */
export class Accruals {
  private readonly totals = new Map<string, { quarter: Decimal; year: Decimal }>();

  constructor(private readonly currency: string | undefined) {}

  get(scope: string) {
    return this.totals.get(scope) ?? { quarter: ZERO, year: ZERO };
  }

  add(scope: string, amount: Decimal): void {
    const current = this.get(scope);
    const paid = roundMoney(amount, this.currency);
    this.totals.set(scope, { quarter: current.quarter.plus(paid), year: current.year.plus(paid) });
  }

  startQuarter(): void {
    for (const [scope, t] of this.totals) this.totals.set(scope, { quarter: ZERO, year: t.year });
  }
}

export interface MonthInput {
  readonly values: ReadonlyMap<string, Value>;
  /** 1-based position in a contract-year run; 1 for a single month. */
  readonly month: number;
  readonly fees: { readonly monthly: Decimal; readonly quarterly: Decimal; readonly yearly: Decimal };
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

export class Evaluator {
  private readonly credits: CreditPlan[] = [];
  /** `cap` statements, on all credits together, in the order they apply. */
  private caps: CapPlan[] = [];
  private pointRate?: { readonly amount: Compiled; readonly kind: A.Kind };
  private readonly valuePlans = new Map<string, ValuePlan>();
  private readonly lineOf: (offset: number) => number;
  /** The program's lines, for every position its results and problems name. */
  readonly lines: LineMap;

  constructor(readonly program: CheckedProgram) {
    const lines = (this.lines = new LineMap(program.source));
    this.lineOf = (offset) => lines.position(offset).line;
    program.ast.statements.forEach((statement, index) => {
      switch (statement.type) {
        case 'rule':
          this.credits.push({ type: 'rule', plan: this.planRule(statement, `rule${index}`) });
          break;
        case 'block':
          this.credits.push({
            type: 'block',
            plan: {
              id: `block${index}`,
              name: statement.label ?? `${statement.pool} block at line ${this.lineOf(statement.span.start)}`,
              line: this.lineOf(statement.span.start),
              tiers: statement.rules.map((r, i) => this.planRule(r, `block${index}.${i}`)),
              caps: this.planCaps(statement.caps),
            },
          });
          break;
        case 'cap':
          this.caps = this.planCaps([...this.caps.map((c) => c.source), statement.cap]);
          break;
        case 'point-rate':
          this.pointRate = { amount: compileExpr(statement.rate), kind: statement.rate.kind ?? 'money' };
          break;
        case 'let':
        case 'output':
          this.valuePlans.set(statement.name, {
            name: statement.name,
            role: statement.type,
            kind: statement.declaredKind ?? statement.value.kind ?? 'number',
            line: this.lineOf(statement.span.start),
            compute: compileExpr(statement.value),
          });
          break;
      }
    });
  }

  private planCaps(caps: readonly A.Cap[]): CapPlan[] {
    return caps
      .map((cap) => ({
        source: cap,
        amount: compileExpr(cap.amount),
        kind: cap.amount.kind ?? 'money',
        period: cap.period,
        line: this.lineOf(cap.span.start),
        ...(cap.amount.type === 'literal' ? { literal: cap.amount } : {}),
      }))
      .sort(byPeriod);
  }

  private planRule(rule: A.Rule, id: string): RulePlan {
    const names = new Map<string, A.Kind>();
    for (const ref of A.namesIn(rule.condition)) if (ref.kind) names.set(ref.name, ref.kind);
    const p = rule.proportional;
    return {
      id,
      name: rule.conditionText,
      line: this.lineOf(rule.span.start),
      condition: compileExpr(rule.condition),
      conditionNames: [...names].map(([name, kind]) => ({ name, kind })),
      credit: compileExpr(rule.credit),
      creditKind: rule.credit.kind ?? 'money',
      ...(p?.measure
        ? {
            proportional: {
              subject: compileExpr(p.measure.subject),
              threshold: compileExpr(p.measure.threshold),
              step: compileExpr(p.step),
              kind: p.step.kind ?? 'number',
              rounding: p.rounding,
              direction: p.direction,
            },
          }
        : {}),
      caps: this.planCaps(rule.caps),
    };
  }

  /**
   * One month. `accruals` carries the contract year so far; the caller starts
   * quarters. `creditOnly` skips the `let`s and outputs the credit does not need.
   */
  month(input: MonthInput, accruals: Accruals, creditOnly = false): MonthComputation {
    const steps: StepData[] = [];
    const env = new MonthEnv(input, this.valuePlans);
    const money = (d: Decimal) => moneyString(d, input.currency);
    const share = (d: Decimal) => percentString(input.fees.monthly.isZero() ? ZERO : d.div(input.fees.monthly));
    const context: CapContext = { env, input, accruals, steps, money, pointValue: () => this.pointValue(env, input) };

    const lines: CreditLine[] = [];
    let total = ZERO;
    for (const credit of this.credits) {
      if (credit.type === 'rule') {
        const outcome = this.rule(credit.plan, context, steps);
        accruals.add(credit.plan.id, outcome.amount);
        total = total.plus(outcome.amount);
        lines.push({
          name: credit.plan.name, kind: 'rule', line: credit.plan.line, matched: outcome.holds,
          amount: money(outcome.amount), percentOfFee: share(outcome.amount), cuts: outcome.cuts,
          ...(outcome.points ? { points: plain(outcome.points) } : {}),
        });
        continue;
      }
      const block = credit.plan;
      const outcomes = block.tiers.map((tier) => {
        const tierSteps: StepData[] = [];
        return { ...this.rule(tier, context, tierSteps), steps: tierSteps };
      });
      let winner = -1;
      outcomes.forEach((o, i) => {
        if (o.holds && (winner < 0 || o.amount.gt(outcomes[winner].amount))) winner = i;
      });
      steps.push(...outcomes.flatMap((o) => o.steps.filter((s) => s.kind === 'condition')));
      const tiers: TierOutcome[] = block.tiers.map((t, i) => ({
        condition: t.name, line: t.line, holds: outcomes[i].holds, amount: money(outcomes[i].amount),
      }));
      steps.push({ kind: 'tier', line: block.line, block: block.name, winner: winner >= 0 ? { line: block.tiers[winner].line, rule: block.tiers[winner].name } : undefined, matched: outcomes.filter((o) => o.holds).length });
      // Only the winning tier's own steps explain the credit.
      if (winner >= 0) steps.push(...outcomes[winner].steps.filter((s) => s.kind !== 'condition'));
      let amount = ZERO;
      const cuts: CapCut[] = [];
      if (winner >= 0) {
        const win = outcomes[winner];
        accruals.add(block.tiers[winner].id, win.amount);
        cuts.push(...win.cuts);
        const capped = applyCaps(block.id, 'block', block.name, block.caps, win.amount, context);
        cuts.push(...capped.cuts);
        amount = capped.amount;
      }
      accruals.add(block.id, amount);
      total = total.plus(amount);
      lines.push({
        name: block.name, kind: 'block', line: block.line, matched: winner >= 0,
        amount: money(amount), percentOfFee: share(amount), cuts, tiers,
        ...(winner >= 0 ? { winner } : {}),
        ...(winner >= 0 && outcomes[winner].points ? { points: plain(outcomes[winner].points as Decimal) } : {}),
      });
    }

    const programCaps = applyCaps('program', 'program', 'all credits', this.caps, total, context);
    accruals.add('program', programCaps.amount);
    const exact = programCaps.amount;
    const rounded = roundMoney(exact, input.currency);
    steps.push({ kind: 'total', amount: money(exact), exact: plain(exact), rounded: !rounded.eq(exact), percent: share(exact) });

    env.setTotals(rounded, input.fees.monthly.isZero() ? ZERO : exact.div(input.fees.monthly));
    const outputs: Record<string, string> = {};
    const values: Record<string, string> = {};
    for (const plan of creditOnly ? [] : this.valuePlans.values()) {
      const value = env.value(plan.name);
      const display = displayOf(value, plan.kind, input.currency);
      (plan.role === 'output' ? outputs : values)[plan.name] = display.unit ? `${display.value}${display.unit}` : display.value;
      steps.push({ kind: plan.role, line: plan.line, name: plan.name, value: display });
    }
    return { exact, rounded, fee: input.fees.monthly, credits: lines, cuts: programCaps.cuts, outputs, values, steps };
  }

  private pointValue(env: Env, input: MonthInput): Decimal {
    if (!this.pointRate) return ZERO;
    const rate = this.pointRate.amount(env) as Decimal;
    return this.pointRate.kind === 'percent' ? rate.times(input.fees.monthly) : rate;
  }

  /** One rule: its condition, its credit in money, its own caps (not yet accrued: a tier may lose). */
  private rule(plan: RulePlan, context: CapContext, steps: StepData[]): RuleOutcome {
    const { env, input } = context;
    const holds = plan.condition(env) === true;
    steps.push({
      kind: 'condition', line: plan.line, rule: plan.name, holds,
      values: plan.conditionNames.map(({ name, kind }) => ({ name, value: displayOf(env.value(name), kind, input.currency) })),
    });
    if (!holds) return { holds, amount: ZERO, cuts: [] };
    let credit = plan.credit(env) as Decimal;
    let multiplier = new Decimal(1);
    if (plan.proportional) {
      const p = plan.proportional;
      const subject = p.subject(env) as Decimal;
      const threshold = p.threshold(env) as Decimal;
      const stepSize = p.step(env) as Decimal;
      const distance = Decimal.max(ZERO, p.direction === 'below' ? threshold.minus(subject) : subject.minus(threshold));
      const ratio = stepSize.gt(0) ? distance.div(stepSize) : ZERO;
      multiplier = p.rounding === 'full' ? ratio.floor() : ratio.ceil();
      steps.push({
        kind: 'proportional', line: plan.line, direction: p.direction, rounding: p.rounding,
        distance: displayOf(distance, p.kind, input.currency), step: displayOf(stepSize, p.kind, input.currency),
        threshold: displayOf(threshold, p.kind, input.currency), steps: plain(multiplier),
      });
    }
    let points: Decimal | undefined;
    let amount: Decimal;
    switch (plan.creditKind) {
      case 'percent':
        amount = credit.times(multiplier).times(input.fees.monthly);
        break;
      case 'points':
        points = Decimal.max(ZERO, credit.times(multiplier));
        amount = points.times(context.pointValue());
        break;
      default:
        amount = credit.times(multiplier);
    }
    credit = Decimal.max(ZERO, amount);
    steps.push({
      kind: 'credit', line: plan.line, rule: plan.name, basis: plan.creditKind, amount: context.money(credit),
      ...(plan.creditKind === 'percent' ? { share: percentString((plan.credit(env) as Decimal).times(multiplier)), fee: context.money(input.fees.monthly) } : {}),
      ...(points ? { points: plain(points), pointValue: context.money(context.pointValue()) } : {}),
    });
    const capped = applyCaps(plan.id, 'rule', plan.name, plan.caps, credit, { ...context, steps });
    return { holds, amount: capped.amount, cuts: capped.cuts, ...(points ? { points } : {}) };
  }
}

interface RuleOutcome {
  readonly holds: boolean;
  /** Money, after the rule's own caps. */
  readonly amount: Decimal;
  readonly cuts: CapCut[];
  readonly points?: Decimal;
}

interface CapContext {
  readonly env: Env;
  readonly input: MonthInput;
  readonly accruals: Accruals;
  readonly steps: StepData[];
  readonly money: (d: Decimal) => string;
  readonly pointValue: () => Decimal;
}

function applyCaps(scope: string, kind: CapCut['scope'], owner: string, caps: readonly CapPlan[], amount: Decimal, context: CapContext) {
  const cuts: CapCut[] = [];
  const { input, money } = context;
  const accrued = context.accruals.get(scope);
  for (const cap of caps) {
    const written = cap.amount(context.env) as Decimal;
    const fee = cap.period === 'monthly' ? input.fees.monthly : cap.period === 'quarterly' ? input.fees.quarterly : input.fees.yearly;
    const limit = cap.kind === 'percent' ? written.times(fee) : cap.kind === 'points' ? written.times(context.pointValue()) : written;
    const already = cap.period === 'monthly' ? ZERO : cap.period === 'quarterly' ? accrued.quarter : accrued.year;
    const room = Decimal.max(ZERO, limit.minus(already));
    if (amount.lte(room)) continue;
    const cut: CapCut = {
      scope: kind, owner, period: cap.period, cap: displayOf(written, cap.kind, input.currency, cap.literal),
      limit: money(limit), alreadyCredited: money(already), before: money(amount), after: money(room),
      cut: money(amount.minus(room)), line: cap.line, ...(input.month > 0 ? { month: input.month } : {}),
    };
    cuts.push(cut);
    context.steps.push({ kind: 'cap', cut });
    amount = room;
  }
  return { amount, cuts };
}

/** Lets evaluate on first use, once per month; totals are set after the credits. */
class MonthEnv implements Env {
  private readonly memo = new Map<string, Value>();

  constructor(
    private readonly input: MonthInput,
    private readonly plans: ReadonlyMap<string, ValuePlan>,
  ) {}

  setTotals(credit: Decimal, share: Decimal): void {
    this.memo.set('total_credit', credit);
    this.memo.set('total_credit_percent', share);
  }

  value(name: string): Value {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    if (name === 'fee') return this.input.fees.monthly;
    const input = this.input.values.get(name);
    if (input !== undefined) return input;
    const plan = this.plans.get(name);
    if (!plan || AFTER_CREDITS.has(name)) throw new Error(`internal: \`${name}\` has no value`);
    const value = plan.compute(this);
    this.memo.set(name, value);
    return value;
  }
}

/** A share (0.1) as percent points ("10"), exact to ten decimal places. */
export function percentString(fraction: Decimal): string {
  return plain(fraction.times(HUNDRED).toDecimalPlaces(10, Decimal.ROUND_HALF_UP));
}

/** A computed value in the unit a person reads; durations in the largest whole unit. */
export function displayOf(value: Value, kind: A.Kind, currency: string | undefined, literal?: A.Literal): Display {
  if (literal) return { kind: literal.kind, value: literal.value, ...(literal.unit ? { unit: literal.unit } : {}), ...(literal.currency ? { currency: literal.currency } : {}) };
  if (typeof value === 'boolean') return { kind: 'boolean', value: String(value) };
  switch (kind) {
    case 'percent': return { kind, value: percentString(value) };
    case 'money': return { kind, value: moneyString(value, currency), ...(currency ? { currency } : {}) };
    case 'duration': {
      const units: A.DurationUnit[] = ['d', 'h', 'min', 's'];
      const unit = value.isZero() ? 'h' : units.find((u) => value.mod(SECONDS_PER_UNIT[u]).isZero()) ?? 's';
      return { kind, value: plain(value.div(SECONDS_PER_UNIT[unit])), unit };
    }
    default: return { kind, value: plain(value.toDecimalPlaces(10, Decimal.ROUND_HALF_UP)) };
  }
}

