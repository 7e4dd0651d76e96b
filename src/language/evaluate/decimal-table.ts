/**
 * A tier table (`BlockPlan.table`) in exact decimals: how the exact
 * interpreter finds such a block's winner, for a run that writes no
 * explanation (`credit()`), from its input's value alone instead of working
 * out what each of its tiers pays. It decides with the values the tiers' own
 * compiled literals give, compared as conditions compare them, so it cannot
 * decide otherwise than trying every tier does (`pickTier`); where that is
 * not certain — a product with the fee that is not exact — it does not
 * decide, and every tier is tried.
 */
import type * as A from '../ast.js';
import { Decimal } from '../decimal.js';
import type { TierTablePlan } from '../plan/plan.js';
import { outranks } from '../plan/semantics.js';
import { RULES_PER_STEP } from '../plan/steps.js';

/** Which of below (bit 0), equal (bit 1) and above (bit 2) its threshold each comparison holds for. */
const HOLDS: Record<A.CompareOp, number> = { '<': 0b001, '<=': 0b011, '=': 0b010, '>=': 0b110, '>': 0b100, '!=': 0b101 };

export class DecimalTable {
  private constructor(
    private readonly percent: boolean,
    /** The distinct thresholds, ascending; each tier's threshold's index in them. */
    private readonly bounds: readonly Decimal[],
    private readonly at: Int32Array,
    /** Per tier, for which places of the value against its threshold it holds (`HOLDS`). */
    private readonly holds: Uint8Array,
    /** Per tier, its credit's rank among the table's: the amounts order so while multiplying by the fee is exact. */
    private readonly ranks: Int32Array,
    /** The most significant digits of a credit: with the fee's, whether its product is exact. */
    private readonly digits: number,
  ) {}

  /**
   * Ranks the table's thresholds and credits once, each a step of its own
   * for a large table. `threshold(i)` is tier i's threshold as its condition
   * compiles it; `credit(i)` its credit as compiled, never below zero.
   */
  static *ranking(table: TierTablePlan, threshold: (i: number) => Decimal, credit: (i: number) => Decimal): Generator<void, DecimalTable, void> {
    const large = table.ops.length > RULES_PER_STEP;
    if (large) yield;
    const bounds = yield* ranked(table.thresholds, threshold);
    if (large) yield;
    const credits = yield* ranked(table.credits, credit);
    const digits = Math.max(...credits.values.map((c) => c.sd()));
    return new DecimalTable(table.basis === 'percent', bounds.values, bounds.ranks, Uint8Array.from(table.ops, (op) => HOLDS[op]), credits.ranks, digits);
  }

  /**
   * The winner for the input's `value` — `pickTier`'s: the tier that holds
   * and pays the most, the first on ties; -1 when none holds — as long as
   * the amounts order as the credits. They do for money, and for shares of a
   * fee above zero whose products are exact (at most 40 digits); a fee of
   * zero makes every tier pay zero. Otherwise undefined: try every tier.
   */
  winner(value: Decimal, fee: Decimal): number | undefined {
    const none = this.percent && fee.isZero();
    if (this.percent && fee.isNegative()) return undefined;
    if (!none && this.digits + (this.percent ? fee.sd() : 1) > Decimal.precision) return undefined;
    // Where the value lies: `below` thresholds are under it, and it may equal the next.
    const { bounds, at, holds, ranks } = this;
    let [below, above] = [0, bounds.length];
    while (below < above) {
      const middle = (below + above) >>> 1;
      if (value.comparedTo(bounds[middle]) > 0) below = middle + 1;
      else above = middle;
    }
    const equal = below < bounds.length && value.comparedTo(bounds[below]) === 0 ? below : -1;
    let winner = -1;
    for (let i = 0; i < at.length; i++) {
      const j = at[i];
      // The value against this tier's threshold: above it (bit 2), equal (bit 1), below (bit 0).
      const bit = j < below ? 0b100 : j === equal ? 0b010 : 0b001;
      if ((holds[i] & bit) === 0) continue;
      if (none) return i;
      if (winner < 0 || outranks(ranks[i], ranks[winner])) winner = i;
    }
    return winner;
  }
}

/**
 * The values of literals ranked: the distinct values ascending, and each
 * literal's value's index in them. `value(i)` is literal i's value, asked
 * once per distinct text: a table's thousands of tiers repeat a few dozen,
 * but may not; a step for every few hundred, and one for the sort.
 */
function* ranked(literals: readonly A.Literal[], value: (i: number) => Decimal): Generator<void, { values: Decimal[]; ranks: Int32Array }, void> {
  const texts = new Map<string, number>();
  const written: Decimal[] = [];
  const textOf = new Int32Array(literals.length);
  for (let i = 0; i < literals.length; i++) {
    const literal = literals[i];
    const text = `${literal.kind} ${literal.negative ? '-' : ''}${literal.value} ${literal.unit ?? ''}`;
    let t = texts.get(text);
    if (t === undefined) {
      texts.set(text, (t = written.push(value(i)) - 1));
      // Each value is a compiled literal worked out: thousands of distinct ones are a few steps.
      if (written.length % RULES_PER_STEP === 0) yield;
    }
    textOf[i] = t;
  }
  if (literals.length > RULES_PER_STEP) yield;
  // Texts in order of value, sorted by their nearest doubles first: rounding keeps the order,
  // so only equal doubles need the exact comparison. Equal values written otherwise (`99.5%`, `99.50%`) are one.
  const near = written.map((v) => v.toNumber());
  const exactOrder = (a: number, b: number) => near[a] - near[b] || written[a].comparedTo(written[b]);
  const order = written.map((_, t) => t).sort(exactOrder);
  const values: Decimal[] = [];
  const rankOf = new Int32Array(written.length);
  let last = -1;
  for (const t of order) {
    if (last < 0 || exactOrder(last, t) !== 0) values.push(written[t]);
    rankOf[t] = values.length - 1;
    last = t;
  }
  return { values, ranks: textOf.map((t) => rankOf[t]) };
}
