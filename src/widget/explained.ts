/**
 * A month's explained result, built later. Explaining a month of a block of
 * thousands of tiers writes a step per tier (tens of milliseconds), while
 * `credit()` gives the same amount without the explanation many times
 * faster: for such rules the widget shows the total from `credit()` at once
 * and builds the full result — breakdown, "why", outputs — once, when first
 * needed: in idle time for the panels, or earlier when the page reads
 * `credit-change`'s `result` or the element's `result`.
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

  /** `inputs`: the values; `credit`: their credit from `credit()`; `evaluate`: their full evaluation, run at most once. */
  constructor(
    readonly inputs: Record<string, string>,
    readonly credit: CreditSummary,
    private readonly evaluate: () => Evaluation,
  ) {}

  /** The total to show meanwhile. */
  get total(): Total {
    return { amount: this.credit.amount, percentOfFee: this.credit.percentOfFee, yearly: !!this.credit.months };
  }

  get evaluation(): Evaluation {
    return (this.#evaluation ??= this.evaluate());
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
