/**
 * Downtime in words: what an availability allows per day, week, month,
 * quarter and year (as uptime.is shows it), for the value shown and every
 * threshold where the credit changes — a table a visitor opens under the
 * chart. The month is the 30-day month the rest of the widget uses.
 */
import { html, type TemplateResult } from 'lit';

/** Minutes in each period, by name. */
const PERIODS = { day: 1_440, week: 10_080, month: 43_200, quarter: 129_600, year: 525_600 } as const;
export type Period = keyof typeof PERIODS;

export interface DowntimeRow {
  /** The availability, in percent points. */
  readonly availability: number;
  /** How it reads: "99.95% (now)", "99.9%". */
  readonly label: string;
  /** What it means for the credit: "below: 10% · 100.00 EUR". */
  readonly note?: string;
  readonly current?: boolean;
}

export interface DowntimeWords {
  readonly caption: string;
  readonly availability: string;
  readonly periods: Readonly<Record<Period, string>>;
  readonly units: { days: string; hours: string; minutes: string };
}

/** Minutes of downtime an availability allows in a period. */
export function allowedDowntime(availability: number, period: Period): number {
  return ((100 - availability) / 100) * PERIODS[period];
}

/** Minutes of downtime in a 30-day month at this availability (percent points). */
export function downtimeMinutes(availability: number): number {
  return allowedDowntime(availability, 'month');
}

/**
 * Availability and downtime in a 30-day month as decimal strings, for a field
 * that asks for minutes of downtime where the rules read a percentage:
 * `216` ↔ `99.5`. Ten decimals keep every threshold exact (43.2 min is 99.9 %).
 */
export function availabilityFromDowntime(minutes: string): string {
  return plain((100 * (PERIODS.month - Number(minutes))) / PERIODS.month, 10);
}

export function downtimeFromAvailability(availability: string): string {
  return plain(((100 - Number(availability)) * PERIODS.month) / 100, 6);
}

function plain(x: number, decimals: number): string {
  const s = x.toFixed(decimals).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** 216 → "3 h 36 min"; below a minute, seconds. */
export function formatDowntime(minutes: number, units: { days: string; hours: string; minutes: string }): string {
  if (minutes <= 0) return `0 ${units.minutes}`;
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  const total = Math.round(minutes);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  return [d && `${d} ${units.days}`, h && `${h} ${units.hours}`, m && `${m} ${units.minutes}`].filter(Boolean).join(' ');
}

export function renderDowntimeTable(rows: readonly DowntimeRow[], words: DowntimeWords): TemplateResult {
  const periods = Object.keys(PERIODS) as Period[];
  return html`<details class="downtime-table">
    <summary>${words.caption}</summary>
    <div class="scroll" tabindex="0" role="region" aria-label=${words.caption}>
      <table>
        <thead><tr><th scope="col">${words.availability}</th>${periods.map((p) => html`<th scope="col">${words.periods[p]}</th>`)}</tr></thead>
        <tbody>
          ${rows.map((row) => html`<tr ?data-current=${row.current}>
            <th scope="row">${row.label}${row.note ? html`<span class="hint">${row.note}</span>` : ''}</th>
            ${periods.map((p) => html`<td>${formatDowntime(allowedDowntime(row.availability, p), words.units)}</td>`)}
          </tr>`)}
        </tbody>
      </table>
    </div>
  </details>`;
}
