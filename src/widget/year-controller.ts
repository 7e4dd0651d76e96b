/**
 * The contract year, as a Lit reactive controller: the year panel's fields
 * per month (following the form until the user, a link or an example gives
 * months of their own), the figures its table shows, and, for rules long to
 * explain, the builds that run in idle time, a hundred rules a step. The
 * table itself is `year-panel.ts`'s.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { periodsInYear, type CreditOutcome, type CreditSummary, type Diagnostic, type InputInfo } from '../runtime.js';
import type { CreditChangeDetail } from './events.js';
import { Explained } from './explained.js';
import { kept, typedField, yearFields, type Field, type FormContext } from './form-model.js';
import type { Formats } from './formats.js';
import { inIdleSlices, nowOrInIdleSlices, STEPS_PER_SLICE } from './idle.js';
import type { FormValues, Runner } from './runner.js';
import { figuresOfResult, figuresOfSummary, renderYear, type YearFigures } from './year-panel.js';

/** Each input's fields, a month (or quarter) each. */
type Months = Record<string, Field[]>;

/** What the year reads of its calculator, when it needs it. */
export interface YearCalculator {
  /** The program in use, run with the element's options; undefined until loaded. */
  runner(): Runner | undefined;
  /** Whether the year panel shows. */
  shown(): boolean;
  /** The inputs that have a field. */
  inputs(): InputInfo[];
  /** The form's fields, which months not given follow. */
  fields(): Record<string, Field>;
  form(): FormContext;
  showProblems(diagnostics: readonly Diagnostic[]): void;
  /** The user changed a month or reset the year: compute again and tell the page. */
  changed(): void;
}

interface YearState {
  /** The months' fields; none until the year shows or months are given. */
  readonly months?: Months;
  /** The table's figures: from billing's summary, or from the full result when the page is told of it. */
  readonly figures?: YearFigures;
  /** The newest year's figures being computed in idle time; meanwhile the table keeps the last, busy. */
  readonly figuring?: Generator<void, CreditOutcome, void>;
}

export class YearController implements ReactiveController {
  #state: YearState = {};
  /** The user (or a link, or an example) set months of their own: they no longer follow the form. */
  #edited = false;
  /** The newest edited year whose full result is being built in idle time (or whose figures are computed first). */
  #explaining?: Explained;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly calculator: YearCalculator,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether the months are the user's own: only then does the page hear of the year. */
  get edited(): boolean {
    return this.#edited;
  }

  /** New rules: no months, no figures, and no build of the rules replaced goes on. */
  reset(): void {
    this.#explaining = undefined;
    this.#edited = false;
    this.#change({ months: undefined, figures: undefined, figuring: undefined });
  }

  /** An example replaces the months: they follow the form again, the table empty until computed. */
  clear(): void {
    this.#edited = false;
    this.#change({ months: undefined, figures: undefined });
  }

  /** Months given (by a link, `values` or an example), each input's as texts; months not given follow the form. */
  give(lists: Record<string, readonly string[]>): void {
    const before = this.#state.months;
    const months = this.#fromForm(lists);
    for (const [name, fields] of Object.entries(months)) fields.forEach((f, m) => (fields[m] = kept(before?.[name]?.[m], f)));
    this.#change({ months });
    this.#edited = true;
  }

