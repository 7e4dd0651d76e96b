/**
 * `program.creditInSteps()` and `evaluateInSteps()`: a run that works out a
 * hundred rules and tiers per `next()` — each condition, and where it holds
 * the credit and its caps' limits — and then decides each month at once, by
 * the same `plan/semantics.ts` as ever. Held identical to `credit()` and
 * `evaluate()`, which decide as they go: on random programs (fast-check,
 * fixed seed) — their blocks also made forty times longer, so that the
 * run pauses inside them — and on what a random program does not write:
 * `let`s, `for each` blocks, `pay only if`, problems met in several places.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compile, type CreditOutcome, type Evaluation, type InputValues } from '../../src/index.js';
import { loadProgram, type Program } from '../../src/runtime.js';
import { programArb, renderProgram, valuesArb, type ProgramModel } from '../fuzz/arbitraries.js';
import { rules } from '../helpers.js';

const SEED = 20_261_207;

/** The runtime's program of the same rules: no fast path, the exact run always. */
function exactOf(source: string): Program {
  const { program, diagnostics } = compile(source);
  assert.ok(program, `${source}\n${diagnostics.map((d) => d.message).join('\n')}`);
  return loadProgram(JSON.parse(JSON.stringify(program.toJSON()))).program!;
}

/** Drives a run to its end, counting its pauses. */
function drive<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}

/** Both runs in steps give what the runs at once give, exactly; how often they paused. */
function agree(program: Program, values: InputValues, where: string): { credit: CreditOutcome; pauses: number } {
  const evaluation = drive<Evaluation>(program.evaluateInSteps(values));
  assert.deepEqual(evaluation.value, program.evaluate(values), `evaluate: ${where}`);
  const credit = drive<CreditOutcome>(program.creditInSteps(values));
  assert.deepEqual(credit.value, program.credit(values), `credit: ${where}`);
  return { credit: credit.value, pauses: Math.max(credit.pauses, evaluation.pauses) };
}

/** Rules text: the lines of `head` (dedented by `rules`), then `lines` as they are. */
const withLines = (head: string, lines: readonly string[], tail = '') => `${head}${lines.join('\n')}\n${tail}`;

/** The model with each block's tiers written `times` over: the same meaning, forty times the work. */
function longer(model: ProgramModel, times: number): string {
  const credits = model.credits.map((c) => (c.type === 'block' ? { ...c, block: { ...c.block, tiers: Array.from({ length: times }, () => c.block.tiers).flat() } } : c));
  return renderProgram({ ...model, credits });
}

