/**
 * The credit curve: total credit against one input, every other input held
 * at its current value. The rules are a black box here — the curve is found
 * by evaluating the program across the input's range and bisecting each
 * jump, so tiers show as steps exactly where they begin, whatever the rules
 * say. Drawn as plain SVG by Lit; no chart library.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { DurationUnit, InputInfo, InputValues, Program } from '../runtime.js';
import { SECONDS } from './values.js';

export interface Sample {
  readonly x: number;
  readonly credit: number;
  /** Null for a program without a fee. */
  readonly share: string | null;
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

/** One evaluation of the curve, yielding first and every hundred rules: the caller may pause between (see `idle.ts`). */
type Sampler = (x: number) => Generator<void, Sample | undefined, void>;

/**
 * The curve of `program` against `input`, over `fixed` when given (no zoom), else over the
 * input's own span: a generator that yields before each of its evaluations and returns the curve.
 */
export function* sweep(program: Program, input: InputInfo, values: InputValues, current: number, currency?: string, fixed?: readonly [number, number]): Generator<void, Curve | undefined, void> {
  const decimals = decimalsOf(input);
  const at: Sampler = function* (x) {
    yield;
    // The credit alone: a hundred explanations nobody reads would cost most of the time.
    const r = yield* program.creditInSteps({ ...values, [input.name]: x.toFixed(decimals) }, currency ? { currency } : {});
    if (!r.ok) return undefined;
    return { x, credit: Number(r.credit.amount), amount: r.credit.amount, share: r.credit.percentOfFee };
  };
  let [lo, hi] = fixed ?? span(input, current);
  if (!(hi > lo)) return undefined;
  let curve = yield* trace(at, lo, hi, decimals);
  if (!fixed && curve && curve.steps.length && zooms(input)) {
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

/** The chart's drawing box (SVG units; it stretches to the width shown) and its margins. */
export const W = 560;
export const H = 200;
export const PAD = { l: 8, r: 8, t: 20, b: 2 };

/** Where a value and a credit land in the SVG, for curves drawn over `lo`..`hi` up to `max`. */
export function scales(lo: number, hi: number, max: number) {
  return {
    x: (v: number) => PAD.l + ((v - lo) / (hi - lo)) * (W - PAD.l - PAD.r),
    y: (v: number) => H - PAD.b - (max > 0 ? (v / max) * (H - PAD.t - PAD.b) : 0),
  };
}

/** The curve as steps: flat until each jump, then straight up or down. */
export function stepPath(points: readonly Sample[], x: (v: number) => number, y: (v: number) => number): string {
  return points.map((p, i) => (i === 0 ? `M${x(p.x).toFixed(1)} ${y(p.credit).toFixed(1)}` : `H${x(p.x).toFixed(1)}V${y(p.credit).toFixed(1)}`)).join('');
}

/**
 * The SVG with its labels — three values under it, the highest credit at its
 * top — as HTML, so they keep their shape however wide the chart is drawn
 * (SVG text would stretch with it). The SVG's label says it all for a screen reader.
 */
export function framed(chart: SVGTemplateResult, lo: number, hi: number, fmtX: (x: number) => string, top?: string): TemplateResult {
  return html`<div class="plot">${chart}${top ? html`<span class="top" aria-hidden="true">${top}</span>` : nothing}
    <div class="ticks" aria-hidden="true"><span>${fmtX(lo)}</span><span>${fmtX((lo + hi) / 2)}</span><span>${fmtX(hi)}</span></div></div>`;
}

/** The highest point of some curves: its exact amount goes on the amount axis. */
export function highest(points: readonly Sample[]): Sample {
  return points.reduce((best, p) => (p.credit > best.credit ? p : best));
}

/**
 * The unit a duration axis reads in: the largest that still counts to 2 at
 * its end (0–72 h, not 0–4,320 min; days from a week). `per` turns a value
 * in the input's own unit into it.
 */
export function axisUnit(input: InputInfo, hi: number): { unit?: DurationUnit; per: number } {
  if (input.kind !== 'duration' || !input.unit) return { per: 1 };
  const end = hi * SECONDS[input.unit];
  const unit = end >= 7 * SECONDS.d ? 'd' : (['h', 'min', 's'] as const).find((u) => end >= 2 * SECONDS[u]) ?? 's';
  return { unit, per: SECONDS[input.unit] / SECONDS[unit] };
}

export function renderChart(curve: Curve, current: number, fmtX: (x: number) => string, title: string, fmtAmount?: (amount: string) => string): TemplateResult {
  const { x, y } = scales(curve.lo, curve.hi, curve.max);
  const d = stepPath(curve.points, x, y);
  const area = `${d}V${H - PAD.b}H${x(curve.points[0].x).toFixed(1)}Z`;
  const cx = Math.min(Math.max(current, curve.lo), curve.hi);
  const top = curve.max > 0 && fmtAmount ? fmtAmount(highest(curve.points).amount) : undefined;
  return framed(svg`<svg part="chart-svg" viewBox="0 0 ${W} ${H}" role="img" aria-label=${title} preserveAspectRatio="none">
    <line class="axis" x1=${PAD.l} x2=${W - PAD.r} y1=${H - PAD.b} y2=${H - PAD.b}></line>
    ${top ? svg`<line class="grid" x1=${PAD.l} x2=${W - PAD.r} y1=${PAD.t} y2=${PAD.t}></line>` : nothing}
    ${curve.steps.map((s) => svg`<line class="tier" x1=${x(s.at)} x2=${x(s.at)} y1=${PAD.t} y2=${H - PAD.b}></line>`)}
    <path class="area" d=${area}></path>
    <path class="curve" d=${d}></path>
    <line class="now" x1=${x(cx)} x2=${x(cx)} y1=${PAD.t - 8} y2=${H - PAD.b}></line>
  </svg>`, curve.lo, curve.hi, fmtX, top);
}

/** An availability-like input: a percentage named or labelled so, or one whose range sits near 100 %. */
export function isAvailability(input: InputInfo): boolean {
  if (input.kind !== 'percent') return false;
  if (/avail|uptime|verfügbar/i.test(`${input.name} ${input.label ?? ''}`)) return true;
  return !!input.range && Number(input.range.min) >= 90 && Number(input.range.max) === 100;
}
