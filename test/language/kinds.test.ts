/**
 * Kinds and units (src/language/checker/kinds.ts): values combine as physics
 * does, and a mismatch is an error before anything runs — the program is not
 * produced, so nothing can evaluate it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile } from '../../src/index.js';
import { evalMonth, expectDiagnostics, frame, theDiagnostic, type Triple } from '../helpers.js';

const INPUTS = 'input availability: percent\ninput response: duration\ninput tickets: number\ninput announced: boolean\n';
/** The rules after the four declared inputs: line 5 is the first line of `body`. */
const withInputs = (body: string) => `${INPUTS}${body}\n`;
const uses = 'if availability < 0% and response > 0s and tickets > 0 and announced then 0%\n';

describe('mismatched kinds are errors before anything runs', () => {
  const errors: [sentence: string, body: string, expected: Triple][] = [
    ['comparing availability with 4h', 'if availability < 4h then 10%', ['kind-mismatch', 5, 4]],
    ['adding a percentage to money', 'let x = 10 EUR + 5%\noutput o = x', ['kind-mismatch', 5, 9]],
    ['subtracting a duration from a number', 'let x = tickets - 4h\noutput o = x', ['kind-mismatch', 5, 9]],
    ['multiplying money by money', 'let x = fee * fee\noutput o = x', ['kind-mismatch', 5, 9]],
    ['multiplying a duration by a duration', 'let x = response * response\noutput o = x', ['kind-mismatch', 5, 9]],
    ['dividing money by a duration', 'let x = fee / response\noutput o = x', ['kind-mismatch', 5, 9]],
    ['`of` with money on the left', 'let x = 10 EUR of fee\noutput o = x', ['kind-mismatch', 5, 9]],
    ['comparing true and false with <', 'if announced < true then 1%', ['kind-mismatch', 5, 4]],
    ['`and` joining a percentage', 'if availability and announced then 1%', ['kind-mismatch', 5, 4]],
    ['`not` on a percentage', 'if not availability then 1%', ['kind-mismatch', 5, 4]],
    ['a condition that is a percentage', 'if availability then 10%', ['not-a-condition', 5, 4]],
    ['a condition that is a number', 'if tickets * 2 then 10%', ['not-a-condition', 5, 4]],
    ['a credit that is a duration', 'if availability < 99% then 4h', ['not-a-credit', 5, 28]],
    ['a credit that is a number', 'if availability < 99% then 5', ['not-a-credit', 5, 28]],
    ['a credit that is true', 'if availability < 99% then true', ['not-a-credit', 5, 28]],
    ['a rule cap that is a duration', 'if availability < 99% then 10% capped 4h monthly', ['bad-cap', 5, 39]],
    ['a `cap` that is a number', 'if availability < 99% then 10%\ncap 5 monthly', ['bad-cap', 6, 5]],
    ['a block cap that is a duration', 'credit "U" capped 2h monthly:\n  if availability < 99% then 10%', ['bad-cap', 5, 19]],
    ['a point rate that is a duration', 'if availability < 99% then 1 point\npoint = 4h', ['bad-point-rate', 6, 9]],
    ['a point rate that is a number', 'if availability < 99% then 1 point\npoint = 5', ['bad-point-rate', 6, 9]],
    ['points without a point rate', 'if availability < 99% then 2 points', ['points-without-rate', 5, 28]],
    ['a money credit in a second currency', 'fee 1000 EUR\nif availability < 99% then 50 USD', ['mixed-currency', 6, 28]],
    ['a cap in a second currency', 'if availability < 99% then 50 EUR capped 100 CHF monthly', ['mixed-currency', 5, 42]],
    ['an output declared money whose value is a percentage', 'let r: percent = 0.25\noutput o: money = r', ['kind-mismatch', 6, 19]],
    ['a `let` declared duration whose value is a number', 'let d: duration = 5\noutput o = d', ['kind-mismatch', 5, 19]],
    ['a step of the wrong kind', 'if availability < 99.9% then 1% per 1h below', ['kind-mismatch', 5, 37]],
  ];
  for (const [sentence, body, expected] of errors) {
    it(`${sentence} is ${expected[0]} at ${expected[1]}:${expected[2]}`, () => {
      const source = `${INPUTS}${body}\n${uses}`;
      const { diagnostics, program } = compile(source);
      const found = diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(found.map((d) => [d.code, d.start.line, d.start.column]), [expected], frame(source, found));
      assert.equal(program, undefined, 'no program, so nothing can run');
    });
  }

  it('comparing a percentage with a bare number hints at the percent sign', () => {
    const d = theDiagnostic(withInputs(`${uses}if availability < 99.5 then 10%`), 'kind-mismatch');
    assert.deepEqual(d.start, { line: 6, column: 4 });
    assert.match(d.message, /did you mean `99\.5%`\?/);
  });

  it('the mismatch message names both sides and their kinds', () => {
    const d = theDiagnostic(withInputs(`${uses}if availability < 4h then 10%`), 'kind-mismatch');
    assert.match(d.message, /`availability` \(a percentage\)/);
    assert.match(d.message, /`4h` \(a duration\)/);
  });

  const articles: [code: string, body: string][] = [
    ['not-a-condition', 'if availability then 10%'],
    ['not-a-credit', 'if availability < 99% then 4h'],
    ['bad-cap', 'if availability < 99% then 10% capped 4h monthly'],
    ['bad-point-rate', 'if availability < 99% then 1 point\npoint = 4h'],
  ];
  for (const [code, body] of articles) {
    it(`the ${code} message reads "this is a duration/percentage", without a doubled article`, () => {
      const d = theDiagnostic(withInputs(`${uses}${body}`), code);
      assert.doesNotMatch(d.message, /\ba a\b/);
      assert.match(d.message, /this is (a percentage|a duration)/);
    });
  }
});