describe('a run in steps', () => {
  it('gives credit()\'s and evaluate()\'s outcomes on random programs and values, also with blocks long enough to pause inside', () => {
    let paused = 0;
    let all = 0;
    fc.assert(
      fc.property(programArb().chain((model) => fc.tuple(fc.constant(model), fc.array(valuesArb(model), { minLength: 1, maxLength: 3 }))), ([model, runs]) => {
        const sources = [model.text, ...(model.credits.some((c) => c.type === 'block') ? [longer(model, 40)] : [])];
        for (const source of sources) {
          const program = exactOf(source);
          for (const values of runs) {
            if (agree(program, values, `${source}\nvalues: ${JSON.stringify(values)}`).pauses > 0) paused++;
            all++;
          }
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
    // Not vacuous: many runs paused inside a month.
    assert.ok(paused > all / 4, `${paused} of ${all} runs paused`);
  });

  const cases: Record<string, { source: string; values: InputValues[] }> = {
    'lets read by conditions, credits and caps, and outputs': {
      source: rules`
        fee 1000 EUR monthly
        input a: percent default 99% range 0%..100%
        input n: number default 2 range 0..100
        let short = 100% - a
        let hours = n * 2
        credit "Uptime":
          if short > 0.5% then short * 10 capped hours * 10 EUR monthly
          if short > 1% then 20% capped 150 EUR monthly
        if hours > 4 then 5 EUR * hours capped 5% quarterly
        output paid: money = total_credit
      `,
      values: [{}, { a: '97%' }, { a: '90%', n: '10' }, { a: ['97%', '90%', '99.9%', '90%'], n: ['1', '9', '0', '3'] }],
    },
    'a for each block beside a long block': {
      source: withLines(rules`
        fee 1000 EUR monthly
        input a: percent default 99% range 0%..100%
        input outages: list of duration default [2h]
        credit "Outages" for each outage in outages capped 30% monthly:
          if outage > 1h then 5%
          if outage > 4h then 10% capped 80 EUR monthly
        credit "Uptime":
      `, Array.from({ length: 250 }, (_, i) => `  if a < ${(99.9 - i * 0.1).toFixed(1)}% then ${(i % 40) + 1}% capped ${(i % 7) * 10 + 5} EUR monthly`)),
      values: [{}, { outages: ['30min', '5h', '2h'], a: '80%' }, { a: ['95%', '70%'], outages: [['5h'], ['1h', '8h']] }],
    },
    'pay only if, after a long block': {
      source: withLines(rules`
        fee 1000 EUR monthly
        input a: percent default 99% range 0%..100%
        input claimed: boolean default true
        credit "Uptime":
      `, Array.from({ length: 150 }, (_, i) => `  if a < ${(99.9 - i * 0.5).toFixed(1)}% then ${i + 1} EUR capped ${i % 3 === 0 ? 50 : 500} EUR quarterly`), 'pay only if claimed and total_credit > 20 EUR\n'),
      values: [{}, { a: '60%' }, { a: '60%', claimed: false }, { a: ['60%', '99.85%', '30%', '60%'], claimed: [true, true, false, true] }],
    },
    'points, steps below a threshold, and a program cap': {
      source: rules`
        fee 2000 EUR monthly
        input a: percent default 99% range 0%..100%
        input tickets: number default 3 range 0..100
        point = 1%
        points "Support":
          if tickets > 2 then 1 point
          if tickets > 5 then 3 points capped 2 points monthly
        if a < 99.9% then 1% per started 0.1% below capped 25% monthly
        cap 30% yearly
      `,
      values: [{}, { a: '98.95%', tickets: '7' }, { a: ['95%', '95%', '95%', '95%'], tickets: '7' }],
    },
  };

  for (const [name, { source, values }] of Object.entries(cases)) {
    it(`gives the same outcomes: ${name}`, () => {
      const program = exactOf(source);
      for (const v of values) assert.ok(agree(program, v, JSON.stringify(v)).credit.ok, JSON.stringify(v));
    });
  }

  it('meets a problem where the run at once meets it, though it worked out a later rule\'s first', () => {
    // A block's own cap divides by m, after its tiers; the rule after it by n. Worked out ahead: the rule, before the cap.
    const program = exactOf(withLines('fee 1000 EUR monthly\ninput n: number default 1 range 0..10\ninput m: number default 1 range 0..10\ncredit "First" capped 1000 EUR / m monthly:\n',
      Array.from({ length: 120 }, (_, i) => `  if n < 5 then ${i} EUR`), 'if 10 / n > 1 then 5 EUR\n'));
    const problems = (e: Evaluation) => (e.ok ? [] : e.diagnostics.map((d) => [d.code, d.start.line, d.start.column, d.month]));
    for (const values of [{ n: '0' }, { m: '0' }, { n: '0', m: '0' }, { n: ['1', '1', '0'], m: ['1', '0', '0'] }]) {
      agree(program, values, JSON.stringify(values));
      assert.equal(program.evaluate(values).ok, false, JSON.stringify(values));
    }
    assert.deepEqual(problems(program.evaluate({ n: '0', m: '0' })), [['division-by-zero', 4, 23, undefined]], 'the block\'s cap, as the month meets it first');
  });
});

describe('the steps of a run', () => {
  /** A block of `tiers` tiers; `capped`, each has a cap of its own, so it is no tier table. */
  const block = (tiers: number, capped: boolean) => exactOf(`fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\ncredit "Big":\n${Array.from({ length: tiers }, (_, i) => `  if a < ${(i % 1000) / 10}% then ${i % 97}%${capped ? ' capped 5 EUR' : ''}`).join('\n')}\n`);

  it('pause after every hundred tiers worked out, across the months of a year', () => {
    const big = block(3990, true);
    assert.equal(drive(big.creditInSteps({ a: '1%' })).pauses, 39, 'a month of 3,990 tiers: a pause after each hundred');
    assert.equal(drive(big.creditInSteps({ a: ['1%', '50%', '99%'] })).pauses, 119, 'three months: 11,970 tiers');
    const small = block(30, true);
    assert.equal(drive(small.creditInSteps({ a: Array.from({ length: 12 }, () => '1%') })).pauses, 3, 'a year of 30 tiers a month: 360 tiers');
  });

  it('read a form of thousands of inputs in parts of 500', () => {
    const inputs = 1_750;
    const many = exactOf(['fee 1000 EUR monthly', ...Array.from({ length: inputs }, (_, i) => `input x${i}: percent default 50%`), `if x${inputs - 1} < 40% then 10%`].join('\n'));
    const values = { x1749: '30' };
    // The fee and 1,750 inputs: three pauses while they are read, none after for one rule.
    assert.deepEqual(drive(many.creditInSteps(values)), { value: many.credit(values), pauses: 3 });
    assert.equal(drive(many.evaluateInSteps(values)).pauses, 3);
  });

  it('find a tier table\'s winner from its input without working out its tiers: a year in one step', () => {
    const table = block(4990, false);
    const year = { a: Array.from({ length: 12 }, (_, i) => `${i * 8}%`) };
    const { value, pauses } = drive(table.creditInSteps(year));
    assert.equal(pauses, 0);
    assert.deepEqual(value, table.credit(year));
    // Its explanation shows every tier: they are worked out.
    assert.equal(drive(table.evaluateInSteps({ a: '1%' })).pauses, 49);
  });

  it('answer at once where the fast path does, and a refused value at once', () => {
    const { program } = compile('fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\nif a < 99% then 10% capped 50 EUR monthly\n');
    assert.deepEqual(drive(program!.creditInSteps({ a: ['1%', '2%'] })), { value: program!.credit({ a: ['1%', '2%'] }), pauses: 0 });
    const refused = drive(block(3990, true).creditInSteps({ a: '101%' }));
    assert.equal(refused.pauses, 0);
    assert.deepEqual(!refused.value.ok && refused.value.diagnostics.map((d) => d.code), ['input-out-of-range']);
  });

  it('of two runs interleaved do not disturb each other', () => {
    const big = block(600, true);
    const a = big.creditInSteps({ a: ['1%', '40%'] });
    const b = big.creditInSteps({ a: '20%' });
    let done: [CreditOutcome?, CreditOutcome?] = [];
    while (!done[0] || !done[1]) {
      if (!done[0]) { const s = a.next(); if (s.done) done = [s.value, done[1]]; }
      if (!done[1]) { const s = b.next(); if (s.done) done = [done[0], s.value]; }
    }
    assert.deepEqual(done, [big.credit({ a: ['1%', '40%'] }), big.credit({ a: '20%' })]);
  });
});
