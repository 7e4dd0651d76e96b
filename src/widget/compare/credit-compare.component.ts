/**
 * `<credit-compare>`: two or three credit programs — plans, such as Standard
 * and Premium terms — side by side over the same inputs: what each gives
 * back, the difference to the first, their curves in one chart, and a
 * contract year per plan. The class only; `credit-compare.ts` registers the
 * tag. The plans come as child `<script type="text/credit-rules"
 * data-plan="Premium">` elements holding rules or naming a `src`; they are
 * loaded the way `<credit-calculator>` loads rules (`load.ts`) and compared in
 * `plans.ts`. It looks like the calculator (same styles and custom
 * properties); everything from the rules is rendered as text.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  labelIn, formatMoney, formatNumber, formatPercent, type InputInfo, type InputValue, type InputValues, type MonthResult, type YearResult,
} from '../../runtime.js';
import { finish } from '../../language/plan/steps.js';
import { axisUnit, sweep, type Curve } from '../chart.js';
import { styles as calculatorStyles } from '../credit-calculator.styles.js';
import { parseNumber, strings, type Lang, type Strings } from '../i18n.js';
import { compileText, dedent, fetchRules, type LoadFailure } from '../load.js';
import { PageLanguage } from '../page-language.js';
import { readScenario, termsFingerprint } from '../share.js';
import { fieldValue, suffixOf } from '../values.js';
import { styles } from './credit-compare.styles.js';
import { renderCurves } from './curves.js';
import { compareStrings, type CompareStrings } from './i18n.js';
import { comparePlans, sharedInputs, valuesFor, type Clash, type Plan, type PlanOutcome } from './plans.js';

interface Field {
  /** What the field shows: the user's own text while they type. */
  text: string;
  /** The last valid value, as a decimal string in the input's unit ("true"/"false" for switches). */
  value?: string;
  error?: string;
}

/** A plan that could not be used, and why. */
interface PlanFailure {
  readonly plan: string;
  readonly failure: LoadFailure;
}

export interface CreditCompareDetail {
  /** The values every plan was computed with, as decimal strings in each input's unit. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Each plan's name and result (or `undefined` where it could not compute), in the order given. */
  readonly plans: readonly { readonly name: string; readonly result?: MonthResult | YearResult; readonly difference?: string }[];
}

/**
 * Two or three credit programs (plans) side by side over the same inputs.
 *
 * @summary Plans side by side: each plan's credit, the difference, one chart.
 *
 * @fires credit-compare-change - After the user changes a value. `detail`: `{ inputs, plans: [{ name, result, difference }] }`, numbers as decimal strings.
 * @fires credit-error - When a plan cannot be loaded or has errors. `detail`: `{ kind, message, diagnostics }`.
 *
 * @slot - Child `<script type="text/credit-rules" data-plan="Name">` elements: the rules as text, or a `src` naming a `.credit` file or a precompiled program.
 *
 * @csspart layout - The grid holding every panel.
 * @csspart form - The fieldset of the shared input fields.
 * @csspart field - One input field.
 * @csspart input - A text entry.
 * @csspart switch - The switch of a yes/no input.
 * @csspart error - A field's or the form's error message.
 * @csspart plans - The table of plans: fee, credit, share and difference.
 * @csspart chart - The curves of all plans and their legend.
 * @csspart year - The contract year per plan.
 * @csspart problems - The panel listing plans that cannot be used.
 *
 * @cssprop [--credit-accent=#2354c4] - The first plan's curve, focus rings.
 * @cssprop [--credit-plan-2=#b3261e] - The second plan's curve.
 * @cssprop [--credit-plan-3=#6a3fd0] - The third plan's curve.
 */
export class CreditCompare extends LitElement {
  static override styles = [calculatorStyles, styles];

  static override properties = {
    locale: { reflect: true },
    currency: {},
    values: { attribute: false },
    panels: {},
    chartInput: { attribute: 'chart-input' },
    compact: { type: Boolean, reflect: true },
    plans: { state: true, attribute: false },
    failures: { state: true, attribute: false },
    clash: { state: true, attribute: false },
    fields: { state: true, attribute: false },
    outcomes: { state: true, attribute: false },
    yearOutcomes: { state: true, attribute: false },
    stale: { state: true, attribute: false },
    termsChanged: { state: true, attribute: false },
  };

