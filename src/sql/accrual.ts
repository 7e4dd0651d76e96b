/**
 * What a scope paid before this month under its quarterly or yearly cap,
 * with window functions instead of a recursive query, where that is provably
 * the same: one scope remembers, with one accruing cap whose limit is the
 * same all period long, and no `pay only if` can take a month back.
 *
 * Why it holds: let q be what the scope would pay in a month without that
 * cap (never below zero), C the cap's limit, and P what the scope paid
 * before. The month pays round(min(q, max(0, C − P))), and since P is in
 * whole minor units and rounding is monotone, that is min(round q, max(0,
 * round C − P)). So P after the month is min(P + round q, Ĉ) with Ĉ =
 * max(0, round C), and by induction over the months P = min(S, Ĉ), S the
 * running sum of round q. A month that the interpreter cannot compute
 * (q NULL) leaves P NULL for the rest of the period, as the recursion does.
 *
 * Other plans (two scopes that remember, a tier's own accruing cap — its
 * pay decides which tier wins —, two accruing caps on one scope, a limit
 * that reads an input or points, `pay only if`) keep the recursive query.
 */
import * as A from '../language/ast.js';
import type { CapPlan, Plan } from '../language/plan/plan.js';
import { PROGRAM_SCOPE } from '../language/plan/plan.js';
import { cast } from './expressions.js';
import { quoteIdentifier as id } from './quote.js';

export interface WindowAccrual {
  /** The one scope that remembers. */
  readonly scope: number;
  /** Its one quarterly or yearly cap. */
  readonly cap: CapPlan;
}

/** The scope and cap whose accrual windows compute, or undefined when the plan needs the recursion. */
export function windowAccrual(plan: Plan): WindowAccrual | undefined {
  if (plan.payConditions.length > 0) return undefined;
  const remembering = plan.remembers.flatMap((r, scope) => (r ? [scope] : []));
  if (remembering.length !== 1) return undefined;
  const scope = remembering[0];
  const caps = scope === PROGRAM_SCOPE ? plan.caps : plan.credits.flatMap((c) => (c.type === 'rule' ? (c.rule.scope === scope ? [c.rule.caps] : []) : c.block.scope === scope ? [c.block.caps] : []))[0];
  // undefined: a tier's scope.
  if (!caps) return undefined;
  const accruing = caps.filter((cap) => cap.period !== 'monthly');
  if (accruing.length !== 1) return undefined;
  const cap = accruing[0];
  // A limit of constants, or a share of the period's fee: the same all period long.
  if (cap.kind === 'points' || A.namesIn(cap.amount).length > 0) return undefined;
  return { scope, cap };
}

/** The quarter of a month column, 1 to 4. */
export function quarterOf(month: string): string {
  return `CASE WHEN ${month} <= 3 THEN 1 WHEN ${month} <= 6 THEN 2 WHEN ${month} <= 9 THEN 3 ELSE 4 END`;
}

/**
 * A customer's contract year (or its quarter) as a window, its columns read
 * with `row` before them (`m.` or nothing): `all` its rows in no order
 * (what an aggregate of the whole year needs: DuckDB aggregates an ordered
 * frame of the whole partition row by row, `bit_or` slowest), `last` in
 * month order up to the last, `before` the months before the row's. The
 * ordered two are the same order, so an engine sorts the rows once for both.
 */
export function yearWindow(row: string, frame: 'all' | 'last' | 'before', quarter = false): string {
  const month = `${row}${id('_month')}`;
  const partition = `PARTITION BY ${[`${row}${id('_customer')}`, `${row}${id('_solo')}`, ...(quarter ? [quarterOf(month)] : [])].join(', ')}`;
  if (frame === 'all') return partition;
  return `${partition} ORDER BY ${month} ROWS BETWEEN UNBOUNDED PRECEDING AND ${frame === 'last' ? 'UNBOUNDED FOLLOWING' : '1 PRECEDING'}`;
}

/** Whether the cap starts afresh each period: a quarterly cap under quarters. Nothing was paid before. */
const afresh = (accrual: WindowAccrual, period: Plan['period']) => accrual.cap.period === 'quarterly' && period !== 'monthly';

/**
 * The window columns of the row `m` that sum what the scope would have paid
 * in the months before without the cap (`free`, rounded as paid), and
 * whether one of them cannot be computed; none when nothing was paid before.
 */
export function paidSoFar(accrual: WindowAccrual, period: Plan['period'], free: string): string[] {
  if (afresh(accrual, period)) return [];
  const window = `OVER (${yearWindow('m.', 'before', accrual.cap.period === 'quarterly')})`;
  return [`sum(${free}) ${window} AS ${id('_paid')}`, `bool_or(${free} IS NULL) ${window} AS ${id('_paid_unknown')}`];
}

/**
 * What the scope paid before the row's month, from `paidSoFar`'s columns
 * of the row `m`: the sum, but no more than the cap's `limit` rounded
 * (`round` rounds as paid); NULL when a month before cannot be computed
 * (no month before: `bool_or` of nothing is NULL, and the sum is zero).
 */
export function paidBeforeSql(accrual: WindowAccrual, period: Plan['period'], limit: string, round: (amount: string) => string, money: number): string {
  const zero = cast('0', money);
  if (afresh(accrual, period)) return zero;
  // Every operand at one scale: DuckDB unifies DECIMAL(38, 2) and DECIMAL(38, 0) as DECIMAL(38, 0).
  const most = `GREATEST(${cast(round(limit), money)}, ${zero})`;
  return `CASE WHEN m.${id('_paid_unknown')} THEN NULL ELSE LEAST(${cast(`COALESCE(m.${id('_paid')}, ${round(zero)})`, money)}, ${most}) END`;
}
