/**
 * Computed values as results show them: shares of a fee in percent points,
 * and any value in the unit a person reads it in.
 */
import type * as A from '../ast.js';
import { Decimal, HUNDRED, moneyString, plain, ZERO } from '../decimal.js';
import { SECONDS_PER_UNIT } from '../literals.js';
import { isList, type Value } from './inputs.js';
import type { Display } from './results.js';

/** An amount as a share of a fee (0.1 for 10 %); zero of no fee. */
export function shareOf(amount: Decimal, fee: Decimal): Decimal {
  return fee.isZero() ? ZERO : amount.div(fee);
}

/** A share (0.1) as percent points ("10"), exact to ten decimal places. */
export function percentString(fraction: Decimal): string {
  return plain(fraction.times(HUNDRED).toDecimalPlaces(10, Decimal.ROUND_HALF_UP));
}

/** A computed value in the unit a person reads; durations in the largest whole unit. */
export function displayOf(value: Value, kind: A.Kind, currency: string | undefined, literal?: A.Literal): Display {
  if (literal) return { kind: literal.kind, value: literal.value, ...(literal.unit ? { unit: literal.unit } : {}), ...(literal.currency ? { currency: literal.currency } : {}) };
  if (typeof value === 'boolean') return { kind: 'boolean', value: String(value) };
  // A list input named in a condition (`count(outages) > 2`) shows how many items it has.
  if (isList(value)) return { kind: 'number', value: String(value.length) };
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
