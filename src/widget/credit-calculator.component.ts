/**
 * `<credit-calculator>`: a service-credit (or ROI) calculator generated from
 * credit rules. The class only — registering the tag is `credit-calculator.ts`,
 * so importing this file has no side effects. It reaches the language through
 * `program.ts` (evaluation, no parser) and, lazily, `compile.ts` (see `load.ts`).
 *
 * Everything from the rules — labels, names, rule text, explanations — is
 * rendered through Lit text bindings, never as HTML.
 *
 * Fields bind `.value` and `.checked` plainly, without Lit's `live` directive
 * (0.4 KB): every input event writes what the control shows into the state,
 * so the value Lit last set is always the one on screen. Sliders, which
 * change their own value, are set after each update (`updated`).
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  addAmounts, formatClaimPeriod, labelIn, periodsInYear, formatMoney, formatNumber, formatPercent, formatQuantity,
  type CapCut, type Diagnostic, type Display, type Evaluation, type ExampleInfo, type EvaluationResult, type InputInfo, type InputValue, type InputValues,
  type MonthResult, type Program, type Translations, type YearResult,
} from '../runtime.js';
import { axisUnit, decimalsOf, isAvailability, renderChart, span, sweep, zooms, type Curve, type Sample } from './chart.js';
import { styles } from './credit-calculator.styles.js';
import { availabilityFromDowntime, downtimeFromAvailability, downtimeMinutes, formatDowntime, renderDowntimeTable } from './downtime.js';
import { creditEvent } from './events.js';
import { inIdleSlices } from './idle.js';
import { parseNumber, strings, type Lang, type Strings } from './i18n.js';
import { renderListField } from './list-field.js';
import { compileText, dedent, DEFAULT_TIMEOUT, fetchRules, type LoadFailure, type Loaded } from './load.js';
import { PageLanguage } from './page-language.js';
import { readScenario, scenarioUrl, termsFingerprint } from './share.js';
import { fieldValue, MAX_VALUE_LENGTH, suffixOf, tooLong } from './values.js';

/** The optional panels; the form and the total always show. */
export type Panel = 'breakdown' | 'outputs' | 'why' | 'chart' | 'examples' | 'year' | 'share';
const ALL_PANELS: readonly Panel[] = ['breakdown', 'outputs', 'why', 'chart', 'examples', 'year', 'share'];

interface Field {
  /** What the field shows: the user's own text while they type. */
  text: string;
  /** The last valid value, as a decimal string in the input's unit ("true"/"false" for switches). */
  value?: string;
  error?: string;
}

interface Evaluated {
  readonly inputs: Record<string, string | string[]>;
  readonly result: EvaluationResult;
}

/**
 * A calculator for SLA service credits and ROI, generated from credit rules.
 *
 * @summary Service-credit and ROI calculator for credit rules.
 *
 * @fires credit-change - After the user changes a value. `detail`: `{ inputs, result }`, numbers as decimal strings. Never fired for property changes.
 * @fires credit-error - When the rules cannot be loaded or have errors. `detail`: `{ kind: 'load' | 'compile', message, diagnostics }`.
 *
 * @slot - A `<script type="text/credit-rules">` holding the rules (used when neither `rules` nor `src` is set).
 * @slot summary - Printed above a printed summary, with the date, and never shown on screen: a title, the customer, a proposal number.
 * @slot cta - Beside the result: a call to action ("Talk to sales").
 *
 * @csspart layout - The grid holding every panel.
 * @csspart summary - The heading of a printed summary: the `summary` slot and the date. Print only.
 * @csspart form - The fieldset of input fields.
 * @csspart field - One input field (label, control, message).
 * @csspart label - A field's label.
 * @csspart input - A text or number entry.
 * @csspart slider - The slider of a percentage.
 * @csspart switch - The switch of a yes/no input.
 * @csspart error - A field's or the form's error message.
 * @csspart result - The result column.
 * @csspart total - The total credit, in a polite live region.
 * @csspart amount - The total credit amount.
 * @csspart breakdown - The credit-by-credit breakdown.
 * @csspart tier - One tier of a credit block; the winner also has `tier-winner`.
 * @csspart outputs - The `output` values (ROI figures).
 * @csspart why - The plain-language explanation.
 * @csspart chart - The credit curve and downtime facts.
 * @csspart chart-svg - The SVG of the credit curve.
 * @csspart examples - The worked examples.
 * @csspart button - Every button.
 * @csspart year - The contract-year table.
 * @csspart share - The share and print bar.
 * @csspart problems - The panel listing problems with the rules.
 *
 * @cssprop [--credit-accent=#2354c4] - Accent colour: slider, curve, buttons, highlights.
 * @cssprop [--credit-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--credit-font=inherit] - Font family; the host's by default.
 * @cssprop [--credit-font-size=1rem] - Base font size.
 * @cssprop [--credit-radius=12px] - Corner radius.
 * @cssprop [--credit-surface=#ffffff] - Background.
 * @cssprop [--credit-text=#1b2230] - Text colour.
 * @cssprop [--credit-muted=#535b69] - Secondary text.
 * @cssprop [--credit-border=#d6dbe4] - Borders.
 * @cssprop [--credit-subtle=#f3f5f9] - Subtle backgrounds.
 * @cssprop [--credit-danger=#b3261e] - Errors and cap cuts.
 */
export class CreditCalculator extends LitElement {
  static override styles = styles;

  /**
   * Form-associated: inside a `<form>`, the result is submitted with it as
   * `NAME.credit`, `NAME.currency`, `NAME.percent` and `NAME.INPUT` for each
   * input (NAME: the `name` attribute, else `credit`) — lead capture without script.
   */
  static formAssociated = true;
  #internals = this.attachInternals?.();

  // `static properties` rather than decorators: the same reactive properties
  // without the decorator helpers in the bundle (see the size budgets).
  static override properties = {
    rules: {},
    src: {},
    locale: { reflect: true },
    currency: {},
    // By content: frameworks hand a new object on every render (React's `values={{…}}`), which must not undo typing.
    values: { converter: { fromAttribute: (v: string | null) => safeJson(v) }, hasChanged: (now: unknown, before: unknown) => JSON.stringify(now) !== JSON.stringify(before) },
    compact: { type: Boolean, reflect: true },
    panels: {},
    inputs: {},
    downtime: { type: Boolean },
    chartInput: { attribute: 'chart-input' },
    program: { attribute: false },
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    // Internal state; `attribute: false` keeps it out of the custom-elements manifest too.
    loaded: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    fields: { state: true, attribute: false },
    evaluated: { state: true, attribute: false },
    stale: { state: true, attribute: false },
    formError: { state: true, attribute: false },
    year: { state: true, attribute: false },
    yearEvaluated: { state: true, attribute: false },
    shareNote: { state: true, attribute: false },
    termsChanged: { state: true, attribute: false },
  };

  /** The credit rules as text. Wins over `src` and a child script. */
  declare rules?: string;

