/**
 * A month of credits in SQL: `plan/semantics.ts`'s `month` restated as one
 * row's expressions, because a query cannot call back into TypeScript. It is
 * the only place the SQL backend restates a rule, and the differential tests
 * (`test/sql/`) hold it equal to the exact interpreter:
 *
 * - each credit in order: a rule's pay after its own caps (monthly, quarterly,
 *   yearly, as lowering sorted them); a block's highest tier after the tier's
 *   caps, the first on ties, then the block's caps; then the program's caps
 *   on the sum;
 * - a cap's room is its limit less what its scope already paid in the cap's
 *   period, never below zero, and it cuts what is over (`applyCaps`);
 * - every scope that remembers adds what it paid, rounded half up to the
 *   minor unit ("caps count what was paid", `Accruals`).
 *
 * Values that are NULL (not computable exactly) make the month NULL wherever
 * the interpreter would have computed them: a rule that does not hold never
 * looks at its pay or its caps.
 */
import type { Period } from '../language/ast.js';
import type { BlockPlan, CapPlan, Plan, RulePlan } from '../language/plan/plan.js';
import { PROGRAM_SCOPE } from '../language/plan/plan.js';
import { PROGRAM_OWNER, type CapOwner } from '../language/plan/semantics.js';
import { cast, choose } from './expressions.js';
import { quoteLiteral } from './quote.js';

/** Where a month's values are: columns of the row, and what each scope paid before this month. */
export interface MonthColumns {
  holds(rule: RulePlan): string;
  pays(rule: RulePlan): string;
  limit(cap: CapPlan): string;
  /** What `scope` paid before this month in the quarter or year so far (only for scopes that remember). */
  paidBefore(scope: number, period: Exclude<Period, 'monthly'>): string;
}

export interface MonthSql {
  /** The month's exact credit (before rounding), at the money scale. */
  readonly exact: string;
  /** The cuts as the batch writes them, "; "-separated; NULL when none. */
  readonly cuts: string;
  /** Per scope that remembers: what it paid this month, rounded. */
  readonly paid: ReadonlyMap<number, string>;
}

export class MonthWriter {
  constructor(
    private readonly plan: Plan,
    /** The money scale: every amount and limit is DECIMAL(38, money). */
    private readonly money: number,
    /** The currency's minor unit: what is paid is rounded to it. */
    private readonly digits: number,
  ) {}

  month(columns: MonthColumns): MonthSql {
    const paid = new Map<number, string>();
    const cuts: string[] = [];
    const amounts: string[] = [];
    const remember = (scope: number, amount: string) => {
      if (this.plan.remembers[scope]) paid.set(scope, this.round(amount));
    };
    for (const credit of this.plan.credits) {
      if (credit.type === 'rule') {
        const rule = credit.rule;
        const capped = this.capped(rule.caps, columns.pays(rule), rule, columns);
        const amount = choose(columns.holds(rule), capped.amount, this.zero);
        cuts.push(...capped.cuts.map((cut) => `CASE WHEN ${columns.holds(rule)} THEN ${cut} END`));
        remember(rule.scope, amount);
        amounts.push(amount);
      } else {
        const block = this.block(credit.block, columns);
        cuts.push(...block.cuts);
        for (const [scope, amount] of block.paid) remember(scope, amount);
        amounts.push(block.amount);
      }
    }
    const total = amounts.length === 0 ? this.zero : cast(amounts.join(' + '), this.money);
    const program = this.capped(this.plan.caps, total, PROGRAM_OWNER, columns);
    cuts.push(...program.cuts);
    remember(PROGRAM_SCOPE, program.amount);
    return { exact: program.amount, cuts: cuts.length === 0 ? 'CAST(NULL AS VARCHAR)' : `NULLIF(concat_ws('; ', ${cuts.join(', ')}), '')`, paid };
  }

