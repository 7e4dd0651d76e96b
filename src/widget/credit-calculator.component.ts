/**
 * `<credit-calculator>`: a service-credit (or ROI) calculator generated from
 * credit rules. The class only — registering the tag is `credit-calculator.ts`,
 * so importing this file has no side effects. It reaches the language through
 * `program.ts` (evaluation, no parser) and, lazily, `compile.ts` (see `load.ts`).
 *
 * The class holds the state and the user's actions; the concerns around it
 * are their own modules: loading (`rules-loader.ts`), the page's language
 * (`page-language.ts`), the form's month (`month-controller.ts`), the
 * contract year (`year-controller.ts`) and how much of a long form is drawn
 * (`fields-drawn.ts`) as reactive controllers, running the program
 * (`runner.ts`), the form as pure data (`form-model.ts`), how values read
 * (`formats.ts`), and the renderers of the fields, the result panels and the
 * chart.
 *
 * Everything from the rules — labels, names, rule text, explanations — is
 * rendered through Lit text bindings, never as HTML.
 *
 * Fields bind `.value` and `.checked` plainly, without Lit's `live` directive
 * (0.4 KB): every input event writes what the control shows into the state,
 * so the value Lit last set is always the one on screen. Sliders, which
 * change their own value, are set after each update (`updated`).
 */
