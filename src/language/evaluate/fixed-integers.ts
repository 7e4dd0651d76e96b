/**
 * The fast path's numbers: exact integer arithmetic on doubles (every result
 * checked to stay below 2^53, divisions exact despite floating point), and
 * amounts at a scale written as the result's decimal strings.
 */
import type { Arithmetic, StepArithmetic } from '../plan/semantics.js';

export const MAX = Number.MAX_SAFE_INTEGER;
/** The most decimal places any planned value may have: 10^15 × a digit stays below 2^53. */
export const MAX_SCALE = 15;
export const POW = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Thrown mid-evaluation when exactness cannot be proven; the decimal evaluator takes over. */
export const INEXACT = Symbol('inexact');
/** Thrown while planning: this program has no fast path. */
export const UNPLANNED = Symbol('unplanned');

export function safe(x: number): number {
  if (x > MAX || x < -MAX) throw INEXACT;
  return x;
}

const HALF_MAX = 2 ** 52;

/** ⌊a / b⌋ for integers a ≥ 0, b > 0, exact despite the floating-point division. */
function floorDiv(a: number, b: number): number {
  // Below 2^52 each, q × b ≤ a + b stays exact, and so does the remainder.
  if (a > HALF_MAX || b > HALF_MAX) throw INEXACT;
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (r < 0) q--;
  else if (r >= b) q++;
  return q;
}

/** a / b rounded half up, for safe integers a ≥ 0, b > 0. */
function roundDiv(a: number, b: number): number {
  const q = floorDiv(a, b);
  return 2 * (a - q * b) >= b ? q + 1 : q;
}

/** An integer count of 10^-scale as a plain decimal string: (12345, 3) → "12.345", (1200, 2) → "12". */
function decimalText(n: number, scale: number, keepZeros: boolean): string {
  if (scale === 0) return digits(n);
  const whole = floorDiv(n, POW[scale]);
  let rest = n - whole * POW[scale];
  if (!keepZeros) {
    if (rest === 0) return digits(whole);
    while (rest % 10 === 0) {
      rest /= 10;
      scale--;
    }
  }
  // One concatenation, not two: the point comes with the fraction.
  return digits(whole) + (scale <= 3 ? FRACTIONS[scale][rest] : `.${String(rest).padStart(scale, '0')}`);
}

// Number-to-string conversion is the dearest step of formatting: small numbers come from tables.
const SMALL = Array.from({ length: 1000 }, (_, i) => String(i));
/** Fractions of one to three places with their point: FRACTIONS[2][5] is ".05". */
const FRACTIONS = [[], ...[1, 2, 3].map((places) => Array.from({ length: 10 ** places }, (_, i) => `.${String(i).padStart(places, '0')}`))];

export function digits(n: number): string {
  return n < 1000 ? SMALL[n] : String(n);
}


/** Scaled-integer arithmetic on money at one scale, paying in the minor unit `unit`. */
export class FixedArithmetic implements Arithmetic<number> {
  readonly zero = 0;
  constructor(private readonly unit: number) {}
  plus(a: number, b: number): number {
    return safe(a + b);
  }
  minus(a: number, b: number): number {
    return safe(a - b);
  }
  lessOrEqual(a: number, b: number): boolean {
    return a <= b;
  }
  greater(a: number, b: number): boolean {
    return a > b;
  }
  paid(amount: number): number {
    return amount <= 0 ? 0 : roundDiv(amount, this.unit) * this.unit;
  }
}

export const STEPS: StepArithmetic<number> = {
  none: 0,
  positive: (value) => value > 0,
  floorDiv,
  ceilDiv: (a, b) => {
    const q = floorDiv(a, b);
    return q * b < a ? q + 1 : q;
  },
};


/** Fixed-point amounts as the result's decimal strings. */
export class Texts {
  constructor(
    private readonly scale: number,
    private readonly places: number,
    private readonly feeScale: number,
  ) {}

  private readonly zero = (0).toFixed(this.places);
  /** The minor unit at the money scale. */
  readonly unit = POW[this.scale - this.places];

  // The last answers: the months of a year often repeat a credit. (Numbers in a typed
  // array: stored in an object, each new double would be a new heap number.)
  private readonly keys = new Float64Array([NaN, NaN, NaN]);
  private texts = { money: '', share: '' };

  /** Money rounded half up to the minor unit, with all its places: "100.00". */
  money(amount: number): string {
    // Most months of most contracts pay nothing.
    if (amount === 0) return this.zero;
    if (amount !== this.keys[0]) {
      this.texts.money = decimalText(this.unit === 1 ? amount : roundDiv(amount, this.unit), this.places, true);
      this.keys[0] = amount;
    }
    return this.texts.money;
  }

  /** The exact share of a fee in percent, to ten places, half up — as `percentString`. */
  share(amount: number, fee: number): string {
    if (amount === 0) return '0';
    if (amount !== this.keys[1] || fee !== this.keys[2]) {
      // percent × 10^10 = amount / fee × 10^12, with both at their scales.
      this.texts.share = decimalText(quotient(amount, 12 + this.feeScale - this.scale, fee), 10, false);
      this.keys[1] = amount;
      this.keys[2] = fee;
    }
    return this.texts.share;
  }
}

/** The most digits k ≤ 15 with b × 10^k within 2^52: how far a remainder below b may be shifted for `floorDiv`. */
function digitsBelow(b: number): number {
  let k = 15;
  while (k > 0 && b > LIMITS[k]) k--;
  return k;
}
const LIMITS = POW.map((p) => Math.floor(HALF_MAX / p));

/**
 * a × 10^shift / b, rounded half up, for safe integers a ≥ 0 and b > 0: a long
 * division that takes as many digits at a time as keep the remainder exact.
 */
export function quotient(a: number, shift: number, b: number): number {
  if (shift < 0) return roundDiv(a, safe(b * POW[-shift]));
  let q = floorDiv(a, b);
  let r = a - q * b;
  const step = digitsBelow(b);
  if (step === 0 && shift > 0) throw INEXACT;
  for (let left = shift; left > 0; left -= step) {
    const k = Math.min(left, step);
    r *= POW[k];
    const next = floorDiv(r, b);
    q = safe(q * POW[k] + next);
    r -= next * b;
  }
  return 2 * r >= b ? q + 1 : q;
}

