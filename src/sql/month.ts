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
 * The month is written as derived tables nested in one another, each adding
 * to the row the values the next ones use (rooms, then rules' amounts, tiers'
 * winners, …), so every value is written once: no expression is copied into
 * another. Each level is named `m`, so a value reads `m."_room1"` at any
 * depth. (`LATERAL` subqueries said the same, but DuckDB decorrelates each
 * into a join on every column it reads: the month took most of the query.)
 *
 * Values that are NULL (not computable exactly) make the month NULL wherever
 * the interpreter would have computed them: a rule that does not hold never
 * looks at its pay or its caps.
 *
 * With an accruing cap whose room comes from a window (`accrual.ts`), the
 * month is split in two: `before` adds every value that does not read that
 * room (the levels below its scope's cap, their cut texts, and what the
 * scope would pay without the cap, for the window's running sum), `after`
 * the values that do (the cap and every level after it), over a row that
 * carries `before`'s values through the window. So each value is still
 * written, and computed, once.
 */
import type { Period } from '../language/ast.js';
import type { BlockPlan, CapPlan, Plan, RulePlan } from '../language/plan/plan.js';
import { PROGRAM_SCOPE } from '../language/plan/plan.js';
import { PROGRAM_OWNER, type CapOwner } from '../language/plan/semantics.js';
import type { Dialect } from './dialect.js';
import { cast, choose } from './expressions.js';
import { quoteIdentifier as id, quoteLiteral } from './quote.js';

/** Where a month's values are: columns of the row, and what each scope paid before this month. */
export interface MonthColumns {
  holds(rule: RulePlan): string;
  pays(rule: RulePlan): string;
  limit(cap: CapPlan): string;
  /** A `for each` block's items' best tiers, summed (before the block's caps). */
  each(block: BlockPlan): string;
  /** What `scope` paid before this month in the quarter or year so far (only for scopes that remember). */
  paidBefore(scope: number, period: Exclude<Period, 'monthly'>): string;
  /** The `pay only if` conditions, when the program has any. */
  readonly pay?: PaySql;
}

/** `pay only if`: whether the month pays, seeing its credit as paid and (when a condition reads it) its share of the fee. */
export interface PaySql {
  /** `total_credit_percent` of the exact credit; undefined when no condition reads it. */
  share?(exact: string): string;
  /** Every condition in order, as one test: the first that fails decides. */
  test(paid: string, share: string | undefined, exact: string): string;
}

export interface MonthSql {
  /** The FROM item: `source` (a FROM item named `m`) with the month's values added, level by level, again named `m`. */
  from(source: string): string;
  /** `from` in two steps: the values that do not read the accruing cap's room, then (over a source that carries them) the others. */
  before(source: string): string;
  after(source: string): string;
  /** With an accruing cap: what its scope would pay this month without it, rounded as paid (a value of `before`). */
  readonly unaccrued?: string;
  /** The month's exact credit (before rounding), at the money scale. */
  readonly exact: string;
  /** The cuts as the batch writes them, "; "-separated; NULL when none. */
  readonly cuts: string;
  /** Per scope that remembers: what it paid this month, rounded. */
  readonly paid: ReadonlyMap<number, string>;
}

/** An amount after caps, each cap's cut, and the amount without the accruing cap when it is one of them. */
interface Capped {
  readonly amount: string;
  readonly cuts: string[];
  readonly unaccrued?: string;
}

/** One level of the month: named values that later ones read, split into those `before` and `after` compute. */
class Layer {
  readonly before: string[] = [];
  readonly after: string[] = [];
  /** `late`: how the values of `after` read, shared by every level of a month. */
  constructor(private readonly late: Set<string>) {}

  /**
   * Adds a value; returns how later levels read it. It is `after`'s when it
   * is the accruing room (`late`) or reads a value of `after`: every value
   * is read as `m."name"`, a text no other reference contains (a false match,
   * such a text in a rule's name, would only compute a value after the window).
   */
  add(name: string, sql: string, late = false): string {
    const reference = `m.${id(name)}`;
    if (late || [...this.late].some((value) => sql.includes(value))) {
      this.late.add(reference);
      this.after.push(`${sql} AS ${id(name)}`);
    } else {
      this.before.push(`${sql} AS ${id(name)}`);
    }
    return reference;
  }
}

export class MonthWriter {
  constructor(
    private readonly plan: Plan,
    /** The money scale: every amount and limit is DECIMAL(38, money). */
    private readonly money: number,
    /** The currency's minor unit: what is paid is rounded to it. */
    private readonly digits: number,
    private readonly dialect: Dialect,
    /** The one accruing cap whose room comes from a window (`accrual.ts`): the month is computed before and after it. */
    private readonly accruing?: CapPlan,
  ) {}

  month(columns: MonthColumns): MonthSql {
    const late = new Set<string>();
    const layer = () => new Layer(late);
    const rooms = layer();
    const rules = layer();
    const winners = layer();
    const blocks = layer();
    const total = layer();
    const paid = new Map<number, string>();
    const cuts: string[] = [];
    const remember = (scope: number, amount: string) => {
      if (this.plan.remembers[scope]) paid.set(scope, this.round(amount));
    };
    const room = new Map<CapPlan, string>();
    const roomOf = (cap: CapPlan, scope: number) => {
      if (!room.has(cap)) room.set(cap, rooms.add(`_room${cap.id}`, this.room(cap, scope, columns), cap === this.accruing));
      return room.get(cap)!;
    };
    const roomsOf = (caps: readonly CapPlan[], scope: number) => caps.map((cap) => roomOf(cap, scope));

    // A scope's amount after its caps (`pays`: what the scope pays of it, zero when it does not hold or no tier
    // wins); when the accruing cap is one of them, also what it would pay without that cap, for the window's sum.
    let unaccrued: string | undefined;
    const scopeAmount = (level: Layer, name: string, capped: Capped, pays: (amount: string) => string) => {
      if (capped.unaccrued !== undefined) unaccrued = this.round(level.add('_unaccrued', pays(capped.unaccrued)));
      return level.add(name, pays(capped.amount));
    };
    // Each rule and each tier after its own caps.
    const ruleAmount = (rule: RulePlan) => {
      const capped = this.capped(rule.caps, columns.pays(rule), roomsOf(rule.caps, rule.scope), rule);
      return { amount: scopeAmount(rules, `_amount${rule.scope}`, capped, (amount) => choose(columns.holds(rule), amount, this.zero)), cuts: capped.cuts.map((cut, k) => rules.add(`_cut${rule.caps[k].id}`, `CASE WHEN ${columns.holds(rule)} THEN ${cut} END`)) };
    };
    const amounts: string[] = [];
    for (const credit of this.plan.credits) {
      if (credit.type === 'rule') {
        const rule = ruleAmount(credit.rule);
        cuts.push(...rule.cuts);
        remember(credit.rule.scope, rule.amount);
        amounts.push(rule.amount);
        continue;
      }
      const block = credit.block;
      if (block.each) {
        // Every item through the tiers (computed with the row), then the block's caps on the sum.
        const capped = this.capped(block.caps, columns.each(block), roomsOf(block.caps, block.scope), block);
        const amount = scopeAmount(total, `_amount${block.scope}`, capped, (amount) => amount);
        cuts.push(...capped.cuts);
        remember(block.scope, amount);
        amounts.push(amount);
        continue;
      }
      const tiers = block.tiers.map((tier) => ({ tier, holds: columns.holds(tier), ...ruleAmount(tier) }));
      const winner = winners.add(`_winner${block.scope}`, this.winner(tiers));
      const best = blocks.add(`_best${block.scope}`, `CASE ${winner} ${tiers.map((t, i) => `WHEN ${i} THEN ${t.amount}`).join(' ')} WHEN -1 THEN ${this.zero} END`);
      const capped = this.capped(block.caps, best, roomsOf(block.caps, block.scope), block);
      const amount = scopeAmount(total, `_amount${block.scope}`, capped, (amount) => choose(`${winner} >= 0`, amount, this.zero));
      tiers.forEach((t, i) => {
        cuts.push(...t.cuts.map((cut) => `CASE WHEN ${winner} = ${i} THEN ${cut} END`));
        remember(t.tier.scope, `CASE WHEN ${winner} = ${i} THEN ${best} ELSE ${this.zero} END`);
      });
      cuts.push(...capped.cuts.map((cut) => `CASE WHEN ${winner} >= 0 THEN ${cut} END`));
      remember(block.scope, amount);
      amounts.push(amount);
    }
    // Then the program's caps on the sum.
    const sum = layer();
    const summed = sum.add('_sum', amounts.length === 0 ? this.zero : cast(amounts.join(' + '), this.money));
    const final = layer();
    const capped = this.capped(this.plan.caps, summed, roomsOf(this.plan.caps, PROGRAM_SCOPE), PROGRAM_OWNER);
    let exact = scopeAmount(final, '_exact', capped, (amount) => amount);
    cuts.push(...capped.cuts.map((cut, k) => final.add(`_cut${this.plan.caps[k].id}`, cut)));
    remember(PROGRAM_SCOPE, exact);
    // `pay only if`: a month that fails pays nothing and counts nothing toward any cap.
    const paying = layer();
    const payable = layer();
    if (columns.pay) {
      const paidNow = paying.add('_paid', this.round(exact));
      const share = columns.pay.share ? paying.add('_share', columns.pay.share(exact)) : undefined;
      const pays = payable.add('_pays', columns.pay.test(paidNow, share, exact));
      exact = choose(pays, exact, this.zero);
      for (const [scope, amount] of paid) paid.set(scope, choose(pays, amount, cast('0', this.digits)));
    }
    const layers = [rooms, rules, winners, blocks, total, sum, final, paying, payable];
    const nest = (part: 'before' | 'after') => (source: string) =>
      layers.filter((level) => level[part].length > 0).reduce((inner, level) => `(SELECT m.*, ${level[part].join(', ')} FROM ${inner}) AS m`, source);
    const before = nest('before');
    const after = nest('after');
    return { from: (source) => after(before(source)), before, after, unaccrued, exact, cuts: cuts.length === 0 ? 'CAST(NULL AS VARCHAR)' : `NULLIF(concat_ws('; ', ${cuts.join(', ')}), '')`, paid };
  }

  /**
   * The winning tier's index: the highest that holds, the first of equals
   * (`pickTier`); -1 when none holds. NULL when a tier that the interpreter
   * would compute cannot be computed.
   */
  private winner(tiers: readonly { holds: string; amount: string }[]): string {
    const wins = tiers.map((t, i) => [t.holds, ...tiers.flatMap((other, j) => (j === i ? [] : [`(NOT ${other.holds} OR ${t.amount} ${j < i ? '>' : '>='} ${other.amount})`]))].join(' AND '));
    const uncomputable = tiers.map((t) => `${t.amount} IS NULL`).join(' OR ');
    return `CASE WHEN ${uncomputable} THEN NULL ${wins.map((w, i) => `WHEN ${w} THEN ${i}`).join(' ')} ELSE -1 END`;
  }

  /**
   * An amount after caps: the least of the amount and every cap's room, NULL
   * if any is (LEAST would skip a NULL). Each cap's cut, when it cuts. When
   * the accruing cap is one of them: the amount without it.
   */
  private capped(caps: readonly CapPlan[], amount: string, rooms: readonly string[], by: CapOwner): Capped {
    if (caps.length === 0) return { amount, cuts: [] };
    const least = (values: readonly string[]) => (values.length === 1 ? values[0] : `CASE WHEN ${values.map((v) => `${v} IS NULL`).join(' OR ')} THEN NULL ELSE LEAST(${values.join(', ')}) END`);
    const cuts = caps.map((cap, k) => {
      const before = least([amount, ...rooms.slice(0, k)]);
      const text = quoteLiteral(`${cap.period} cap on ${by.owner} (line ${cap.line}): -`);
      return `CASE WHEN ${before} > ${rooms[k]} THEN ${text} || ${this.dialect.roundedText(`${before} - ${rooms[k]}`, this.money, this.digits)} END`;
    });
    const accruing = this.accruing ? caps.indexOf(this.accruing) : -1;
    return { amount: least([amount, ...rooms]), cuts, unaccrued: accruing < 0 ? undefined : least([amount, ...rooms.filter((_, k) => k !== accruing)]) };
  }

  /** A cap's limit less what its scope paid before in its period, never below zero. */
  private room(cap: CapPlan, scope: number, columns: MonthColumns): string {
    const limit = columns.limit(cap);
    const left = cap.period === 'monthly' ? limit : cast(`${limit} - ${columns.paidBefore(scope, cap.period)}`, this.money);
    return `CASE WHEN ${left} > 0 THEN ${left} WHEN ${left} <= 0 THEN ${this.zero} END`;
  }

  /** An amount at the money scale as paid: half up to the minor unit. */
  round(amount: string): string {
    return this.dialect.round(amount, this.money, this.digits);
  }

  private get zero(): string {
    return cast('0', this.money);
  }
}
