/**
 * `program.evaluateByPeriod()`: a contract year evaluated one month (or
 * quarter) per `next()`, for a page that spreads a long year over several
 * tasks. It pauses between periods, never inside one, carries caps from
 * month to month exactly as `evaluate()` does, and returns what `evaluate()`
 * returns — also when a month fails, or when two runs are interleaved.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Evaluation } from '../../src/index.js';
import { programOf, rules } from '../helpers.js';

const capped = rules`
  fee 1000 EUR monthly
  input availability: percent default 99.95%
  input hours: number default 1
  let per_hour = 100 EUR / hours
  credit "Uptime" capped 5% yearly:
    if availability < 99.9% then 10%
    if availability < 99% then 30%
  output hourly: money = per_hour
  cap 40% quarterly
`;

/** Drives a run to its end, counting its pauses. */
function drive(steps: Generator<void, Evaluation, void>): { evaluation: Evaluation; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { evaluation: step.value, pauses };
    pauses++;
  }
}

describe('a contract year evaluated a period at a time', () => {
  const program = programOf(capped);
  const year = { availability: ['98%', '98%', '98%', '98%', '99.5%', '98%', '99.95%', '98%', '98%', '98%', '98%', '98%'] };

  it('pauses after each month but the last, and ends in evaluate()\'s result: the yearly cap carried from month to month', () => {
    const { evaluation, pauses } = drive(program.evaluateByPeriod(year));
    assert.equal(pauses, 11);
    assert.deepEqual(evaluation, program.evaluate(year));
    assert.equal(JSON.stringify(evaluation), JSON.stringify(program.evaluate(year)));
    assert.ok(evaluation.ok && evaluation.result.mode === 'year');
    assert.deepEqual(evaluation.result.periods.map((m) => m.credit.amount), ['300.00', '300.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00']);
  });

  it('a month that fails ends the run there, with evaluate()\'s diagnostic', () => {
    // The third month's `let` divides by zero: two pauses, then its diagnostic.
    const values = { hours: ['1', '2', '0', '4'] };
    const { evaluation, pauses } = drive(program.evaluateByPeriod(values));
    assert.equal(pauses, 2);
    assert.deepEqual(evaluation, program.evaluate(values));
    assert.deepEqual(!evaluation.ok && evaluation.diagnostics.map((d) => [d.code, d.month]), [['division-by-zero', 3]]);
  });

  it('runs of the same program interleaved do not disturb each other', () => {
    const other = { availability: ['90%', '99.95%', '90%', '90%'] };
    const a = program.evaluateByPeriod(year);
    const b = program.evaluateByPeriod(other);
    let doneA: Evaluation | undefined;
    let doneB: Evaluation | undefined;
    while (!doneA || !doneB) {
      if (!doneA) { const s = a.next(); if (s.done) doneA = s.value; }
      if (!doneB) { const s = b.next(); if (s.done) doneB = s.value; }
    }
    assert.deepEqual(doneA, program.evaluate(year));
    assert.deepEqual(doneB, program.evaluate(other));
  });

  it('a single month, and a refused option, end at the first step', () => {
    assert.deepEqual(drive(program.evaluateByPeriod({ availability: '98%' })), { evaluation: program.evaluate({ availability: '98%' }), pauses: 0 });
    assert.deepEqual(drive(program.evaluateByPeriod({}, { currency: 'XYZ' })), { evaluation: program.evaluate({}, { currency: 'XYZ' }), pauses: 0 });
  });
});