  /** `en` or `de`. Defaults from the closest `lang` attribute. */
  declare locale?: Lang;

  /** The fee's currency for plans whose rules name none (ISO 4217). */
  declare currency?: string;

  /** Input values by name; a list of up to twelve values is a contract year's months. Setting it fires no event. */
  values: Record<string, InputValue | readonly InputValue[]> = {};

  /** Which panels show, space-separated: `chart year`, or `all`. */
  panels = 'chart';

  /** The input the chart plots credit against; the first numeric input every plan reads by default. */
  declare chartInput?: string;

  /** One column, whatever the width. */
  compact = false;

  declare private plans?: Plan[];
  private failures: PlanFailure[] = [];
  declare private clash?: Clash;
  private fields: Record<string, Field> = {};
  private outcomes: PlanOutcome[] = [];
  private yearOutcomes: PlanOutcome[] = [];
  private stale = false;
  /** The link opened was made under other terms than these plans'. */
  private termsChanged = false;
  /** Months a link gave, by input (`ID.year.NAME=…~…`). */
  #linkYear: Record<string, string[]> = {};

  #inputs: InputInfo[] = [];
  #loadToken = 0;
  #abort?: AbortController;
  #observer?: MutationObserver;
  #curves?: { key: string; curves?: Curve[] };
  #tracing?: string;

  /** The plans in use, once loaded, in the order given. */
  get loadedPlans(): readonly Plan[] {
    return this.plans ?? [];
  }

