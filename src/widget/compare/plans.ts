/**
 * Plans side by side, without the DOM: which inputs a comparison asks for,
 * and each plan's result over the same values with its difference to the
 * first plan — exact decimal strings, as the language computes them. The
 * fee is not shared: it is each plan's own price.
 */
import { addAmounts, type Evaluation, type InputInfo, type InputValues, type Program } from '../../runtime.js';

export interface Plan {
  readonly name: string;
  readonly program: Program;
}

export interface PlanOutcome {
  readonly plan: Plan;
  readonly evaluation: Evaluation;
  /** This plan's credit minus the first plan's, when both computed in the same currency. */
  readonly difference?: string;
}

/** Two plans that read one input name in different kinds or units: they cannot share a value. */
export interface Clash {
  readonly input: string;
  readonly plans: readonly [string, string];
}

/** Each input any plan reads, once, in the order the plans declare them; the first declaration gives label and range. */
export function sharedInputs(plans: readonly Plan[]): { inputs: InputInfo[]; clash?: Clash } {
  const byName = new Map<string, { input: InputInfo; plan: string }>();
  for (const plan of plans) {
    for (const input of plan.program.inputs) {
      if (input.name === 'fee') continue;
      const first = byName.get(input.name);
      if (!first) byName.set(input.name, { input, plan: plan.name });
      else if (first.input.kind !== input.kind || first.input.unit !== input.unit || first.input.currency !== input.currency) {
        return { inputs: [], clash: { input: input.name, plans: [first.plan, plan.name] } };
      }
    }
  }
  return { inputs: [...byName.values()].map((e) => e.input) };
}

/** The inputs of `values` this plan reads: another plan's inputs are no error of this one. */
export function valuesFor(plan: Plan, values: InputValues): InputValues {
  const names = new Set(plan.program.inputs.map((i) => i.name));
  return Object.fromEntries(Object.entries(values).filter(([name]) => names.has(name)));
}

/** Every plan over the same values (a month, or twelve of them as lists). */
export function comparePlans(plans: readonly Plan[], values: InputValues, options: { lang?: 'en' | 'de'; currency?: string } = {}): PlanOutcome[] {
  const evaluations = plans.map((plan) => ({ plan, evaluation: evaluate(plan, values, options) }));
  const first = evaluations[0]?.evaluation;
  return evaluations.map(({ plan, evaluation }) => {
    if (!first?.ok || !evaluation.ok || evaluation.result.currency !== first.result.currency) return { plan, evaluation };
    const base = first.result.credit.amount;
    return { plan, evaluation, difference: addAmounts(evaluation.result.credit.amount, base.startsWith('-') ? base.slice(1) : `-${base}`) };
  });
}

/**
 * Checked rules never throw, but a precompiled program is data from
 * elsewhere: a plan that throws is a plan with a problem, not a broken page.
 */
function evaluate(plan: Plan, values: InputValues, options: { lang?: 'en' | 'de'; currency?: string }): Evaluation {
  try {
    return plan.program.evaluate(valuesFor(plan, values), options);
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return { ok: false, diagnostics: [{ severity: 'error', code: 'bad-precompiled', message, span: { start: 0, end: 0 }, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }] };
  }
}
