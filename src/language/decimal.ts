/**
 * The one Decimal constructor of the language: a private clone, so a host page
 * that configures decimal.js for itself (`Decimal.set`) cannot change our
 * results, and we cannot change theirs. 40 significant digits is well above
 * the 28 the language promises; rounding is never applied silently — money is
 * rounded explicitly, once, by `roundMoney`.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import type { Literal } from './ast.js';
import { minorUnitDigits, SECONDS_PER_UNIT } from './literals.js';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/**
 * A literal's value in the unit the evaluator computes in: percentages as
 * fractions (99.5% → 0.995), durations in seconds, everything else as written.
 */
export function canonical(literal: Pick<Literal, 'kind' | 'value' | 'unit' | 'negative'>): Decimal {
  // A percentage's digits shifted two places, not divided: the same exact value (literals have at most
  // 30 digits, precision is 40), at a third of the cost for a form that reads thousands.
  let value = new Decimal(literal.kind === 'percent' ? `${literal.value}e-2` : literal.value);
  if (literal.kind === 'duration') value = value.times(SECONDS_PER_UNIT[literal.unit ?? 's']);
  return literal.negative ? value.neg() : value;
}

/** Half up, to the currency's minor unit (EUR 0.01, JPY 1). */
export function roundMoney(amount: Decimal, currency: string | undefined): Decimal {
  return amount.toDecimalPlaces(currency ? minorUnitDigits(currency) : 2, Decimal.ROUND_HALF_UP);
}

/** Money as the API writes it: rounded, with all the currency's minor digits ("100.00"). */
export function moneyString(amount: Decimal, currency: string | undefined): string {
  return roundMoney(amount, currency).toFixed(currency ? minorUnitDigits(currency) : 2);
}

/** A plain decimal string without exponent or trailing zeros: "10", "99.5". */
export function plain(value: Decimal): string {
  const text = value.toFixed();
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The exact sum of decimal strings, as a plain decimal string ("0" for none): for adding up amounts of results. */
export function addAmounts(...amounts: readonly string[]): string {
  return plain(amounts.reduce((sum, amount) => sum.plus(amount), ZERO));
}
