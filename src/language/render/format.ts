/**
 * Numbers, money, durations and percentages in the reader's language — for
 * the clause text, result explanations and the browser widget alike, so a
 * value reads the same everywhere. Everything works on the decimal string
 * itself: a value never passes through a JS float, so `99.95` can never come
 * out as `99.9499…`, and a contract term is shown exactly as it was written.
 */
import type { DurationUnit, Kind, Literal } from '../ast.js';
import { Decimal } from '../decimal.js';
import { minorUnitDigits } from '../literals.js';

export type Lang = 'en' | 'de';

/** U+00A0: keeps "99,5 %" and "1.200,00 EUR" on one line. */
const NBSP = '\u00A0';

interface Locale {
  readonly group: string;
  readonly decimal: string;
  readonly percent: (number: string) => string;
  readonly yes: string;
  readonly no: string;
  /** Singular and plural (nominative) of each unit; `formatDuration` gives the German dative. */
  readonly units: Record<DurationUnit | 'points', readonly [string, string]>;
}

const locales: Record<Lang, Locale> = {
  en: {
    group: ',',
    decimal: '.',
    percent: (n) => `${n}%`,
    yes: 'yes',
    no: 'no',
    units: {
      s: ['second', 'seconds'],
      min: ['minute', 'minutes'],
      h: ['hour', 'hours'],
      d: ['day', 'days'],
      points: ['point', 'points'],
    },
  },
  de: {
    group: '.',
    decimal: ',',
    // DIN 5008: a space between number and percent sign.
    percent: (n) => `${n}${NBSP}%`,
    yes: 'ja',
    no: 'nein',
    units: {
      s: ['Sekunde', 'Sekunden'],
      min: ['Minute', 'Minuten'],
      h: ['Stunde', 'Stunden'],
      d: ['Tag', 'Tage'],
      points: ['Punkt', 'Punkte'],
    },
  },
};

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Sign, integer digits and fraction digits of a decimal string, as written (exponents expanded exactly). */
function digitsOf(value: string): { negative: boolean; integer: string; fraction: string } {
  let text = value.trim().replaceAll('_', '');
  if (/e/i.test(text)) text = new Decimal(text).toFixed();
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
  const integer = m[2].replace(/^0+(?=\d)/, '') || '0';
  const fraction = m[3] ?? '';
  const zero = /^0*$/.test(integer + fraction);
  return { negative: m[1] === '-' && !zero, integer, fraction };
}

/**
 * An exact decimal string ("1234.5") grouped for the reader: en "1,234.5",
 * de "1.234,5". The fraction keeps the digits written; `minDecimals` pads it.
 */
export function formatNumber(value: string, lang: Lang, options: { minDecimals?: number } = {}): string {
  const { group, decimal } = locales[lang];
  const { negative, integer, fraction } = digitsOf(value);
  // Slices, not /\B(?=(\d{3})+$)/: that regex takes time quadratic in the digits.
  let grouped = integer.slice(0, integer.length % 3 || 3);
  for (let i = grouped.length; i < integer.length; i += 3) grouped += group + integer.slice(i, i + 3);
  const padded = fraction.padEnd(options.minDecimals ?? 0, '0');
  return `${negative ? '-' : ''}${grouped}${padded ? decimal + padded : ''}`;
}

/** A value in percent points ("99.5"): en "99.5%", de "99,5 %". */
export function formatPercent(value: string, lang: Lang): string {
  return locales[lang].percent(formatNumber(value, lang));
}

/**
 * Money with all the currency's minor digits and the ISO code after it:
 * en "1,200.00 EUR", de "1.200,00 EUR". Digits beyond the minor unit are
 * kept, not rounded: a written rate of 0.005 EUR must not read as 0.01 EUR.
 */
export function formatMoney(amount: string, currency: string | undefined, lang: Lang): string {
  const minor = currency ? minorUnitDigits(currency) : 2;
  const { negative, integer, fraction } = digitsOf(amount);
  const significant = fraction.replace(/0+$/, '');
  const trimmed = `${negative ? '-' : ''}${integer}${significant ? `.${significant}` : ''}`;
  const number = formatNumber(trimmed, lang, { minDecimals: minor });
  return currency ? `${number}${NBSP}${currency}` : number;
}

/**
 * en "4 hours", "1 hour"; de "4 Stunden", "1 Stunde" (singular exactly when the value is 1).
 * After "innerhalb von", "unter", "mit" German needs the dative: "30 Tagen".
 */
export function formatDuration(value: string, unit: DurationUnit, lang: Lang, grammaticalCase: 'nom' | 'dat' = 'nom'): string {
  const text = `${formatNumber(value, lang)} ${unitWord(locales[lang].units[unit], value)}`;
  // Of the units, only "Tage" changes in the dative plural (Sekunden, Minuten, Stunden do not).
  return grammaticalCase === 'dat' && text.endsWith(' Tage') ? `${text}n` : text;
}

export function formatQuantity(
  q: { kind: Kind; value: string; unit?: DurationUnit; currency?: string; negative?: boolean },
  lang: Lang,
  currency?: string,
  /** A duration after "innerhalb von": the German dative (see `formatDuration`). */
  grammaticalCase: 'nom' | 'dat' = 'nom',
): string {
  if (q.kind === 'boolean') return q.value === 'true' ? locales[lang].yes : locales[lang].no;
  const value = q.negative ? negate(q.value) : q.value;
  switch (q.kind) {
    case 'percent': return formatPercent(value, lang);
    case 'money': return formatMoney(value, q.currency ?? currency, lang);
    case 'duration': return formatDuration(value, q.unit ?? 's', lang, grammaticalCase);
    case 'number': return formatNumber(value, lang);
    case 'points': return `${formatNumber(value, lang)} ${unitWord(locales[lang].units.points, value)}`;
  }
}

export function formatLiteral(literal: Literal, lang: Lang, currency?: string): string {
  return formatQuantity(literal, lang, currency);
}

function unitWord([singular, plural]: readonly [string, string], value: string): string {
  return new Decimal(value.replaceAll('_', '')).abs().eq(1) ? singular : plural;
}

function negate(value: string): string {
  return value.startsWith('-') ? value.slice(1) : `-${value}`;
}

/**
 * A claim period as the reader says it after "within" / "innerhalb von":
 * "30 days", "5 business days", "2 calendar months"; "30 Tagen", "5 Arbeitstagen".
 */
export function formatClaimPeriod(claim: { value: string; unit?: DurationUnit; measure?: 'business-days' | 'months' }, lang: Lang): string {
  if (!claim.measure) return formatDuration(claim.value, claim.unit ?? 'd', lang, 'dat');
  const one = claim.value === '1';
  const words = lang === 'de'
    ? claim.measure === 'months' ? ['Kalendermonat', 'Kalendermonaten'] : ['Arbeitstag', 'Arbeitstagen']
    : claim.measure === 'months' ? ['calendar month', 'calendar months'] : ['business day', 'business days'];
  return `${formatNumber(claim.value, lang)} ${one ? words[0] : words[1]}`;
}
