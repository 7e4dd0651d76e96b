/**
 * The meaning of credits, written once for every backend. A backend brings
 * its arithmetic — exact decimals, scaled integers, later SQL — and the
 * values of a month's expressions; the rules here decide everything else:
 * the order of caps, what a cap counts as already paid, how much room it
 * leaves, which tier of a block wins, how many steps a proportional credit
 * makes, the fee of a quarter and a year, when quarters start, and the order
 * in which a month's credits, caps and accruals happen (`month`).
 *
 * The explanation is an observer: the month reports what it decided, and the
 * exact interpreter words it; billing's runs pass no observer.
 */
import { periodsInYear, type Period } from '../ast.js';
import type { BlockPlan, CapPlan, PayConditionPlan, Plan, RulePlan } from './plan.js';
import { PROGRAM_SCOPE } from './plan.js';

/** What the rules need of a backend's numbers (money amounts, at one scale). */
export interface Arithmetic<N> {
  readonly zero: N;
  plus(a: N, b: N): N;
  minus(a: N, b: N): N;
  lessOrEqual(a: N, b: N): boolean;
  greater(a: N, b: N): boolean;
  /** An amount as it is paid: rounded half up to the minor unit. */
  paid(amount: N): N;
}

const PERIOD_ORDER: Record<Period, number> = { monthly: 0, quarterly: 1, yearly: 2 };

/** Caps apply monthly, then quarterly, then yearly; in the order written within a period. */
export const capOrder = (a: { period: Period }, b: { period: Period }) => PERIOD_ORDER[a.period] - PERIOD_ORDER[b.period];

/**
 * The fees of one period of a run: `monthly` is the evaluation period's own
 * fee (a month's, or a quarter's under `period quarterly`), which percent
 * credits are a share of; `quarterly` and `yearly` are what caps of those
 * periods are a share of.
 */
export interface Fees<N> {
  readonly monthly: N;
  readonly quarterly: N;
  readonly yearly: N;
}

/** The fee a cap of this period is a share of. */
export function feeOf<N>(period: Period, fees: Fees<N>): N {
  return period === 'monthly' ? fees.monthly : period === 'quarterly' ? fees.quarterly : fees.yearly;
}


/**
 * The fees of a run's periods (each the period's own fee). A contract year has
 * twelve months, four quarters or one year; periods after the run pay the
 * last period's fee — so a single month's quarter is three of its fees and
 * its year twelve, a single quarter's year four.
 */
export function feeSchedule<N>(ar: Arithmetic<N>, own: readonly N[], period: Period = 'monthly'): Fees<N>[] {
  if (period === 'monthly') {
    const yearly = yearFee(ar, own);
    return own.map((fee, m) => ({ monthly: fee, quarterly: quarterFee(ar, own, m), yearly }));
  }
  let yearly = ar.zero;
  for (let i = 0; i < periodsInYear(period); i++) yearly = ar.plus(yearly, scheduled(own, i));
  // No cap is shorter than the period (the checker's rule), so a quarter's fee is never asked of a yearly program.
  return own.map((fee) => ({ monthly: fee, quarterly: fee, yearly }));
}

/** The fee of the contract quarter of month `m` (0-based) of a run. */
export function quarterFee<N>(ar: Arithmetic<N>, monthly: ArrayLike<N>, m: number): N {
  const q = m - (m % 3);
  return ar.plus(ar.plus(scheduled(monthly, q), scheduled(monthly, q + 1)), scheduled(monthly, q + 2));
}

/** The fee of the contract year of a run. */
export function yearFee<N>(ar: Arithmetic<N>, monthly: ArrayLike<N>): N {
  let yearly = ar.zero;
  for (let m = 0; m < 12; m++) yearly = ar.plus(yearly, scheduled(monthly, m));
  return yearly;
}

/** Month `m`'s fee; months after the run pay the last month's. */
function scheduled<N>(monthly: ArrayLike<N>, m: number): N {
  return monthly[m < monthly.length ? m : monthly.length - 1];
}

