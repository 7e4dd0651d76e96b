/**
 * The chart of plans side by side: every plan's credit curve (traced by
 * `sweep`, as the calculator's) on one scale, drawn with the calculator's
 * chart parts. Apart from `chart.ts` so the calculator's bundle does not
 * carry it.
 */
import { svg, type TemplateResult } from 'lit';
import { framed, H, highest, PAD, scales, stepPath, W, type Curve } from '../chart.js';

/**
 * Several curves over the same values in one chart (plans side by side):
 * one scale for all, each curve its own class (`plan-0` …) for its colour
 * and dash pattern, so plans differ by more than colour. The highest credit
 * is written on the amount axis (`fmtAmount` gets its exact decimal string).
 */
export function renderCurves(
  curves: readonly Curve[],
  current: number,
  fmtX: (x: number) => string,
  fmtAmount: (amount: string) => string,
  title: string,
): TemplateResult {
  const lo = Math.min(...curves.map((c) => c.lo));
  const hi = Math.max(...curves.map((c) => c.hi));
  const top = highest(curves.flatMap((c) => c.points));
  const { x, y } = scales(lo, hi, top.credit);
  const cx = Math.min(Math.max(current, lo), hi);
  return framed(svg`<svg part="chart-svg" viewBox="0 0 ${W} ${H}" role="img" aria-label=${title} preserveAspectRatio="none">
    <line class="axis" x1=${PAD.l} x2=${W - PAD.r} y1=${H - PAD.b} y2=${H - PAD.b}></line>
    <line class="grid" x1=${PAD.l} x2=${W - PAD.r} y1=${y(top.credit)} y2=${y(top.credit)}></line>
    ${curves.map((c, i) => svg`<path class="curve plan-${i}" d=${stepPath(c.points, x, y)}></path>`)}
    <line class="now" x1=${x(cx)} x2=${x(cx)} y1=${PAD.t - 8} y2=${H - PAD.b}></line>
  </svg>`, lo, hi, fmtX, fmtAmount(top.amount));
}
