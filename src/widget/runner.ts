/**
 * The program in use, run with the element's options, for the month and the
 * contract year alike. Checked rules never throw, but a precompiled program
 * is data from elsewhere: if running it throws, that is a problem shown in
 * the form (`unevaluable`), never an error in the host page.
 */
import { isServer } from 'lit';
import type { CreditOutcome, Evaluation, Program, RunOptions } from '../runtime.js';
import { EXPLAINED_AT_ONCE, explainingWork } from './explained.js';
import { givenValues } from './form-model.js';

/** The form's values: a text per input; for a contract year, a text per month. */
export type FormValues = Readonly<Record<string, string | string[]>>;

export class Runner {
  /** `problem`: the message shown when the program throws, read when it is shown. */
  constructor(
    readonly program: Program,
    readonly options: RunOptions,
    private readonly problem: () => string,
  ) {}

  /** Whether the full result is built after the figures are shown: for rules long to explain, and not on a server, which renders once. */
  get explainsLater(): boolean {
    return !isServer && this.program.credits.length > 0 && explainingWork(this.program) > EXPLAINED_AT_ONCE;
  }

  /** The full result, with its explanation. */
  evaluate(values: FormValues): Evaluation {
    return contained(() => this.program.evaluate(this.#given(values), this.options)) ?? this.unevaluable();
  }

  /** `evaluate`, a hundred rules per step (`evaluateInSteps`), whenever it runs. */
  evaluationInSteps(values: FormValues): Generator<void, Evaluation, void> {
    const program = this.program;
    const given = this.#given(values);
    const options = this.options;
    const unevaluable = () => this.unevaluable();
    return (function* () {
      try {
        return yield* program.evaluateInSteps(given, options);
      } catch {
        return unevaluable();
      }
    })();
  }

  /** Billing's credit, without the explanation; undefined when the program throws. */
  credit(values: FormValues): CreditOutcome | undefined {
    return contained(() => this.program.credit(this.#given(values), this.options));
  }

  /** `credit`, a hundred rules per step (`creditInSteps`); a throw ends it (see `inIdleSlices`). */
  creditInSteps(values: FormValues): Generator<void, CreditOutcome, void> {
    return this.program.creditInSteps(this.#given(values), this.options);
  }

  /** What a program that throws evaluates to: a problem with the rules, said in the form. */
  unevaluable(): Evaluation {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', code: 'bad-precompiled', message: this.problem(), span: { start: 0, end: 0 }, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }],
    };
  }

  /** The form's values as the rules take them: a list input's items as a list. */
  #given(values: FormValues) {
    return givenValues(values as Record<string, string>, this.program.inputs);
  }
}

/** `run()`, or undefined when it throws. */
export function contained<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
