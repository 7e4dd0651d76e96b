/**
 * Input values for the evaluation figures: plain JS numbers, as billing
 * would pass them, drawn once from a seeded generator so every run sees the
 * same realistic mix (most months meet the target, a few fall into each
 * tier), and varied call to call so no engine can cache one answer.
 */
import type { InputValues } from '../src/index.js';

/** mulberry32: a small seeded generator, so the inputs are the same every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

export const SIZE = 1024;

/** Monthly availability in percent, two decimals: mostly above 99.95, some in each tier. */
export function availabilities(next: () => number): number {
  const u = next();
  if (u < 0.7) return round(99.95 + next() * 0.05, 2);
  if (u < 0.85) return round(99 + next() * 0.99, 2);
  if (u < 0.95) return round(95 + next() * 4, 2);
  return round(80 + next() * 15, 2);
}

/** Monthly fees with cents, from pocket money to large accounts. */
export function fees(next: () => number): number {
  const u = next();
  // A fee is never zero (the rules refuse one): at least a cent.
  if (u < 0.2) return Math.max(0.01, round(next() * 50, 2));
  if (u < 0.8) return round(100 + next() * 5000, 2);
  return round(5000 + next() * 20000, 2);
}

export interface Workload {
  /** `months[i]`: one month's values. */
  readonly months: readonly InputValues[];
  /** `years[i]`: a contract year, one list of 12 values per input. */
  readonly years: readonly InputValues[];
}

function workload(seed: number, month: (next: () => number) => Record<string, number | boolean>): Workload {
  const next = random(seed);
  const months = Array.from({ length: SIZE }, () => month(next));
  const years = Array.from({ length: SIZE / 4 }, (_, y) => {
    const twelve = Array.from({ length: 12 }, (_, m) => months[(y * 12 + m) % SIZE]);
    const year: Record<string, number | boolean | (number | boolean)[]> = {};
    // The fee of a contract year is fixed (the first month's); every other input varies by month.
    for (const key of Object.keys(twelve[0])) year[key] = key === 'fee' ? twelve[0].fee : twelve.map((m) => m[key]);
    return year;
  });
  return { months, years };
}

/** Uptime table: availability and fee. */
export const uptime = workload(1, (next) => ({ availability: availabilities(next), fee: fees(next) }));

/** Support SLA: response and resolution times in each input's declared unit (min, h, h, d). */
export const support = workload(2, (next) => ({
  p1_response: next() < 0.8 ? Math.round(5 + next() * 55) : Math.round(60 + next() * 300),
  p1_resolution: next() < 0.7 ? round(1 + next() * 7, 1) : round(8 + next() * 20, 1),
  p2_response: round(0.5 + next() * 6, 1),
  p2_resolution: round(0.5 + next() * 4.5, 2),
  fee: fees(next),
}));

/** Points agreement: availability, late incidents, first response (min), satisfaction (%). */
export const points = workload(3, (next) => ({
  availability: availabilities(next),
  late_incidents: next() < 0.7 ? 0 : Math.floor(next() * 5),
  first_response: Math.round(10 + next() * 110),
  csat: round(60 + next() * 39, 1),
  fee: fees(next),
}));

/** ROI calculator: the KPIs of a support team. */
export const roi = workload(4, (next) => {
  const fcrBefore = Math.round(55 + next() * 15);
  const churnBefore = round(1.5 + next() * 1.5, 1);
  return {
    tickets: Math.round(400 + next() * 2600),
    cost_per_ticket: round(5 + next() * 35, 2),
    fcr_before: fcrBefore,
    fcr_after: fcrBefore + Math.round(next() * 20),
    customers: Math.round(1000 + next() * 19000),
    churn_before: churnBefore,
    churn_after: round(churnBefore - next() * 1, 1),
    lifetime_value: round(100 + next() * 400, 2),
  };
});