/** Period `index` (0-based) of a contract year opens a new quarter: every third month, every quarter. */
export function startsQuarter(index: number, period: Period = 'monthly'): boolean {
  return index > 0 && (period !== 'monthly' || index % 3 === 0);
}

/**
 * What each scope has paid so far in the contract quarter and year. "Caps
 * count what was paid": each amount is added as paid, rounded to the minor
 * unit, so three months of 100.005 EUR against a quarterly cap of 300.015 EUR
 * pay 100.01 + 100.01 + 100.00. Only scopes with a quarterly or yearly cap
 * keep count.
 */
export class Accruals<N> {
  private readonly quarter: N[];
  private readonly year: N[];
  /** Whether anything was added since the last reset: most runs of most programs add nothing. */
  private used = false;

  constructor(
    private readonly ar: Arithmetic<N>,
    private readonly remembers: readonly boolean[],
  ) {
    this.quarter = remembers.map(() => ar.zero);
    this.year = remembers.map(() => ar.zero);
  }

  add(scope: number, amount: N): void {
    if (!this.remembers[scope]) return;
    this.used = true;
    const paid = this.ar.paid(amount);
    this.quarter[scope] = this.ar.plus(this.quarter[scope], paid);
    this.year[scope] = this.ar.plus(this.year[scope], paid);
  }

  /** What a cap of this period counts as already paid by its scope. */
  before(scope: number, period: Period): N {
    return period === 'monthly' ? this.ar.zero : period === 'quarterly' ? this.quarter[scope] : this.year[scope];
  }

  startQuarter(): void {
    this.quarter.fill(this.ar.zero);
  }

  /** What every scope has paid so far, to undo a period that is not paid (`pay only if`). */
  snapshot(): AccrualsSnapshot<N> {
    return { quarter: [...this.quarter], year: [...this.year], used: this.used };
  }

  restore(snapshot: AccrualsSnapshot<N>): void {
    snapshot.quarter.forEach((v, i) => (this.quarter[i] = v));
    snapshot.year.forEach((v, i) => (this.year[i] = v));
    this.used = snapshot.used;
  }

  /** A new contract year: nothing paid yet. */
  reset(): void {
    if (!this.used) return;
    this.used = false;
    this.quarter.fill(this.ar.zero);
    this.year.fill(this.ar.zero);
  }
}

export interface AccrualsSnapshot<N> {
  readonly quarter: readonly N[];
  readonly year: readonly N[];
  readonly used: boolean;
}

/** Steps of a proportional credit: whole steps, or every started one; none below the threshold or for a step of zero. */
export function countSteps<N>(distance: N, step: N, rounding: 'full' | 'started', ops: StepArithmetic<N>): N {
  if (!ops.positive(step) || !ops.positive(distance)) return ops.none;
  return rounding === 'full' ? ops.floorDiv(distance, step) : ops.ceilDiv(distance, step);
}

export interface StepArithmetic<N> {
  readonly none: N;
  positive(value: N): boolean;
  floorDiv(a: N, b: N): N;
  ceilDiv(a: N, b: N): N;
}

/** Who owns a cap: for cuts in results and explanations. A rule's and a block's plans are their own owners. */
export interface CapOwner {
  readonly scope: number;
  readonly kind: 'rule' | 'block' | 'program';
  readonly owner: string;
}

export const PROGRAM_OWNER: CapOwner = { scope: PROGRAM_SCOPE, kind: 'program', owner: 'all credits' };

/** A cap that cut a credit, as the month decided it. */
export interface Cut<N> {
  readonly cap: CapPlan;
  readonly by: CapOwner;
  readonly limit: N;
  readonly already: N;
  readonly before: N;
  readonly after: N;
}

/**
 * One month's expressions, in a backend's arithmetic. `pays` is what a rule
 * whose condition holds credits before its caps: the credit (times its steps)
 * in money, never below zero.
 */
