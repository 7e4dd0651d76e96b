/**
 * Service-credit points (LANGUAGE.md §3): rules and `points` blocks credit
 * points, a `points` block is a tier table (highest wins), separate rules and
 * blocks add up, and the `point` rate — money, or a share of the monthly
 * fee — turns the month's points into money before caps apply.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evalMonth, explanationOf, expectDiagnostics, programOf, rules } from '../helpers.js';

const SUPPORT = (rate: string) => programOf(rules`
  fee 1000 EUR monthly
  input first_response: duration
  input resolution: duration
  input csat: percent
  if first_response > 4h then 2 points
  if csat < 80% then 1 point
  points "Resolution time":
    if resolution > 8h then 1 point
    if resolution > 24h then 3 points
  point = ${rate}
`);

describe('points at a money rate', () => {
  const program = SUPPORT('50 EUR');
  const cases: [first_response: string, csat: string, resolution: string, points: (string | undefined)[], total: string][] = [
    ['1h', '90%', '1h', [undefined, undefined, undefined], '0.00'],
    ['5h', '90%', '1h', ['2', undefined, undefined], '100.00'],
    ['5h', '70%', '1h', ['2', '1', undefined], '150.00'],
    ['1h', '90%', '9h', [undefined, undefined, '1'], '50.00'],
    ['1h', '90%', '25h', [undefined, undefined, '3'], '150.00'],
    ['5h', '70%', '25h', ['2', '1', '3'], '300.00'],
  ];
  for (const [first_response, csat, resolution, points, total] of cases) {
    it(`first response ${first_response}, csat ${csat}, resolution ${resolution}: points ${points.map((p) => p ?? '-').join('/')} at 50 EUR = ${total}`, () => {
      const result = evalMonth(program, { first_response, csat, resolution });
      assert.deepEqual(result.credits.map((c) => c.points), points);
      assert.equal(result.credit.amount, total);
    });
  }

  it('a points block pays its highest tier only: 3 points at 25h, not 1 + 3', () => {
    const [, , block] = evalMonth(program, { first_response: '1h', csat: '90%', resolution: '25h' }).credits;
    assert.deepEqual(block.tiers?.map((t) => t.holds), [true, true]);
    assert.equal(block.points, '3');
    assert.equal(block.amount, '150.00');
  });

  it('the explanation shows the points, the rate and the money', () => {
    const texts = explanationOf(evalMonth(program, { first_response: '5h', csat: '90%', resolution: '1h' }));
    assert.ok(texts.includes('Credit: 2 points at 50.00 EUR per point = 100.00 EUR.'), texts.join('\n'));
  });
});

describe('points at a percentage rate', () => {
  it('`point = 0.5%` makes a point worth 0.5% of the monthly fee', () => {
    const result = evalMonth(SUPPORT('0.5%'), { first_response: '5h', csat: '70%', resolution: '25h' });
    assert.deepEqual(result.credits.map((c) => c.amount), ['10.00', '5.00', '15.00']);
    assert.equal(result.credit.amount, '30.00');
    assert.equal(result.credit.percentOfFee, '3');
  });

  it('the percentage rate follows the fee: with a fee of 2000 EUR a point is 10 EUR', () => {
    const result = evalMonth(SUPPORT('0.5%'), { first_response: '5h', csat: '90%', resolution: '1h', fee: '2000 EUR' });
    assert.equal(result.credit.amount, '20.00');
  });
});

describe('points are money before caps apply', () => {
  it('a points cap is worth its points at the rate: 3 points capped 2 points pays 100 EUR', () => {
    const source = 'fee 1000 EUR\ninput r: duration\npoints "R" capped 2 points monthly:\n  if r > 8h then 1 point\n  if r > 24h then 3 points\npoint = 50 EUR\n';
    const result = evalMonth(source, { r: '25h' });
    assert.equal(result.credit.amount, '100.00');
    assert.deepEqual(result.credits[0].cuts.map((c) => [c.limit, c.before, c.after, c.cut]), [['100.00', '150.00', '100.00', '50.00']]);
  });

  it('a money cap limits the points\' money: 6 points at 50 EUR capped 200 EUR', () => {
    const source = 'fee 1000 EUR\ninput r: duration\nif r > 8h then 6 points capped 200 EUR monthly\npoint = 50 EUR\n';
    assert.equal(evalMonth(source, { r: '9h' }).credit.amount, '200.00');
  });
});

describe('points mistakes', () => {
  it('points without a point rate are an error at the points', () => {
    expectDiagnostics('input r: duration\nif r > 4h then 2 points\n', [['points-without-rate', 2, 16]]);
  });

  it('a points block without a point rate is an error at its tier', () => {
    expectDiagnostics('input r: duration\npoints "R":\n  if r > 8h then 1 point\n', [['points-without-rate', 3, 18]]);
  });

  it('a points block whose tier credits a percentage is a kind error', () => {
    expectDiagnostics('input r: duration\npoints "R":\n  if r > 8h then 10%\npoint = 50 EUR\n', [['kind-mismatch', 3, 18]]);
  });

  it('a second point rate is an error', () => {
    expectDiagnostics('input r: duration\nif r > 4h then 2 points\npoint = 50 EUR\npoint = 60 EUR\n', [['duplicate-statement', 4, 1]]);
  });
});