describe("an input's default lies in its range: the declared one, or 0%..100% for a percentage without one", () => {
  const cases: [sentence: string, declaration: string, message?: string][] = [
    ['a percentage default within its declared range is accepted', 'input a: percent default 95% range 90%..100%'],
    ['a percentage default above its declared range', 'input a: percent default 99.99% range 90%..99.9%', 'the default of `a` lies outside its range'],
    ['a duration default below its declared range', 'input a: duration default 1h range 2h..4h', 'the default of `a` lies outside its range'],
    ['an empty range, whatever the default', 'input a: percent default 95% range 99%..90%', 'the range of `a` is empty: its lower end is above its upper end'],
    ['a percentage default of 100% without a range is accepted', 'input a: percent default 100%'],
    ['a percentage default above 100% without a range', 'input a: percent default 101%', 'the default of `a` must lie between 0% and 100%, or declare a `range`'],
    ['a percentage default below 0% without a range', 'input a: percent default -1%', 'the default of `a` must lie between 0% and 100%, or declare a `range`'],
    ['a percentage default above 100% with a range that allows it is accepted', 'input a: percent default 150% range 0%..200%'],
    ['a number default without a range may be anything', 'input a: number default 1000'],
  ];
  for (const [sentence, declaration, message] of cases) {
    it(`${sentence}${message ? ' is bad-declaration' : ''}`, () => {
      const source = `${declaration}\n`;
      const errors = compile(source).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => [d.code, d.message]), message ? [['bad-declaration', message]] : [], frame(source, errors));
    });
  }
});

describe('kinds combine as physics does', () => {
  const values = { availability: '50%', response: '1h', tickets: 4, announced: false, fee: '1000 EUR' };
  const outputs: [sentence: string, expression: string, expected: string][] = [
    ['`10% of fee` is money: 10 % of the fee', '10% of fee', '100.00'],
    ['`fee * 10%` is money too', 'fee * 10%', '100.00'],
    ['money × number is money', 'fee * 3', '3000.00'],
    ['money ± money is money', 'fee - 250 EUR + 0.5 EUR', '750.50'],
    ['money / money is a number', 'fee / 250 EUR', '4'],
    ['money / number is money', 'fee / tickets', '250.00'],
    ['percent ± percent is a percentage', '10% + 5% - 2.5%', '12.5'],
    ['duration ± duration is a duration', 'response + 30min', '90min'],
    ['duration / duration is a number', '6h / response', '6'],
    ['a negated percentage stays a percentage', '-availability + 100%', '50'],
  ];
  for (const [sentence, expression, expected] of outputs) {
    it(`${sentence}: ${expression} = ${expected}`, () => {
      const source = withInputs(`${uses}output o = ${expression}`);
      assert.equal(evalMonth(source, values).outputs.o, expected);
    });
  }

  it('a number declared as a percentage is a share: `let share: percent = 0.25` is 25 %', () => {
    const source = withInputs(`${uses}let share: percent = 0.25\noutput o = share`);
    assert.equal(evalMonth(source, values).outputs.o, '25');
  });

  it('a percentage declared as a number is the plain ratio: `let n: number = 25%` is 0.25', () => {
    const source = withInputs(`${uses}let n: number = 25%\noutput o = n`);
    assert.equal(evalMonth(source, values).outputs.o, '0.25');
  });

  it('a credit may be an expression of a credit\'s kind', () => {
    const source = withInputs(`${uses}if availability < 99% then 5% + 10% of 50%`);
    assert.equal(evalMonth(source, values).credit.amount, '100.00');
  });

  it('a point rate may be money or a share of the monthly fee', () => {
    expectDiagnostics(withInputs(`${uses}if availability < 99% then 2 points\npoint = 50 EUR`), []);
    expectDiagnostics(withInputs(`${uses}if availability < 99% then 2 points\npoint = 0.5%`), []);
  });
});
