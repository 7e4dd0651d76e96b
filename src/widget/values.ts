/**
 * Input values between the page and the form: whatever a host, a link or an
 * example gives (`99.5`, `"99.5%"`, `"4h"`, `true`) becomes the plain decimal
 * string of the input's own unit that the field shows and the rules read.
 */
import type { InputInfo, InputValue } from '../runtime.js';

/** Seconds in each duration unit. */
export const SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600, d: 86400 };
const LITERAL = /^\s*(-?\d[\d_]*(?:\.\d+)?)\s*(%|min|s|h|d|[A-Za-z]{3})?\s*$/;

/**
 * The most characters a value may have: 30 digits (the language's limit)
 * with grouping, sign, decimals and a unit fit well within it. A longer one
 * is refused before it is read or formatted, so no value freezes the page.
 */
export const MAX_VALUE_LENGTH = 100;

export function tooLong(raw: InputValue): boolean {
  return String(raw).length > MAX_VALUE_LENGTH;
}

/** A value for a field, or undefined when it cannot be one. */
export function fieldValue(input: InputInfo, raw: InputValue | undefined): string | undefined {
  if (raw === undefined || raw === null || tooLong(raw)) return undefined;
  if (input.kind === 'boolean') return raw === true || raw === 'true' ? 'true' : raw === false || raw === 'false' ? 'false' : undefined;
  if (typeof raw === 'boolean') return undefined;
  const m = LITERAL.exec(String(raw));
  if (!m) return undefined;
  const value = m[1].replaceAll('_', '');
  const unit = m[2];
  if (input.kind === 'duration' && unit && unit in SECONDS && input.unit && unit !== input.unit) {
    // Only for display in the field's unit; 12 significant digits keep every realistic value exact.
    return String(Number(((Number(value) * SECONDS[unit]) / SECONDS[input.unit]).toPrecision(12)));
  }
  return value;
}

/** The unit text a field shows after its number. */
export function suffixOf(input: InputInfo, currency: string | undefined, units: Record<string, string>): string {
  switch (input.kind) {
    case 'percent': return '%';
    case 'money': return input.currency ?? currency ?? '';
    case 'duration': return units[input.unit ?? 'h'] ?? input.unit ?? '';
    default: return '';
  }
}