  /** The months of the user's own, as a link holds them; none while they follow the form or the year is not shown. */
  get ownMonths(): Record<string, string[]> | undefined {
    const months = this.#state.months;
    if (!months || !this.#edited || !this.calculator.shown()) return undefined;
    return Object.fromEntries(Object.entries(months).map(([n, ms]) => [n, ms.map((m) => m.value ?? '')]));
  }

  /** Shows a month's problem in its cell; false when the table has no row for the input. */
  showProblem(input: string, month: number, message: string): boolean {
    const months = this.#state.months;
    if (!months?.[input]) return false;
    const fields = [...months[input]];
    fields[month - 1] = { ...fields[month - 1], error: message };
    this.#change({ months: { ...months, [input]: fields } });
    return true;
  }

  /**
   * Computes the year of the form's `values` — its months following the form
   * unless they are the user's own — and shows its figures; `full`, when the
   * page is told of the year, also its full result, with its explanation,
   * whose detail is returned. Undefined when the year is not shown, its
   * months do not compute, or the page is not told.
   *
   * Billing's `credit()` gives the figures without writing an explanation of
   * every tier of every month, which for rules of thousands of tiers takes
   * the main thread for a second; for those rules even `credit()`'s twelve
   * months take a long task, unless they are a tier table. Hence four ways,
   * by whether the rules are long to explain and whether the page is told:
   *
   * - quick, not told: the figures now (`credit()`);
   * - long, not told: the figures in idle time, a hundred rules a step
   *   (`creditInSteps`), the table keeping the last ones meanwhile, busy;
   * - long, told: the figures now if they take a few steps (a tier table),
   *   else in idle time as above; then the full result in idle time
   *   (`evaluateInSteps`), or when the page reads it;
   * - quick, told: the full result now (`evaluate()`).
   *
   * Where `credit()` refuses the values at once, the full evaluation runs now and says why.
   */
  compute(values: Readonly<Record<string, string>>, full: boolean): CreditChangeDetail | undefined {
    const calculator = this.calculator;
    if (calculator.shown() && !this.#edited) this.#change({ months: this.#fromForm({}) });
    // Whatever is computed now replaces a year still being built.
    this.#explaining = undefined;
    this.#change({ figuring: undefined });
    const runner = calculator.runner();
    if (!this.#state.months || !runner || !calculator.shown()) return undefined;
    const inputs = this.#withMonths(values);
    if (!inputs) return undefined;
    const long = runner.explainsLater;
    if (!full && !long) {
      if (!this.#figureNow(runner, inputs)) this.#explainNow(runner, inputs);
      return undefined;
    }
    if (!full && long) {
      this.#figureInIdleTime(runner, inputs);
      return undefined;
    }
    if (full && long) return this.#figureThenExplain(runner, inputs);
    return this.#explainNow(runner, inputs);
  }

  /** The year table. */
  render(formats: Formats): TemplateResult {
    const period = this.calculator.runner()?.program.period ?? 'monthly';
    return renderYear({
      formats, inputs: this.#inputs, year: this.#state.months ?? {}, result: this.#state.figures, busy: !!this.#state.figuring, period, periods: periodsInYear(period),
      onReset: () => this.#onReset(), onCell: (input, month, text) => this.#onCell(input, month, text),
    });
  }

  /** Sets state as reactive properties do: the element updates when a value is new. */
  #change(next: YearState): void {
    const changed = (Object.keys(next) as (keyof YearState)[]).some((key) => next[key] !== this.#state[key]);
    this.#state = { ...this.#state, ...next };
    if (changed) this.host.requestUpdate();
  }

  /** The inputs the year asks per period; a list keeps its rows for every period. */
  get #inputs(): InputInfo[] {
    return this.calculator.inputs().filter((i) => i.name !== 'fee' && !i.list);
  }

  /** The months of `lists`, the others following the form's fields. */
  #fromForm(lists: Record<string, readonly string[]>): Months {
    const calculator = this.calculator;
    const periods = periodsInYear(calculator.runner()?.program.period ?? 'monthly');
    return yearFields(this.#inputs, periods, lists, calculator.fields(), calculator.form());
  }

  /** The form's values with each input's months; undefined while a month does not read. Messages of the last computation are cleared. */
  #withMonths(values: Readonly<Record<string, string>>): Record<string, string | string[]> | undefined {
    const inputs: Record<string, string | string[]> = { ...values };
    const months: Months = {};
    for (const [name, fields] of Object.entries(this.#state.months ?? {})) {
      if (fields.some((m) => m.value === undefined)) return undefined;
      months[name] = fields.map((m) => ({ text: m.text, value: m.value }));
      inputs[name] = fields.map((m) => m.value!);
    }
    this.#change({ months });
    return inputs;
  }

  /** Shows billing's figures of the year, computed now; undefined when `credit()` refuses the values or gives no months. */
  #figureNow(runner: Runner, inputs: FormValues): CreditSummary | undefined {
    const summary = runner.credit(inputs);
    if (!summary?.ok || !summary.credit.months) return undefined;
    this.#change({ figures: figuresOfSummary(summary.credit) });
    return summary.credit;
  }

  /** Computes the year's figures in idle time; the newest values' only. */
  #figureInIdleTime(runner: Runner, inputs: FormValues): void {
    const figuring = runner.creditInSteps(inputs);
    this.#change({ figuring });
    inIdleSlices(figuring, () => this.#state.figuring === figuring, (outcome) => this.#figured(runner, outcome), STEPS_PER_SLICE);
  }

  /** Shows the year's figures computed in idle time, or why there are none; returns them. */
  #figured(runner: Runner, outcome: CreditOutcome | undefined): CreditSummary | undefined {
    this.#change({ figuring: undefined });
    if (!outcome?.ok) this.calculator.showProblems((outcome ?? runner.unevaluable()).diagnostics);
    else if (outcome.credit.months) this.#change({ figures: figuresOfSummary(outcome.credit) });
    return outcome?.ok ? outcome.credit : undefined;
  }

  /**
   * The year's figures — now if they take a few steps, else in idle time —
   * then its full result in idle time; the detail returned builds the rest
   * when the page reads it. Values refused at once are evaluated now, which
   * says why.
   */
  #figureThenExplain(runner: Runner, inputs: Record<string, string | string[]>): CreditChangeDetail | undefined {
    const explaining = new Explained(inputs, runner.evaluationInSteps(inputs));
    const figuring = runner.creditInSteps(inputs);
    const now = nowOrInIdleSlices(figuring, () => this.#state.figuring === figuring, (outcome) => {
      const summary = this.#figured(runner, outcome);
      if (summary && this.#explaining === explaining) this.#explainInIdleTime(explaining);
    }, STEPS_PER_SLICE);
    if (!now) {
      this.#change({ figuring });
      this.#explaining = explaining;
      return explaining.detail();
    }
    const summary = now.result;
    if (!summary?.ok || !summary.credit.months) return this.#explainNow(runner, inputs);
    this.#change({ figures: figuresOfSummary(summary.credit) });
    this.#explainInIdleTime(explaining);
    return explaining.detail();
  }

