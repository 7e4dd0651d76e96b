/**
 * The form's month, as a Lit reactive controller: the last result shown and,
 * for rules long to explain, the newest values' credit and full result while
 * idle time computes them. The element asks for a month (`compute`) on each
 * change and renders what this holds; the contract year is
 * `year-controller.ts`'s.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CreditOutcome, Diagnostic, EvaluationResult } from '../runtime.js';
import type { CreditChangeDetail } from './events.js';
import { Explained } from './explained.js';
import { inIdleSlices, nowOrInIdleSlices, STEPS_NOW, STEPS_PER_SLICE, whenIdle } from './idle.js';
import type { Total } from './result-panels.js';
import type { Runner } from './runner.js';

/** A month computed: its total (undefined while computed in idle time), and what the page is told. */
export interface Month {
  readonly total?: Total;
  readonly currency: string | null;
  readonly detail: CreditChangeDetail;
  /**
   * For a credit computed in idle time: settles with what the page is told once it is shown
   * (of the same values computed again meanwhile, in a new language or currency: theirs),
   * undefined when newer values or problems replaced it.
   */
  readonly credited?: Promise<CreditChangeDetail | undefined>;
}

/** What the month tells its calculator. */
export interface MonthCalculator {
  /** The values do not compute: show why. */
  refused(diagnostics: readonly Diagnostic[]): void;
  /** A credit computed in idle time is known: what a host form submits. */
  credited(values: Readonly<Record<string, string>>, total: Total, currency: string | null): void;
}

/** A credit computed in idle time: its values (JSON), what the page is told, and what settles with that once it is shown, or undefined once dropped. */
interface Credited {
  readonly values: string;
  readonly detail: CreditChangeDetail;
  readonly shown: Promise<CreditChangeDetail | undefined>;
  readonly settle: (detail: CreditChangeDetail | undefined | PromiseLike<CreditChangeDetail | undefined>) => void;
}

interface Evaluated {
  readonly inputs: Record<string, string | string[]>;
  readonly result: EvaluationResult;
}

interface MonthState {
  /** The last full result, which the panels show. */
  readonly evaluated?: Evaluated;
  /** The newest values, whose credit is being computed in idle time (rules whose every tier is worked out); meanwhile the last total shows, busy. */
  readonly crediting?: Explained;
  /** Newer values than `evaluated`'s, their credit shown, whose full result is being built in idle time. */
  readonly explaining?: Explained;
}

export class MonthController implements ReactiveController {
  #state: MonthState = {};
  /** The values and options of the month last computed for rules long to explain. */
  #key?: string;
  /** The values (JSON) being credited in idle time, and what settles once they are shown or dropped: `updateComplete` waits for it. */
  #credited?: Credited;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly calculator: MonthCalculator,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The result of the values shown; what idle time has not built yet is built now. */
  get result(): EvaluationResult | undefined {
    const { crediting, explaining, evaluated } = this.#state;
    return (crediting ?? explaining)?.result ?? evaluated?.result;
  }

  /** The last full result, and the values it was computed from: what the panels show. */
  get evaluated(): Evaluated | undefined {
    return this.#state.evaluated;
  }

  /** The total shown: of the values being explained, else of the last result. */
  get total(): Total | undefined {
    const { explaining, evaluated } = this.#state;
    return explaining?.total ?? (evaluated && totalOf(evaluated.result));
  }

  /** The currency of the newest credit known. */
  get currency(): string | null | undefined {
    const { explaining, evaluated } = this.#state;
    return (explaining?.credit ?? evaluated?.result)?.currency;
  }