  /** URL of a `.credit` file or of a precompiled program (JSON from `credit-rules compile`). */
  declare src?: string;

  /** `en` or `de`. Defaults from the closest `lang` attribute. */
  declare locale?: Lang;

  /** The fee's currency when the rules name none (ISO 4217, e.g. `EUR`). */
  declare currency?: string;

  /** Input values by name: numbers, decimal strings (`"99.5"`, `"99.5%"`) or booleans. Setting it fires no event. */
  values: Record<string, InputValue> = {};

  /** One column, whatever the width. */
  compact = false;

  /** Which panels show, space-separated: `breakdown outputs why chart examples year share`, or `all`. */
  panels = 'breakdown outputs why chart examples';

  /** The input the chart plots credit against; the first numeric input shown by default. */
  declare chartInput?: string;

  /** Which inputs have a field, space-separated names (all by default); the others keep their default or the value given in `values`. */
  declare inputs?: string;

  /** Availability inputs are entered as minutes of downtime in a 30-day month; the rules still read the percentage. */
  downtime = false;

  /** A program object to use directly (from `compile` or `loadProgram`); wins over `rules` and `src`. */
  declare program?: Program;

  /** How long to wait for `src`, in milliseconds (default 10000), before showing that it did not answer. */
  loadTimeout = DEFAULT_TIMEOUT;

  declare private loaded?: Program;
  declare private failure?: LoadFailure;
  private fields: Record<string, Field> = {};
  declare private evaluated?: Evaluated;
  private stale = false;
  declare private formError?: string;
  declare private year?: Record<string, Field[]>;
  declare private yearEvaluated?: YearResult;
  declare private shareNote?: { text: string; url: string };
  /** The link opened was made under other terms than these. */
  private termsChanged = false;
  /** The fingerprint of the terms in use (see `termsFingerprint`). */
  #terms = '';