  /** Its language: `locale`, else the page's, followed when the page changes it. */
  #languageOf = new PageLanguage(this, () => {
    for (const input of this.#inputs) this.#reformat(input);
    this.#compute(false);
  });

  get #language(): Lang {
    return this.#languageOf.lang;
  }

  get #t(): Strings {
    return strings[this.#language];
  }

  get #c(): CompareStrings {
    return compareStrings[this.#language];
  }

  get #shown(): Set<string> {
    const words = (this.panels ?? '').split(/\s+/);
    return new Set(words.includes('all') ? ['chart', 'year'] : words);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Plans added or changed later (streaming HTML, frameworks) are loaded again.
    this.#observer = new MutationObserver(() => void this.#load());
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['src', 'data-plan'] });
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void this.#load(), { once: true });
    else void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#abort?.abort();
    this.#loadToken++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.plans) return;
    if (changed.has('locale')) for (const input of this.#inputs) this.#reformat(input);
    if (changed.has('values')) this.#applyValues();
    if (changed.has('values') || changed.has('locale') || changed.has('currency') || changed.has('panels')) this.#compute(false);
  }

  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const t = this.#t;
    const c = this.#c;
    const scripts = [...this.querySelectorAll<HTMLScriptElement>(':scope > script[type="text/credit-rules"]')];
    if (!scripts.length) {
      if (document.readyState !== 'loading') this.#fail([{ plan: '', failure: { ok: false, kind: 'load', message: c.noPlans, diagnostics: [] } }]);
      return;
    }
    const loaded = await Promise.all(scripts.map(async (script, i) => {
      const name = script.dataset.plan?.trim() || c.planNumber(i + 1);
      const src = script.getAttribute('src');
      const result = src ? await fetchRules(new URL(src, document.baseURI).href, t, abort.signal) : await compileText(dedent(script.textContent ?? ''), t);
      return { name, result };
    }));
    if (token !== this.#loadToken) return; // newer plans, or the element was removed
    const failures = loaded.flatMap(({ name, result }) => (result.ok ? [] : [{ plan: name, failure: result }]));
    if (failures.length) return this.#fail(failures);
    this.failures = [];
    this.plans = loaded.map(({ name, result }) => ({ name, program: (result as { program: Plan['program'] }).program }));
    const { inputs, clash } = sharedInputs(this.plans);
    this.clash = clash;
    this.#inputs = inputs;
    this.#curves = undefined;
    this.fields = Object.fromEntries(inputs.map((input) => [input.name, this.#field(input, input.default)]));
    this.#applyValues();
    this.#readLink();
    this.#compute(false);
  }

  #fail(failures: PlanFailure[]): void {
    this.plans = undefined;
    this.failures = failures;
    for (const { plan, failure } of failures) {
      const message = plan ? `${this.#c.planProblem(plan)}: ${failure.message}` : failure.message;
      this.dispatchEvent(new CustomEvent('credit-error', { detail: { kind: failure.kind, message, diagnostics: failure.diagnostics }, bubbles: true, composed: true }));
    }
  }

  #field(input: InputInfo, raw: InputValue | undefined): Field {
    const value = fieldValue(input, raw);
    return { text: value === undefined ? '' : this.#display(input, value), ...(value !== undefined ? { value } : {}) };
  }

  #display(input: InputInfo, value: string): string {
    return input.kind === 'boolean' ? value : formatNumber(value, this.#language);
  }

  #reformat(input: InputInfo): void {
    const f = this.fields[input.name];
    if (f?.value !== undefined && !f.error) f.text = this.#display(input, f.value);
  }

  /** Values the host gave: a single value fills the field; a list is a contract year (its first month fills the field). */
  #applyValues(): void {
    const fields = { ...this.fields };
    for (const input of this.#inputs) {
      const raw = this.values?.[input.name];
      const f = this.#field(input, (Array.isArray(raw) ? raw[0] : raw) as InputValue | undefined);
      if (f.value !== undefined) fields[input.name] = f;
    }
    this.fields = fields;
  }

  /**
   * A scenario in the page's link, in the calculator's share format (see
   * `share.ts`) under this element's id (else `compare`): its values fill the
   * fields, its months the year, and `_terms` (each plan's fingerprint,
   * joined with `.`) tells when the plans changed since the link was made.
   */
  #readLink(): void {
    const scenario = readScenario(location.href, this.id || 'compare');
    this.#linkYear = scenario?.year ?? {};
    this.termsChanged = !!scenario?.terms && scenario.terms !== this.terms;
    if (!scenario) return;
    const fields = { ...this.fields };
    for (const input of this.#inputs) {
      const f = this.#field(input, scenario.values[input.name] ?? scenario.year?.[input.name]?.[0]);
      if (f.value !== undefined) fields[input.name] = f;
    }
    this.fields = fields;
  }

  /** The fingerprint of the plans' terms, for a link (`ID._terms`): each plan's, joined with `.`. */
  get terms(): string | undefined {
    return this.plans?.map((p) => termsFingerprint(p.program.source)).join('.');
  }

  #currentValues(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [name, f] of Object.entries(this.fields)) if (f.value !== undefined) values[name] = f.value;
    return values;
  }

  /** Twelve months per input: the host's list (its last month repeated), else the field's value every month. */
  #yearValues(values: Record<string, string>): InputValues {
    const year: Record<string, string[]> = {};
    for (const input of this.#inputs) {
      const given = this.#linkYear[input.name] ?? this.values?.[input.name];
      const months = Array.isArray(given) && given.length ? given.map(String) : values[input.name] !== undefined ? [values[input.name]] : [];
      if (months.length) year[input.name] = Array.from({ length: 12 }, (_, m) => fieldValue(input, months[Math.min(m, months.length - 1)]) ?? months[0]);
    }
    return year;
  }

  get #options() {
    return { lang: this.#language, ...(this.currency ? { currency: this.currency } : {}) };
  }

  #compute(user: boolean): void {
    const plans = this.plans;
    if (!plans || this.clash) return;
    const blocked = Object.values(this.fields).some((f) => f.value === undefined && f.error);
    // Problems found by evaluating are looked for afresh; a field that does not parse keeps its message.
    this.fields = Object.fromEntries(Object.entries(this.fields).map(([n, f]) => [n, f.value !== undefined ? { text: f.text, value: f.value } : f]));
    if (blocked) {
      this.stale = this.outcomes.length > 0;
      return;
    }
    const values = this.#currentValues();
    const outcomes = comparePlans(plans, values, this.#options);
    const problems = outcomes.flatMap((o) => (o.evaluation.ok ? [] : o.evaluation.diagnostics));
    const fields = { ...this.fields };
    for (const d of problems) if (d.input && fields[d.input]) fields[d.input] = { ...fields[d.input], error: d.message.replace(/^`[^`]*`: /, '') };
    this.fields = fields;
    if (problems.some((d) => d.input && fields[d.input])) {
      this.stale = this.outcomes.length > 0;
      return;
    }
    this.stale = false;
    this.outcomes = outcomes;
    this.yearOutcomes = this.#shown.has('year') ? comparePlans(plans, this.#yearValues(values), this.#options) : [];
    if (user) {
      const detail: CreditCompareDetail = {
        inputs: values,
        plans: outcomes.map((o) => ({ name: o.plan.name, ...(o.evaluation.ok ? { result: o.evaluation.result } : {}), ...(o.difference !== undefined ? { difference: o.difference } : {}) })),
      };
      this.dispatchEvent(new CustomEvent('credit-compare-change', { detail, bubbles: true, composed: true }));
    }
  }

  // ——— user actions ———

  #onText(input: InputInfo, text: string): void {
    const value = parseNumber(text, this.#language);
    const error = value === undefined ? this.#t.notANumber(this.#language === 'de' ? '99,5' : '99.5') : undefined;
    this.fields = { ...this.fields, [input.name]: { text, ...(value !== undefined ? { value } : {}), ...(error ? { error } : {}) } };
    if (value === undefined) {
      this.stale = this.outcomes.length > 0;
      return;
    }
    this.#compute(true);
  }

  #onSwitch(input: InputInfo, on: boolean): void {
    this.fields = { ...this.fields, [input.name]: { text: String(on), value: String(on) } };
    this.#compute(true);
  }

  // ——— rendering ———

  #money(amount: string, currency?: string | null): string {
    return formatMoney(amount, currency ?? this.currency, this.#language);
  }

  /** A share in percent points for reading: at most two decimals. */
  #percent(share: string): string {
    return formatPercent(String(Number(Number(share).toFixed(2))), this.#language);
  }

  /** "+250.00 EUR", "−100.00 EUR", "±0.00 EUR". */
  #difference(amount: string, currency?: string | null): string {
    const negative = amount.startsWith('-');
    const sign = /^-?0(\.0*)?$/.test(amount) ? '±' : negative ? '−' : '+';
    return `${sign}${this.#money(negative ? amount.slice(1) : amount, currency)}`;
  }

  protected override render(): TemplateResult {
    const t = this.#t;
    const c = this.#c;
    if (this.failures.length) return this.#renderFailures();
    if (this.clash) {
      return html`<section class="problems" part="problems" role="alert"><h2>${c.plansClash(this.clash.input, ...this.clash.plans)}</h2></section>`;
    }
    if (!this.plans) return html`<p class="loading" role="status">${t.loading}</p>`;
    const shown = this.#shown;
    return html`<div class="layout" part="layout" lang=${this.#language}>
      <fieldset class="form wide" part="form">
        <legend class="heading">${t.inputs}</legend>
        ${this.#inputs.map((input, i) => this.#renderField(input, i))}
        ${this.termsChanged ? html`<p class="error" part="error">${t.termsChanged}</p>` : nothing}
      </fieldset>
      ${this.#renderPlans()}
      ${shown.has('chart') ? this.#renderChart() : nothing}
      ${shown.has('year') ? this.#renderYear() : nothing}
    </div>`;
  }

  #renderFailures(): TemplateResult {
    const t = this.#t;
    return html`<section class="problems" part="problems" role="alert">
      <h2>${t.rulesProblem}</h2>
      <ul>
        ${this.failures.map(({ plan, failure }) => {
          const errors = failure.diagnostics.filter((d) => d.severity === 'error');
          return errors.length
            ? errors.map((d) => html`<li><span class="where">${plan} ${d.start.line}:${d.start.column}</span><span>${d.message} <code>${d.code}</code></span></li>`)
            : html`<li><span class="where">${plan}</span><span>${failure.message}</span></li>`;
        })}
      </ul>
    </section>`;
  }

  #renderField(input: InputInfo, index: number): TemplateResult {
    const f = this.fields[input.name] ?? { text: '' };
    const id = `f${index}`;
    const label = labelIn(input.label, input.translations, this.#language) ?? input.name;
    const errorId = `${id}-error`;
    const error = f.error ? html`<p class="error" part="error" id=${errorId}>${f.error}</p>` : nothing;
    if (input.kind === 'boolean') {
      return html`<div class="field switch" part="field" ?data-invalid=${!!f.error}>
        <label class="switch-label" for=${id}>${label}</label>
        <input id=${id} part="switch" type="checkbox" role="switch" .checked=${f.value === 'true'}
          @change=${(e: Event) => this.#onSwitch(input, (e.target as HTMLInputElement).checked)} />
        ${error}
      </div>`;
    }
    const t = this.#t;
    const suffix = suffixOf(input, input.currency ?? this.currency, { h: t.hours, min: t.minutes, d: t.days, s: 's' });
    const suffixId = `${id}-unit`;
    const describedBy = [suffix ? suffixId : '', f.error ? errorId : ''].filter(Boolean).join(' ');
    return html`<div class="field" part="field" ?data-invalid=${!!f.error}>
      <label for=${id}>${label}</label>
      <div class="control">
        <input id=${id} part="input" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
          .value=${f.text} aria-invalid=${f.error ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
          @input=${(e: Event) => this.#onText(input, (e.target as HTMLInputElement).value)}
          @change=${() => {
            this.#reformat(input);
            this.requestUpdate();
          }} />
        ${suffix ? html`<span class="suffix" id=${suffixId}>${suffix}</span>` : nothing}
      </div>
      ${error}
    </div>`;
  }

  #renderPlans(): TemplateResult {
    const t = this.#t;
    const c = this.#c;
    const base = this.outcomes[0]?.plan.name ?? '';
    const credits = this.outcomes.map((o) => `${o.plan.name} ${o.evaluation.ok ? this.#money(o.evaluation.result.credit.amount, o.evaluation.result.currency) : c.notComputed}`);
    return html`<div class="result wide ${this.stale ? 'stale' : ''}" part="result">
      <h3 class="heading" id="plans-h">${c.plans}</h3>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${credits.length ? c.comparison(credits.join('; ')) : ''}</p>
      <!-- On a narrow screen the table scrolls: a region the keyboard can reach and scroll. -->
      <div class="scroll" tabindex="0" role="region" aria-labelledby="plans-h">
      <table class="plans" part="plans">
        <thead><tr>
          <th scope="col">${c.plan}</th><th scope="col">${c.monthlyFee}</th><th scope="col">${t.totalCredit}</th>
          <th scope="col">${c.shareOfFee}</th><th scope="col">${c.differenceTo(base)}</th>
        </tr></thead>
        <tbody>
          ${this.outcomes.map((o, i) => {
            const r = o.evaluation.ok ? o.evaluation.result : undefined;
            return html`<tr>
              <th scope="row"><span class="swatch plan-${i}" aria-hidden="true"></span>${o.plan.name}</th>
              <td data-label=${c.monthlyFee}>${r && r.fee !== null ? this.#money(r.fee, r.currency) : '—'}</td>
              <td data-label=${t.totalCredit} class="amount">${r ? this.#money(r.credit.amount, r.currency) : c.notComputed}</td>
              <td data-label=${c.shareOfFee}>${r && r.credit.percentOfFee !== null ? this.#percent(r.credit.percentOfFee) : '—'}</td>
              <td data-label=${c.differenceTo(base)}>${i === 0 ? c.samePlan : o.difference !== undefined ? this.#difference(o.difference, r?.currency) : '—'}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      </div>
      ${this.stale ? html`<p class="stale-note">${t.stale}</p>` : nothing}
    </div>`;
  }

  /** The input the chart follows: named by `chart-input`, else the first numeric one every plan reads. */
  #chartInputInfo(): InputInfo | undefined {
    const everyPlan = (input: InputInfo) => this.plans!.every((p) => p.program.inputs.some((i) => i.name === input.name));
    const candidates = this.#inputs.filter((i) => i.kind !== 'boolean' && everyPlan(i));
    return candidates.find((i) => i.name === this.chartInput) ?? candidates[0];
  }

  #renderChart(): TemplateResult | typeof nothing {
    const plans = this.plans!;
    const input = this.#chartInputInfo();
    const value = input && this.fields[input.name]?.value;
    if (!input || value === undefined) return nothing;
    const others: Record<string, string> = { ...this.#currentValues() };
    delete others[input.name];
    const key = JSON.stringify([input.name, others, this.currency, value]);
    // A hundred evaluations a plan: traced when the page is idle, so the table answers at once.
    if (this.#curves?.key !== key && this.#tracing !== key) {
      this.#tracing = key;
      const trace = () => {
        if (this.#tracing !== key || this.plans !== plans) return;
        this.#tracing = undefined;
        this.#curves = { key, curves: this.#trace(plans, input, others, Number(value)) };
        this.requestUpdate();
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(trace, { timeout: 200 });
      else setTimeout(trace, 0);
    }
    const curves = this.#curves?.curves;
    if (!curves) return nothing;
    const t = this.#t;
    const c = this.#c;
    const label = labelIn(input.label, input.translations, this.#language) ?? input.name;
    const format = (v: string, shown = input) => (shown.kind === 'percent' ? formatPercent(v, this.#language) : `${formatNumber(v, this.#language)}\u00a0${suffixOf(shown, shown.currency ?? this.currency, { h: t.hours, min: t.minutes, d: t.days, s: 's' })}`.trim());
    // A duration axis in the unit it reads best in (72 h rather than 4,320 min).
    const { unit, per } = axisUnit(input, Math.max(...curves.map((curve) => curve.hi)));
    const fmtX = (x: number) => format(String(Number((x * per).toFixed(2))), unit ? { ...input, unit } : input);
    const credits = this.outcomes.map((o) => `${o.plan.name} ${o.evaluation.ok ? this.#money(o.evaluation.result.credit.amount, o.evaluation.result.currency) : c.notComputed}`).join(', ');
    const currency = this.outcomes.find((o) => o.evaluation.ok)?.evaluation;
    const fmtAmount = (amount: string) => this.#money(amount, currency?.ok ? currency.result.currency : undefined);
    return html`<figure class="chart wide" part="chart">
      <figcaption class="heading">${c.compareChart(label)}</figcaption>
      ${renderCurves(curves, Number(value), fmtX, fmtAmount, c.compareChartSummary(label, format(value), credits))}
      <ul class="legend" aria-label=${c.legend}>
        ${plans.map((p, i) => html`<li><svg viewBox="0 0 28 8" aria-hidden="true"><line class="curve plan-${i}" x1="0" x2="28" y1="4" y2="4"></line></svg>${p.name}</li>`)}
      </ul>
    </figure>`;
  }

  /** Each plan's curve over one span: the widest any plan zooms to. */
  #trace(plans: readonly Plan[], input: InputInfo, others: Record<string, string>, current: number): Curve[] | undefined {
    try {
      const own = plans.map((p) => finish(sweep(p.program, input, valuesFor(p, others), current, this.currency)));
      if (own.some((c) => !c)) return undefined;
      const span: [number, number] = [Math.min(...own.map((c) => c!.lo)), Math.max(...own.map((c) => c!.hi))];
      const curves = own.map((c, i) => (c!.lo === span[0] && c!.hi === span[1] ? c : finish(sweep(plans[i].program, input, valuesFor(plans[i], others), current, this.currency, span))));
      return curves.every(Boolean) ? (curves as Curve[]) : undefined;
    } catch {
      return undefined;
    }
  }

  #renderYear(): TemplateResult {
    const t = this.#t;
    const c = this.#c;
    const years = this.yearOutcomes.map((o) => (o.evaluation.ok && o.evaluation.result.mode === 'year' ? o.evaluation.result : undefined));
    return html`<div class="year wide" part="year">
      <h3 class="heading" id="compare-year-h">${c.yearPerPlan}</h3>
      <p class="hint">${c.yearCompareHint}</p>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="compare-year-h">
      <table>
        <thead><tr>
          <th scope="col">${t.month}</th>
          ${this.yearOutcomes.map((o) => html`<th scope="col">${o.plan.name}</th>`)}
        </tr></thead>
        <tbody>
          ${Array.from({ length: 12 }, (_, m) => html`<tr>
            <th scope="row">${m + 1} · ${t.monthName(m + 1)}</th>
            ${years.map((y) => html`<td>${y?.periods[m] ? this.#money(y.periods[m].credit.amount, y.currency) : '—'}</td>`)}
          </tr>`)}
        </tbody>
        <tfoot><tr>
          <th scope="row">${t.yearTotal}</th>
          ${years.map((y) => html`<td>${y ? html`${this.#money(y.credit.amount, y.currency)}${y.credit.percentOfFee === null ? '' : html`<span class="hint">${t.ofYearlyFee(this.#percent(y.credit.percentOfFee))}</span>`}` : '—'}</td>`)}
        </tr></tfoot>
      </table>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'credit-compare-change': CustomEvent<CreditCompareDetail>;
  }
}
