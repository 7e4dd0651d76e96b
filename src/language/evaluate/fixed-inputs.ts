/**
 * The fast path's inputs: how each input's values are held (scaled integers
 * at planned places, or, for an input only compared with constants, the
 * double as given), and the one-pass readers of given values that the exact
 * reader would accept the same way; NaN for anything else, which the exact
 * reader judges.
 */
import type * as A from '../ast.js';
import { canonical, Decimal } from '../decimal.js';
import { SECONDS_PER_UNIT, significantDigits } from '../literals.js';
import type { InputPlan as PlannedInput } from '../plan/plan.js';
import { MAX, MAX_SCALE, POW, safe, UNPLANNED } from './fixed-integers.js';
import type { InputValue } from './inputs.js';

export interface InputPlan {
  readonly name: string;
  readonly kind: A.InputKind;
  /** Decimal places accepted in the input's own unit (99.95 for a percent input: 2). */
  readonly places: number;
  /** Scale of the canonical value: places + 2 for a percent (a fraction). */
  readonly scale: number;
  /** Seconds per unit for a duration; 1 otherwise. */
  readonly unit: number;
  /** The default; NaN when there is none. */
  readonly fallback: number;
  /** The range (±Infinity when open), at the scale. */
  readonly min: number;
  readonly max: number;
  /**
   * Held as given, a double in the input's own unit, not scaled: the input is
   * only compared with constants of at most 15 significant digits, and such
   * a comparison of doubles decides as the exact one does (see `asGiven`).
   */
  readonly asGiven: boolean;
}


/** A planned constant: its exact digits as an integer, or no fast path. */
export function exactly(value: Decimal): { value: number; scale: number } {
  const scale = value.decimalPlaces();
  const scaled = value.times(`1e${scale}`);
  if (scale > MAX_SCALE || scaled.abs().gt(MAX)) throw UNPLANNED;
  return { value: Number(scaled.toFixed()), scale };
}


/** Decimal places a plain input number gets by default, in the input's own unit. */
const PLACES: Record<A.InputKind, number> = { percent: 4, money: 2, duration: 2, number: 4, boolean: 0 };

export function inputPlan(input: PlannedInput): InputPlan {
  const { spec, range } = input;
  if (input.comparedOnly) {
    // Every constant it meets has at most 15 significant digits (lowering made sure); so must the default.
    const fallback = spec.default ? givenConstant(spec.default) : NaN;
    if (spec.default && significantDigits(spec.default.value) > 15) throw UNPLANNED;
    const [min, max] = range ? [givenConstant(range.min), givenConstant(range.max)] : [-Infinity, Infinity];
    return { name: spec.name, kind: spec.kind, places: 0, scale: 0, unit: 1, fallback, min, max, asGiven: true };
  }
  const literals = [spec.default, spec.range?.min, spec.range?.max, spec.step].filter((l): l is A.Literal => l !== undefined);
  const places = spec.kind === 'boolean' ? 0 : Math.max(PLACES[spec.kind], ...literals.map((l) => new Decimal(l.value).decimalPlaces()));
  const scale = places + (spec.kind === 'percent' ? 2 : 0);
  if (scale > MAX_SCALE) throw UNPLANNED;
  const at = (literal: A.Literal | undefined) => {
    if (!literal) return undefined;
    if (spec.kind === 'boolean') return literal.value === 'true' ? 1 : 0;
    const { value, scale: own } = exactly(canonical(literal));
    return safe(value * POW[scale - own]);
  };
  const unit = input.unit ? SECONDS_PER_UNIT[input.unit] : 1;
  const [min, max] = range ? [at(range.min), at(range.max)] : [];
  // Every plan has every field, so that reading inputs sees one shape.
  return { name: spec.name, kind: spec.kind, places, scale, unit, fallback: at(spec.default) ?? NaN, min: min ?? -Infinity, max: max ?? Infinity, asGiven: false };
}

/** A constant of at most 15 significant digits as a double, in its own unit (99.5% → 99.5): exact to compare with. */
export function givenConstant(literal: A.Literal): number {
  const value = Number(literal.value);
  return literal.negative ? -value : value;
}


