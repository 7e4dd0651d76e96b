/**
 * A month's or a contract year's explained result, built later. Explaining
 * a month of a block of thousands of tiers writes a step per tier (several
 * milliseconds; a year twelve times as many), while `credit()` gives the
 * same amounts without the explanation many times faster: for such rules the
 * widget shows the figures from `credit()` — at once, or, for rules whose
 * every tier must be worked out, after some idle time — and builds the full
 * result — breakdown, "why", outputs, the year's cuts — once, when first
 * needed: in idle time, a hundred rules a step (`evaluateInSteps`), or at
 * once when the page reads `credit-change`'s `result` or the element's
 * `result` before then.
 */
import { settle } from '../language/settle.js';
import type { CreditSummary, Evaluation, EvaluationResult, Program } from '../runtime.js';
import type { CreditChangeDetail } from './events.js';
import type { Total } from './result-panels.js';

/**
 * The most rules, tiers and other statements whose month is explained in
 * the task that changed a value: a few hundred take about a millisecond,
 * and the panels then never show an "updating" state.
 */
export const EXPLAINED_AT_ONCE = 300;

const works = new WeakMap<Program, number>();

/** How much work explaining a month is: one for each statement, a block's tiers each. A count, not a clock: the same on any machine. */
export function explainingWork(program: Program): number {
  let work = works.get(program);
  if (work === undefined) {
    work = 0;
    for (const s of program.toJSON().ast.statements) work += s.type === 'block' ? s.rules.length : 1;
    works.set(program, work);
  }
  return work;
}

export class Explained {
  #evaluation?: Evaluation;

  /** `inputs`: the values; `run`: their full evaluation, a hundred rules per step (`evaluateInSteps`), run at most once; `credit`: their credit from `credit()`, when known. */
  constructor(
    readonly inputs: Record<string, string | string[]>,
    private readonly run: Generator<void, Evaluation, void>,
    public credit?: CreditSummary,
  ) {}

  /** Builds one more step; true once the whole result is built. */
  step(): boolean {
    if (this.#evaluation) return true;
    const next = this.run.next();
    if (next.done) this.#evaluation = next.value;
    return next.done === true;
  }

  /** Whether the whole result is built. */
  get built(): boolean {
    return this.#evaluation !== undefined;
  }

  /** The build as idle work, shared with any earlier reader of the result; a build left off goes on where it stopped. */
  *steps(): Generator<void, Evaluation, void> {
    while (!this.step()) yield;
    return this.#evaluation!;
  }

  /** The total to show meanwhile; undefined until the credit is known. */
  get total(): Total | undefined {
    const credit = this.credit;
    return credit && { amount: credit.amount, percentOfFee: credit.percentOfFee, yearly: !!credit.months };
  }

  /** The full evaluation: what idle time has not built yet is built now. */
  get evaluation(): Evaluation {
    while (!this.step());
    return this.#evaluation!;
  }

  /** The full result; undefined in the one case where the paths disagree: a precompiled program that throws when explained. */
  get result(): EvaluationResult | undefined {
    const evaluation = this.evaluation;
    return evaluation.ok ? evaluation.result : undefined;
  }

  /**
   * `credit-change`'s detail, fired in the task of the change as ever:
   * `result` is evaluated when first read, then an ordinary data property
   * (`settle`); JSON, a spread and a structured clone read it like any other.
   */
  detail(): CreditChangeDetail {
    const later = this;
    return {
      inputs: this.inputs,
      get result(): EvaluationResult {
        const result = later.result!;
        settle(this, 'result', result);
        return result;
      },
      set result(value: EvaluationResult) {
        settle(this, 'result', value);
      },
    };
  }
}