  /** The user (or a link, or an example) set months of their own: they no longer follow the form. */
  #yearEdited = false;
  #loadToken = 0;
  /** Aborts the fetch in flight: removing the element, or newer rules, make its answer unwanted. */
  #abort?: AbortController;
  /** A load was cut short by removing the element: connecting it again loads afresh. */
  #interrupted = false;
  #observer?: MutationObserver;
  #curve?: { key: string; curve?: Curve };
  /** The key of the curve being traced in idle time. */
  #tracing?: string;
  /** Its language: `locale`, else the page's, followed when the page changes it. */
  #languageOf = new PageLanguage(this, () => {
    this.#reformatAll();
    this.#compute(false);
  });
  /** Waiting for the document to be parsed, in case rules come in a child script. */
  #awaitingDocument = false;

  /** The program in use, once loaded. */
  get loadedProgram(): Program | undefined {
    return this.loaded;
  }

  /** The fingerprint of the terms in use, once loaded: what a link's `ID._terms` holds. */
  get terms(): string | undefined {
    return this.loaded ? this.#terms : undefined;
  }

  /** The link to the scenario shown, once loaded: what "Copy link" copies (values, edited months, the terms' fingerprint). */
  get link(): string | undefined {
    return this.loaded ? this.#scenarioLink() : undefined;
  }

  /** The last valid result (a month, or a contract year when the year view was changed). */
  get result(): EvaluationResult | undefined {
    return this.evaluated?.result;
  }

  /** A field's or output's label in the page's language (`"Uptime" de "Verfügbarkeit"`), else its name. */
  #labelOf(info: { name: string; label?: string; translations?: Translations }): string {
    return labelIn(info.label, info.translations, this.#language) ?? info.name;
  }

  /** What the program pays (`payout "bonus"`) as the result's heading; the default words otherwise. */
  get #paidHeading(): string {
    const payout = this.loaded?.payout;
    const what = payout && labelIn(payout.what, payout.whatTranslations, this.#language);
    return what ? what.charAt(0).toUpperCase() + what.slice(1) : this.#t.totalCredit;
  }

  get #language(): Lang {
    return this.#languageOf.lang;
  }

  get #t(): Strings {
    return strings[this.#language];
  }

  get #shown(): Set<string> {
    const words = (this.panels ?? '').split(/\s+/);
    return new Set(words.includes('all') ? ALL_PANELS : words);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A child script added after the element (streaming HTML, frameworks) still counts.
    this.#observer = new MutationObserver(() => {
      if (!this.loaded && !this.rules && !this.src && !this.program && this.#ruleScript()) void this.#load();
    });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    if (this.#interrupted) {
      this.#interrupted = false;
      void this.#load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    // Nothing may arrive for an element that left the page: no late render, no event.
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = undefined;
      this.#loadToken++;
      this.#interrupted = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rules') || changed.has('src') || changed.has('program') || !this.hasUpdated) {
      void this.#load();
      return;
    }
    // One update may bring several changes (a framework sets locale and values together): each counts.
    const relanguage = changed.has('locale') || changed.has('currency') || changed.has('downtime');
    if (relanguage) this.#reformatAll();
    if (changed.has('values')) this.#applyValues(this.values);
    if (relanguage || changed.has('values') || changed.has('panels') || changed.has('inputs')) this.#compute(false);
  }

  #reformatAll(): void {
    for (const input of this.loaded?.inputs ?? []) this.#reformat(input);
  }

  protected override updated(): void {
    // A slider clamps and snaps its value itself, without an event, so what Lit last set may
    // not be what it shows: set after every update, it follows new bounds and steps too.
    for (const slider of this.renderRoot.querySelectorAll<HTMLInputElement>('input[type=range]')) slider.value = slider.dataset.value!;
  }

  #ruleScript(): HTMLScriptElement | null {
    return this.querySelector('script[type="text/credit-rules"]');
  }

  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    let loaded: Loaded | undefined;
    try {
      loaded = await this.#read(abort.signal);
    } catch (error) {
      loaded = this.#unforeseen(error);
    }
    if (token !== this.#loadToken) return; // newer rules, or the element was removed
    this.#abort = undefined;
    if (!loaded) return; // the observer retries when the script arrives
    try {
      this.#use(loaded);
    } catch (error) {
      // Nothing the rules do may reach the host page: an unforeseen failure is shown like any other.
      this.#use(this.#unforeseen(error));
    }
  }

  #read(signal: AbortSignal): Promise<Loaded | undefined> | Loaded | undefined {
    const t = this.#t;
    const script = this.#ruleScript();
    if (this.program) return { ok: true, program: this.program, warnings: [] };
    if (this.rules) return compileText(dedent(this.rules), t);
    if (this.src) return fetchRules(new URL(this.src, document.baseURI).href, t, signal, this.loadTimeout > 0 ? this.loadTimeout : DEFAULT_TIMEOUT);
    if (script?.textContent?.trim()) return compileText(dedent(script.textContent), t);
    if (document.readyState === 'loading') {
      // A child script may still come; if none has by the end of parsing, that is said.
      if (!this.#awaitingDocument) {
        this.#awaitingDocument = true;
        document.addEventListener('DOMContentLoaded', () => {
          if (this.isConnected && !this.loaded && !this.failure && !this.#abort) void this.#load();
        }, { once: true });
      }
      return undefined;
    }
    return { ok: false, kind: 'load', message: t.noRules, diagnostics: [] };
  }

  #unforeseen(error: unknown): LoadFailure {
    return { ok: false, kind: 'load', message: this.#t.loadFailed(String((error as Error)?.message ?? error)), diagnostics: [] };
  }

  #use(loaded: Loaded): void {
    this.evaluated = undefined;
    this.yearEvaluated = undefined;
    this.year = undefined;
    this.#yearEdited = false;
    this.#curve = undefined;
    this.#tracing = undefined;
    if (!loaded.ok) {
      this.loaded = undefined;
      this.failure = loaded;
      this.dispatchEvent(creditEvent('credit-error', { kind: loaded.kind, message: loaded.message, diagnostics: loaded.diagnostics }));
      return;
    }
    this.failure = undefined;
    this.loaded = loaded.program;
    this.#terms = termsFingerprint(loaded.program.source);
    this.fields = {};
    for (const input of loaded.program.inputs) this.fields[input.name] = input.list ? this.#listField(input, input.defaultItems ?? []) : this.#field(input, input.default);
    this.#applyValues(this.values);
    const scenario = readScenario(location.href, this.#namespace);
    this.termsChanged = !!scenario?.terms && scenario.terms !== this.#terms;
    if (scenario) {
      this.#applyValues(scenario.values);
      if (scenario.year) this.#setYear(scenario.year);
    }
    this.#compute(false);
  }

  /** The prefix of this element's values in a shared link: its id, else its position on the page. */
  get #namespace(): string {
    if (this.id) return this.id;
    const index = [...document.querySelectorAll(this.localName)].indexOf(this);
    return index > 0 ? `credit${index + 1}` : 'credit';
  }

  /**
   * A list input's field: its rows as typed (`text`, a JSON array) and, when
   * every row reads, their values (`value`, a JSON array too, so share links
   * and events carry it as one string); empty rows are left out.
   */
  #listField(input: InputInfo, rows: readonly string[]): Field {
    const text = JSON.stringify(rows);
    const values: string[] = [];
    for (const row of rows) {
      if (row.trim() === '') continue;
      // A value with its unit (`2h`, in the field's unit), else a number as this language writes it (`2,5`).
      const typed = this.#typed(input, row);
      const value = fieldValue(input, row.trim()) ?? typed.value;
      if (value === undefined) return { text, error: typed.error ?? this.#t.notANumber(this.#language === 'de' ? '99,5' : '99.5') };
      values.push(value);
    }
    return { text, value: JSON.stringify(values) };
  }

  /** A list field's rows as typed. */
  #rows(f: Field | undefined): string[] {
    try {
      const rows: unknown = JSON.parse(f?.text ?? '[]');
      return Array.isArray(rows) ? rows.map(String) : [];
    } catch {
      return [];
    }
  }

  /** The form's values as the rules take them: a list input's items as a list. */
  #given(values: Readonly<Record<string, string>>): InputValues {
    const lists = (this.loaded?.inputs ?? []).filter((i) => i.list && values[i.name] !== undefined);
    if (lists.length === 0) return values;
    const given: Record<string, string | string[]> = { ...values };
    for (const input of lists) given[input.name] = this.#rows({ text: values[input.name] });
    return given;
  }

  #onRows(input: InputInfo, rows: string[], focus: number | undefined): void {
    const f = this.#listField(input, rows);
    this.fields = { ...this.fields, [input.name]: f };
    if (focus !== undefined) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#${this.#fieldId(input)}-${focus}`)?.focus());
    if (f.value === undefined) {
      this.stale = !!this.evaluated;
      return;
    }
    this.#compute(true);
  }

  #fieldId(input: InputInfo): string {
    return `f${this.loaded?.inputs.indexOf(input) ?? 0}`;
  }

  #field(input: InputInfo, raw: InputValue | undefined): Field {
    if (raw !== undefined && raw !== null && tooLong(raw)) return { text: String(raw), error: this.#t.tooLong(MAX_VALUE_LENGTH) };
    const value = fieldValue(input, raw);
    return { text: value === undefined ? '' : this.#display(input, value), ...(value !== undefined ? { value } : {}) };
  }

  #display(input: InputInfo, value: string): string {
    if (input.kind === 'boolean') return value;
    return formatNumber(this.#asDowntime(input) ? downtimeFromAvailability(value) : value, this.#language);
  }

  /** Whether this input's field asks for minutes of downtime (see `downtime`). */
  #asDowntime(input: InputInfo): boolean {
    return this.downtime && isAvailability(input);
  }

  #reformat(input: InputInfo): void {
    const f = this.fields[input.name];
    if (f?.value !== undefined && !f.error) f.text = this.#display(input, f.value);
  }

  #applyValues(values: Record<string, InputValue | readonly InputValue[]> | undefined): void {
    if (!this.loaded || !values) return;
    const fields = { ...this.fields };
    const lists: Record<string, string[]> = {};
    for (const input of this.loaded.inputs) {
      const raw = values[input.name];
      if (input.list) {
        // A list: its items, or the JSON of a share link.
        const rows = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? this.#rows({ text: raw }) : undefined;
        if (rows) fields[input.name] = this.#listField(input, rows);
        continue;
      }
      if (Array.isArray(raw)) {
        lists[input.name] = raw.map(String);
        continue;
      }
      const f = this.#field(input, raw as InputValue | undefined);
      // A value that cannot be one is ignored, unless it is too long: that is said at the field.
      if (f.value !== undefined || f.error) fields[input.name] = kept(fields[input.name], f);
    }
    this.fields = fields;
    // After the fields: months not given follow them.
    if (Object.keys(lists).length) this.#setYear(lists);
  }

  #currentValues(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [name, f] of Object.entries(this.fields)) if (f.value !== undefined) values[name] = f.value;
    return values;
  }

  get #options() {
    return { lang: this.#language, ...(this.currency ? { currency: this.currency } : {}) };
  }

  /** Evaluates the form (and the year, when shown); `user` says whether to tell the page. */
  #compute(user: boolean): void {
    const program = this.loaded;
    if (!program) return;
    this.formError = undefined;
    // Problems found by evaluating are looked for afresh each time; a field that
    // does not parse keeps its message until the user corrects it.
    const blocked = Object.values(this.fields).some((f) => f.value === undefined && f.error);
    this.fields = clearChecked(this.fields);
    if (blocked) {
      this.stale = !!this.evaluated;
      return;
    }
    const values = this.#currentValues();
    const r = this.#evaluate(values);
    if (!r.ok) {
      this.#showProblems(r.diagnostics);
      this.stale = !!this.evaluated;
      return;
    }
    this.stale = false;
    this.evaluated = { inputs: values, result: r.result };
    this.#submitWithForm(values, r.result);
    if (this.#shown.has('year') && !this.#yearEdited) this.year = this.#yearFields({});
    const year = this.#computeYear(values);
    // Months of the user's own that do not compute yet: nothing the page should hear about.
    if (user && this.#yearEdited && this.#shown.has('year') && !year) return;
    if (user) this.dispatchEvent(creditEvent('credit-change', year && this.#yearEdited ? year : this.evaluated));
  }

  #computeYear(values: Record<string, string>): Evaluated | undefined {
    if (!this.year || !this.loaded || !this.#shown.has('year')) return undefined;
    const inputs: Record<string, string | string[]> = { ...values };
    const year: Record<string, Field[]> = {};
    for (const [name, months] of Object.entries(this.year)) {
      if (months.some((m) => m.value === undefined)) return undefined;
      year[name] = months.map((m) => ({ text: m.text, value: m.value }));
      inputs[name] = months.map((m) => m.value!);
    }
    this.year = year;
    const r = this.#evaluate(inputs);
    if (!r.ok || r.result.mode !== 'year') {
      if (!r.ok) this.#showProblems(r.diagnostics);
      return undefined;
    }
    this.yearEvaluated = r.result;
    return { inputs, result: r.result };
  }

  /**
   * Checked rules never throw, but a precompiled program is data from
   * elsewhere: if evaluating it throws, that is a problem shown in the form,
   * never an error in the host page.
   */
  #evaluate(values: InputValues): Evaluation {
    return contained(() => this.loaded!.evaluate(this.#given(values as Record<string, string>), this.#options)) ?? {
      ok: false,
      diagnostics: [{ severity: 'error', code: 'bad-precompiled', message: this.#t.rulesProblem, span: { start: 0, end: 0 }, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }],
    };
  }

  #showProblems(diagnostics: readonly Diagnostic[]): void {
    const fields = { ...this.fields };
    let general: string | undefined;
    for (const d of diagnostics) {
      const input = this.loaded?.inputs.find((i) => i.name === d.input);
      if (input && !d.month) {
        const f = fields[input.name];
        fields[input.name] = { ...f, error: this.#rangeMessage(input) ?? d.message.replace(/^`[^`]*`: /, '') };
      } else if (input && d.month && this.year?.[input.name]) {
        const months = [...this.year[input.name]];
        months[d.month - 1] = { ...months[d.month - 1], error: d.message };
        this.year = { ...this.year, [input.name]: months };
      } else general ??= d.message;
    }
    this.fields = fields;
    this.formError = general;
  }

  #rangeMessage(input: InputInfo): string | undefined {
    const value = this.fields[input.name]?.value;
    const range = input.range ?? (input.kind === 'percent' ? { min: '0', max: '100' } : undefined);
    if (!range || value === undefined) return undefined;
    if (Number(value) >= Number(range.min) && Number(value) <= Number(range.max)) return undefined;
    const f = (v: string) => this.#formatIn(input, v);
    if (this.#asDowntime(input)) {
      const minutes = (v: string) => `${formatNumber(downtimeFromAvailability(v), this.#language)}\u00a0${this.#t.minutes}`;
      return this.#language === 'de' ? `Erlaubt: ${minutes(range.max)} bis ${minutes(range.min)}.` : `Allowed: ${minutes(range.max)} to ${minutes(range.min)}.`;
    }
    return this.#language === 'de' ? `Erlaubt: ${f(range.min)} bis ${f(range.max)}.` : `Allowed: ${f(range.min)} to ${f(range.max)}.`;
  }

  #formatIn(input: InputInfo, value: string): string {
    if (input.kind === 'boolean') return value === 'true' ? this.#t.on : this.#t.off;
    const suffix = suffixOf(input, this.#currencyCode, this.#unitWords);
    const number = formatNumber(value, this.#language);
    if (input.kind === 'percent') return formatPercent(value, this.#language);
    return suffix ? `${number}\u00a0${suffix}` : number;
  }

  get #unitWords(): Record<string, string> {
    const t = this.#t;
    return { h: t.hours, min: t.minutes, d: t.days, s: 's' };
  }

  get #currencyCode(): string | undefined {
    return this.evaluated?.result.currency ?? this.loaded?.currency ?? this.currency;
  }

  // ——— user actions ———

  /** A field as the user typed it: its value (minutes of downtime read as the availability they mean), or what is wrong with it. */
  #typed(input: InputInfo, text: string): Field {
    if (tooLong(text)) return { text, error: this.#t.tooLong(MAX_VALUE_LENGTH) };
    const value = parseNumber(text, this.#language);
    if (value === undefined) return { text, error: this.#t.notANumber(this.#language === 'de' ? '99,5' : '99.5') };
    return { text, value: this.#asDowntime(input) ? availabilityFromDowntime(value) : value };
  }

  #onText(input: InputInfo, text: string): void {
    const typed = this.#typed(input, text);
    this.fields = { ...this.fields, [input.name]: typed };
    if (typed.value === undefined) {
      this.stale = !!this.evaluated;
      return;
    }
    this.#compute(true);
  }

  /** Leaving a field shows its value the way this language writes it. */
  #onCommit(input: InputInfo): void {
    this.#reformat(input);
    this.requestUpdate();
  }

  /** Arrow keys step the value by the input's step, as a slider would. */
  #onKey(input: InputInfo, e: KeyboardEvent): void {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const f = this.fields[input.name];
    if (f?.value === undefined) return;
    e.preventDefault();
    if (this.#asDowntime(input)) {
      // A minute more downtime is less availability: the arrows step the minutes shown.
      const minutes = Math.max(0, Math.round(Number(downtimeFromAvailability(f.value)) + (e.key === 'ArrowUp' ? 1 : -1)));
      const value = availabilityFromDowntime(String(minutes));
      this.fields = { ...this.fields, [input.name]: { text: this.#display(input, value), value } };
      this.#compute(true);
      return;
    }
    const decimals = decimalsOf(input);
    const step = Number(input.step ?? 10 ** -Math.min(decimals, 2)) * (e.key === 'ArrowUp' ? 1 : -1);
    let next = Number(f.value) + step;
    if (input.range) next = Math.min(Math.max(next, Number(input.range.min)), Number(input.range.max));
    const value = String(Number(next.toFixed(decimals)));
    this.fields = { ...this.fields, [input.name]: { text: this.#display(input, value), value } };
    this.#compute(true);
  }

  #onSlider(input: InputInfo, raw: string): void {
    const value = String(Number(Number(raw).toFixed(decimalsOf(input))));
    this.fields = { ...this.fields, [input.name]: { text: this.#display(input, value), value } };
    this.#compute(true);
  }

  #onSwitch(input: InputInfo, on: boolean): void {
    this.fields = { ...this.fields, [input.name]: { text: String(on), value: String(on) } };
    this.#compute(true);
  }

  #onExample(inputs: ExampleInfo['inputs']): void {
    if (!this.loaded) return;
    const fields = { ...this.fields };
    const lists: Record<string, string[]> = {};
    for (const input of this.loaded.inputs) {
      if (input.list) {
        // One period's items; of a year of them, the first period's.
        const items = inputs[input.name] as readonly (InputValue | readonly InputValue[])[] | undefined;
        const first = items?.length && Array.isArray(items[0]) ? (items[0] as readonly InputValue[]) : (items as readonly InputValue[] | undefined);
        fields[input.name] = this.#listField(input, (first ?? input.defaultItems ?? []).map(String));
        continue;
      }
      const raw = inputs[input.name] as InputValue | readonly InputValue[] | undefined;
      if (Array.isArray(raw)) lists[input.name] = raw.map(String);
      fields[input.name] = this.#field(input, Array.isArray(raw) ? raw[0] : (raw as InputValue | undefined) ?? input.default);
    }
    this.fields = fields;
    this.#yearEdited = false;
    this.yearEvaluated = undefined;
    this.year = undefined;
    if (Object.keys(lists).length) this.#setYear(lists);
    this.#compute(true);
  }

  /** The periods of a contract year: 12 months, or 4 quarters or 1 year under `period quarterly` or `yearly`. */
  get #periods(): number {
    return periodsInYear(this.loaded?.period ?? 'monthly');
  }

  /** A period of the year as the year view names it: "March", "Q2" / "2. Quartal". */
  #periodName(index: number): string {
    const period = this.loaded?.period ?? 'monthly';
    if (period === 'monthly') return this.#t.monthName(index + 1);
    if (period === 'yearly') return this.#language === 'de' ? 'Jahr' : 'Year';
    return this.#language === 'de' ? `${index + 1}. Quartal` : `Q${index + 1}`;
  }

  /** A year's periods per input; those not given repeat the last given one, or the current value. */
  #yearFields(lists: Record<string, readonly string[]>): Record<string, Field[]> {
    const year: Record<string, Field[]> = {};
    for (const input of this.#yearInputs) {
      const given = lists[input.name];
      year[input.name] = Array.from({ length: this.#periods }, (_, m) => {
        const raw = given?.length ? given[Math.min(m, given.length - 1)] : this.fields[input.name]?.value;
        return this.#field(input, raw);
      });
    }
    return year;
  }

  #setYear(lists: Record<string, readonly string[]>): void {
    const before = this.year;
    const year = this.#yearFields(lists);
    for (const [name, months] of Object.entries(year)) months.forEach((f, m) => (months[m] = kept(before?.[name]?.[m], f)));
    this.year = year;
    this.#yearEdited = true;
  }

  /** The inputs that have a field: all, or those `inputs` names. */
  get #shownInputs(): InputInfo[] {
    const all = this.loaded?.inputs ?? [];
    const names = this.inputs?.trim() ? new Set(this.inputs.trim().split(/\s+/)) : undefined;
    return names ? all.filter((i) => names.has(i.name)) : [...all];
  }

  /** The inputs the year view asks per period; a list keeps its rows for every period. */
  get #yearInputs(): InputInfo[] {
    return this.#shownInputs.filter((i) => i.name !== 'fee' && !i.list);
  }

  #onYearCell(input: InputInfo, month: number, text: string): void {
    const year = this.year ?? this.#yearFields({});
    const typed = input.kind === 'boolean' ? { text, value: text } : this.#typed(input, text);
    const months = [...year[input.name]];
    months[month] = typed;
    this.year = { ...year, [input.name]: months };
    this.#yearEdited = true;
    if (typed.value !== undefined) this.#compute(true);
  }

  #resetYear(): void {
    this.#yearEdited = false;
    this.#compute(true);
  }

  /** What a host `<form>` submits: flat fields a CRM's form handler reads as they are. */
  #submitWithForm(values: Record<string, string>, result: EvaluationResult): void {
    if (!this.#internals) return;
    const data = new FormData();
    const prefix = this.getAttribute('name') || 'credit';
    data.set(`${prefix}.credit`, result.credit.amount);
    data.set(`${prefix}.currency`, result.currency ?? '');
    data.set(`${prefix}.percent`, result.credit.percentOfFee ?? '');
    for (const [name, value] of Object.entries(values)) data.set(`${prefix}.${name}`, value);
    this.#internals.setFormValue(data);
  }

  /** The link to what the calculator shows. */
  #scenarioLink(): string {
    // Months that follow the form are not the scenario's own: the link leaves them to follow.
    const year = this.year && this.#yearEdited && this.#shown.has('year')
      ? Object.fromEntries(Object.entries(this.year).map(([n, ms]) => [n, ms.map((m) => m.value ?? '')]))
      : undefined;
    return scenarioUrl(location.href, this.#namespace, { values: this.#currentValues(), ...(year ? { year } : {}), terms: this.#terms });
  }

  async #copyLink(): Promise<void> {
    const url = this.#scenarioLink();
    try {
      await navigator.clipboard.writeText(url);
      this.shareNote = { text: this.#t.copied, url };
    } catch {
      this.shareNote = { text: this.#t.copyFailed, url };
    }
  }

  /**
   * Prints this calculator alone: while the print dialog is open (print()
   * blocks), the page's other content is marked not to print. The rule is a
   * constructed style sheet, which a strict Content Security Policy allows.
   * Inside other shadow roots, the outermost host is what prints.
   */
  #print(): void {
    let target: Element = this;
    while (target.getRootNode() instanceof ShadowRoot) target = (target.getRootNode() as ShadowRoot).host;
    const marked: Element[] = [];
    try {
      if (!printSheet) {
        printSheet = new CSSStyleSheet();
        printSheet.replaceSync(`@media print{html[${PRINTING}] body *:not([${PRINTING}],[${PRINTING}=this] *){display:none!important}}`);
      }
      if (!document.adoptedStyleSheets.includes(printSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
      for (let e: Element | null = target; e; e = e.parentElement) marked.push(e);
      marked.forEach((e) => e.setAttribute(PRINTING, e === target ? 'this' : ''));
    } catch {
      // No constructed style sheets (older browsers): the page prints as it is.
    }
    try {
      print();
    } finally {
      for (const e of marked) e.removeAttribute(PRINTING);
    }
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.#t;
    if (this.failure) return this.#renderFailure(this.failure);
    const program = this.loaded;
    if (!program) return html`<p class="loading" role="status">${t.loading}</p>`;
    const shown = this.#shown;
    const result = this.evaluated?.result;
    return html`<div class="layout" part="layout" lang=${this.#language}>
      <header class="summary wide" part="summary">
        <slot name="summary"></slot>
        <p class="hint">${new Intl.DateTimeFormat(this.#language, { dateStyle: 'long' }).format(new Date())} · ${t.terms(this.#terms)}</p>
      </header>
      <fieldset class="form" part="form">
        <legend class="heading">${t.inputs}</legend>
        ${program.inputs.map((input, i) => (this.#shownInputs.includes(input) ? this.#renderField(input, i) : nothing))}
        ${this.formError ? html`<p class="error" part="error">${this.formError}</p>` : nothing}
        ${this.termsChanged ? html`<p class="error" part="error">${t.termsChanged}</p>` : nothing}
      </fieldset>
      <section class="result" part="result" aria-label=${program.credits.length ? t.result : t.results}>
        ${program.credits.length || !program.outputs.length ? this.#renderTotal(result) : nothing}
        <slot name="cta"></slot>
        ${result && shown.has('breakdown') ? this.#renderBreakdown(result) : nothing}
        ${result && shown.has('outputs') ? this.#renderOutputs(result) : nothing}
        ${result && shown.has('why') ? this.#renderWhy(result) : nothing}
      </section>
      ${shown.has('chart') ? this.#renderChartPanel() : nothing}
      ${shown.has('examples') && program.examples.length ? this.#renderExamples() : nothing}
      ${shown.has('year') ? this.#renderYear() : nothing}
      ${shown.has('share') ? this.#renderShare() : nothing}
    </div>`;
  }

  #renderFailure(failure: LoadFailure): TemplateResult {
    return html`<section class="problems" part="problems" role="alert">
      <h2>${failure.diagnostics.length ? this.#t.rulesProblem : failure.message}</h2>
      ${failure.diagnostics.length
        ? html`<p class="hint">${this.#t.rulesProblemHint}</p>
            <ul>
              ${failure.diagnostics.filter((d) => d.severity === 'error').map(
                (d) => html`<li><span class="where">${d.start.line}:${d.start.column}</span><span>${d.message} <code>${d.code}</code></span></li>`,
              )}
            </ul>`
        : nothing}
    </section>`;
  }

  #renderField(input: InputInfo, index: number): TemplateResult {
    const f = this.fields[input.name] ?? { text: '' };
    const id = `f${index}`;
    const label = this.#asDowntime(input) ? this.#t.asDowntime(this.#labelOf(input)) : this.#labelOf(input);
    const errorId = `${id}-error`;
    const error = f.error ? html`<p class="error" part="error" id=${errorId}>${f.error}</p>` : nothing;
    if (input.list) {
      return renderListField({
        id, label, lang: this.#language, items: this.#rows(f), error: f.error,
        suffix: suffixOf(input, this.#currencyCode, this.#unitWords),
        onChange: (rows, focus) => this.#onRows(input, rows, focus),
      });
    }
    if (input.kind === 'boolean') {
      return html`<div class="field switch" part="field" ?data-invalid=${!!f.error}>
        <label class="switch-label" part="label" for=${id}>${label}</label>
        <input id=${id} part="switch" type="checkbox" role="switch" .checked=${f.value === 'true'}
          aria-invalid=${f.error ? 'true' : 'false'} aria-describedby=${f.error ? errorId : nothing}
          @change=${(e: Event) => this.#onSwitch(input, (e.target as HTMLInputElement).checked)} />
        ${error}
      </div>`;
    }
    const downtime = this.#asDowntime(input);
    const suffix = downtime ? this.#t.minutes : suffixOf(input, this.#currencyCode, this.#unitWords);
    const suffixId = `${id}-unit`;
    const availability = !isAvailability(input) || f.value === undefined ? undefined
      : downtime ? this.#t.availabilityHint(formatPercent(f.value, this.#language)) : this.#downtimeHint(f.value);
    const hintId = `${id}-hint`;
    const describedBy = [suffix ? suffixId : '', f.error ? errorId : '', availability ? hintId : ''].filter(Boolean).join(' ');
    return html`<div class="field" part="field" ?data-invalid=${!!f.error}>
      <label part="label" for=${id}>${label}</label>
      ${input.kind === 'percent' && (input.range || isAvailability(input)) && !downtime ? this.#renderSlider(input, f, label) : nothing}
      <div class="control">
        <input id=${id} part="input" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
          .value=${f.text} aria-invalid=${f.error ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
          @input=${(e: Event) => this.#onText(input, (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.#onKey(input, e)}
          @change=${() => this.#onCommit(input)} />
        ${suffix ? html`<span class="suffix" id=${suffixId}>${suffix}</span>` : nothing}
      </div>
      ${error}
      ${availability ? html`<p class="hint" id=${hintId}>${availability}</p>` : nothing}
    </div>`;
  }

  #renderSlider(input: InputInfo, f: Field, label: string): TemplateResult {
    // While the field holds text that is no number, the slider stays at the value the result was computed from.
    const evaluated = this.evaluated?.inputs[input.name];
    const value = f.value ?? (typeof evaluated === 'string' ? evaluated : undefined);
    const min = input.range?.min ?? '0';
    const max = input.range?.max ?? '100';
    const step = input.step ?? (Number(max) - Number(min) <= 20 ? '0.01' : '0.1');
    return html`<input type="range" part="slider" min=${min} max=${max} step=${step} tabindex="-1"
      aria-label=${label} data-value=${value ?? min}
      aria-valuetext=${value !== undefined ? formatPercent(value, this.#language) : nothing}
      @input=${(e: Event) => this.#onSlider(input, (e.target as HTMLInputElement).value)} />`;
  }

  #downtimeHint(value: string): string {
    const minutes = downtimeMinutes(Number(value));
    return `≈ ${formatDowntime(minutes, this.#downtimeUnits)} · ${this.#t.downtime}`;
  }

  get #downtimeUnits() {
    const t = this.#t;
    return { days: t.days, hours: t.hours, minutes: t.minutes };
  }

  #money(amount: string): string {
    return formatMoney(amount, this.#currencyCode, this.#language);
  }

  #percent(share: string): string {
    return formatPercent(roundShare(share), this.#language);
  }

  #renderTotal(result: EvaluationResult | undefined): TemplateResult {
    const t = this.#t;
    const claim = this.loaded?.claim;
    return html`<div class="total ${this.stale ? 'stale' : ''}" part="total" role="status" aria-live="polite" aria-atomic="true">
      <span class="heading">${this.#paidHeading}</span>
      ${result
        ? html`<span class="amount" part="amount">${this.#money(result.credit.amount)}</span>
            ${result.credit.percentOfFee === null ? nothing : html`<span class="of-fee">${(result.mode === 'year' ? t.ofYearlyFee : t.ofFee)(this.#percent(result.credit.percentOfFee))}</span>`}`
        : nothing}
      ${this.stale ? html`<span class="stale-note">${t.stale}</span>` : nothing}
      ${claim ? html`<span class="hint">${t.claim(formatClaimPeriod(claim, this.#language), claim.afterIncident)}</span>` : nothing}
    </div>`;
  }

  #renderBreakdown(result: EvaluationResult): TemplateResult | typeof nothing {
    const t = this.#t;
    if (!result.credits.length) return nothing;
    const month = result.mode !== 'year' ? result : undefined;
    return html`<section part="breakdown">
      <h3 class="heading">${t.breakdown}</h3>
      <ul class="lines">
        ${result.credits.map(
          (c) => html`<li class="line" ?data-matched=${c.matched}>
            <div class="line-head">
              ${c.kind === 'rule' ? html`<code>${c.name}</code>` : html`<strong>${c.name}</strong>`}
              <span class="money">${this.#money(c.amount)}</span>
            </div>
            ${c.tiers
              ? html`<ol class="tiers">
                  ${c.tiers.map(
                    (tier, i) => html`<li class="tier" part=${i === c.winner ? 'tier tier-winner' : 'tier'} ?data-winner=${i === c.winner}>
                      <code>${tier.condition}</code>
                      <span>${i === c.winner ? html`<span class="badge">${t.tierApplies}</span> ` : nothing}${tier.holds ? this.#money(tier.amount) : '—'}</span>
                    </li>`,
                  )}
                </ol>`
              : nothing}
            ${c.cuts.map((cut) => this.#renderCut(cut))}
          </li>`,
        )}
      </ul>
      ${month?.cuts.map((cut) => this.#renderCut(cut)) ?? nothing}
    </section>`;
  }

  #renderCut(cut: CapCut): TemplateResult {
    const cap = `${this.#quantity(cut.cap)} ${periodWord(cut.period, this.#language)}`;
    return html`<p class="cut">${this.#t.capCut(cap, this.#money(cut.before), this.#money(cut.after))}</p>`;
  }

  #quantity(d: Display): string {
    return formatQuantity(d, this.#language, this.#currencyCode);
  }

  #renderOutputs(result: EvaluationResult): TemplateResult | typeof nothing {
    const outputs = this.loaded?.outputs ?? [];
    if (result.mode === 'year' || !outputs.length) return nothing;
    // Without credits (an ROI calculator) the outputs are the result, announced as it changes.
    const live = this.loaded?.credits.length ? nothing : 'polite';
    return html`<section part="outputs" aria-live=${live}>
      <h3 class="heading">${this.#t.results}</h3>
      ${live !== nothing && this.stale ? html`<p class="stale-note">${this.#t.stale}</p>` : nothing}
      <dl class="outputs">
        ${outputs.map((o) => {
          const raw = result.outputs[o.name];
          return html`<div class="output"><dt>${this.#labelOf(o)}</dt><dd>${raw === undefined ? '—' : this.#outputText(o.kind, raw)}</dd></div>`;
        })}
      </dl>
    </section>`;
  }

  #outputText(kind: Display['kind'], raw: string): string {
    if (kind === 'duration') {
      const m = /^(-?[\d.]+)(min|s|h|d)$/.exec(raw);
      return m ? formatQuantity({ kind, value: m[1], unit: m[2] as 'h' }, this.#language) : raw;
    }
    if (kind === 'percent') return this.#percent(raw);
    if (kind === 'money') return this.#money(raw);
    if (kind === 'number') return formatNumber(roundShare(raw), this.#language);
    return this.#quantity({ kind, value: raw });
  }

  #renderWhy(result: EvaluationResult): TemplateResult {
    const steps = result.mode !== 'year' ? result.explanation.filter((s) => s.kind !== 'let') : result.explanation;
    return html`<section class="why" part="why">
      <h3 class="heading">${this.#t.why}</h3>
      <ol>${steps.map((s) => html`<li>${codeSpans(s.text)}</li>`)}</ol>
    </section>`;
  }

  #chartInputInfo(): InputInfo | undefined {
    // A list input has no one value to plot against: the chart is not offered for it.
    return this.loaded?.inputs.find((i) => i.name === this.chartInput && !i.list) ?? this.#shownInputs.find((i) => i.kind !== 'boolean' && i.name !== 'fee' && !i.list);
  }

  #renderChartPanel(): TemplateResult | typeof nothing {
    const program = this.loaded;
    const input = this.#chartInputInfo();
    const value = input && this.fields[input.name]?.value;
    if (!program || !input || input.kind === 'boolean' || value === undefined || !program.credits.length) return nothing;
    const others = { ...this.#currentValues() };
    delete others[input.name];
    // What the curve depends on: the other values, and the span (and zoom) that follow this one.
    const key = JSON.stringify([input.name, others, this.currency, span(input, Number(value)), zooms(input) && value]);
    // The curve takes a hundred evaluations: it is traced when the page is idle, in slices, so a
    // change shows its result at once (the chart follows; until then the last curve stays).
    if (this.#curve?.key !== key && this.#tracing !== key) {
      this.#tracing = key;
      inIdleSlices(sweep(program, input, this.#given(others), Number(value), this.currency), () => this.#tracing === key && this.loaded === program, (curve) => {
        this.#tracing = undefined;
        this.#curve = { key, curve };
        this.requestUpdate();
      });
    }
    const curve = this.#curve?.curve;
    if (!curve) return nothing;
    const t = this.#t;
    const label = this.#labelOf(input);
    // A duration axis in the unit it reads best in (72 h rather than 4,320 min).
    const { unit, per } = axisUnit(input, curve.hi);
    const fmtX = (x: number) => this.#formatIn(unit ? { ...input, unit } : input, String(Number((x * per).toFixed(2))));
    const result = this.evaluated?.result;
    const summary = t.chartSummary(label, this.#formatIn(input, value), result ? this.#money(result.credit.amount) : '—');
    const availability = isAvailability(input);
    return html`<figure class="chart wide" part="chart">
      <figcaption class="heading">${t.chart(label)}</figcaption>
      ${renderChart(curve, Number(value), fmtX, summary, (amount) => this.#money(amount))}
      ${availability
        ? html`<div class="downtime">
            <p>${t.downtimeValue(formatPercent(value, this.#language), formatDowntime(downtimeMinutes(Number(value)), this.#downtimeUnits))}</p>
            ${curve.steps.length
              ? html`<p class="hint">${t.tierStarts}</p>
                  <ul>
                    ${curve.steps.map(
                      (s) => html`<li>${t.tierStart(formatDowntime(downtimeMinutes(s.at), this.#downtimeUnits), this.#stepCredit(s.after))}</li>`,
                    )}
                  </ul>`
              : nothing}
            ${renderDowntimeTable([
              { availability: Number(value), label: formatPercent(value, this.#language), note: t.now, current: true },
              ...curve.steps.map((s) => ({ availability: s.at, label: formatPercent(String(s.at), this.#language), note: t.below(this.#stepCredit(s.after)) })),
            ].sort((a, b) => b.availability - a.availability), { caption: t.downtimeByPeriod, availability: label, periods: t.periods, units: this.#downtimeUnits })}
          </div>`
        : nothing}
    </figure>`;
  }

  /** The credit from a step of the curve on: "10% · 100.00 EUR", or the amount alone without a fee. */
  #stepCredit(after: Sample): string {
    return after.share === null ? this.#money(after.amount) : `${this.#percent(after.share)} · ${this.#money(after.amount)}`;
  }

  #renderExamples(): TemplateResult {
    const t = this.#t;
    return html`<section class="examples wide" part="examples">
      <h3 class="heading">${t.examples}</h3>
      <ul>
        ${this.loaded!.examples.map(
          (ex) => html`<li><button type="button" class="button" part="button" aria-label=${t.loadExample(ex.name)}
            @click=${() => this.#onExample(ex.inputs)}>${ex.name}</button></li>`,
        )}
      </ul>
    </section>`;
  }

  #renderYear(): TemplateResult {
    const t = this.#t;
    const inputs = this.#yearInputs;
    const year = this.year ?? {};
    const result = this.yearEvaluated;
    // Exact sums, as the amounts are: three-place currencies (KWD, BHD) keep their third place.
    let running = '0';
    let cutTotal = '0';
    const months: (MonthResult | undefined)[] = Array.from({ length: this.#periods }, (_, m) => result?.periods[m]);
    const problems = inputs.flatMap((input) => (year[input.name] ?? []).flatMap((f, month) => (f.error ? [{ input, month, error: f.error }] : [])));
    // A month that does not read leaves the figures of the months before it: shown as such.
    const stale = !!result && problems.length > 0;
    return html`<section class="year wide ${stale ? 'stale' : ''}" part="year" aria-labelledby="year-h">
      <div class="year-bar">
        <h3 class="heading" id="year-h">${t.year}</h3>
        <button type="button" class="button" part="button" @click=${() => this.#resetYear()}>${t.resetYear}</button>
      </div>
      <p class="hint">${t.yearHint}</p>
      <table>
        <thead><tr>
          <th scope="col">${t.month}</th>
          <th scope="col">${t.credit}</th><th scope="col">${t.cut}</th><th scope="col">${t.runningTotal}</th>
          ${inputs.map((i) => html`<th scope="col">${this.#labelOf(i)}</th>`)}
        </tr></thead>
        <tbody>
          ${months.map((m, index) => {
            const cuts = m ? [...m.credits.flatMap((c) => c.cuts), ...m.cuts] : [];
            const cut = addAmounts(...cuts.map((c) => c.cut));
            cutTotal = addAmounts(cutTotal, cut);
            if (m) running = addAmounts(running, m.credit.amount);
            const monthName = this.#periodName(index);
            return html`<tr>
              <th scope="row">${this.loaded?.period === 'monthly' ? `${index + 1} · ${monthName}` : monthName}</th>
              <td>${m ? this.#money(m.credit.amount) : '—'}</td>
              <td class="cutcell" title=${cuts.map((c) => `${this.#quantity(c.cap)} ${periodWord(c.period, this.#language)}`).join(', ')}>
                ${cuts.length > 0 && cut !== '0' ? `−${this.#money(cut)}` : ''}</td>
              <td>${m ? this.#money(running) : '—'}</td>
              ${inputs.map((input) => this.#renderYearCell(input, index, year[input.name]?.[index], monthName))}
            </tr>`;
          })}
        </tbody>
        ${result
          ? html`<tfoot><tr>
              <th scope="row">${t.yearTotal}${result.credit.percentOfFee === null ? nothing : html`<span class="hint">${t.ofYearlyFee(this.#percent(result.credit.percentOfFee))}</span>`}</th>
              <td>${this.#money(result.credit.amount)}</td>
              <td class="cutcell">${cutTotal !== '0' ? `−${this.#money(cutTotal)}` : ''}</td>
              <td>${this.#money(result.credit.amount)}</td>
              <td colspan=${inputs.length}></td>
            </tr></tfoot>`
          : nothing}
      </table>
      ${problems.map(({ input, month, error }) => html`<p class="error" part="error" id=${yearErrorId(input, month)}>${t.monthName(month + 1)}, ${this.#labelOf(input)}: ${error}</p>`)}
      ${stale ? html`<p class="stale-note">${t.stale}</p>` : nothing}
    </section>`;
  }

  #renderYearCell(input: InputInfo, month: number, f: Field | undefined, monthName: string): TemplateResult {
    const label = `${this.#labelOf(input)}, ${monthName}`;
    if (input.kind === 'boolean') {
      return html`<td><input type="checkbox" aria-label=${label} .checked=${f?.value === 'true'}
        @change=${(e: Event) => this.#onYearCell(input, month, String((e.target as HTMLInputElement).checked))} /></td>`;
    }
    return html`<td><input type="text" inputmode="decimal" aria-label=${label} .value=${f?.text ?? ''}
      aria-invalid=${f?.error ? 'true' : 'false'} aria-describedby=${f?.error ? yearErrorId(input, month) : nothing}
      @input=${(e: Event) => this.#onYearCell(input, month, (e.target as HTMLInputElement).value)} /></td>`;
  }

  #renderShare(): TemplateResult {
    const t = this.#t;
    // Shown while it is still the link to what the calculator shows.
    const note = this.shareNote && this.shareNote.url === this.#scenarioLink() ? this.shareNote : undefined;
    return html`<section class="share wide" part="share" aria-label=${t.share}>
      <button type="button" class="button primary" part="button" @click=${() => this.#copyLink()}>${t.copyLink}</button>
      <button type="button" class="button" part="button" @click=${() => this.#print()}>${t.print}</button>
      <output aria-live="polite">${note?.text ?? ''}</output>
      ${note ? html`<input type="text" readonly aria-label=${t.copyLink} .value=${note.url} />` : nothing}
    </section>`;
  }
}

/** Marks the calculator being printed (`this`) and the elements around it while the print dialog is open. */
const PRINTING = 'data-credit-printing';
/** The page's rule for printing one calculator alone; adopted once, it does nothing while nothing is marked. */
let printSheet: CSSStyleSheet | undefined;

/**
 * A host that mirrors `credit-change` back into `values` hands over what a field
 * or month already holds: the held one stays, with its text as typed ("99." on
 * the way to "99.5").
 */
function kept(held: Field | undefined, given: Field): Field {
  return held && !held.error && held.value === given.value ? held : given;
}

function yearErrorId(input: InputInfo, month: number): string {
  return `year-${input.name}-${month}`;
}

/** `run()`, or undefined when it throws. */
function contained<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

function clearChecked(fields: Record<string, Field>): Record<string, Field> {
  return Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, f.value !== undefined ? { text: f.text, value: f.value } : f]));
}

/** A share in percent points for reading: at most two decimals ("33.33"). */
function roundShare(value: string): string {
  const [int, frac = ''] = value.split('.');
  if (frac.length <= 2) return value;
  return String(Number(Number(`${int}.${frac}`).toFixed(2)));
}

function periodWord(period: string, lang: Lang): string {
  const words: Record<string, [string, string]> = { monthly: ['monthly', 'monatlich'], quarterly: ['quarterly', 'pro Quartal'], yearly: ['yearly', 'jährlich'] };
  return words[period]?.[lang === 'de' ? 1 : 0] ?? period;
}

/** Text with `backticked` rule parts shown as code — still text bindings only. */
function codeSpans(text: string): (string | TemplateResult)[] {
  return text.split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part));
}

function safeJson(value: string | null): Record<string, InputValue> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, InputValue>) : {};
  } catch {
    return {};
  }
}