  /** The year's full result, computed now: its figures shown, its detail returned; undefined when it is no year, or does not compute (its problems shown). */
  #explainNow(runner: Runner, inputs: Record<string, string | string[]>): CreditChangeDetail | undefined {
    const r = runner.evaluate(inputs);
    if (!r.ok || r.result.mode !== 'year') {
      if (!r.ok) this.calculator.showProblems(r.diagnostics);
      return undefined;
    }
    this.#change({ figures: figuresOfResult(r.result) });
    return { inputs, result: r.result };
  }

  /** Builds the year's full result in idle time, shown once built. */
  #explainInIdleTime(explaining: Explained): void {
    this.#explaining = explaining;
    inIdleSlices(explaining.steps(), () => this.#explaining === explaining, () => this.#explained(explaining), STEPS_PER_SLICE);
  }

  /** Shows the full result built in idle time; nothing once a newer computation replaced it. */
  #explained(explaining: Explained): void {
    if (this.#explaining !== explaining) return;
    this.#explaining = undefined;
    const r = explaining.evaluation;
    if (r.ok && r.result.mode === 'year') this.#change({ figures: figuresOfResult(r.result) });
    else if (!r.ok) this.calculator.showProblems(r.diagnostics);
  }

  #onCell(input: InputInfo, month: number, text: string): void {
    const months = this.#state.months ?? this.#fromForm({});
    const typed = input.kind === 'boolean' ? { text, value: text } : typedField(input, text, this.calculator.form());
    const fields = [...months[input.name]];
    fields[month] = typed;
    this.#change({ months: { ...months, [input.name]: fields } });
    this.#edited = true;
    if (typed.value !== undefined) this.calculator.changed();
  }

  #onReset(): void {
    this.#edited = false;
    this.calculator.changed();
  }
}