  /** Whether the panels show the last result while newer values are computed. */
  get busy(): boolean {
    return !!(this.#state.explaining || this.#state.crediting);
  }

  /** Whether the total too is the last, while the newest credit is computed. */
  get crediting(): boolean {
    return !!this.#state.crediting;
  }

  /** Whether a result (or the credit of values being explained) is shown. */
  get hasResult(): boolean {
    return !!(this.#state.evaluated || this.busy);
  }

  /** The value of `input` the newest credit is computed from: where its slider stays while its field holds text that is no number. */
  valueOf(input: string): string | undefined {
    const { crediting, explaining, evaluated } = this.#state;
    const v = (crediting ?? explaining ?? evaluated)?.inputs[input];
    return typeof v === 'string' ? v : undefined;
  }

  /** Until the credit of the newest values is shown. */
  async settled(): Promise<void> {
    while (this.#credited) await this.#credited.shown;
  }

  /** New rules: no result, and no work on the rules replaced goes on. */
  reset(): void {
    this.#key = undefined;
    this.#credit(undefined);
    this.#change({ evaluated: undefined, explaining: undefined });
  }

  /**
   * Computes the month of `values`: at once with its explanation, or, for
   * rules long to explain, its credit and then, in idle time, its full result
   * (`explained.ts`) — not on a server, which renders once. The credit too
   * is computed in idle time when it takes more than a few steps (rules of
   * thousands of tiers that are no tier table): then `total` is undefined,
   * and `credited` settles once it is known. Undefined, the problems shown,
   * when the values do not compute. `inIdleTime`: such rules' credit is
   * computed in idle time from its first step (nobody waits for it in this
   * task: the first credit of a form of thousands of inputs).
   */
  compute(runner: Runner, values: Record<string, string>, inIdleTime = false): Month | undefined {
    const given = JSON.stringify(values);
    const key = `${given}\n${JSON.stringify(runner.options)}`;
    // A change that leaves the month as it was (a month of the year): its result, or the work on it, stands.
    const last = key === this.#key ? this.#last : undefined;
    if (last) return last;
    this.#key = undefined;
    // The same values computed again while their credit was (a new language or currency): what
    // waited for that credit waits for this one.
    const again = this.#credited?.values === given ? this.#credited : undefined;
    if (again) this.#credited = undefined;
    const month = this.#computed(runner, values, given, key, inIdleTime);
    again?.settle(month && (month.credited ?? month.detail));
    return month;
  }

  #computed(runner: Runner, values: Record<string, string>, given: string, key: string, inIdleTime: boolean): Month | undefined {
    if (runner.explainsLater) {
      const later = new Explained(values, runner.evaluationInSteps(values));
      const now = nowOrInIdleSlices(runner.creditInSteps(values), () => this.#state.crediting === later, (outcome) => this.#creditedLater(runner, later, values, outcome), STEPS_PER_SLICE, inIdleTime ? 0 : STEPS_NOW);
      if (!now) {
        const credited = this.#credit(later, given)!;
        this.#key = key;
        return { currency: null, detail: credited.detail, credited: credited.shown };
      }
      this.#credit(undefined);
      const summary = now.result;
      if (summary?.ok) {
        later.credit = summary.credit;
        this.#explainLater(later);
        this.#key = key;
        return { total: later.total, currency: summary.credit.currency, detail: later.detail() };
      }
      // Values the rules refuse: the full evaluation says why, as ever.
    }
    this.#credit(undefined);
    const r = runner.evaluate(values);
    if (!r.ok) {
      this.calculator.refused(r.diagnostics);
      return undefined;
    }
    const evaluated = { inputs: values, result: r.result };
    this.#change({ explaining: undefined, evaluated });
    return { total: totalOf(r.result), currency: r.result.currency, detail: evaluated };
  }

  /** The month of rules long to explain computed last, as `compute` gave it. */
  get #last(): Month | undefined {
    const { crediting, explaining, evaluated } = this.#state;
    const credited = this.#credited;
    if (crediting) return { currency: null, detail: credited?.detail ?? crediting.detail(), ...(credited ? { credited: credited.shown } : {}) };
    if (explaining) return { total: explaining.total!, currency: explaining.credit!.currency, detail: explaining.detail() };
    return evaluated && { total: totalOf(evaluated.result), currency: evaluated.result.currency, detail: evaluated };
  }

  /** Sets the values whose credit is being computed in idle time (none: no longer), dropping what waited for the last; returns what settles with the new. */
  #credit(later: Explained | undefined, given = ''): Credited | undefined {
    this.#credited?.settle(undefined);
    this.#credited = undefined;
    this.#change({ crediting: later });
    if (!later) return undefined;
    let settle!: Credited['settle'];
    const shown = new Promise<CreditChangeDetail | undefined>((resolve) => (settle = resolve));
    return (this.#credited = { values: given, detail: later.detail(), shown, settle });
  }

  /** The credit of the newest values, computed in idle time: shown, given to the host's form, then explained; nothing once newer values replaced them. */
  #creditedLater(runner: Runner, later: Explained, values: Record<string, string>, outcome: CreditOutcome | undefined): void {
    if (this.#state.crediting !== later) return;
    const credited = this.#credited;
    this.#credited = undefined;
    this.#change({ crediting: undefined });
    // Settled whatever the calculator does with it: `updateComplete` waits for it.
    try {
      if (!outcome?.ok) {
        this.#key = undefined;
        this.calculator.refused((outcome ?? runner.unevaluable()).diagnostics);
        return credited?.settle(undefined);
      }
      later.credit = outcome.credit;
      this.calculator.credited(values, later.total!, outcome.credit.currency);
      this.#explainLater(later);
      credited?.settle(credited.detail);
    } finally {
      credited?.settle(undefined);
    }
  }

  /**
   * Shows the credit of `later` and builds its full result in idle slices,
   * shown in the idle task after: for thousands of tiers the last step and
   * the showing would together be a long task. Dropped once newer values'
   * credit is shown.
   */
  #explainLater(later: Explained): void {
    this.#change({ explaining: later });
    inIdleSlices(later.steps(), () => this.#state.explaining === later, () => whenIdle(() => this.#explained(later)), STEPS_PER_SLICE);
  }

  /** Shows the full result built in idle time; nothing once newer values replaced it. */
  #explained(later: Explained): void {
    if (this.#state.explaining !== later) return;
    const r = later.evaluation;
    this.#change({ explaining: undefined, ...(r.ok ? { evaluated: { inputs: later.inputs, result: r.result } } : {}) });
    if (r.ok) return;
    this.#key = undefined;
    this.calculator.refused(r.diagnostics);
  }

  /** Sets state as reactive properties do: the element updates when a value is new. */
  #change(next: MonthState): void {
    const changed = (Object.keys(next) as (keyof MonthState)[]).some((key) => next[key] !== this.#state[key]);
    this.#state = { ...this.#state, ...next };
    if (changed) this.host.requestUpdate();
  }
}

function totalOf(result: EvaluationResult): Total {
  return { amount: result.credit.amount, percentOfFee: result.credit.percentOfFee, yearly: result.mode === 'year' };
}