import { html, isServer, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { labelIn, type Diagnostic, type ExampleInfo, type EvaluationResult, type InputInfo, type InputValue, type InputValues, type Program } from '../runtime.js';
import { whyInWords } from '../language/render/why.js';
import { renderChartPanel, renderChartPlace, CurveTracer } from './chart-panel.js';
import { styles } from './credit-calculator.styles.js';
import { creditEvent } from './events.js';
import { FieldsDrawn, partsOf } from './fields-drawn.js';
import { renderField } from './form-fields.js';
import {
  blocked, clearChecked, currentValues, givenField, givenValues, kept, listField, rangeMessage, reformatted, rowsOf, sliderValue, stepped, typedField,
  valueField, type Field, type FormContext,
} from './form-model.js';
import { Formats } from './formats.js';
import { type Lang } from './i18n.js';
import { nextTask, whenIdle } from './idle.js';
import { DEFAULT_TIMEOUT, type LoadFailure, type Loaded } from './load.js';
import { MonthController } from './month-controller.js';
import { PageLanguage } from './page-language.js';
import { printAlone } from './print.js';
import { renderBreakdown, renderExamples, renderFailure, renderOutputs, renderShare, renderTotal, renderWhy, type Total } from './result-panels.js';
import { RulesLoader } from './rules-loader.js';
import { contained, Runner } from './runner.js';
import { readScenario, scenarioUrl, termsFingerprint } from './share.js';
import { YearController } from './year-controller.js';

/** The optional panels; the form and the total always show. */
export type Panel = 'breakdown' | 'outputs' | 'why' | 'chart' | 'examples' | 'year' | 'share';
const ALL_PANELS: readonly Panel[] = ['breakdown', 'outputs', 'why', 'chart', 'examples', 'year', 'share'];

/**
 * A calculator for SLA service credits and ROI, generated from credit rules.
 *
 * @summary Service-credit and ROI calculator for credit rules.
 *
 * @fires credit-change - After the user changes a value. `detail`: `{ inputs, result }`, numbers as decimal strings. Never fired for property changes.
 * @fires credit-error - When the rules cannot be loaded or have errors. `detail`: `{ kind: 'load' | 'compile', message, diagnostics }`.
 * @fires credit-load - When rules are in use and their first result is shown (again for rules that replace them). `detail`: `{ terms }`; the result is the element's `result`.
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
 * @csspart why - The explanation: why the result is what it is.
 * @csspart because - The explanation in words a visitor reads ("Your value of 99.95% for “Uptime” meets the 99.9% target, …").
 * @csspart trace - The exact calculation, step by step, in a disclosure below the words.
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
  /** The result shown and its values, as a host form submits them (`#submitWithForm`). */
  #submission?: { readonly values: Record<string, string>; readonly total: Total; readonly currency: string | null };

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
    stale: { state: true, attribute: false },
    formError: { state: true, attribute: false },
    shareNote: { state: true, attribute: false },
    termsChanged: { state: true, attribute: false },
    traceOpen: { state: true, attribute: false },
    allTiers: { state: true, attribute: false },
    allLines: { state: true, attribute: false },
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
  private stale = false;
  declare private formError?: string;
  declare private shareNote?: { text: string; url: string };
  /** The link opened was made under other terms than these. */
  private termsChanged = false;
  /** The exact calculation is open under the "why" in words. */
  private traceOpen = false;
  /** The blocks whose every tier the user asked to see. */
  private allTiers: ReadonlySet<string> = new Set();
  /** Whether the user asked to see every credit of the breakdown (more than `LINES_SHOWN`). */
  private allLines = false;
  /** The fingerprint of the terms in use (see `termsFingerprint`). */
  #terms = '';
  /** The first computation of rules, a task after they arrived (see `#use`). */
  #firstCompute?: Promise<void>;
  /** The form waits, hidden, for that first computation: on the first rules shown, unless explained later. */
  #firstHidden = false;

  #why?: { result: EvaluationResult; lang: Lang; words: string[] };
  #valuesRead?: { readonly fields: Record<string, Field>; readonly values: Record<string, string> };
  #othersRead?: { readonly values: Record<string, string>; readonly name: string; readonly others: Record<string, string> };
  /** The form's month: its result, and the newest values' credit and explanation while idle time computes them. */
  #month = new MonthController(this, {
    refused: (diagnostics) => {
      this.#showProblems(diagnostics);
      this.stale = this.#month.hasResult;
    },
    credited: (values, total, currency) => this.#submitWithForm(values, total, currency),
  });
  /** A form of thousands of inputs is drawn a part at a time. */
  #drawn = new FieldsDrawn(this, () => this.loaded?.inputs.length ?? 0);
  #loader = new RulesLoader(this, (loaded) => this.#use(loaded), () => ({ program: !!this.loaded, failure: !!this.failure }), () => this.#formats.t);
  #curves = new CurveTracer(this);
  /** Its language: `locale`, else the page's, followed when the page changes it. */
  #languageOf = new PageLanguage(this, () => {
    this.#reformatAll();
    this.#compute(false);
  });
  /** The contract year: its months, its figures, and their builds in idle time. */
  #year = new YearController(this, {
    runner: () => this.#runner,
    shown: () => this.#shown.has('year'),
    inputs: () => this.#shownInputs,
    fields: () => this.fields,
    form: () => this.#form,
    showProblems: (diagnostics) => this.#showProblems(diagnostics),
    changed: () => this.#compute(true),
  });

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
    // Read before idle time has built it, the result of the values shown is built now.
    return this.#month.result;
  }

  /** How values read: this element's language, and the currency of the result (else of the rules, else `currency`). */
  get #formats(): Formats {
    return new Formats(this.#languageOf.lang, this.#month.currency ?? this.loaded?.currency ?? this.currency);
  }

  get #form(): FormContext {
    return { formats: this.#formats, downtime: this.downtime };
  }

  /** What the program pays (`payout "bonus"`) as the result's heading; the default words otherwise. */
  get #paidHeading(): string {
    const payout = this.loaded?.payout;
    const what = payout && labelIn(payout.what, payout.whatTranslations, this.#languageOf.lang);
    return what ? what.charAt(0).toUpperCase() + what.slice(1) : this.#formats.t.totalCredit;
  }

  get #shown(): Set<string> {
    const words = (this.panels ?? '').split(/\s+/);
    return new Set(words.includes('all') ? ALL_PANELS : words);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rules') || changed.has('src') || changed.has('program') || !this.hasUpdated) {
      void this.#loader.load();
      return;
    }
    // One update may bring several changes (a framework sets locale and values together): each counts.
    const relanguage = changed.has('locale') || changed.has('currency') || changed.has('downtime');
    if (relanguage) this.#reformatAll();
    if (changed.has('values')) this.#applyValues(this.values);
    if (relanguage || changed.has('values') || changed.has('panels') || changed.has('inputs')) this.#compute(false);
  }

  #reformatAll(): void {
    const ctx = this.#form;
    const fields = { ...this.fields };
    for (const input of this.loaded?.inputs ?? []) if (fields[input.name]) fields[input.name] = reformatted(input, fields[input.name], ctx);
    this.fields = fields;
  }

  protected override updated(): void {
    // A slider clamps and snaps its value itself, without an event, so what Lit last set may
    // not be what it shows: set after every update, it follows new bounds and steps too.
    for (const slider of this.renderRoot.querySelectorAll<HTMLInputElement>('input[type=range]')) slider.value = slider.dataset.value!;
  }

  #use(loaded: Loaded): void {
    this.#month.reset();
    this.#drawn.reset();
    // An edited year of the rules replaced is built no further.
    this.#year.reset();
    this.#curves.reset();
    if (!loaded.ok) {
      this.loaded = undefined;
      this.failure = loaded;
      this.dispatchEvent(creditEvent('credit-error', { kind: loaded.kind, message: loaded.message, diagnostics: loaded.diagnostics }));
      return;
    }
    this.failure = undefined;
    // Rules replacing others (a playground's preview) keep their form shown: hiding it would blink.
    const firstShown = !this.loaded;
    this.loaded = loaded.program;
    this.#terms = termsFingerprint(loaded.program.source);
    const ctx = this.#form;
    this.fields = {};
    for (const input of loaded.program.inputs) this.fields[input.name] = input.list ? listField(input, input.defaultItems ?? [], ctx) : givenField(input, input.default, ctx);
    this.#applyValues(this.values);
    // A shared link's scenario is the visitor's: a server rendering the element has none.
    const scenario = isServer ? undefined : readScenario(location.href, this.#namespace);
    this.termsChanged = !!scenario?.terms && scenario.terms !== this.#terms;
    if (scenario) {
      this.#applyValues(scenario.values);
      if (scenario.year) this.#year.give(scenario.year);
    }
    // A server renders once: the credit with the form.
    if (isServer) return this.#compute(false);
    // The form is shown in this task and computed in the next: together, the first time a page
    // runs them, they are a long task (for thousands of tiers, one of seconds). Rules replaced
    // meanwhile are not computed. Rules long to explain have their first credit computed in
    // idle slices from the first step: a form of thousands of inputs is read in parts.
    const program = loaded.program;
    const later = this.#runner?.explainsLater ? whenIdle : (task: () => void) => void nextTask().then(task);
    const first = (this.#firstCompute = new Promise<void>((done) => later(() => {
      try {
        if (this.loaded === program) this.#compute(false, true);
      } finally {
        if (this.#firstCompute === first) {
          this.#firstCompute = undefined;
          this.requestUpdate(); // shown now, with its result
        }
        done();
      }
    })));
    this.#firstHidden = firstShown && !this.#runner?.explainsLater;
    // A credit computed in idle time is shown once the month settles.
    void first.then(() => this.#month.settled()).then(() => {
      if (this.loaded === program && this.isConnected) this.dispatchEvent(creditEvent('credit-load', { terms: this.#terms }));
    });
  }

  /**
   * `updateComplete` includes the first computation of rules, which comes a
   * task after them (also of a `program` set just before; rules as text or
   * from `src` load asynchronously and are not waited for), and a credit
   * computed in idle time: the total shown is that of the newest values.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    // The update pending first: a program set just before is used in it, and computed after.
    await super.getUpdateComplete();
    await this.#firstCompute;
    await this.#month.settled();
    return super.getUpdateComplete();
  }

  /** The prefix of this element's values in a shared link: its id, else its position on the page. */
  get #namespace(): string {
    if (this.id) return this.id;
    const index = [...document.querySelectorAll(this.localName)].indexOf(this);
    return index > 0 ? `credit${index + 1}` : 'credit';
  }

  /**
   * The fields' valid values, read once per state of the fields: a change reads them
   * several times (its month, the chart, the link), and a form may have thousands.
   * Never changed once read: a result and an event hold them.
   */
  get #values(): Record<string, string> {
    if (this.#valuesRead?.fields !== this.fields) this.#valuesRead = { fields: this.fields, values: currentValues(this.fields) };
    return this.#valuesRead.values;
  }

  /** The values but one input's (the chart's), as `#values`, read once per state of the fields. */
  #valuesBut(name: string): Record<string, string> {
    const values = this.#values;
    if (this.#othersRead?.values !== values || this.#othersRead.name !== name) {
      const others = { ...values };
      delete others[name];
      this.#othersRead = { values, name, others };
    }
    return this.#othersRead.others;
  }

  /** The form's values as the rules take them: a list input's items as a list. */
  #given(values: Readonly<Record<string, string>>): InputValues {
    return givenValues(values, this.loaded?.inputs ?? []);
  }

  #applyValues(values: Record<string, InputValue | readonly InputValue[]> | undefined): void {
    if (!this.loaded || !values) return;
    const ctx = this.#form;
    const fields = { ...this.fields };
    const lists: Record<string, string[]> = {};
    for (const input of this.loaded.inputs) {
      const raw = values[input.name];
      if (input.list) {
        // A list: its items, or the JSON of a share link.
        const rows = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? rowsOf({ text: raw }) : undefined;
        if (rows) fields[input.name] = listField(input, rows, ctx);
        continue;
      }
      if (Array.isArray(raw)) {
        lists[input.name] = raw.map(String);
        continue;
      }
      const f = givenField(input, raw as InputValue | undefined, ctx);
      // A value that cannot be one is ignored, unless it is too long: that is said at the field.
      if (f.value !== undefined || f.error) fields[input.name] = kept(fields[input.name], f);
    }
    this.fields = fields;
    // After the fields: months not given follow them.
    if (Object.keys(lists).length) this.#year.give(lists);
  }

  /** The program in use, run with this element's language and currency. */
  get #runner(): Runner | undefined {
    const program = this.loaded;
    const options = { lang: this.#languageOf.lang, ...(this.currency ? { currency: this.currency } : {}) };
    return program && new Runner(program, options, () => this.#formats.t.rulesProblem);
  }

  /**
   * Evaluates the form (and the year, when shown); `user` says whether to tell the page.
   * `first`: the first computation of new rules, whose credit nobody waits for in this task.
   */
  #compute(user: boolean, first = false): void {
    const runner = this.#runner;
    if (!runner) return;
    this.formError = undefined;
    // Problems found by evaluating are looked for afresh each time; a field that
    // does not parse keeps its message until the user corrects it.
    const unreadable = blocked(this.fields);
    this.fields = clearChecked(this.fields);
    if (unreadable) {
      this.stale = this.#month.hasResult;
      return;
    }
    const values = this.#values;
    // Values that do not compute: `refused` showed why.
    const month = this.#month.compute(runner, values, first);
    if (!month) return;
    this.stale = false;
    // A credit computed in idle time goes to the host's form when it is known.
    if (month.total) this.#submitWithForm(values, month.total, month.currency);
    // The page hears of the year only when its months are the user's own: only then is its full result needed.
    const full = user && this.#year.edited;
    const year = this.#year.compute(values, full);
    if (!user) return;
    // Months of the user's own that do not compute yet: nothing the page should hear about.
    if (full && this.#shown.has('year') && !year) return;
    if (year || !month.credited) return void this.dispatchEvent(creditEvent('credit-change', year ?? month.detail));
    // A credit computed in idle time: the page hears of it once it is shown (of these values
    // computed again meanwhile, in a new language or currency: once theirs is), never of values refused.
    void month.credited.then((detail) => detail && this.dispatchEvent(creditEvent('credit-change', detail)));
  }

  /** Shows problems at their fields, a month's in its cell of the year table, the others under the form. */
  #showProblems(diagnostics: readonly Diagnostic[]): void {
    const ctx = this.#form;
    const fields = { ...this.fields };
    let general: string | undefined;
    for (const d of diagnostics) {
      const input = this.loaded?.inputs.find((i) => i.name === d.input);
      if (input && !d.month) {
        const f = fields[input.name];
        fields[input.name] = { ...f, error: rangeMessage(input, this.fields[input.name]?.value, ctx) ?? d.message.replace(/^`[^`]*`: /, '') };
      } else if (!(input && d.month && this.#year.showProblem(input.name, d.month, d.message))) general ??= d.message;
    }
    this.fields = fields;
    this.formError = general;
  }

  // ——— user actions ———

  #onText(input: InputInfo, text: string): void {
    const typed = typedField(input, text, this.#form);
    this.fields = { ...this.fields, [input.name]: typed };
    if (typed.value === undefined) {
      this.stale = !!this.#month.evaluated;
      return;
    }
    this.#compute(true);
  }

  #onRows(input: InputInfo, rows: string[], focus: number | undefined): void {
    const f = listField(input, rows, this.#form);
    this.fields = { ...this.fields, [input.name]: f };
    if (focus !== undefined) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#f${this.loaded?.inputs.indexOf(input) ?? 0}-${focus}`)?.focus());
    if (f.value === undefined) {
      this.stale = !!this.#month.evaluated;
      return;
    }
    this.#compute(true);
  }

  /** Leaving a field shows its value the way this language writes it. */
  #onCommit(input: InputInfo): void {
    const f = this.fields[input.name];
    if (f) this.fields = { ...this.fields, [input.name]: reformatted(input, f, this.#form) };
  }

  /** Arrow keys step the value by the input's step, as a slider would. */
  #onKey(input: InputInfo, e: KeyboardEvent): void {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const f = this.fields[input.name];
    if (f?.value === undefined) return;
    e.preventDefault();
    this.#setValue(input, stepped(input, f.value, e.key === 'ArrowUp', this.#form));
  }

  #onSlider(input: InputInfo, raw: string): void {
    this.#setValue(input, sliderValue(input, raw));
  }

  #onSwitch(input: InputInfo, on: boolean): void {
    this.fields = { ...this.fields, [input.name]: { text: String(on), value: String(on) } };
    this.#compute(true);
  }

  #setValue(input: InputInfo, value: string): void {
    this.fields = { ...this.fields, [input.name]: valueField(input, value, this.#form) };
    this.#compute(true);
  }

  #onExample(inputs: ExampleInfo['inputs']): void {
    if (!this.loaded) return;
    const ctx = this.#form;
    const fields = { ...this.fields };
    const lists: Record<string, string[]> = {};
    for (const input of this.loaded.inputs) {
      if (input.list) {
        // One period's items; of a year of them, the first period's.
        const items = inputs[input.name] as readonly (InputValue | readonly InputValue[])[] | undefined;
        const first = items?.length && Array.isArray(items[0]) ? (items[0] as readonly InputValue[]) : (items as readonly InputValue[] | undefined);
        fields[input.name] = listField(input, (first ?? input.defaultItems ?? []).map(String), ctx);
        continue;
      }
      const raw = inputs[input.name] as InputValue | readonly InputValue[] | undefined;
      if (Array.isArray(raw)) lists[input.name] = raw.map(String);
      fields[input.name] = givenField(input, Array.isArray(raw) ? raw[0] : (raw as InputValue | undefined) ?? input.default, ctx);
    }
    this.fields = fields;
    this.#year.clear();
    if (Object.keys(lists).length) this.#year.give(lists);
    this.#compute(true);
  }

  /** The inputs that have a field: all, or those `inputs` names. */
  get #shownInputs(): InputInfo[] {
    const all = this.loaded?.inputs ?? [];
    const names = this.inputs?.trim() ? new Set(this.inputs.trim().split(/\s+/)) : undefined;
    return names ? all.filter((i) => names.has(i.name)) : [...all];
  }

  /**
   * Keeps what a host `<form>` submits, and gives it to the form, if the
   * element is in one: outside a form, a calculator of thousands of inputs
   * would build a `FormData` of thousands of entries a key press for nothing.
   */
  #submitWithForm(values: Record<string, string>, total: Total, currency: string | null): void {
    this.#submission = { values, total, currency };
    this.#giveForm();
  }

  /** Joining a form: it submits the result shown. */
  formAssociatedCallback(): void {
    this.#giveForm();
  }

  /** What the host form submits: flat fields a CRM's form handler reads as they are. */
  #giveForm(): void {
    const submission = this.#submission;
    if (!submission || !this.#internals?.form) return;
    const data = new FormData();
    const prefix = this.getAttribute('name') || 'credit';
    data.set(`${prefix}.credit`, submission.total.amount);
    data.set(`${prefix}.currency`, submission.currency ?? '');
    data.set(`${prefix}.percent`, submission.total.percentOfFee ?? '');
    for (const [name, value] of Object.entries(submission.values)) data.set(`${prefix}.${name}`, value);
    this.#internals.setFormValue(data);
  }

  /** The link to what the calculator shows. */
  #scenarioLink(): string {
    // Months that follow the form are not the scenario's own: the link leaves them to follow.
    const year = this.#year.ownMonths;
    return scenarioUrl(location.href, this.#namespace, { values: this.#values, ...(year ? { year } : {}), terms: this.#terms });
  }

  async #copyLink(): Promise<void> {
    const url = this.#scenarioLink();
    const t = this.#formats.t;
    try {
      await navigator.clipboard.writeText(url);
      this.shareNote = { text: t.copied, url };
    } catch {
      this.shareNote = { text: t.copyFailed, url };
    }
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const formats = this.#formats;
    const t = formats.t;
    if (this.failure) return renderFailure(formats, this.failure);
    const program = this.loaded;
    if (!program) return html`<p class="loading" role="status">${t.loading}</p>`;
    const shown = this.#shown;
    const month = this.#month;
    const result = month.evaluated?.result;
    // While newer values are explained, the total is theirs and the panels keep the last result, busy;
    // while their credit is computed, the total too is the last, busy.
    const busy = month.busy;
    const total = month.total;
    const form = { formats, downtime: this.downtime };
    const shownInputs = new Set(this.#shownInputs);
    const fieldEvents = {
      onText: (i: InputInfo, text: string) => this.#onText(i, text),
      onKey: (i: InputInfo, e: KeyboardEvent) => this.#onKey(i, e),
      onCommit: (i: InputInfo) => this.#onCommit(i),
      onSlider: (i: InputInfo, raw: string) => this.#onSlider(i, raw),
      onSwitch: (i: InputInfo, on: boolean) => this.#onSwitch(i, on),
      onRows: (i: InputInfo, rows: string[], focus: number | undefined) => this.#onRows(i, rows, focus),
    };
    // Without credits (an ROI calculator) the outputs are the result, announced as they change.
    const outputsLive = !program.credits.length;
    // The fields have a box of their own in the fieldset: a field added to the fieldset itself had Chromium
    // rebuild the layout of every field (a form of thousands of inputs is drawn a part at a time, `FieldsDrawn`).
    // Until its first result, a form computed in the next task is laid out but not shown: the result's panels,
    // coming then, would move what a visitor already sees.
    const hidden = this.#firstHidden && this.#firstCompute !== undefined;
    return html`<div class=${hidden ? 'layout first' : 'layout'} part="layout" lang=${formats.lang}>
      <header class="summary wide" part="summary">
        <slot name="summary"></slot>
        <p class="hint">${new Intl.DateTimeFormat(formats.lang, { dateStyle: 'long' }).format(new Date())} · ${t.terms(this.#terms)}</p>
      </header>
      <fieldset class="form" part="form">
        <legend class="heading">${t.inputs}</legend>
        <div class="fields">
          ${partsOf(program.inputs.slice(0, this.#drawn.count)).map(({ first, inputs }) => html`<div class="part">${inputs.map((input, j) => {
            if (!shownInputs.has(input)) return nothing;
            const f = this.fields[input.name] ?? { text: '' };
            const evaluated = month.valueOf(input.name);
            // A field is drawn again only when what it shows changed: a key press in a form of thousands of inputs draws one.
            return guard([input, f, evaluated, formats.lang, formats.currency, this.downtime], () => renderField(form, input, first + j, f, evaluated, fieldEvents));
          })}</div>`)}
        </div>
        ${this.formError ? html`<p class="error" part="error">${this.formError}</p>` : nothing}
        ${this.termsChanged ? html`<p class="error" part="error">${t.termsChanged}</p>` : nothing}
      </fieldset>
      <section class="result" part="result" aria-label=${program.credits.length ? t.result : t.results}>
        ${program.credits.length || !program.outputs.length ? renderTotal(formats, this.#paidHeading, total, this.stale, program.claim, month.crediting) : nothing}
        <slot name="cta"></slot>
        ${result && shown.has('breakdown') ? renderBreakdown(formats, program, result, busy, this.allTiers, (block) => (this.allTiers = new Set([...this.allTiers, block])), this.allLines, () => (this.allLines = true)) : nothing}
        ${result && shown.has('outputs') ? renderOutputs(formats, program.outputs, result, busy, outputsLive, this.stale) : nothing}
        ${result && shown.has('why') ? renderWhy(formats, result, this.#whyInWords(result), busy, this.traceOpen, (open) => (this.traceOpen = open)) : nothing}
      </section>
      ${shown.has('chart') ? this.#renderChart(formats) : nothing}
      ${shown.has('examples') && program.examples.length ? renderExamples(formats, program.examples, (ex) => this.#onExample(ex.inputs)) : nothing}
      ${shown.has('year') ? this.#year.render(formats) : nothing}
      ${shown.has('share') ? this.#renderShare(formats) : nothing}
    </div>`;
  }

  /** The result's "why" in words, from the values it was computed from; none (the trace alone) if that fails. */
  #whyInWords(result: EvaluationResult): string[] {
    const program = this.loaded;
    const values = this.#month.evaluated?.inputs;
    if (!program || !values) return [];
    const lang = this.#languageOf.lang;
    // Worded once per result and language, not on every render (the chart's arrival renders again).
    if (this.#why?.result === result && this.#why.lang === lang) return this.#why.words;
    const payout = program.payout;
    const paid = payout && labelIn(payout.what, payout.whatTranslations, lang);
    const words = contained(() => whyInWords(result, {
      program: program.toJSON(), inputs: program.inputs, values: this.#given(values as Record<string, string>), lang,
      ...(result.currency ? { currency: result.currency } : {}), ...(paid ? { paid } : {}),
    })) ?? [];
    this.#why = { result, lang, words };
    return words;
  }

  #chartInputInfo(): InputInfo | undefined {
    // A list input has no one value to plot against: the chart is not offered for it.
    return this.loaded?.inputs.find((i) => i.name === this.chartInput && !i.list) ?? this.#shownInputs.find((i) => i.kind !== 'boolean' && i.name !== 'fee' && !i.list);
  }

  #renderChart(formats: Formats): TemplateResult | typeof nothing {
    const program = this.loaded;
    const input = this.#chartInputInfo();
    const value = input && this.fields[input.name]?.value;
    if (!program || !input || input.kind === 'boolean' || value === undefined || !program.credits.length) return nothing;
    const curve = this.#curves.curve(program, input, value, this.#given(this.#valuesBut(input.name)), this.currency, () => this.loaded === program);
    if (!curve) return this.#curves.tracing ? renderChartPlace(formats, input) : nothing;
    const total = this.#month.total;
    return renderChartPanel({ formats, input, value, curve, ...(total ? { amount: formats.money(total.amount) } : {}) });
  }

  #renderShare(formats: Formats): TemplateResult {
    // Shown while it is still the link to what the calculator shows.
    const note = this.shareNote && this.shareNote.url === this.#scenarioLink() ? this.shareNote : undefined;
    return renderShare(formats, note, () => void this.#copyLink(), () => printAlone(this));
  }
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
