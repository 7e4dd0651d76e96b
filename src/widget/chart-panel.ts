/**
 * The chart panel: the credit curve over the chosen input, and for an
 * availability the downtime it means and where each tier starts. The curve
 * takes a hundred evaluations, so `CurveTracer` traces it when the page is
 * idle, in slices: a change shows its result at once and the chart follows
 * (until then the last curve stays).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatPercent, type InputInfo, type InputValues, type Program } from '../runtime.js';
import { axisUnit, isAvailability, renderChart, span, sweep, zooms, type Curve } from './chart.js';
import { downtimeMinutes, formatDowntime, renderDowntimeTable } from './downtime.js';
import type { Formats } from './formats.js';
import { inIdleSlices, STEPS_PER_SLICE } from './idle.js';

/**
 * Traces curves in idle time, remembering the last one, as a Lit reactive
 * controller: the host is drawn again when a new curve is ready. A host taken
 * off the page stops tracing, and takes it up again when it comes back.
 */
export class CurveTracer implements ReactiveController {
  #curve?: { key: string; curve?: Curve };
  /** The curve being traced: its own object, so that work abandoned never passes for work begun again. */
  #tracing?: { readonly key: string };
  /** The host is off the page. */
  #away = false;
  /** A curve was wanted while the host was away: its tracing stopped, or never began. */
  #missed = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#away = false;
    if (!this.#missed) return;
    this.#missed = false;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#away = true;
    if (!this.#tracing) return;
    this.#tracing = undefined;
    this.#missed = true;
  }

  /** Forgets every curve: new rules. */
  reset(): void {
    this.#curve = undefined;
    this.#tracing = undefined;
  }

  /**
   * The curve of `input` around `value` with the other inputs at `others`,
   * once traced; the last curve meanwhile. `wanted` says whether the program is still the one shown.
   */
  curve(program: Program, input: InputInfo, value: string, others: InputValues, currency: string | undefined, wanted: () => boolean): Curve | undefined {
    // What the curve depends on: the other values, and the span (and zoom) that follow this one.
    const key = JSON.stringify([input.name, others, currency, span(input, Number(value)), zooms(input) && value]);
    if (this.#curve?.key !== key && this.#tracing?.key !== key) {
      if (this.#away) {
        this.#missed = true;
        return this.#curve?.curve;
      }
      const tracing = (this.#tracing = { key });
      inIdleSlices(sweep(program, input, others, Number(value), currency), () => this.#tracing === tracing && wanted(), (curve) => {
        this.#tracing = undefined;
        this.#curve = { key, curve };
        this.host.requestUpdate();
      }, STEPS_PER_SLICE);
    }
    return this.#curve?.curve;
  }

  /** Whether a curve is being traced, or will be when the host is back on the page. */
  get tracing(): boolean {
    return this.#tracing !== undefined || this.#missed;
  }
}

export interface ChartView {
  readonly formats: Formats;
  readonly input: InputInfo;
  readonly value: string;
  readonly curve: Curve;
  /** The credit now, formatted; undefined while there is none. */
  readonly amount?: string;
}

/**
 * The chart's place while its first curve is traced: its heading and the
 * plot's height, so that the panels below do not move when it comes (a
 * visitor about to click one of them would miss). The curve's part is
 * `chart`; this has none.
 */
export function renderChartPlace(f: Formats, input: InputInfo): TemplateResult {
  return html`<figure class="chart wide">
    <figcaption class="heading">${f.t.chart(f.label(input))}</figcaption>
    <div class="plot"><div class="plot-place"></div><div class="ticks" aria-hidden="true"><span>\u00a0</span></div></div>
  </figure>`;
}

export function renderChartPanel({ formats: f, input, value, curve, amount }: ChartView): TemplateResult {
  const t = f.t;
  const label = f.label(input);
  // A duration axis in the unit it reads best in (72 h rather than 4,320 min).
  const { unit, per } = axisUnit(input, curve.hi);
  const fmtX = (x: number) => f.inputValue(unit ? { ...input, unit } : input, String(Number((x * per).toFixed(2))));
  const summary = t.chartSummary(label, f.inputValue(input, value), amount ?? '—');
  const units = f.downtimeUnits;
  const percent = (v: string) => formatPercent(v, f.lang);
  return html`<figure class="chart wide" part="chart">
    <figcaption class="heading">${t.chart(label)}</figcaption>
    ${renderChart(curve, Number(value), fmtX, summary, (a) => f.money(a))}
    ${isAvailability(input)
      ? html`<div class="downtime">
          <p>${t.downtimeValue(percent(value), formatDowntime(downtimeMinutes(Number(value)), units))}</p>
          ${curve.steps.length
            ? html`<p class="hint">${t.tierStarts}</p>
                <ul>
                  ${curve.steps.map((s) => html`<li>${t.tierStart(formatDowntime(downtimeMinutes(s.at), units), f.stepCredit(s.after))}</li>`)}
                </ul>`
            : nothing}
          ${renderDowntimeTable([
            { availability: Number(value), label: percent(value), note: t.now, current: true },
            ...curve.steps.map((s) => ({ availability: s.at, label: percent(String(s.at)), note: t.below(f.stepCredit(s.after)) })),
          ].sort((a, b) => b.availability - a.availability), { caption: t.downtimeByPeriod, availability: label, periods: t.periods, units })}
        </div>`
      : nothing}
  </figure>`;
}
