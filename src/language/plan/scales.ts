/**
 * The scales of exact results, for the backends that fix every number's
 * decimal places when a program is planned: the fast path's scaled integers
 * (`evaluate/fixed.ts`) and SQL's `DECIMAL(38, s)` (`sql/expressions.ts`).
 * A sum keeps the finer operand's places, a product the sum of both; a
 * quotient is taken at a few places more than its dividend, and is exact only
 * if it divides there without remainder — else the backend hands the value to
 * the exact interpreter, or leaves the row uncomputed.
 */

/** Places a quotient keeps beyond its dividend's (less its divisor's). */
export const QUOTIENT_PLACES = 8;

export const sumScale = (left: number, right: number) => Math.max(left, right);

export const productScale = (left: number, right: number) => left + right;

/** A quotient's scale, at most `max` (the backend's finest). */
export const quotientScale = (left: number, right: number, max: number) => Math.min(max, Math.max(left - right, 0) + QUOTIENT_PLACES);

/** How far the dividend's whole number is shifted so that the quotient of whole numbers lands at `quotientScale`. */
export const quotientShift = (left: number, right: number, scale: number) => scale - left + right;