/**
 * A value given for an input held as given: a double in the input's own unit,
 * when it compares exactly as its decimal would; NaN otherwise (the reader
 * judges it). A number stands for its shortest decimal, the one the reader
 * reads; a text must have at most 15 significant digits, so that it is the
 * only such decimal of its double. Against a constant of at most 15
 * significant digits, rounding to doubles then keeps every order and
 * equality: decimals that differ cannot round to one double, and rounding
 * never reverses an order.
 */
function givenInput(plan: InputPlan, raw: InputValue, currency: string | undefined): number {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : NaN;
  if (typeof raw !== 'string') return NaN;
  let text = raw;
  if (plan.kind === 'percent' && text.endsWith('%')) text = text.slice(0, -1);
  else if (plan.kind === 'money' && text.length > 4 && text[text.length - 4] === ' ') {
    if (text.slice(-3) !== currency) return NaN;
    text = text.slice(0, -4);
  }
  if (!PLAIN_DECIMAL.test(text) || significantDigits(text.replace('-', '')) > 15) return NaN;
  return Number(text);
}
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A number in the input's own unit, or a plain literal of its kind (`99.5%`,
 * `4h`, `1200 EUR` in the rules' currency), as an exact scaled integer;
 * NaN for anything else, which the reader judges.
 */
export function fixedInput(plan: InputPlan, raw: InputValue, currency: string | undefined): number {
  if (plan.asGiven) return givenInput(plan, raw, currency);
  // A plain number, the usual value from code: short, so that it is compiled into its caller.
  if (typeof raw === 'number' && plan.kind !== 'boolean') {
    const scaled = Math.round(raw * POW[plan.places]);
    // Exact only if the number has at most `places` decimals; below 10^15 no other
    // decimal of as few digits is the same double, so the reader would read the same.
    if (scaled / POW[plan.places] !== raw || !(Math.abs(scaled) < 1e15) || (plan.kind === 'duration' && scaled < 0)) return NaN;
    return safe(scaled * plan.unit);
  }
  return fixedText(plan, raw, currency);
}

/** A boolean, or a literal's text (a CSV cell, `99.5%`) in one pass over its characters: `-`, digits, `.`, digits, a unit. */
function fixedText(plan: InputPlan, raw: InputValue, currency: string | undefined): number {
  if (plan.kind === 'boolean') return raw === true || raw === 'true' ? 1 : raw === false || raw === 'false' ? 0 : NaN;
  if (typeof raw !== 'string') return NaN;
  const text = raw;
  const length = text.length;
  // Every read stays within the text: one past its end would send V8's charCodeAt to its slow path (half the speed).
  let i = 0;
  const negative = length > 0 && text.charCodeAt(0) === 45; // -
  if (negative) i++;
  const wholeStart = i;
  let whole = 0;
  for (; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits + plan.places > 15) return NaN;
  let fraction = 0;
  let places = 0;
  if (i < length && text.charCodeAt(i) === 46) { // .
    const fractionStart = ++i;
    for (; i < length; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      fraction = fraction * 10 + d;
    }
    places = i - fractionStart;
    if (places === 0 || places > plan.places) return NaN;
  }
  let unit = plan.unit;
  if (i < length) {
    const suffix = text.slice(i);
    if (suffix === '%') {
      if (plan.kind !== 'percent') return NaN;
    } else if (suffix.length === 4 && suffix[0] === ' ') {
      if (plan.kind !== 'money' || suffix.slice(1) !== currency) return NaN;
    } else if (plan.kind === 'duration' && (suffix === 's' || suffix === 'min' || suffix === 'h' || suffix === 'd')) {
      unit = SECONDS_PER_UNIT[suffix];
    } else return NaN;
  }
  const scaled = whole * POW[plan.places] + fraction * POW[plan.places - places];
  if (negative && plan.kind === 'duration' && scaled > 0) return NaN;
  return safe((negative ? -scaled : scaled) * unit);
}
