/**
 * Tier tables (`BlockPlan.table`): which blocks are one, decided once by the
 * plan, and the winner `credit()` finds from the input's value alone held to
 * trying every tier — the pick of `pickTier` (highest pay, first on ties),
 * the same amounts and cuts from `credit()`, `evaluate()` and the fixed-point
 * path, over random tier blocks and values (fast-check, fixed seed).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MONTHS_IN } from '../../src/language/ast.js';
import { compile as compileDecimalOnly } from '../../src/compiler.js';
import type { CheckedProgram } from '../../src/language/checker/program.js';
import { Decimal, ZERO } from '../../src/language/decimal.js';
import { Evaluator } from '../../src/language/evaluate/evaluator.js';
import { planFixed } from '../../src/language/evaluate/fixed.js';
import { readInputs, type InputValues } from '../../src/language/evaluate/inputs.js';
import type { MonthResult } from '../../src/language/evaluate/results.js';
import { lower } from '../../src/language/plan/lower.js';
import type { BlockPlan } from '../../src/language/plan/plan.js';
import { creditOf } from '../backends.js';
import { decimalString } from '../fuzz/arbitraries.js';

const SEED = 20_261_207;

function checked(source: string): CheckedProgram {
  const { program, diagnostics } = compileDecimalOnly(source);
  assert.ok(program, `${source}\n${diagnostics.map((d) => d.message).join('\n')}`);
  return program.toJSON();
}

function blocks(source: string): BlockPlan[] {
  return lower(checked(source)).credits.flatMap((c) => (c.type === 'block' ? [c.block] : []));
}

const HEAD = 'fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\ninput b: percent default 99% range 0%..100%\ninput n: number default 1 range 0..10\ninput outages: list of duration\nlet half = a / 2\n';

test('a block is a tier table when every tier compares one input with a literal and credits a literal, one basis, no caps or steps of its own', () => {
  const table = (tiers: string, header = 'credit "T":') => blocks(`${HEAD}${header}\n${tiers}\n`)[0].table;
  const yes = table('  if a < 99.5% then 10%\n  if a >= 95% then 5%\n  if a = 90% then -5%\n  if a != 80% then 0%');
  assert.deepEqual(yes && { input: yes.input, basis: yes.basis, ops: yes.ops, thresholds: yes.thresholds.map((t) => t.value), credits: yes.credits.map((c) => `${c.negative ? '-' : ''}${c.value}`) },
    { input: 'a', basis: 'percent', ops: ['<', '>=', '=', '!='], thresholds: ['99.5', '95', '90', '80'], credits: ['10', '5', '-5', '0'] });
  assert.equal(table('  if n > 2 then 100 EUR\n  if n > 5 then 300 EUR')?.basis, 'money');
  // A block's own caps are applied after its winner: still a table.
  assert.ok(table('  if a < 99% then 10%', 'credit "T" capped 20% yearly:'));

  const not = {
    'a tier with caps': '  if a < 99% then 10% capped 100 EUR monthly\n  if a < 95% then 20%',
    'a proportional tier': '  if a < 99% then 1% per 0.1% below\n  if a < 95% then 20%',
    'a computed credit': '  if a < 99% then 5% + 5%',
    'a credit read from a name': '  if a < 99% then half',
    'two bases': '  if a < 99% then 10%\n  if a < 95% then 100 EUR',
    'points': '  if a < 99% then 10 points',
    'two inputs': '  if a < 99% then 10%\n  if b < 95% then 20%',
    'the fee': '  if fee > 500 EUR then 10%',
    'a let': '  if half < 40% then 10%',
    'a band': '  if 95% <= a < 99% then 10%',
    'the threshold first': '  if 99% > a then 10%',
    'a threshold read from a name': '  if a < b then 10%',
    'a condition of two comparisons': '  if a < 99% and n > 2 then 10%',
  };
  for (const [why, tiers] of Object.entries(not)) assert.equal(table(tiers, why === 'points' ? 'point = 40 EUR\ncredit "T":' : 'credit "T":'), undefined, why);
  assert.equal(table('  if outage > 2h then 10%', 'credit "T" for each outage in outages:'), undefined, 'a for-each block');
});

// ——— random tier tables against trying every tier ———

interface TableModel {
  readonly text: string;
  readonly input: 'a' | 'n' | 'm';
  readonly values: readonly string[];
}

/** An input's values and thresholds: a few, so that tiers tie and values meet thresholds; written in several ways. */
const POOLS = {
  a: { decl: 'input a: percent default 99% range 0%..100%', literals: ['0%', '90%', '95%', '95.0%', '99%', '99.5%', '99.50%', '99.95%', '100%'], extra: ['94.99%', '99.49%', '99.951%', '100.0%'] },
  n: { decl: 'input n: number default 0 range -10..10', literals: ['-10', '-2.5', '0', '-0', '1', '1.00', '2', '7.25', '10'], extra: ['-3', '0.5', '2.0001', '9.99'] },
  m: { decl: 'input m: money default 0 EUR range -1000 EUR..1000 EUR', literals: ['-500 EUR', '0 EUR', '10 EUR', '10.00 EUR', '99.99 EUR', '500 EUR'], extra: ['-0.01 EUR', '10.01 EUR', '250 EUR', '1000 EUR'] },
} as const;

