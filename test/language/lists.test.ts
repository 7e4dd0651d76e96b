/**
 * Lists within a period (LANGUAGE.md §12): `list of KIND` inputs, their
 * values in examples, the library and the CLI's `--set`, `count`, `sum`,
 * `max` and `min` of a list, and `for each` blocks — each item's highest
 * tier, summed, the block's caps on the sum — with explanations per item.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, loadProgram } from '../../src/index.js';
import type { CheckedProgram } from '../../src/language/checker/program.js';
import { planFixed } from '../../src/language/evaluate/fixed.js';
import { evalMonth, evalProblems, evalYear, explanationOf, programOf, rules, theDiagnostic } from '../helpers.js';

const outages = rules`
  fee 1000 EUR
  point = 1%
  input outages: list of duration "Outages this month" de "Ausfälle in diesem Monat" default []
  points "Per outage" for each outage in outages capped 30% monthly:
    if outage > 1h then 1 point
    if outage > 4h then 3 points
  output longest: duration = if count(outages) > 0 then max(outages) else 0h
  output down: duration = sum(outages)
  output n: number = count(outages)
`;

describe('for each: every item through the tiers, summed, the block capped', () => {
  const table: [items: string[], credit: string, n: string, down: string][] = [
    [[], '0.00', '0', '0h'],
    [['1h'], '0.00', '1', '1h'], // not above 1h
    [['61min'], '10.00', '1', '61min'],
    [['30min', '2h', '5h'], '40.00', '3', '450min'], // 0 + 1 + 3 points (each item's highest tier)
    [['4h'], '10.00', '1', '4h'],
    [Array(11).fill('5h'), '300.00', '11', '55h'], // 33 points = 330 EUR, capped at 30 % of 1,000 EUR
  ];
  for (const [items, credit, n, down] of table) {
    it(`outages [${items.join(', ')}] → ${credit} EUR`, () => {
      const result = evalMonth(outages, { outages: items });
      assert.equal(result.credit.amount, credit);
      assert.equal(result.outputs.n, n);
      assert.equal(result.outputs.down, down);
    });
  }

  it('the explanation shows each item\'s tier', () => {
    const steps = explanationOf(evalMonth(outages, { outages: ['30min', '2h', '5h'] }));
    assert.ok(steps.includes('outage 1 of 3: 30 minutes: no tier applies.'), steps.join('\n'));
    assert.ok(steps.includes('outage 3 of 3: 5 hours: `outage > 4h` → 3 points (30.00 EUR).'), steps.join('\n'));
  });

  it('a year run takes a list of lists, one per month', () => {
    const year = evalYear(outages, { outages: [['2h'], [], ['5h', '5h']] });
    assert.deepEqual(year.periods.map((m) => m.credit.amount), ['10.00', '0.00', '60.00']);
  });

  it('examples write lists and years of lists', () => {
    const program = programOf(`${outages}example "Three": outages = [30min, 2h, 5h] => credit 4%\nexample "Year": outages = [[2h], [], [5h, 5h]] => credit 70 EUR\n`);
    assert.deepEqual(program.runExamples().map((e) => e.passed), [true, true]);
  });
});

describe('both backends', () => {
  it('the fast path answers lists and for-each blocks itself, as the exact interpreter does, and hands an empty max over', () => {
    const path = planFixed(programOf(outages).toJSON() as CheckedProgram);
    assert.ok(path, 'no fast path for a program with a list');
    for (const items of [[], ['2h'], ['30min', '2h', '5h'], Array(11).fill('5h')]) {
      assert.deepEqual(path({ outages: items }, {}), programOf(outages).credit({ outages: items }));
    }
    assert.deepEqual(path({ outages: [['2h'], [], ['5h', '5h']] }, {}), programOf(outages).credit({ outages: [['2h'], [], ['5h', '5h']] }));
    const longest = planFixed(programOf('fee 1 EUR\ninput xs: list of duration\nif max(xs) > 1h then 1%\n').toJSON() as CheckedProgram)!;
    assert.equal(longest({ xs: [] }, {}), undefined, 'the exact interpreter reports max of no items');
  });
});

describe('count, sum, max and min of a list', () => {
  it('max and min of an empty list is an evaluation error naming the input', () => {
    const source = 'input outages: list of duration\noutput longest: duration = max(outages)\n';
    const problems = evalProblems(source, { outages: [] });
    assert.deepEqual(problems.map((d) => [d.code, d.input]), [['empty-list', 'outages']]);
    assert.match(problems[0].message, /guard it/);
    assert.equal(evalMonth(source, { outages: ['10min', '2h'] }).outputs.longest, '2h');
  });

  it('count and sum of an empty list are 0', () => {
    const result = evalMonth('input xs: list of money\noutput n: number = count(xs)\noutput s: money = sum(xs)\n', { xs: [] });
    assert.deepEqual(result.outputs, { n: '0', s: '0.00' });
  });
});

describe('bad input', () => {
  const errors: [sentence: string, source: string, code: string, message: RegExp][] = [
    ['a list where a single value is expected', 'fee 1 EUR\ninput xs: list of duration\nif xs > 1h then 1%\n', 'kind-mismatch', /is a list, but a single value is expected/],
    ['count of a single value', 'input x: number\noutput n: number = count(x)\n', 'bad-call', /one list input/],
    ['for each over a value that is no list', 'fee 1 EUR\ninput x: number\ncredit for each i in x:\n  if i > 1 then 1%\n', 'kind-mismatch', /is not a list/],
    ['an item of the wrong kind in an example', 'input xs: list of duration\noutput n: number = count(xs)\nexample: xs = [1h, 5%] => n = 2\n', 'bad-example', /is a duration, but `5%` is a percentage/],
    ['a list input given one value in an example', 'input xs: list of duration\noutput n: number = count(xs)\nexample: xs = 1h => n = 1\n', 'bad-example', /write its items in brackets/],
    ['a year of lists for an input that is no list', 'input x: number\noutput n: number = x\nexample: x = [[1], [2]] => credit 0 EUR\n', 'bad-example', /not a list input/],
    ['a list of true or false', 'input xs: list of boolean\noutput n: number = count(xs)\n', 'bad-declaration', /not true or false/],
    ['a year of 13 lists', `input xs: list of duration\noutput n: number = count(xs)\nexample: xs = [${Array(13).fill('[]').join(', ')}] => credit 0 EUR\n`, 'bad-example', /at most 12 values/],
  ];
  for (const [sentence, source, code, message] of errors) {
    it(`${sentence} is ${code}`, () => assert.match(theDiagnostic(source, code).message, message));
  }

  it('over 1,000 items, a value of the wrong kind, or one value where a list is expected: one clear problem', () => {
    const source = 'input xs: list of duration\noutput n: number = count(xs)\n';
    assert.match(evalProblems(source, { xs: Array(1001).fill('1h') })[0].message, /at most 1000 items/);
    assert.match(evalProblems(source, { xs: ['1h', 'soon'] })[0].message, /expected a duration/);
    assert.match(evalProblems(source, { xs: '1h' })[0].message, /a list of items is expected/);
    assert.equal(evalMonth(source, { xs: Array(1000).fill('1h') }).outputs.n, '1000');
  });
});

describe('lists through the product', () => {
  it('a saved program keeps its list inputs and for-each blocks, and refuses a list used as a value', () => {
    const saved = JSON.parse(JSON.stringify(programOf(outages).toJSON()));
    const loaded = loadProgram(saved);
    assert.ok(loaded.program, JSON.stringify(loaded.diagnostics));
    assert.deepEqual(loaded.program.credit({ outages: ['2h', '5h'] }), programOf(outages).credit({ outages: ['2h', '5h'] }));
    assert.equal(loaded.program.inputs.find((i) => i.name === 'outages')?.list, true);
    const damaged = JSON.parse(JSON.stringify(saved).replace('"name":"outage"', '"name":"outages"'));
    assert.equal(loadProgram(damaged).program, undefined);
  });

  it('the clause says each item\'s tier applies, in English and German', () => {
    const program = programOf(outages);
    assert.match(program.render('en'), /For each outage listed in the Outages this month, the Customer receives service credit points according to the following tiers:/);
    assert.match(program.render('de'), /„Ausfälle in diesem Monat“ \(outages\) bezeichnet die für den jeweiligen Monat erfassten Dauern/);
  });

  it('`list`, `for` are names elsewhere; a for-each item is known only inside its block', () => {
    assert.equal(evalMonth('input list: number\ninput for: number\noutput o: number = list + for\n', { list: '1', for: '2' }).outputs.o, '3');
    assert.equal(theDiagnostic(`${outages}output x: duration = outage\n`, 'undefined-name').start.line, 10);
    assert.equal(compile(outages).diagnostics.filter((d) => d.severity !== 'info').length, 0);
  });

  it('a list read only by `for each … in` is used: no unused-name warning', () => {
    const source = 'fee 1000 EUR\ninput tickets: list of duration default []\ncredit "Response" for each ticket in tickets:\n  if ticket > 1h then 2%\n';
    assert.deepEqual(compile(source).diagnostics.map((d) => d.code), []);
  });
});
