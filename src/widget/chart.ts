/**
 * The credit curve: total credit against one input, every other input held
 * at its current value. The rules are a black box here — the curve is found
 * by evaluating the program across the input's range and bisecting each
 * jump, so tiers show as steps exactly where they begin, whatever the rules
 * say. Drawn as plain SVG by Lit; no chart library.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { InputInfo, Program } from '../language/program.js';
import type { InputValues } from '../language/evaluate/inputs.js';

export interface Sample {
  readonly x: number;
  readonly credit: number;
  readonly share: string;
  readonly amount: string;
}

export interface Curve {
  readonly lo: number;
  readonly hi: number;
  readonly max: number;
  readonly points: readonly Sample[];
  /** Where the credit jumps: the last value (walking from `hi` down) that still has the old credit; `after` is the first with the new. */
  readonly steps: readonly { readonly at: number; readonly after: Sample }[];
}

const SAMPLES = 96;

/** The number of decimals a value on this input's scale needs. */
export function decimalsOf(input: InputInfo): number {
  const step = input.step ?? (input.kind === 'percent' ? '0.001' : input.kind === 'money' ? '0.01' : '0.1');
  return step.includes('.') ? step.split('.')[1].length : 0;
}

/** One evaluation of the curve, yielding first: the caller may pause before each (see `idle.ts`). */
type Sampler = (x: number) => Generator<void, Sample | undefined, void>;

/** The curve, as a generator that yields before each of its evaluations and returns the curve. */
export function* sweep(program: Program, input: InputInfo, values: InputValues, current: number, currency?: string): Generator<void, Curve | undefined, void> {
  const decimals = decimalsOf(input);
  const at: Sampler = function* (x) {
    yield;
    // The credit alone: a hundred explanations nobody reads would cost most of the time.
    const r = program.credit({ ...values, [input.name]: x.toFixed(decimals) }, currency ? { currency } : {});
    if (!r.ok) return undefined;
    return { x, credit: Number(r.credit.amount), amount: r.credit.amount, share: r.credit.percentOfFee };
  };
  let [lo, hi] = span(input, current);
  if (!(hi > lo)) return undefined;
  let curve = yield* trace(at, lo, hi, decimals);
  if (curve && curve.steps.length && zooms(input)) {
    const first = Math.min(...curve.steps.map((s) => s.at), current);
    lo = Math.max(0, Math.floor(first - (hi - first) * 0.4));
    curve = (yield* trace(at, lo, hi, decimals)) ?? curve;
  }
  return curve;
}

/** The values a curve spans before any zoom: the input's range; without one 0 % to 100 %, or 0 to a round number above twice the value. */
export function span(input: InputInfo, current: number): [number, number] {
  if (input.range) return [Number(input.range.min), Number(input.range.max)];
  return input.kind === 'percent' ? [0, 100] : [0, roundAbove(Math.max(1, current * 2))];
}

/** Percentages without a range, and availabilities over a wide one: the curve zooms to where the tiers are (and the value). */
export function zooms(input: InputInfo): boolean {
  const range = input.range;
  return input.kind === 'percent' && (!range || (isAvailability(input) && Number(range.max) - Number(range.min) > 10));
}

/** The smallest 1, 2 or 5 × 10^k at or above x ≥ 1. */
function roundAbove(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= x)!;
}

function* trace(at: Sampler, lo: number, hi: number, decimals: number): Generator<void, Curve | undefined, void> {
  const unit = 10 ** -decimals;
  const points: Sample[] = [];
  const steps: { at: number; after: Sample }[] = [];
  let previous: Sample | undefined;
  for (let i = 0; i <= SAMPLES; i++) {
    const s = yield* at(Number((hi - ((hi - lo) * i) / SAMPLES).toFixed(decimals)));
    if (!s) continue;
    if (previous && s.credit !== previous.credit && steps.length < 24) {
      // Bisect to the input's resolution: the jump is between a (old credit) and b (new).
      let a = previous.x;
      let b = s.x;
      let found = s;
      while (a - b > unit * 1.01) {
        const mid = Number(((a + b) / 2).toFixed(decimals));
        if (mid === a || mid === b) break;
        const m = yield* at(mid);
        if (!m) break;
        if (m.credit === previous.credit) a = mid;
        else {
          b = mid;
          found = m;
        }
      }
      points.push({ ...previous, x: a }, found);
      steps.push({ at: a, after: found });
    }
    points.push(s);
    previous = s;
  }
  if (!points.length) return undefined;
  points.sort((p, q) => p.x - q.x);
  return { lo, hi, max: Math.max(...points.map((p) => p.credit)), points, steps };
}

const W = 560;
const H = 200;
const PAD = { l: 8, r: 8, t: 14, b: 26 };

export function renderChart(curve: Curve, current: number, fmtX: (x: number) => string, title: string): SVGTemplateResult {
  const x = (v: number) => PAD.l + ((v - curve.lo) / (curve.hi - curve.lo)) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (curve.max > 0 ? (v / curve.max) * (H - PAD.t - PAD.b) : 0);
  let d = '';
  curve.points.forEach((p, i) => {
    d += i === 0 ? `M${x(p.x).toFixed(1)} ${y(p.credit).toFixed(1)}` : `H${x(p.x).toFixed(1)}V${y(p.credit).toFixed(1)}`;
  });
  const area = `${d}V${H - PAD.b}H${x(curve.points[0].x).toFixed(1)}Z`;
  const cx = Math.min(Math.max(current, curve.lo), curve.hi);
  const ticks = [curve.lo, (curve.lo + curve.hi) / 2, curve.hi];
  return svg`<svg part="chart-svg" viewBox="0 0 ${W} ${H}" role="img" aria-label=${title} preserveAspectRatio="none">
    <line class="axis" x1=${PAD.l} x2=${W - PAD.r} y1=${H - PAD.b} y2=${H - PAD.b}></line>
    ${curve.steps.map((s) => svg`<line class="tier" x1=${x(s.at)} x2=${x(s.at)} y1=${PAD.t} y2=${H - PAD.b}></line>`)}
    <path class="area" d=${area}></path>
    <path class="curve" d=${d}></path>
    <line class="now" x1=${x(cx)} x2=${x(cx)} y1=${PAD.t - 8} y2=${H - PAD.b}></line>
    ${ticks.map((v, i) => svg`<text class="tick" x=${x(v)} y=${H - 8} text-anchor=${i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}>${fmtX(v)}</text>`)}
  </svg>`;
}

/** Minutes of downtime in a 30-day month at this availability (percent points). */
export function downtimeMinutes(availability: number): number {
  return ((100 - availability) / 100) * 30 * 24 * 60;
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

/** An availability-like input: a percentage named or labelled so, or one whose range sits near 100 %. */
export function isAvailability(input: InputInfo): boolean {
  if (input.kind !== 'percent') return false;
  if (/avail|uptime|verfügbar/i.test(`${input.name} ${input.label ?? ''}`)) return true;
  return !!input.range && Number(input.range.min) >= 90 && Number(input.range.max) === 100;
}
