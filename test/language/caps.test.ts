/**
 * Caps (LANGUAGE.md §3, §4): on a rule, on a block, on all credits; monthly,
 * quarterly, yearly. A percent cap is a share of its own period's fee. Order:
 * rule caps, block caps, `cap` statements; monthly before quarterly before
 * yearly. Quarterly and yearly caps count what was credited earlier in the
 * same contract quarter or year; quarters reset after months 3, 6 and 9.
 * Every cut says which cap, in which month, and by how much.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CapCut } from '../../src/index.js';
import { evalMonth, evalYear, explanationOf, months, programOf, rules } from '../helpers.js';

/** A cut as a test states it: [scope, period, month, before, after, cut]. */
const cutOf = (c: CapCut) => [c.scope, c.period, c.month, c.before, c.after, c.cut];

describe('caps in one month', () => {
  const cases: [sentence: string, source: string, a: string, credit: string][] = [
    ['a rule cap cuts the rule\'s credit to 20% of the monthly fee', 'if a < 99% then 30% capped 20% monthly', '98%', '200.00'],
    ['a rule cap in money', 'if a < 99% then 30% capped 150 EUR monthly', '98%', '150.00'],
    ['a cap that is not reached does not cut', 'if a < 99% then 30% capped 50% monthly', '98%', '300.00'],
    ['a block cap cuts the winning tier', 'credit "U" capped 50% monthly:\n  if a < 99% then 10%\n  if a < 95% then 100%', '94%', '500.00'],
    ['a `cap` statement cuts the sum of separate rules', 'if a < 99% then 30%\nif a < 95% then 40%\ncap 50% monthly', '94%', '500.00'],
    ['a `cap` statement in money', 'if a < 99% then 30%\nif a < 95% then 40%\ncap 600 EUR monthly', '94%', '600.00'],
    ['a quarterly percent cap in a single month is a share of three monthly fees', 'if a < 99% then 100% capped 20% quarterly', '94%', '600.00'],
    ['a yearly percent cap in a single month is a share of twelve monthly fees', 'if a < 99% then 100% capped 5% yearly', '94%', '600.00'],
  ];
  for (const [sentence, body, a, credit] of cases) {
    it(`${sentence}: ${credit} EUR of 1000 EUR`, () => {
      const source = `fee 1000 EUR monthly\ninput a: percent\n${body}\n`;
      assert.equal(evalMonth(source, { a }).credit.amount, credit);
    });
  }

  it('a cut says which cap, its limit and how much it cut', () => {
    const result = evalMonth('fee 1000 EUR\ninput a: percent\nif a < 99% then 30% capped 20% monthly\n', { a: '98%' });
    const [cut] = result.credits[0].cuts;
    assert.deepEqual(
      { scope: cut.scope, period: cut.period, cap: cut.cap, limit: cut.limit, before: cut.before, after: cut.after, cut: cut.cut, line: cut.line },
      { scope: 'rule', period: 'monthly', cap: { kind: 'percent', value: '20' }, limit: '200.00', before: '300.00', after: '200.00', cut: '100.00', line: 3 },
    );
  });
});

describe('the order of caps', () => {
  it('rule caps, then block caps, then `cap` statements', () => {
    const source = rules`
      fee 1000 EUR monthly
      input a: percent
      credit "U" capped 70% monthly:
        if a < 95% then 100% capped 80% monthly
      cap 60% monthly
    `;
    const result = evalMonth(source, { a: '94%' });
    assert.deepEqual(result.credits[0].cuts.map((c) => [c.scope, c.before, c.after]), [
      ['rule', '1000.00', '800.00'],
      ['block', '800.00', '700.00'],
    ]);
    assert.deepEqual(result.cuts.map((c) => [c.scope, c.before, c.after]), [['program', '700.00', '600.00']]);
    assert.equal(result.credit.amount, '600.00');
  });

  it('monthly before quarterly before yearly, whatever order they are written in', () => {
    const source = 'fee 1000 EUR\ninput a: percent\nif a < 95% then 100% capped 5% yearly and 25% quarterly and 70% monthly\n';
    const result = evalMonth(source, { a: '94%' });
    assert.deepEqual(result.credits[0].cuts.map((c) => [c.period, c.before, c.after]), [
      ['monthly', '1000.00', '700.00'],
      ['yearly', '700.00', '600.00'],
    ]);
    assert.equal(result.credit.amount, '600.00');
  });

  it('the explanation lists the cuts in the order they apply', () => {
    const source = 'fee 1000 EUR\ninput a: percent\nif a < 95% then 100% capped 5% yearly and 70% monthly\n';
    const caps = explanationOf(evalMonth(source, { a: '94%' })).filter((t) => t.startsWith('Cap '));
    assert.deepEqual(caps.map((t) => /monthly|yearly/.exec(t)?.[0]), ['monthly', 'yearly']);
  });
});

