/**
 * How the widget writes values for a reader, in one language and currency:
 * money, shares of the fee, quantities, a field's value with its unit, the
 * name of a period of the year. Pure (no DOM), so the form model, every panel
 * and the Node tests share one way of writing a number.
 */
import { formatMoney, formatNumber, formatPercent, formatQuantity, labelIn, type Display, type InputInfo, type Period, type Translations } from '../runtime.js';
import type { Sample } from './chart.js';
import { strings, type Lang, type Strings } from './i18n.js';
import { suffixOf } from './values.js';

export class Formats {
  readonly t: Strings;

  constructor(readonly lang: Lang, readonly currency: string | undefined) {
    this.t = strings[lang];
  }

  /** A field's or output's label in this language (`"Uptime" de "Verfügbarkeit"`), else its name. */
  label(info: { name: string; label?: string; translations?: Translations }): string {
    return labelIn(info.label, info.translations, this.lang) ?? info.name;
  }

  money(amount: string): string {
    return formatMoney(amount, this.currency, this.lang);
  }

  /** A share in percent points, at most two decimals. */
  percent(share: string): string {
    return formatPercent(roundShare(share), this.lang);
  }

  quantity(d: Display): string {
    return formatQuantity(d, this.lang, this.currency);
  }

  /** A cap as a reader says it: "20 % monthly". */
  cap(cut: { cap: Display; period: Period }): string {
    return `${this.quantity(cut.cap)} ${periodWord(cut.period, this.lang)}`;
  }

  /** A value of an input with its unit: "99.5 %", "4 h", "On". */
  inputValue(input: InputInfo, value: string): string {
    if (input.kind === 'boolean') return value === 'true' ? this.t.on : this.t.off;
    if (input.kind === 'percent') return formatPercent(value, this.lang);
    const suffix = suffixOf(input, this.currency, this.unitWords);
    const number = formatNumber(value, this.lang);
    return suffix ? `${number}\u00a0${suffix}` : number;
  }

  /** An output's value (`raw` as the result gives it) for reading. */
  outputValue(kind: Display['kind'], raw: string): string {
    if (kind === 'duration') {
      const m = /^(-?[\d.]+)(min|s|h|d)$/.exec(raw);
      return m ? formatQuantity({ kind, value: m[1], unit: m[2] as 'h' }, this.lang) : raw;
    }
    if (kind === 'percent') return this.percent(raw);
    if (kind === 'money') return this.money(raw);
    if (kind === 'number') return formatNumber(roundShare(raw), this.lang);
    return this.quantity({ kind, value: raw });
  }

  /** The credit from a step of the curve on: "10% · 100.00 EUR", or the amount alone without a fee. */
  stepCredit(after: Sample): string {
    return after.share === null ? this.money(after.amount) : `${this.percent(after.share)} · ${this.money(after.amount)}`;
  }

  /** A period of the year as the year view names it: "March", "Q2" / "2. Quartal", "Year". */
  periodName(index: number, period: Period): string {
    if (period === 'monthly') return this.t.monthName(index + 1);
    if (period === 'yearly') return this.lang === 'de' ? 'Jahr' : 'Year';
    return this.lang === 'de' ? `${index + 1}. Quartal` : `Q${index + 1}`;
  }

  get unitWords(): Record<string, string> {
    const t = this.t;
    return { h: t.hours, min: t.minutes, d: t.days, s: 's' };
  }

  get downtimeUnits(): { days: string; hours: string; minutes: string } {
    const t = this.t;
    return { days: t.days, hours: t.hours, minutes: t.minutes };
  }
}

/** A share in percent points for reading: at most two decimals ("33.33"). */
export function roundShare(value: string): string {
  const [int, frac = ''] = value.split('.');
  if (frac.length <= 2) return value;
  return String(Number(Number(`${int}.${frac}`).toFixed(2)));
}

function periodWord(period: string, lang: Lang): string {
  const words: Record<string, [string, string]> = { monthly: ['monthly', 'monatlich'], quarterly: ['quarterly', 'pro Quartal'], yearly: ['yearly', 'jährlich'] };
  return words[period]?.[lang === 'de' ? 1 : 0] ?? period;
}
