/**
 * Tier tables (LANGUAGE.md §3): inside one `credit` block the single highest
 * matching credit applies; separate rules and blocks add up. Boundaries of a
 * published table are checked at, just above and just below each threshold.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evalMonth, explanationOf, programOf, rules } from '../helpers.js';

/** AWS EC2 region-level SLA: <99.99% & ≥99.0% → 10%, <99.0% & ≥95.0% → 30%, <95.0% → 100%. */
const EC2 = programOf(rules`
  fee 1000 USD monthly
  input availability: percent "Monthly uptime percentage" default 100% range 0%..100%
  credit "EC2":
    if availability < 99.99% then 10%
    if availability < 99.0% then 30%
    if availability < 95.0% then 100%
`);

describe('the AWS EC2 table at, just above and just below each threshold', () => {
  const table: [availability: string, credit: string][] = [
    ['100%', '0.00'],
    ['99.991%', '0.00'],
    ['99.99%', '0.00'],
    ['99.989%', '100.00'],
    ['99.5%', '100.00'],
    ['99.001%', '100.00'],
    ['99.0%', '100.00'],
    ['98.999%', '300.00'],
    ['97%', '300.00'],
    ['95.001%', '300.00'],
    ['95.0%', '300.00'],
    ['94.999%', '1000.00'],
    ['50%', '1000.00'],
    ['0%', '1000.00'],
  ];
  for (const [availability, credit] of table) {
    it(`availability ${availability} credits ${credit} USD of 1000 USD`, () => {
      assert.equal(evalMonth(EC2, { availability }).credit.amount, credit);
    });
  }
});

describe('the highest matching tier wins', () => {
  it('at 94% all three tiers match, and only the 100% tier pays', () => {
    const [block] = evalMonth(EC2, { availability: '94%' }).credits;
    assert.deepEqual(block.tiers?.map((t) => t.holds), [true, true, true]);
    assert.equal(block.winner, 2);
    assert.equal(block.amount, '1000.00');
    assert.equal(block.percentOfFee, '100');
  });

  it('the winner is the highest credit, not the last line: tiers may be written in any order', () => {
    const source = 'input a: percent\ncredit "U":\n  if a < 95% then 100%\n  if a < 99% then 30%\n  if a < 99.99% then 10%\n';
    const result = evalMonth(source, { a: '94%', fee: '1000 EUR' });
    assert.equal(result.credit.amount, '1000.00');
    assert.equal(result.credits[0].winner, 0);
  });

  it('two matching tiers with the same credit pay it once', () => {
    const source = 'input a: percent\ninput r: duration\ncredit "U":\n  if a < 99% then 10%\n  if r > 4h then 10%\n';
    const result = evalMonth(source, { a: '98%', r: '5h', fee: '1000 EUR' });
    assert.equal(result.credit.amount, '100.00');
    assert.deepEqual(result.credits[0].tiers?.map((t) => t.holds), [true, true]);
  });

  it('money and percentage tiers are compared as money: 10% of 1000 EUR beats 50 EUR', () => {
    const source = 'input a: percent\ninput r: duration\ncredit "U":\n  if a < 99% then 10%\n  if r > 4h then 50 EUR\n';
    assert.equal(evalMonth(source, { a: '98%', r: '5h', fee: '1000 EUR' }).credit.amount, '100.00');
    assert.equal(evalMonth(source, { a: '98%', r: '5h', fee: '100 EUR' }).credit.amount, '50.00');
  });

  it('when no tier matches the block pays nothing and reports no winner', () => {
    const [block] = evalMonth(EC2, { availability: '99.995%' }).credits;
    assert.equal(block.matched, false);
    assert.equal(block.winner, undefined);
    assert.equal(block.amount, '0.00');
  });

  it('the explanation names the winning tier and its line', () => {
    const texts = explanationOf(evalMonth(EC2, { availability: '94%' }));
    assert.ok(texts.some((t) => t.includes('`availability < 95.0%`') && t.includes('line 6') && /applies/.test(t)), texts.join('\n'));
  });
});

describe('separate rules and blocks add up', () => {
  const source = rules`
    fee 1000 EUR monthly
    input availability: percent
    input response: duration
    credit "Uptime":
      if availability < 99.9% then 10%
      if availability < 99% then 25%
    credit "Support":
      if response > 4h then 5%
      if response > 8h then 15%
    if availability < 99.9% and response > 4h then 20 EUR
  `;
  const cases: [availability: string, response: string, credits: string[], total: string][] = [
    ['100%', '1h', ['0.00', '0.00', '0.00'], '0.00'],
    ['99.5%', '1h', ['100.00', '0.00', '0.00'], '100.00'],
    ['99.5%', '5h', ['100.00', '50.00', '20.00'], '170.00'],
    ['98%', '9h', ['250.00', '150.00', '20.00'], '420.00'],
    ['100%', '9h', ['0.00', '150.00', '0.00'], '150.00'],
  ];
  for (const [availability, response, credits, total] of cases) {
    it(`availability ${availability}, response ${response}: blocks and rule pay ${credits.join(' + ')} = ${total}`, () => {
      const result = evalMonth(source, { availability, response });
      assert.deepEqual(result.credits.map((c) => c.amount), credits);
      assert.equal(result.credit.amount, total);
    });
  }

  it('two separate rules that both match both pay', () => {
    const result = evalMonth('input a: percent\nif a < 99% then 10%\nif a < 95% then 30%\n', { a: '94%', fee: '1000 EUR' });
    assert.equal(result.credit.amount, '400.00');
  });
});
