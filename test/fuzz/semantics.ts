/**
 * Oracles for the property tests: what a result must satisfy, recomputed
 * from the generator's model of the program (not from the parser's tree), so
 * a parser that drops a cap is caught as surely as an evaluator that ignores one.
 */
import { Decimal } from '../../src/language/decimal.js';
import type { EvaluationResult, InputValue, InputValues, MonthResult } from '../../src/index.js';
import type { CapModel, ProgramModel } from './arbitraries.js';

export const MINOR_DIGITS: Record<string, number> = { EUR: 2, USD: 2, CHF: 2, JPY: 0, KWD: 3 };

const dec = (s: string | number) => new Decimal(String(s).replaceAll('_', ''));

/** Half a minor unit: the most one rounding moves an amount. */
export const halfUnit = (currency: string) => new Decimal(5).times(new Decimal(10).pow(-(MINOR_DIGITS[currency] + 1)));

export const roundMoney = (d: Decimal, currency: string) => d.toDecimalPlaces(MINOR_DIGITS[currency], Decimal.ROUND_HALF_UP);

/** The monthly fee of each month of the run, as the values give it (or the declared default). */
export function monthlyFees(model: ProgramModel, values: InputValues, months: number): Decimal[] {
  const raw = values.fee;
  const read = (v: InputValue | undefined) => dec(v === undefined ? model.fee.amount : String(v).replace(/[A-Z]+$/, '').trim());
  const list = Array.isArray(raw) ? (raw as InputValue[]) : undefined;
  return Array.from({ length: months }, (_, m) => {
    const fee = read(list ? list[m] : (raw as InputValue | undefined));
    return model.fee.period === 'yearly' ? fee.div(12) : fee;
  });
}

export interface Violation {
  readonly message: string;
}

interface Scope {
  readonly name: string;
  readonly caps: readonly CapModel[];
  /** The amount this scope accrued in each month. */
  readonly amounts: Decimal[];
}

/**
 * Every semantic property of one evaluation. `strictCaps` also demands that
 * the rounded amounts paid within a quarter or year stay within the rounded cap
 * (which rounding per month can break by a few minor units).
 */
