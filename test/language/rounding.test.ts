/**
 * Exact arithmetic and rounding (LANGUAGE.md §4): decimals throughout, money
 * rounded once, at the end, half up to the currency's minor unit (EUR 0.01,
 * JPY 1). No binary floating point ever shows: 0.1 + 0.2 is 0.3 and twelve
 * months of 33.34 are 400.08.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minorUnitDigits } from '../../src/language/literals.js';
import { evalMonth, evalProblems, evalYear, explanationOf, months } from '../helpers.js';

const ONE_RULE = (credit: string) => `input a: percent\nif a < 99% then ${credit}\n`;

describe('money is rounded half up to the minor unit of its currency', () => {
  const table: [sentence: string, fee: string, credit: string, expected: string][] = [
    ['30% of 2.05 EUR is 0.615, which rounds up to 0.62', '2.05 EUR', '30%', '0.62'],
    ['10% of 0.05 EUR is 0.005, which rounds up to 0.01', '0.05 EUR', '10%', '0.01'],
    ['10% of 3.35 USD is 0.335, which rounds up to 0.34', '3.35 USD', '10%', '0.34'],
    ['0.05% of 1000.10 CHF is 0.50005, which rounds down to 0.50', '1000.10 CHF', '0.05%', '0.50'],
    ['10% of 1005 JPY is 100.5, which rounds up to 101 (no minor unit)', '1005 JPY', '10%', '101'],
    ['10% of 1004 JPY is 100.4, which rounds down to 100', '1004 JPY', '10%', '100'],
    ['10% of 10.005 KWD is 1.0005, which rounds to 1.001 (three decimals)', '10.005 KWD', '10%', '1.001'],
  ];
  for (const [sentence, fee, credit, expected] of table) {
    it(sentence, () => {
      assert.equal(evalMonth(ONE_RULE(credit), { a: '98%', fee }).credit.amount, expected);
    });
  }

  it('JPY amounts and fees are written without decimals', () => {
    const result = evalMonth(ONE_RULE('10%'), { a: '98%', fee: '1005 JPY' });
    assert.equal(result.fee, '1005');
    assert.equal(result.credits[0].amount, '101');
  });

  it('EUR amounts always carry two decimals', () => {
    const result = evalMonth(ONE_RULE('10%'), { a: '98%', fee: '1000 EUR' });
    assert.deepEqual([result.fee, result.credit.amount], ['1000.00', '100.00']);
  });

  it('rounding happens once, on the total: three rules of 0.005 EUR pay 0.02, not 3 × 0.01', () => {
    const source = 'input a: percent\ninput b: percent\ninput c: percent\nif a < 99% then 10%\nif b < 99% then 10%\nif c < 99% then 10%\n';
    assert.equal(evalMonth(source, { a: '98%', b: '98%', c: '98%', fee: '0.05 EUR' }).credit.amount, '0.02');
  });

  it('the explanation shows the exact amount and its rounding', () => {
    const texts = explanationOf(evalMonth(ONE_RULE('30%'), { a: '98%', fee: '2.05 EUR' }));
    assert.ok(texts.some((t) => t.includes('The exact amount 0.615 EUR is rounded half up to 0.62 EUR.')), texts.join('\n'));
  });
});

describe("a currency's minor unit comes from the language's own table, not from the host", () => {
  it('knows the currencies that are not in hundredths, and gives every other code two places', () => {
    const digits = Object.fromEntries(['EUR', 'USD', 'JPY', 'KRW', 'HUF', 'KWD', 'TND', 'CLF', 'XYZ', 'jpy', '', 'PY0'].map((c) => [c, minorUnitDigits(c)]));
    assert.deepEqual(digits, { EUR: 2, USD: 2, JPY: 0, KRW: 0, HUF: 0, KWD: 3, TND: 3, CLF: 4, XYZ: 2, jpy: 0, '': 2, PY0: 2 });
  });

  it('rounds the same without Intl: the result does not depend on the ICU data of the machine', () => {
    const intl = Intl.NumberFormat;
    (Intl as { NumberFormat: unknown }).NumberFormat = () => {
      throw new Error('Intl.NumberFormat is not to be used for minor units');
    };
    try {
      // Currencies no other test of this file names (a cache could answer for those).
      assert.equal(evalMonth(ONE_RULE('10%'), { a: '98%', fee: '10.005 BHD' }).credit.amount, '1.001');
      assert.equal(evalMonth(ONE_RULE('10%'), { a: '98%', fee: '1005 VND' }).credit.amount, '101');
    } finally {
      Intl.NumberFormat = intl;
    }
  });

  it('agrees with Intl wherever the host has the CLDR 48 data the table was taken from', { skip: process.versions.cldr !== '48.0' && `CLDR ${process.versions.cldr}` }, () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const differ: string[] = [];
    for (const a of letters) for (const b of letters) for (const c of letters) {
      const code = a + b + c;
      let digits = 2;
      try {
        digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
      } catch {}
      if (digits !== minorUnitDigits(code)) differ.push(`${code}: Intl ${digits}, table ${minorUnitDigits(code)}`);
    }
    assert.deepEqual(differ, []);
  });
});

describe('arithmetic is exact decimal', () => {
  const outputs: [expression: string, expected: string][] = [
    ['0.1 + 0.2', '0.3'],
    ['0.1 EUR + 0.2 EUR', '0.30'],
    ['0.3 - 0.1', '0.2'],
    ['1.1 * 1.1', '1.21'],
    ['99.95% - 0.05%', '99.9'],
    ['1 / 4', '0.25'],
  ];
  for (const [expression, expected] of outputs) {
    it(`${expression} is exactly ${expected}`, () => {
      const source = `input a: percent\nlet x = ${expression}\noutput o = x\nif a < 1% then 1%\n`;
      const result = evalMonth(source, { a: '50%', fee: '100 EUR' });
      assert.equal(result.outputs.o, expected);
      assert.equal(result.values.x, expected);
    });
  }

  it('a contract year of twelve 33.34 EUR months totals exactly 400.08, never 400.08000000000015', () => {
    const year = evalYear(ONE_RULE('10%'), { a: months(12, '98%'), fee: '333.40 EUR' });
    assert.deepEqual(new Set(year.periods.map((m) => m.credit.amount)), new Set(['33.34']));
    assert.equal(year.credit.amount, '400.08');
    assert.equal(year.credit.percentOfFee, '10');
  });

  it('a year of 0.1 EUR months totals 1.20', () => {
    const year = evalYear(ONE_RULE('10 %'), { a: months(12, '98%'), fee: '1 EUR' });
    assert.equal(year.credit.amount, '1.20');
  });
});

describe('percentOfFee is exact, as written', () => {
  const table: [credit: string, fee: string, percent: string][] = [
    ['10%', '1000 EUR', '10'],
    ['12.5%', '1000 EUR', '12.5'],
    ['0.1%', '1000 EUR', '0.1'],
    ['10.01%', '1000.20 EUR', '10.01'],
    ['99.95%', '1234.56 EUR', '99.95'],
    ['100 EUR', '400 EUR', '25'],
    ['100 EUR', '300 EUR', '33.3333333333'],
  ];
  for (const [credit, fee, percent] of table) {
    it(`a credit of ${credit} on a fee of ${fee} is ${percent}% of the fee`, () => {
      // A declared fee: a program paying only money and naming no fee has none (below).
      assert.equal(evalMonth(`fee 1 EUR\n${ONE_RULE(credit)}`, { a: '98%', fee }).credit.percentOfFee, percent);
    });
  }

  it('a program that pays money and declares no fee has none: the fee and every share are null, and a fee given is refused', () => {
    const result = evalMonth(ONE_RULE('100 EUR'), { a: '98%' });
    assert.equal(result.fee, null);
    assert.equal(result.credit.amount, '100.00');
    assert.equal(result.credit.percentOfFee, null);
    assert.deepEqual(result.credits.map((c) => c.percentOfFee), [null]);
    assert.deepEqual(evalProblems(ONE_RULE('100 EUR'), { a: '98%', fee: '300 EUR' }).map((d) => d.code), ['unknown-input']);
  });

  it('no number in a result is written with an exponent or binary noise', () => {
    const result = evalMonth(ONE_RULE('0.0001%'), { a: '98%', fee: '1000000 EUR' });
    const numbers = JSON.stringify(result).match(/"\d[\d.e+-]*"/g) ?? [];
    for (const n of numbers) assert.doesNotMatch(n, /e|0000000000\d|9999999999/i, n);
    assert.equal(result.credit.amount, '1.00');
    assert.equal(result.credit.percentOfFee, '0.0001');
  });
});
