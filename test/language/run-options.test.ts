/**
 * What a caller hands `evaluate()` and `credit()` besides the rules: options
 * and values are read once, up front, the same way for both — so billing's
 * call and the full result never disagree on what they accept.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evalMonth, evalProblems, evalYear, programOf } from '../helpers.js';

const NO_CURRENCY = programOf('input a: percent default 99.9%\nif a < 99.5% then 10%\n');

describe('the currency option', () => {
  it('refuses a value in another currency however often the same text was read before', () => {
    // Each text's value is remembered per input; the run's currency is not part of it.
    for (let run = 0; run < 3; run++) {
      assert.equal(evalMonth(NO_CURRENCY, { a: '98%', fee: '1000 EUR' }).credit.amount, '100.00');
      for (const refused of [NO_CURRENCY.evaluate({ a: '98%', fee: '1000 EUR' }, { currency: 'USD' }), NO_CURRENCY.credit({ a: '98%', fee: '1000 EUR' }, { currency: 'USD' })]) {
        assert.ok(!refused.ok && refused.diagnostics.some((d) => d.message.includes('the rules are in USD, but 1000 EUR is in EUR')), JSON.stringify(refused));
      }
    }
  });

  it('is read in capitals: `eur` is EUR, in evaluate() and credit() alike', () => {
    assert.equal(evalMonth(NO_CURRENCY, { a: '98%', fee: 1000 }, { currency: 'eur' }).currency, 'EUR');
    const credit = NO_CURRENCY.credit({ a: '98%', fee: 1000 }, { currency: 'eur' });
    assert.ok(credit.ok);
    assert.deepEqual([credit.credit.currency, credit.credit.amount], ['EUR', '100.00']);
  });

  it('that is no ISO 4217 code is refused by both, with a message that names it', () => {
    for (const currency of ['XYZ', 'euro', '', '€']) {
      const evaluation = NO_CURRENCY.evaluate({ a: '98%', fee: 1000 }, { currency });
      const credit = NO_CURRENCY.credit({ a: '98%', fee: 1000 }, { currency });
      assert.equal(evaluation.ok, false, currency);
      assert.deepEqual(credit, evaluation, currency);
      assert.ok(!evaluation.ok && evaluation.diagnostics[0].code === 'invalid-option' && evaluation.diagnostics[0].message.includes('currency'), currency);
    }
  });

  it('may be a currency with four minor digits (CLF, UYW), rounded to them', () => {
    const result = evalMonth(NO_CURRENCY, { a: '98%', fee: '1.23456 CLF' });
    assert.deepEqual([result.currency, result.credit.amount], ['CLF', '0.1235']);
    assert.equal(evalMonth(NO_CURRENCY, { a: '98%', fee: 10 }, { currency: 'UYW' }).credit.amount, '1.0000');
  });
});

describe('a month left out of a year list', () => {
  it('takes the default, as an input left out does, in both paths', () => {
    const year = evalYear(NO_CURRENCY, { a: ['98%', undefined as never, '98%'], fee: 1000 }, { currency: 'EUR' });
    assert.deepEqual(year.periods.map((m) => m.credit.amount), ['100.00', '0.00', '100.00']);
    // A hole in the array, and a first month left out.
    // eslint-disable-next-line no-sparse-arrays
    assert.deepEqual(evalYear(NO_CURRENCY, { a: [, '98%'] as never, fee: 1000 }, { currency: 'EUR' }).periods.map((m) => m.credit.amount), ['0.00', '100.00']);
  });

  it('without a default is a problem that names the month', () => {
    const [problem] = evalProblems('input a: percent\nif a < 99.5% then 10%\n', { a: ['98%', undefined as never], fee: '1000 EUR' });
    assert.equal(problem.code, 'invalid-input');
    assert.equal(problem.month, 2);
  });
});

describe('numbers from code', () => {
  it('are the decimals they print as, also in exponent form: 1e-7 is 0.0000001', () => {
    const program = programOf('fee 1000 EUR monthly\ninput n: number default 0\nif n > 0 then 10 EUR\n');
    assert.equal(evalMonth(program, { n: 1e-7 }).credit.amount, '10.00');
    assert.equal(evalMonth(program, { n: -1e-7 }).credit.amount, '0.00');
  });
});

describe('numbers beyond the 40 digits arithmetic keeps', () => {
  it('stop the evaluation instead of paying guessed cents, in both paths', () => {
    const program = programOf('fee 1000 EUR monthly\ninput count: number default 0\ninput price: money default 0 EUR\nif count > 0 then count * price\n');
    const values = { count: '123456789012345678901234567890', price: '987654321098765432109876543.21 EUR' };
    const [problem] = evalProblems(program, values);
    assert.equal(problem.code, 'number-too-large');
    assert.equal(problem.start.line, 4);
  });

  it('also when the 40th digit rounds to zero, and in outputs, sums and round()', () => {
    // 123456789012345678901234567890 × 123456789012345678901234567.89 rounds to 40 digits ending in 0.
    const values = { count: '123456789012345678901234567890', price: '123456789012345678901234567.89 EUR' };
    const product = 'fee 1000 EUR monthly\ninput count: number default 0\ninput price: money default 0 EUR\n';
    assert.equal(evalProblems(`${product}if count > 0 then count * price\n`, values)[0]?.code, 'number-too-large');
    assert.equal(programOf(`${product}if count > 0 then count * price\n`).credit(values).ok, false, 'billing\'s credit() pays a guessed amount');
    assert.equal(evalProblems(`${product}output total: money = count * price\nif count > 0 then 1 EUR\n`, values)[0]?.code, 'number-too-large');
    const listed = 'fee 1000 EUR monthly\ninput prices: list of money default []\nif count(prices) > 0 then sum(prices)\n';
    assert.equal(evalProblems(listed, { prices: ['100000000000000000000000000000 EUR', '0.000000000001 EUR'] })[0]?.code, 'number-too-large');
    assert.equal(programOf(listed).credit({ prices: ['100000000000000000000000000000 EUR', '0.000000000001 EUR'] }).ok, false);
    assert.equal(evalMonth(listed, { prices: ['1000000000000000000000000000 EUR', '0.01 EUR'] }).credit.amount, '1000000000000000000000000000.01');
    const rounded = 'fee 1000 EUR monthly\ninput n: number default 0\nif n > 0 then round(n / 3, 0.01) * 1 EUR\n';
    assert.equal(evalProblems(rounded, { n: '100000000000000000000000000000' })[0]?.code, 'number-too-large');
    assert.equal(programOf(rounded).credit({ n: '100000000000000000000000000000' }).ok, false);
    assert.equal(evalMonth(rounded, { n: '300000000000000000000000000000' }).credit.amount, '100000000000000000000000000000.00');
  });

  it('below 10^28 keep every cent', () => {
    const program = programOf('fee 1000 EUR monthly\ninput count: number default 0\ninput price: money default 0 EUR\nif count > 0 then count * price\n');
    assert.equal(evalMonth(program, { count: '1234567890123', price: '98765432109.21 EUR' }).credit.amount, '121932631136153787416332.83');
  });
});