export function checkResult(model: ProgramModel, values: InputValues, result: EvaluationResult, options: { strictCaps?: boolean } = {}): string[] {
  const problems: string[] = [];
  const year = result.mode === 'year';
  const months: readonly MonthResult[] = result.mode === 'year' ? result.periods : [result];
  const n = months.length;
  const fees = monthlyFees(model, values, n);
  const schedule = Array.from({ length: 12 }, (_, i) => fees[Math.min(i, n - 1)]);
  const yearly = schedule.reduce((a, b) => a.plus(b), new Decimal(0));
  const half = halfUnit(model.currency);
  const nonNegative = (what: string, s: string | null | undefined) => {
    if (s != null && dec(s).lt(0)) problems.push(`${what} is negative: ${s}`);
  };

  // No credit is negative.
  nonNegative('the credit', result.credit.amount);
  nonNegative('the credit share', result.credit.percentOfFee);
  months.forEach((m, i) => {
    nonNegative(`month ${i + 1} credit`, m.credit.amount);
    m.credits.forEach((c) => {
      nonNegative(`month ${i + 1} ${c.name}`, c.amount);
      nonNegative(`month ${i + 1} ${c.name} share`, c.percentOfFee);
      nonNegative(`month ${i + 1} ${c.name} points`, c.points);
      c.tiers?.forEach((t, j) => nonNegative(`month ${i + 1} ${c.name} tier ${j + 1}`, t.amount));
    });
  });

  // A year's total is the sum of its months, exactly; so is each credit's.
  if (result.mode === 'year') {
    const sum = months.reduce((s, m) => s.plus(m.credit.amount), new Decimal(0));
    if (!sum.eq(result.credit.amount)) problems.push(`the year's credit ${result.credit.amount} is not the sum of its months ${sum.toFixed()}`);
    result.credits.forEach((c, i) => {
      const s = months.reduce((acc, m) => acc.plus(m.credits[i].amount), new Decimal(0));
      if (!s.eq(c.amount)) problems.push(`the year's ${c.name} ${c.amount} is not the sum of its months ${s.toFixed()}`);
    });
  }

  // The credits of a month add up to its total when no `cap` statement cut it.
  months.forEach((m, i) => {
    if (m.cuts.length > 0) return;
    const sum = m.credits.reduce((s, c) => s.plus(c.amount), new Decimal(0));
    if (sum.minus(m.credit.amount).abs().gt(half.times(m.credits.length + 1))) problems.push(`month ${i + 1}: credits add up to ${sum.toFixed()}, but the total is ${m.credit.amount}`);
  });

  // Highest wins: a block pays its best matching tier, before its own caps.
  months.forEach((m, i) => {
    model.credits.forEach((credit, k) => {
      if (credit.type !== 'block') return;
      const line = m.credits[k];
      const tiers = line.tiers ?? [];
      const holding = tiers.filter((t) => t.holds);
      if (holding.length === 0) {
        if (line.winner !== undefined || !dec(line.amount).isZero()) problems.push(`month ${i + 1} block ${k + 1}: no tier holds, but it pays ${line.amount}`);
        return;
      }
      const best = Decimal.max(...holding.map((t) => t.amount));
      if (line.winner === undefined || !tiers[line.winner]?.holds) {
        problems.push(`month ${i + 1} block ${k + 1}: tiers hold but the winner is ${line.winner}`);
        return;
      }
      if (!dec(tiers[line.winner].amount).eq(best)) problems.push(`month ${i + 1} block ${k + 1}: the winner pays ${tiers[line.winner].amount}, the best tier ${best.toFixed()}`);
      if (dec(line.amount).gt(best)) problems.push(`month ${i + 1} block ${k + 1}: pays ${line.amount}, more than its best tier ${best.toFixed()}`);
      const blockCut = line.cuts.some((c) => c.scope === 'block');
      if (!blockCut && !dec(line.amount).eq(best)) problems.push(`month ${i + 1} block ${k + 1}: pays ${line.amount} without a block cut, but its best tier is ${best.toFixed()}`);
    });
  });

  // No cap is ever exceeded.
  const scopes: Scope[] = [];
  model.credits.forEach((credit, k) => {
    if (credit.type === 'rule') {
      scopes.push({ name: `rule ${k + 1}`, caps: credit.rule.caps, amounts: months.map((m) => dec(m.credits[k].amount)) });
      return;
    }
    scopes.push({ name: `block ${k + 1}`, caps: credit.block.caps, amounts: months.map((m) => dec(m.credits[k].amount)) });
    credit.block.tiers.forEach((tier, j) => {
      scopes.push({
        name: `block ${k + 1} tier ${j + 1}`,
        caps: tier.caps,
        amounts: months.map((m) => (m.credits[k].winner === j ? dec(m.credits[k].tiers![j].amount) : new Decimal(0))),
      });
    });
  });
  scopes.push({ name: 'all credits', caps: model.caps, amounts: months.map((m) => dec(m.credit.amount)) });

  const pointValue = (i: number) => (model.pointRate ? (model.pointRate.kind === 'money' ? dec(model.pointRate.value) : dec(model.pointRate.value).div(100).times(fees[i])) : new Decimal(0));
  const periodFee = (cap: CapModel, i: number) => {
    if (cap.period === 'monthly') return fees[i];
    if (cap.period === 'yearly') return yearly;
    if (!year) return fees[i].times(3);
    const q = Math.floor(i / 3) * 3;
    return schedule.slice(q, q + 3).reduce((a, b) => a.plus(b), new Decimal(0));
  };
  const limitOf = (cap: CapModel, i: number) =>
    cap.kind === 'percent' ? dec(cap.value).div(100).times(periodFee(cap, i)) : cap.kind === 'money' ? dec(cap.value) : dec(cap.value).times(pointValue(i));
  for (const scope of scopes) {
    for (const cap of scope.caps) {
      for (let i = 0; i < n; i++) {
        const first = cap.period === 'monthly' ? i : cap.period === 'quarterly' ? Math.floor(i / 3) * 3 : 0;
        const window = scope.amounts.slice(first, i + 1);
        const paid = window.reduce((a, b) => a.plus(b), new Decimal(0));
        const limit = Decimal.max(0, limitOf(cap, i));
        const rounded = roundMoney(limit, model.currency);
        // A cap only limits what a month adds: when its limit shrinks (a points cap at a
        // percent point rate, with a fee that changes per month), what was paid stays paid.
        const before = window.slice(0, -1).reduce((a, b) => a.plus(b), new Decimal(0));
        // Each month is rounded once, half up: at most half a minor unit each, beyond the exact cap.
        const allowed = options.strictCaps ? Decimal.max(rounded, before) : Decimal.max(limit, before).plus(half.times(window.length));
        if (paid.gt(allowed)) {
          problems.push(`${scope.name}: cap ${cap.value} ${cap.kind} ${cap.period} (limit ${limit.toFixed()}, rounded ${rounded.toFixed()}) exceeded by month ${i + 1}: ${paid.toFixed()} paid (${window.map((a) => a.toFixed()).join(' + ')})`);
        }
      }
    }
  }
  return problems;
}
