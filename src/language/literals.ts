/**
 * Reading quantities as written — in source literals, in `--set` values on the
 * command line and in a form field — and the currency facts they need.
 * Shared by the AST builder, the evaluator's input parsing and the CLI, so a
 * value means the same wherever it is typed.
 */
import type { DurationUnit, Kind } from './ast.js';

export interface Quantity {
  readonly kind: Kind;
  /** The number in the literal's own unit, without grouping underscores: "99.5" for 99.5%. */
  readonly value: string;
  readonly unit?: DurationUnit;
  readonly currency?: string;
  readonly negative?: boolean;
}

/** Most significant digits a literal may have: beyond this a number is a typo or an attack (see limits.ts). */
export const MAX_LITERAL_DIGITS = 30;

const NUMBER = String.raw`\d(?:_?\d)*(?:\.\d(?:_?\d)*)?`;
const QUANTITY = new RegExp(
  String.raw`^(-)?\s*(${NUMBER})\s*(?:(%)|(min|s|h|d)|(points?)|([A-Za-z]+))?$`,
);

/** Parses one literal such as `99.5%`, `1_200 EUR`, `30min`, `2 points`, `true`. Returns undefined when it is none. */
export function parseQuantity(text: string): Quantity | undefined {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return { kind: 'boolean', value: trimmed };
  const m = QUANTITY.exec(trimmed);
  if (!m) return undefined;
  const [, minus, digits, percent, unit, points, currency] = m;
  const value = digits.replaceAll('_', '');
  const negative = minus ? { negative: true } : {};
  if (percent) return { kind: 'percent', value, ...negative };
  if (unit) return { kind: 'duration', value, unit: unit as DurationUnit, ...negative };
  if (currency) return { kind: 'money', value, currency: currency.toUpperCase(), ...negative };
  if (points) return { kind: 'points', value, ...negative };
  return { kind: 'number', value, ...negative };
}

export function significantDigits(value: string): number {
  return value.replace('.', '').replace(/^0+/, '').length;
}

let knownCurrencies: Set<string> | undefined;

/** ISO 4217 codes, as the platform's Intl knows them, and those of our own minor-unit table (Intl leaves out funds codes such as CLF and UYW). */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (MINOR_UNITS.indexOf(code) % 4 === 0) return true;
  if (!knownCurrencies) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    knownCurrencies = new Set(intl.supportedValuesOf?.('currency') ?? []);
  }
  // Without `supportedValuesOf`, accept any three capital letters rather than reject real codes.
  return knownCurrencies.size === 0 || knownCurrencies.has(code);
}

/**
 * The currencies whose minor unit is not a hundredth, each code followed by
 * its digits: ISO 4217 as CLDR 48 gives it (the data behind Intl in Node 20
 * and Chromium 156), historic codes included. A table rather than Intl: an
 * amount rounds the same on every server and in every browser, whatever the
 * version of its ICU data (for HUF, COP, IDR and PKR, CLDR 48 says whole
 * units where ISO 4217 says hundredths), and reading it costs no start-up.
 */
const MINOR_UNITS =
  'ADP0AFN0ALL0BIF0BYR0CLP0COP0DJF0ESP0GNF0HUF0IDR0IQD0IRR0ISK0ITL0JPY0KMF0KPW0KRW0LAK0LBP0LUF0MGA0MGF0MMK0MRO0PKR0PYG0RWF0' +
  'SLL0SOS0STD0SYP0TMM0TRL0UGX0UYI0VND0VUV0XAF0XOF0XPF0YER0ZMK0ZWD0BHD3JOD3KWD3LYD3OMR3TND3CLF4UYW4';

/** The digits of the currencies asked for so far: every amount of a result asks (a month of a large block, thousands of times). */
const digitsOf = new Map<string, number>();

/** Digits after the decimal point of the currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  const known = digitsOf.get(currency);
  if (known !== undefined) return known;
  // In any case, as Intl reads codes (a host may set `currency="jpy"`).
  const code = currency.toUpperCase();
  const at = MINOR_UNITS.indexOf(code);
  // A code starts every fourth character: anything else found is no code.
  const digits = at < 0 || at % 4 !== 0 || code.length !== 3 ? 2 : Number(MINOR_UNITS[at + 3]);
  // Only codes are kept, so any text a caller passes cannot grow the memo without bound.
  if (/^[A-Za-z]{3}$/.test(currency)) digitsOf.set(currency, digits);
  return digits;
}

export const SECONDS_PER_UNIT: Record<DurationUnit, number> = { s: 1, min: 60, h: 3600, d: 86400 };