  /**
   * A block: every tier is tried (a tier's own caps may lower it below
   * another); the highest that holds wins, the first of equals. Any tier that
   * holds but cannot be computed leaves the block uncomputed, as the
   * interpreter stops there.
   */
  private block(block: BlockPlan, columns: MonthColumns): { amount: string; cuts: string[]; paid: Map<number, string> } {
    const tiers = block.tiers.map((tier) => {
      const capped = this.capped(tier.caps, columns.pays(tier), tier, columns);
      return { tier, holds: columns.holds(tier), amount: choose(columns.holds(tier), capped.amount, this.zero), cuts: capped.cuts };
    });
    const wins = tiers.map((t, i) => {
      const beats = tiers.flatMap((other, j) => (j === i ? [] : [`(NOT ${other.holds} OR ${t.amount} ${j < i ? '>' : '>='} ${other.amount})`]));
      return [t.holds, ...beats].join(' AND ');
    });
    const computable = tiers.map((t) => `${t.amount} IS NOT NULL`).join(' AND ');
    const best = `CASE WHEN NOT (${computable}) THEN NULL ${wins.map((w, i) => `WHEN ${w} THEN ${tiers[i].amount}`).join(' ')} ELSE ${this.zero} END`;
    const anyHolds = `CASE WHEN NOT (${computable}) THEN NULL WHEN ${tiers.map((t) => t.holds).join(' OR ')} THEN TRUE ELSE FALSE END`;
    const capped = this.capped(block.caps, best, block, columns);
    const amount = choose(anyHolds, capped.amount, this.zero);
    const paid = new Map<number, string>();
    tiers.forEach((t, i) => paid.set(t.tier.scope, `CASE WHEN ${wins[i]} THEN ${best} ELSE ${this.zero} END`));
    paid.set(block.scope, amount);
    const cuts = [
      ...tiers.flatMap((t, i) => t.cuts.map((cut) => `CASE WHEN ${wins[i]} THEN ${cut} END`)),
      ...capped.cuts.map((cut) => `CASE WHEN ${anyHolds} THEN ${cut} END`),
    ];
    return { amount, cuts, paid };
  }

  /**
   * An amount after caps: the least of the amount and every cap's room, NULL
   * if any is (LEAST would skip a NULL). Each cap's cut, when it cuts.
   */
  private capped(caps: readonly CapPlan[], amount: string, by: CapOwner, columns: MonthColumns): { amount: string; cuts: string[] } {
    if (caps.length === 0) return { amount, cuts: [] };
    const rooms = caps.map((cap) => this.room(cap, by.scope, columns));
    const least = (values: readonly string[]) => (values.length === 1 ? values[0] : `CASE WHEN ${values.map((v) => `${v} IS NULL`).join(' OR ')} THEN NULL ELSE LEAST(${values.join(', ')}) END`);
    const cuts = caps.map((cap, k) => {
      const before = least([amount, ...rooms.slice(0, k)]);
      const text = quoteLiteral(`${cap.period} cap on ${by.owner} (line ${cap.line}): -`);
      return `CASE WHEN ${before} > ${rooms[k]} THEN ${text} || CAST(${this.round(`${before} - ${rooms[k]}`)} AS VARCHAR) END`;
    });
    return { amount: least([amount, ...rooms]), cuts };
  }

  /** A cap's limit less what its scope paid before in its period, never below zero. */
  private room(cap: CapPlan, scope: number, columns: MonthColumns): string {
    const limit = columns.limit(cap);
    if (cap.period === 'monthly') return `CASE WHEN ${limit} > 0 THEN ${limit} WHEN ${limit} <= 0 THEN ${this.zero} END`;
    const left = cast(`${limit} - ${columns.paidBefore(scope, cap.period)}`, this.money);
    return `CASE WHEN ${left} > 0 THEN ${left} WHEN ${left} <= 0 THEN ${this.zero} END`;
  }

  /** As paid: half up to the minor unit. */
  round(amount: string): string {
    return cast(`round(${amount}, ${this.digits})`, this.digits);
  }

  private get zero(): string {
    return cast('0', this.money);
  }
}
