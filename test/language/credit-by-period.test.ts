/**
 * `program.creditByPeriod()`: billing's `credit()` one month (or quarter) of
 * a contract year per `next()`, for a page that spreads a long year's figures
 * over several tasks. It returns exactly what `credit()` returns — for every
 * shipped example's values, with and without the fast path — pauses between
 * the exact run's months, and answers at the first step where the fast path
 * does.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compile, type CreditOutcome, type InputValues, type Program } from '../../src/index.js';
import { loadProgram } from '../../src/runtime.js';
import { programOf, rules } from '../helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Drives a run to its end, counting its pauses. */
function drive(steps: Generator<void, CreditOutcome, void>): { outcome: CreditOutcome; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { outcome: step.value, pauses };
    pauses++;
  }
}

/** The runtime's program of the same rules: no fast path, the exact run always. */
function exactOnly(program: Program) {
  return loadProgram(JSON.parse(JSON.stringify(program.toJSON()))).program!;
}

describe('the credit a period at a time', () => {
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.credit')).sort()) {
    it(`gives credit()'s outcome for every example of ${file}, with and without the fast path, and as a year`, () => {
      const program = compile(readFileSync(join(EXAMPLES, file), 'utf8')).program!;
      const exact = exactOnly(program);
      const periods = exact.period === 'monthly' ? 12 : exact.period === 'quarterly' ? 4 : 1;
      for (const example of program.examples) {
        const given = example.inputs as InputValues;
        // The example's values, and a year of them: each value repeated for every period.
        const year = Object.fromEntries(Object.entries(given).map(([name, v]) => [name, Array.isArray(v) ? v : Array.from({ length: periods }, () => v)])) as InputValues;
        for (const values of [given, year]) {
          for (const p of [program, exact]) assert.deepEqual(drive(p.creditByPeriod(values)).outcome, p.credit(values), `${example.name} (${file})`);
          const { outcome, pauses } = drive(exact.creditByPeriod(values, { currency: 'eur' }));
          assert.deepEqual(outcome, exact.credit(values, { currency: 'eur' }));
          const months = outcome.ok ? (outcome.credit.months?.length ?? 1) : undefined;
          if (months) assert.equal(pauses, months - 1, `${example.name} (${file}): a pause between periods`);
        }
      }
    });
  }

  const capped = rules`
    fee 1000 EUR monthly
    input availability: percent default 99.95%
    credit "Uptime" capped 5% yearly:
      if availability < 99.9% then 10%
      if availability < 99% then 30%
  `;
  const year = { availability: ['98%', '98%', '99.5%', '98%', '98%', '98%', '98%', '98%', '98%', '98%', '98%', '98%'] };

  it('pauses after each month of the exact run but the last, the yearly cap carried across the pauses', () => {
    const exact = exactOnly(programOf(capped));
    const { outcome, pauses } = drive(exact.creditByPeriod(year));
    assert.equal(pauses, 11);
    assert.deepEqual(outcome, exact.credit(year));
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.credit.months!.map((m) => m.amount), ['300.00', '300.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00']);
  });

  it('answers at the first step where the fast path does, and a refused currency at once', () => {
    const program = programOf(capped);
    assert.deepEqual(drive(program.creditByPeriod(year)), { outcome: program.credit(year), pauses: 0 });
    const refused = drive(exactOnly(program).creditByPeriod(year, { currency: 'XYZ' }));
    assert.equal(refused.pauses, 0);
    assert.deepEqual(!refused.outcome.ok && refused.outcome.diagnostics.map((d) => d.code), ['invalid-option']);
  });
});