export interface MonthValues<N> {
  holds(rule: RulePlan): boolean;
  pays(rule: RulePlan): N;
  /** A cap's limit in money: a share of the fee of its period, points at the point rate, or an amount. */
  limit(cap: CapPlan): N;
  /**
   * A tier table's winner (`block.table`), found faster than by trying every
   * tier, and always the one `pickTier` would pick; -1: none holds;
   * undefined: try every tier.
   */
  tableWinner?(block: BlockPlan): number | undefined;
  /**
   * For `pay only if`: whether the condition holds when the period's credit
   * is `paid` (rounded, as `total_credit` always is) and `exact` (for
   * `total_credit_percent`).
   */
  payable?(condition: PayConditionPlan, paid: N, exact: N): boolean;
  /** For a `for each` block: how many items its list has this period. */
  items?(block: BlockPlan): number;
  /** For a `for each` block: the item its tiers see now (0-based); -1 when the block is done. */
  bindItem?(block: BlockPlan, index: number): void;
}

/** What the month decided, for an explanation or a bill's lines. All optional: billing observes only cuts. */
export interface MonthObserver<N> {
  rule?(rule: RulePlan, holds: boolean, amount: N): void;
  block?(block: BlockPlan, tiers: readonly { holds: boolean; amount: N }[] | undefined, winner: number, amount: N): void;
  cut?(cut: Cut<N>, tier: number): void;
  /** The period is not paid: this `pay only if` condition does not hold. */
  notPaid?(condition: PayConditionPlan, amount: N): void;
  /** A `for each` block's item: the tier that won it (-1: none), and what it pays before the block's caps. */
  item?(block: BlockPlan, index: number, count: number, winner: number, amount: N): void;
}

/**
 * One month: each credit in order (a rule after its own caps; a block's
 * highest tier — the first on ties — after the tier's and the block's caps),
 * added up, then the program's caps. Every scope accrues what it paid. The
 * result is the exact total, before rounding.
 *
 * Then `pay only if`: the conditions see the total as paid (rounded); when
 * one fails, the period pays nothing and counts nothing toward any cap.
 */
export function month<N>(plan: Plan, ar: Arithmetic<N>, values: MonthValues<N>, accruals: Accruals<N>, observer?: MonthObserver<N>): N {
  if (plan.payConditions.length === 0) return credits(plan, ar, values, accruals, observer);
  const before = accruals.snapshot();
  const exact = credits(plan, ar, values, accruals, observer);
  const paid = ar.paid(exact);
  const failed = plan.payConditions.find((condition) => !values.payable!(condition, paid, exact));
  if (!failed) return exact;
  accruals.restore(before);
  observer?.notPaid?.(failed, paid);
  return ar.zero;
}

function credits<N>(plan: Plan, ar: Arithmetic<N>, values: MonthValues<N>, accruals: Accruals<N>, observer?: MonthObserver<N>): N {
  let total = ar.zero;
  for (const credit of plan.credits) {
    if (credit.type === 'rule') {
      const rule = credit.rule;
      const holds = values.holds(rule);
      const amount = holds ? ruleAmount(rule, ar, values, accruals, observer, -1) : ar.zero;
      observer?.rule?.(rule, holds, amount);
      accruals.add(rule.scope, amount);
      total = ar.plus(total, amount);
      continue;
    }
    const block = credit.block;
    if (block.each) {
      total = ar.plus(total, eachItem(block, ar, values, accruals, observer));
      continue;
    }
    const fast = values.tableWinner?.(block);
    let winner = -1;
    let best = ar.zero;
    let tiers: { holds: boolean; amount: N }[] | undefined;
    if (fast !== undefined) {
      winner = fast;
      if (winner >= 0) best = ruleAmount(block.tiers[winner], ar, values, accruals, observer, winner);
    } else {
      // Every tier is tried: a tier's own caps may lower it below another.
      tiers = block.tiers.map((tier, i) => {
        const holds = values.holds(tier);
        return { holds, amount: holds ? ruleAmount(tier, ar, values, accruals, observer, i) : ar.zero };
      });
      winner = pickTier(ar, tiers);
      if (winner >= 0) best = tiers[winner].amount;
    }
    let amount = ar.zero;
    if (winner >= 0) {
      accruals.add(block.tiers[winner].scope, best);
      amount = applyCaps(block.caps, best, block, ar, values, accruals, observer, -1);
    }
    observer?.block?.(block, tiers, winner, amount);
    accruals.add(block.scope, amount);
    total = ar.plus(total, amount);
  }
  const exact = applyCaps(plan.caps, total, PROGRAM_OWNER, ar, values, accruals, observer, -1);
  accruals.add(PROGRAM_SCOPE, exact);
  return exact;
}

