/**
 * The three ways a program's credit is computed, side by side for the tests
 * that hold them equal: the exact interpreter's full result, `credit()`, and
 * the fixed-point fast path called directly (it answers `undefined` for what
 * it cannot prove exact). No test framework here, so `scripts/fuzz.ts` uses it too.
 */
import type { CheckedProgram } from '../src/language/checker/program.js';
import { planFixed } from '../src/language/evaluate/fixed.js';
import type { FastPath } from '../src/language/program.js';
import type { CreditSummary, EvaluationResult, MonthResult, Program } from '../src/index.js';

const fastPaths = new WeakMap<Program, FastPath | undefined>();

/** The program's fast path, planned once per program; undefined when it has none. */
export function fastPathOf(program: Program): FastPath | undefined {
  if (!fastPaths.has(program)) fastPaths.set(program, planFixed(program.toJSON() as CheckedProgram));
  return fastPaths.get(program);
}

/** What billing is paid, as the exact interpreter's full result states it. */
export function creditOf(result: EvaluationResult): CreditSummary {
  const cuts = (m: MonthResult) => [...m.credits.flatMap((c) => c.cuts), ...m.cuts].map(({ scope, owner, period, line, month, before, cut }) => ({ scope, owner, period, line, ...(month ? { month } : {}), before, cut }));
  if (result.mode !== 'year') return { currency: result.currency, ...result.credit, cuts: cuts(result) };
  const months = result.periods.map((m) => ({ ...m.credit, cuts: cuts(m) }));
  return { currency: result.currency, ...result.credit, cuts: months.flatMap((m) => m.cuts), months };
}