describe('quarterly caps over a contract year', () => {
  const program = programOf(rules`
    fee 1000 EUR monthly
    input availability: percent
    credit "Uptime" capped 50% quarterly:
      if availability < 99.99% then 10%
      if availability < 99.0% then 30%
      if availability < 95.0% then 100%
  `);

  it('50% of a quarter\'s fee is 1500 EUR: 1000, 500, 0, and after month 3 the quarter starts again', () => {
    const year = evalYear(program, { availability: months(6, '94%') });
    assert.deepEqual(year.periods.map((m) => m.credit.amount), ['1000.00', '500.00', '0.00', '1000.00', '500.00', '0.00']);
    assert.equal(year.credit.amount, '3000.00');
  });

  it('the cuts fall in months 2, 3, 5 and 6, each counting the quarter so far', () => {
    const year = evalYear(program, { availability: months(6, '94%') });
    assert.deepEqual(year.cuts.map((c) => [c.month, c.alreadyCredited, c.cut]), [
      [2, '1000.00', '500.00'],
      [3, '1500.00', '1000.00'],
      [5, '1000.00', '500.00'],
      [6, '1500.00', '1000.00'],
    ]);
  });

  it('every quarter resets: months 4, 7 and 10 pay in full again', () => {
    const year = evalYear(program, { availability: months(12, '94%') });
    for (const month of [1, 4, 7, 10]) {
      assert.equal(year.periods[month - 1].credit.amount, '1000.00', `month ${month}`);
      assert.deepEqual(year.periods[month - 1].credits[0].cuts, [], `month ${month} has no cut`);
    }
  });

  it('a quiet month leaves room in its quarter', () => {
    const year = evalYear(program, { availability: ['100%', '94%', '94%'] });
    assert.deepEqual(year.periods.map((m) => m.credit.amount), ['0.00', '1000.00', '500.00']);
  });
});

describe('yearly caps over a contract year', () => {
  it('`cap 20% yearly` binds in month 7: 6 × 350 = 2100 credited, 300 left of 2400, 50 cut', () => {
    const source = 'fee 1000 EUR\ninput a: percent\nif a < 99% then 35%\ncap 20% yearly\n';
    const year = evalYear(source, { a: months(12, '98%') });
    assert.deepEqual(year.periods.slice(0, 8).map((m) => m.credit.amount), [
      '350.00', '350.00', '350.00', '350.00', '350.00', '350.00', '300.00', '0.00',
    ]);
    const [first] = year.cuts;
    assert.deepEqual(cutOf(first), ['program', 'yearly', 7, '350.00', '300.00', '50.00']);
    assert.equal(first.limit, '2400.00');
    assert.equal(first.alreadyCredited, '2100.00');
    assert.deepEqual(year.periods[6].cuts.map(cutOf), [['program', 'yearly', 7, '350.00', '300.00', '50.00']]);
    assert.deepEqual(year.periods.slice(0, 6).map((m) => m.cuts.length), [0, 0, 0, 0, 0, 0]);
    assert.equal(year.credit.amount, '2400.00');
    assert.equal(year.credit.percentOfFee, '20');
  });

  it('running totals: the yearly cap counts every earlier month, month after month', () => {
    const source = 'fee 1000 EUR\ninput a: percent\nif a < 99% then 50% capped 20% yearly\n';
    const year = evalYear(source, { a: months(7, '98%') });
    assert.deepEqual(year.periods.map((m) => m.credit.amount), ['500.00', '500.00', '500.00', '500.00', '400.00', '0.00', '0.00']);
    assert.deepEqual(year.cuts.map((c) => [c.month, c.alreadyCredited, c.after]), [
      [5, '2000.00', '400.00'],
      [6, '2400.00', '0.00'],
      [7, '2400.00', '0.00'],
    ]);
  });

  it('months below the threshold do not use up the yearly cap', () => {
    const source = 'fee 1000 EUR\ninput a: percent\nif a < 99% then 50% capped 20% yearly\n';
    const year = evalYear(source, { a: ['100%', '100%', '98%', '98%', '98%', '98%', '98%'] });
    assert.deepEqual(year.periods.map((m) => m.credit.amount), ['0.00', '0.00', '500.00', '500.00', '500.00', '500.00', '400.00']);
    assert.equal(year.cuts[0].month, 7);
  });

  it('the spec\'s "Cap over a year": twelve months at 94% against the EC2 table capped 20% yearly credit 20%', () => {
    const source = rules`
      input availability: percent
      credit "Uptime" capped 20% yearly:
        if availability < 99.99% then 10%
        if availability < 99.0% then 30%
        if availability < 95.0% then 100%
    `;
    const year = evalYear(source, { availability: months(12, '94%'), fee: '1000 EUR' });
    assert.equal(year.credit.percentOfFee, '20');
    assert.equal(year.credit.amount, '2400.00');
    assert.deepEqual(year.periods.slice(0, 4).map((m) => m.credit.amount), ['1000.00', '1000.00', '400.00', '0.00']);
    assert.equal(year.cuts[0].month, 3);
  });

  it('the explanation of a year names the month of each cut', () => {
    const source = 'fee 1000 EUR\ninput a: percent\nif a < 99% then 35%\ncap 20% yearly\n';
    const year = evalYear(source, { a: months(8, '98%') });
    const capSteps = year.explanation.filter((s) => s.kind === 'cap');
    assert.deepEqual(capSteps.map((s) => s.month), [7, 8]);
    const texts = explanationOf(year);
    const month7 = texts.indexOf(texts.find((t) => t.startsWith('Month 7'))!);
    assert.match(texts[month7 + 1], /Cap 20% yearly on all credits.*allows 2,400\.00 EUR, of which 2,100\.00 EUR was already credited.*350\.00 EUR is cut to 300\.00 EUR/);
  });
});

describe('caps in a year run: percent caps follow the fee', () => {
  it('the yearly fee is twelve monthly fees, so 20% yearly of 500 EUR a month is 1200 EUR', () => {
    const source = 'input a: percent\nif a < 99% then 100% capped 20% yearly\n';
    const year = evalYear(source, { a: months(3, '94%'), fee: '500 EUR' });
    assert.equal(year.fee, '6000.00');
    assert.deepEqual(year.periods.map((m) => m.credit.amount), ['500.00', '500.00', '200.00']);
  });
});