/**
 * A `for each` block: every item of its list through the tiers — each item's
 * highest tier wins, after the tier's own caps — added up, then the block's
 * caps on the sum. The block's scope accrues what it paid.
 */
function eachItem<N>(block: BlockPlan, ar: Arithmetic<N>, values: MonthValues<N>, accruals: Accruals<N>, observer: MonthObserver<N> | undefined): N {
  const count = values.items!(block);
  let sum = ar.zero;
  for (let i = 0; i < count; i++) {
    values.bindItem!(block, i);
    const tiers = block.tiers.map((tier, t) => {
      const holds = values.holds(tier);
      return { holds, amount: holds ? ruleAmount(tier, ar, values, accruals, observer, t) : ar.zero };
    });
    const winner = pickTier(ar, tiers);
    const amount = winner >= 0 ? tiers[winner].amount : ar.zero;
    if (winner >= 0) accruals.add(block.tiers[winner].scope, amount);
    observer?.item?.(block, i, count, winner, amount);
    sum = ar.plus(sum, amount);
  }
  values.bindItem!(block, -1);
  const amount = applyCaps(block.caps, sum, block, ar, values, accruals, observer, -1);
  observer?.block?.(block, undefined, -1, amount);
  accruals.add(block.scope, amount);
  return amount;
}

/** The tier that holds and pays the most, the first of equals; -1 when none holds. */
export function pickTier<N>(ar: Arithmetic<N>, tiers: readonly { holds: boolean; amount: N }[]): number {
  let winner = -1;
  for (let i = 0; i < tiers.length; i++) {
    if (tiers[i].holds && (winner < 0 || ar.greater(tiers[i].amount, tiers[winner].amount))) winner = i;
  }
  return winner;
}

/** Whether a tier paying `amount` replaces the best so far, paying `best`, in tier order: only when it pays more (first on ties). */
export function outranks(amount: number, best: number): boolean {
  return amount > best;
}

function ruleAmount<N>(rule: RulePlan, ar: Arithmetic<N>, values: MonthValues<N>, accruals: Accruals<N>, observer: MonthObserver<N> | undefined, tier: number): N {
  const amount = values.pays(rule);
  if (rule.caps.length === 0) return amount;
  return applyCaps(rule.caps, amount, rule, ar, values, accruals, observer, tier);
}

/**
 * Caps in order: each leaves room for its limit less what its scope already
 * paid in the cap's period (never below zero), and cuts what is over.
 */
function applyCaps<N>(caps: readonly CapPlan[], amount: N, by: CapOwner, ar: Arithmetic<N>, values: MonthValues<N>, accruals: Accruals<N>, observer: MonthObserver<N> | undefined, tier: number): N {
  for (const cap of caps) {
    const limit = values.limit(cap);
    const already = accruals.before(by.scope, cap.period);
    const left = ar.minus(limit, already);
    const room = ar.greater(left, ar.zero) ? left : ar.zero;
    if (ar.lessOrEqual(amount, room)) continue;
    observer?.cut?.({ cap, by, limit, already, before: amount, after: room }, tier);
    amount = room;
  }
  return amount;
}
