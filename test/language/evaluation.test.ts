/**
 * Evaluation through the public API (src/language/evaluate/, program.ts):
 * input values are checked and never clamped, run-time problems are
 * diagnostics with a position, results have the fixed JSON shape of
 * LANGUAGE.md §6, a precompiled program evaluates exactly like the compiled
 * one, and the explanation names the winning tier and each cap cut.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, loadProgram, type InputValues } from '../../src/index.js';
import { evalMonth, evalProblems, evalYear, explanationOf, months, programOf, rules } from '../helpers.js';

const RULES = rules`
  fee 1000 EUR monthly "Monthly subscription fee"
  input availability: percent "Monthly uptime" default 99.95% range 90%..100% step 0.01%
  input response: duration "First response time (P1)" default 30min
  input tickets: number "Tickets per month" default 1200 range 0..100_000
  input announced: boolean "Maintenance announced" default false
  credit "Uptime" capped 50% monthly:
    if availability < 99.9% and not announced then 10%
    if availability < 99% and not announced then 30%
    if availability < 95% and not announced then 100%
  if response > 4h then 50 EUR capped 200 EUR monthly
  cap 20% yearly
  let per_ticket = fee / tickets
  output net_fee: money "Fee after credits" = fee - total_credit
  output cost_per_ticket: money "Cost per ticket" = per_ticket
`;
const program = programOf(RULES);

describe('input values are checked, never clamped', () => {
  const rejected: [sentence: string, values: InputValues, code: string, input: string | undefined, message: RegExp][] = [
    ['a value below the declared range', { availability: '89%' }, 'input-out-of-range', 'availability', /89% is outside the allowed range 90%\.\.100%/],
    ['a value above the declared range', { availability: '100.01%' }, 'input-out-of-range', 'availability', /90%\.\.100%/],
    ['a count above its range', { tickets: 100_001 }, 'input-out-of-range', 'tickets', /0\.\.100000/],
    ['a duration for a percentage', { availability: '4h' }, 'invalid-input', 'availability', /expected a percentage such as 99\.5%/],
    ['money in another currency', { fee: '1000 USD' }, 'invalid-input', 'fee', /EUR.*USD/],
    ['an unknown currency', { fee: '1000 XYZ' }, 'invalid-input', 'fee', /XYZ/],
    ['the text NaN', { availability: 'NaN' }, 'invalid-input', 'availability', /NaN/],
    ['the number NaN', { availability: Number.NaN }, 'invalid-input', 'availability', /NaN/],
    ['the text Infinity', { tickets: 'Infinity' }, 'invalid-input', 'tickets', /Infinity/],
    ['the number Infinity', { tickets: Number.POSITIVE_INFINITY }, 'invalid-input', 'tickets', /Infinity/],
    ['1e1000', { tickets: '1e1000' }, 'invalid-input', 'tickets', /1e1000/],
    ['a negative fee', { fee: '-5 EUR' }, 'invalid-input', 'fee', /more than zero/],
    ['a zero fee', { fee: '0 EUR' }, 'invalid-input', 'fee', /more than zero/],
    ['a negative duration', { response: '-1h' }, 'invalid-input', 'response', /negative/],
    ['"yes" for true or false', { announced: 'yes' }, 'invalid-input', 'announced', /true or false/],
    ['an empty value', { availability: '' }, 'invalid-input', 'availability', /no value/],
    ['an unknown input', { availabilty: '99%' }, 'unknown-input', 'availabilty', /Did you mean `availability`\?/],
    ['lists of different lengths', { availability: ['99%', '98%'], response: ['1h'] }, 'bad-year-run', undefined, /same length/],
    ['thirteen months', { availability: months(13, '99%') }, 'bad-year-run', undefined, /12 months/],
    ['an empty list', { availability: [] }, 'bad-year-run', undefined, /at least one/],
  ];
  for (const [sentence, values, code, input, message] of rejected) {
    it(`${sentence} is rejected with ${code}`, () => {
      const problems = evalProblems(program, values);
      assert.deepEqual(problems.map((d) => [d.code, d.input]), [[code, input]]);
      assert.match(problems[0].message, message);
      assert.equal(problems[0].severity, 'error');
    });
  }

  it('a bad value points at the declaration of its input', () => {
    const [d] = evalProblems(program, { availability: '89%' });
    assert.deepEqual(d.start, { line: 2, column: 7 });
  });

  it('a bad value in a contract-year run names its month', () => {
    const [d] = evalProblems(program, { availability: ['99%', '99%', '89%'] });
    assert.equal(d.code, 'input-out-of-range');
    assert.equal(d.month, 3);
  });

  it('a percentage input without a range accepts 0%..100% only', () => {
    const sketch = programOf('if availability < 99.5% then 10%\n');
    assert.equal(evalProblems(sketch, { availability: '101%', fee: '1000 EUR' })[0].code, 'input-out-of-range');
    assert.equal(evalMonth(sketch, { availability: '100%', fee: '1000 EUR' }).credit.amount, '0.00');
  });

  it('an input without a value or a default is rejected', () => {
    const [d] = evalProblems('if availability < 99.5% then 10%\n', { availability: '99%' });
    assert.deepEqual([d.code, d.input], ['invalid-input', 'fee']);
  });

  it('missing values take their declared defaults', () => {
    const result = evalMonth(program);
    assert.equal(result.fee, '1000.00');
    assert.equal(result.credit.amount, '0.00');
    assert.equal(result.outputs.cost_per_ticket, '0.83');
  });

  const accepted: [sentence: string, values: InputValues, credit: string][] = [
    ['a bare number is in the input\'s unit: 99.2 is 99.2%', { availability: 99.2 }, '100.00'],
    ['the text "99.2" is 99.2% too', { availability: '99.2' }, '100.00'],
    ['a bare number for a duration is in its declared unit: 300 is 300min', { response: 300 }, '50.00'],
    ['true as a boolean', { availability: '94%', announced: true }, '0.00'],
    ['"true" as text', { availability: '94%', announced: 'true' }, '0.00'],
    ['the fee as money in the rules\' currency', { availability: '98%', fee: '2000 EUR' }, '600.00'],
    ['the fee as a bare number', { availability: '98%', fee: 2000 }, '600.00'],
  ];
  for (const [sentence, values, credit] of accepted) {
    it(`${sentence} → ${credit}`, () => {
      assert.equal(evalMonth(program, values).credit.amount, credit);
    });
  }

  it('a sketch without a currency takes the currency of the fee value, or the `currency` option', () => {
    const sketch = programOf('if availability < 99.5% then 10%\n');
    assert.equal(evalMonth(sketch, { availability: '99%', fee: '1000 CHF' }).currency, 'CHF');
    assert.equal(evalMonth(sketch, { availability: '99%', fee: 1000 }, { currency: 'USD' }).currency, 'USD');
  });
});

describe('run-time problems are diagnostics with a position', () => {
  it('division by zero is an error at the division, never Infinity or NaN', () => {
    const evaluation = program.evaluate({ tickets: 0 });
    assert.equal(evaluation.ok, false);
    const [d] = evaluation.diagnostics;
    assert.equal(d.code, 'division-by-zero');
    assert.deepEqual([d.start, d.end], [{ line: 12, column: 18 }, { line: 12, column: 31 }]);
    assert.doesNotMatch(JSON.stringify(evaluation), /Infinity|NaN/);
  });

  it('division by zero in month 2 of a year names the month', () => {
    const [d] = evalProblems(program, { tickets: [10, 0, 10] });
    assert.deepEqual([d.code, d.month], ['division-by-zero', 2]);
  });

  it('evaluation never throws for bad values', () => {
    const weird: InputValues[] = [
      { availability: '99.2% EUR' }, { fee: 'EUR' }, { tickets: '1_0' }, { response: '5m' }, { announced: 1 }, { availability: '--99%' },
    ];
    for (const values of weird) assert.doesNotThrow(() => program.evaluate(values), JSON.stringify(values));
  });
});

describe('the result has the fixed JSON shape of LANGUAGE.md §6', () => {
  const DECIMAL = /^-?\d+(\.\d+)?$/;

  it('a month: mode, currency, fee, credit, credits, outputs, explanation — every number a decimal string', () => {
    const result = evalMonth(program, { availability: '98%', response: '5h' });
    const json = JSON.parse(JSON.stringify(result));
    assert.equal(json.mode, 'month');
    assert.equal(json.currency, 'EUR');
    assert.equal(json.fee, '1000.00');
    assert.deepEqual(json.credit, { amount: '350.00', percentOfFee: '35' });
    assert.deepEqual(json.credits.map((c: Record<string, unknown>) => [c.name, c.amount, c.percentOfFee]), [
      ['Uptime', '300.00', '30'],
      ['response > 4h', '50.00', '5'],
    ]);
    assert.deepEqual(json.outputs, { net_fee: '650.00', cost_per_ticket: '0.83' });
    assert.ok(Array.isArray(json.explanation) && json.explanation.length > 0);
    for (const step of json.explanation) assert.equal(typeof step.text, 'string');
    for (const value of [json.fee, json.credit.amount, json.credit.percentOfFee, ...Object.values(json.outputs)]) {
      assert.match(value as string, DECIMAL);
    }
  });

  it('a year: mode "year", the yearly fee, the year\'s total as a share of the yearly fee, and one month object each', () => {
    const year = evalYear(program, { availability: ['98%', '94%', '99.95%'] });
    const json = JSON.parse(JSON.stringify(year));
    assert.equal(json.mode, 'year');
    assert.equal(json.fee, '12000.00');
    assert.deepEqual(json.credit, { amount: '800.00', percentOfFee: '6.6666666667' });
    assert.equal(json.months.length, 3);
    assert.deepEqual(json.months.map((m: Record<string, unknown>) => [m.mode, m.month, (m.credit as { amount: string }).amount]), [
      ['month', 1, '300.00'],
      ['month', 2, '500.00'],
      ['month', 3, '0.00'],
    ]);
    assert.deepEqual(json.credits.map((c: Record<string, unknown>) => [c.name, c.amount]), [['Uptime', '800.00'], ['response > 4h', '0.00']]);
  });

  it('a month\'s percentOfFee is of that month\'s fee; the year\'s is of the yearly fee', () => {
    const year = evalYear(program, { availability: months(12, '98%') });
    assert.equal(year.periods[0].credit.percentOfFee, '30');
    assert.equal(year.credit.amount, '2400.00');
    assert.equal(year.credit.percentOfFee, '20');
  });
});

describe('a precompiled program evaluates exactly like the compiled one', () => {
  const roundTrip = () => {
    const loaded = loadProgram(JSON.parse(JSON.stringify(program.toJSON())));
    assert.deepEqual(loaded.diagnostics, []);
    assert.ok(loaded.program);
    return loaded.program;
  };

  const runs: InputValues[] = [
    {},
    { availability: '98%', response: '5h' },
    { availability: '94%', announced: true },
    { availability: months(12, '94%'), response: '9h' },
    { tickets: 0 },
    { availability: '89%' },
  ];
  for (const values of runs) {
    it(`the same result for ${JSON.stringify(values)}`, () => {
      assert.deepEqual(roundTrip().evaluate(values), program.evaluate(values));
    });
  }

  it('the same inputs, outputs and examples for a form', () => {
    const loaded = roundTrip();
    assert.deepEqual(loaded.inputs, program.inputs);
    assert.deepEqual(loaded.outputs, program.outputs);
    assert.deepEqual(loaded.examples, program.examples);
  });

  it('the same explanation in German', () => {
    const values = { availability: '98%' };
    assert.deepEqual(roundTrip().evaluate(values, { lang: 'de' }), program.evaluate(values, { lang: 'de' }));
  });

  it('anything that is not a precompiled program is a bad-precompiled diagnostic, not an exception', () => {
    for (const junk of [{}, null, 'not json', { format: 'credit-rules/0' }, JSON.stringify({ format: 'x' })]) {
      const loaded = loadProgram(junk);
      assert.equal(loaded.program, undefined);
      assert.deepEqual(loaded.diagnostics.map((d) => d.code), ['bad-precompiled']);
    }
  });
});

describe('the explanation', () => {
  it('names the conditions that held, the winning tier with its line, and the total', () => {
    const texts = explanationOf(evalMonth(program, { availability: '98%' }));
    assert.ok(texts.includes('availability = 98%, announced = no: `availability < 99% and not announced` holds.'), texts.join('\n'));
    assert.ok(texts.some((t) => /“Uptime”: 2 tiers match; the highest, `availability < 99% and not announced` \(line 8\), applies\./.test(t)), texts.join('\n'));
    assert.ok(texts.includes('Credit: 30% of the monthly fee 1,000.00 EUR = 300.00 EUR.'), texts.join('\n'));
    assert.ok(texts.includes('Total credit: 300.00 EUR (30% of the fee).'), texts.join('\n'));
  });

  it('names each cap cut with what it allowed and cut', () => {
    const texts = explanationOf(evalMonth(program, { availability: '94%' }));
    assert.ok(texts.includes('Cap 50% monthly on “Uptime” (line 6) allows 500.00 EUR: 1,000.00 EUR is cut to 500.00 EUR.'), texts.join('\n'));
  });

  it('in a year, names the month of a cap cut', () => {
    const year = evalYear(program, { availability: months(6, '94%') });
    const cut = year.explanation.find((s) => s.kind === 'cap' && /20% yearly/.test(s.text));
    assert.ok(cut, explanationOf(year).join('\n'));
    assert.equal(cut.month, 5);
    assert.match(cut.text.replaceAll('\u00A0', ' '), /allows 2,400\.00 EUR, of which 2,000\.00 EUR was already credited this contract year: 500\.00 EUR is cut to 400\.00 EUR/);
  });

  it('shows each `let` and `output` with its value', () => {
    const texts = explanationOf(evalMonth(program, { availability: '98%' }));
    assert.ok(texts.includes('Let per_ticket = 0.83 EUR.'), texts.join('\n'));
    assert.ok(texts.includes('Output net_fee = 700.00 EUR.'), texts.join('\n'));
  });

  it('speaks German when asked', () => {
    const texts = explanationOf(evalMonth(program, { availability: '98%' }, { lang: 'de' }));
    assert.ok(texts.some((t) => t.includes('ist erfüllt')), texts.join('\n'));
    assert.ok(texts.some((t) => t.includes('Gutschrift insgesamt: 300,00 EUR (30 % der Vergütung).')), texts.join('\n'));
  });

  it('every step of a month carries the line it explains, except the total', () => {
    const result = evalMonth(program, { availability: '98%' });
    for (const step of result.explanation) {
      if (step.kind !== 'total') assert.equal(typeof step.line, 'number', step.text);
    }
  });
});

describe('the program describes its form', () => {
  it('inputs with kind, label, default, range, step and unit, the fee first', () => {
    assert.deepEqual(
      program.inputs.map((i) => [i.name, i.kind, i.label, i.default, i.range, i.step, i.unit]),
      [
        ['fee', 'money', 'Monthly subscription fee', '1000', undefined, undefined, undefined],
        ['availability', 'percent', 'Monthly uptime', '99.95', { min: '90', max: '100' }, '0.01', undefined],
        ['response', 'duration', 'First response time (P1)', '30', undefined, undefined, 'min'],
        ['tickets', 'number', 'Tickets per month', '1200', { min: '0', max: '100000' }, undefined, undefined],
        ['announced', 'boolean', 'Maintenance announced', 'false', undefined, undefined, undefined],
      ],
    );
    assert.equal(program.currency, 'EUR');
  });

  it('outputs with their labels and kinds', () => {
    assert.deepEqual(program.outputs, [
      { name: 'net_fee', kind: 'money', label: 'Fee after credits' },
      { name: 'cost_per_ticket', kind: 'money', label: 'Cost per ticket' },
    ]);
  });

  it('a yearly fee is twelve monthly fees', () => {
    const result = evalMonth('fee 14_400 EUR yearly\ninput a: percent\nif a < 99% then 10%\n', { a: '98%' });
    assert.deepEqual([result.fee, result.credit.amount], ['1200.00', '120.00']);
  });

  it('compile never throws on arbitrary text', () => {
    for (const text of ['', '\n\n', ':', '((((', 'credit', '"', 'if if if', '\u0000', '😀 = 1']) {
      assert.doesNotThrow(() => compile(text), JSON.stringify(text));
    }
  });
});

describe('the explanation of a large block', () => {
  const tiers = 4_990;
  const big = programOf(`fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\ncredit "Big":\n${Array.from({ length: tiers }, (_, i) => `  if a < ${(i % 1000) / 10}% then ${i % 97}%`).join('\n')}\n`);

  it('is worded when a step is read, not when the month is evaluated: a calculator that does not show the trace words none of its 4,993 steps', () => {
    const result = evalMonth(big, { a: '98.5%' });
    assert.equal(result.explanation.length, tiers + 3);
    const unworded = result.explanation.filter((s) => typeof Object.getOwnPropertyDescriptor(s, 'text')?.get === 'function');
    assert.equal(unworded.length, tiers + 3);
    // Read, each step says what it always said, to every reader: a property, JSON, a structured clone, a spread.
    const total = result.explanation.at(-1)!;
    const said = { kind: 'total', text: 'Total credit: 890.00\u00a0EUR (89% of the fee).' };
    assert.deepEqual(total, said);
    assert.deepEqual(JSON.parse(JSON.stringify(result)).explanation.at(-1), said);
    assert.deepEqual(structuredClone(total), said);
    assert.deepEqual({ ...result.explanation[4] }, { kind: 'condition', text: 'a = 98.5%: `a < 0.4%` does not hold.', line: 8 });
  });

  it('a step read or written once is an ordinary data property again, and a frozen step still reads', () => {
    const [first, second, third] = evalMonth(big, { a: '98.5%' }).explanation as unknown as { text: string }[];
    const said = first.text;
    assert.deepEqual(Object.getOwnPropertyDescriptor(first, 'text'), { value: said, writable: true, enumerable: true, configurable: true });
    second.text = 'a note of our own';
    assert.equal(second.text, 'a note of our own');
    Object.freeze(third);
    assert.match(third.text, /\S/);
  });
});

describe('a condition or credit with parentheses at its edge is shown whole', () => {
  it('the breakdown and the trace quote `a < 99% and (not b or c)` with its `)`, and `(10% + 5%) * 2` with its `(`', () => {
    const program = programOf('fee 1000 EUR\ninput a: percent\ninput b: boolean\ninput c: boolean\nif a < 99% and (not b or c) then (10% + 5%) * 2\n');
    const r = program.evaluate({ a: '95%', b: 'false', c: 'false' });
    assert.ok(r.ok);
    assert.equal(r.result.credits[0]?.name, 'a < 99% and (not b or c)');
    const said = r.result.explanation.map((s) => s.text).join('\n');
    assert.match(said, /`a < 99% and \(not b or c\)`/);
    assert.match(said, /`\(10% \+ 5%\) \* 2`/);
  });
});