const OPS = ['<', '<=', '>', '>=', '=', '!='] as const;

/** Credits: ties, zero, negatives (which pay zero), and long ones whose product with some fees is not exact in 40 digits. */
const creditArb = fc.oneof(
  fc.constantFrom('0', '-0', '5', '5.0', '10', '-5', '25', '0.001', '100'),
  fc.integer({ min: -2000, max: 10_000 }).map((n) => decimalString(n, 2)),
  fc.constantFrom('12.3456789012345678', '12.3456789012345679', '0.0000000000000000000000000001'),
);

/** Fees: plain, with many digits, and yearly ones whose month is a non-terminating twelfth. */
const feeArb = fc.constantFrom('1000 EUR monthly', '0.05 EUR monthly', '1234567.891 EUR monthly', '999999999999.999 EUR monthly', '1000.05 EUR yearly', '100 EUR quarterly');

const CAPS = ['', ' capped 50% yearly', ' capped 100 EUR monthly', ' capped 30% quarterly and 80% yearly'];

const tableArb: fc.Arbitrary<TableModel> = fc
  .record({
    input: fc.constantFrom('a' as const, 'n' as const, 'm' as const),
    money: fc.boolean(),
    fee: feeArb,
    cap: fc.constantFrom(...CAPS),
    programCap: fc.constantFrom('', 'cap 40% yearly\n'),
    after: fc.boolean(),
    tiers: fc.array(fc.record({ op: fc.constantFrom(...OPS), threshold: fc.nat(), credit: creditArb }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ input, money, fee, cap, programCap, after, tiers }) => {
    const pool = POOLS[input];
    const lines = tiers.map((t) => `  if ${input} ${t.op} ${pool.literals[t.threshold % pool.literals.length]} then ${t.credit}${money ? ' EUR' : '%'}`);
    // Another credit after the block: the block's winner is not the last thing a month adds up.
    const rule = after ? `if ${input} ${OPS[tiers.length % OPS.length]} ${pool.literals[0]} then 1%\n` : '';
    const text = `fee ${fee}\n${pool.decl}\n${programCap}credit "Table"${cap}:\n${lines.join('\n')}\n${rule}`;
    return { text, input, values: [...pool.literals, ...pool.extra] };
  });

/** Values for one month, or a year of 1 to 12 months (a list, or one value for all). */
function valuesArb(model: TableModel): fc.Arbitrary<InputValues> {
  const value = fc.constantFrom(...model.values);
  return fc.oneof(
    value.map((v): InputValues => ({ [model.input]: v })),
    fc.array(value, { minLength: 1, maxLength: 12 }).map((vs): InputValues => ({ [model.input]: vs })),
  );
}

/** The winner of each month's table, found from the input's value as `credit()` finds it; undefined where every tier is tried. */
function tableWinners(program: CheckedProgram, evaluator: Evaluator, block: BlockPlan, values: InputValues): (number | undefined)[] {
  const read = readInputs(program.inputs, values, program.currency, evaluator.plan.period);
  assert.deepEqual(read.problems, []);
  return read.months.map((month) => {
    // The fee of the month, as the run works it out from a quarter's or a year's.
    const { period, feePeriod } = evaluator.plan;
    const fee = (month.get('fee') as Decimal).times(MONTHS_IN[period]).div(MONTHS_IN[feePeriod]);
    return evaluator.tableWinner(block, { value: (name) => month.get(name)! }, fee);
  });
}

test('random tier tables: the table\'s winner is the one trying every tier picks, and credit(), evaluate() and the fixed-point path agree', () => {
  let found = 0;
  let tried = 0;
  let fixed = 0;
  fc.assert(
    fc.property(tableArb.chain((model) => fc.tuple(fc.constant(model), fc.array(valuesArb(model), { minLength: 1, maxLength: 4 }))), ([model, runs]) => {
      const { program } = compileDecimalOnly(model.text);
      assert.ok(program, model.text);
      const data = program.toJSON();
      const evaluator = new Evaluator(data);
      const [credit] = evaluator.plan.credits;
      assert.ok(credit.type === 'block' && credit.block.table, `not a tier table:\n${model.text}`);
      const fast = planFixed(data);
      for (const values of runs) {
        const where = `${model.text}\nvalues: ${JSON.stringify(values)}`;
        const evaluation = program.evaluate(values);
        assert.ok(evaluation.ok, where);
        const result = evaluation.result;
        const months: readonly MonthResult[] = result.mode === 'year' ? result.periods : [result];
        // Trying every tier: the breakdown's winner (none: -1).
        const picked = months.map((m) => m.credits[0].winner ?? -1);
        const winners = tableWinners(data, evaluator, credit.block, values);
        winners.forEach((winner, m) => {
          if (winner === undefined) tried++;
          else {
            found++;
            assert.equal(winner, picked[m], `month ${m + 1}: ${where}`);
          }
        });
        const expected = creditOf(result);
        assert.deepEqual(program.credit(values), { ok: true, credit: expected }, where);
        const own = fast?.(values, {});
        if (own) {
          fixed++;
          assert.deepEqual(own, { ok: true, credit: expected }, `fixed point: ${where}`);
        }
      }
    }),
    { seed: SEED, numRuns: 400 },
  );
  // Not vacuous: most months take the table, some are tried tier by tier, the fixed-point path answers some runs.
  assert.ok(found > tried * 3, `the table answered ${found} months, ${tried} were tried`);
  assert.ok(tried > 0, 'no month was tried tier by tier');
  assert.ok(fixed > 50, `the fixed-point path answered ${fixed} runs`);
});

test('a table\'s winner: the first of the tiers that pay most; a fee of zero pays nothing, so the first that holds', () => {
  const source = 'fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\ncredit "T":\n  if a < 50% then 5%\n  if a < 99% then 10%\n  if a != 90% then 10%\n  if a < 99.5% then -20%\n';
  const data = checked(source);
  const evaluator = new Evaluator(data);
  const [credit] = evaluator.plan.credits;
  assert.ok(credit.type === 'block' && credit.block.table);
  const at = (a: string, fee: Decimal) => evaluator.tableWinner(credit.block, { value: () => new Decimal(a) }, fee);
  const thousand = new Decimal(1000);
  assert.equal(at('0.98', thousand), 1, 'two tiers pay 10 %: the first');
  assert.equal(at('0.9', thousand), 1);
  assert.equal(at('0.4', thousand), 1, '5 % is less than 10 %');
  assert.equal(at('0.99', thousand), 2, '`!=` holds, `<` does not');
  assert.equal(at('0.994', thousand), 2, 'a negative credit pays zero: it never wins over one that pays');
  assert.equal(at('0.995', thousand), 2);
  assert.equal(at('1', thousand), 2);
  assert.equal(at('0.4', ZERO), 0, 'every tier pays zero: the first that holds');
  assert.equal(at('0.9', ZERO), 1, 'the first that holds: `a != 90%` does not');
});
