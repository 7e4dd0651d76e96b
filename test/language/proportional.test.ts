/**
 * Proportional credits (LANGUAGE.md §3): `C per S below|above` pays C for
 * every step S of distance from the condition's threshold; `per full` counts
 * whole steps (the default), `per started` every begun step. Step boundaries
 * are exact: 0.1% steps from 99.9% land exactly on 99.8%.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evalMonth, explanationOf, expectDiagnostics, programOf } from '../helpers.js';

const below = (per: string) =>
  programOf(`fee 1000 EUR\ninput availability: percent\nif availability < 99.9% then 1% ${per} 0.1% below\n`);
const above = (per: string) =>
  programOf(`fee 1000 EUR\ninput resolution: duration\nif resolution > 8h then 2% ${per} 1h above\n`);

describe('`per S below`: whole steps below the threshold', () => {
  const table: [availability: string, plain: string, started: string][] = [
    ['100%', '0.00', '0.00'],
    ['99.9%', '0.00', '0.00'],
    ['99.89%', '0.00', '10.00'],
    ['99.85%', '0.00', '10.00'],
    ['99.8%', '10.00', '10.00'],
    ['99.79%', '10.00', '20.00'],
    ['99.7%', '20.00', '20.00'],
    ['99.65%', '20.00', '30.00'],
    ['99.0%', '90.00', '90.00'],
    ['98.95%', '90.00', '100.00'],
    ['90%', '990.00', '990.00'],
  ];
  const plain = below('per');
  const full = below('per full');
  const started = below('per started');
  for (const [availability, whole, begun] of table) {
    it(`at ${availability}: per and per full pay ${whole}, per started pays ${begun}`, () => {
      assert.equal(evalMonth(plain, { availability }).credit.amount, whole);
      assert.equal(evalMonth(full, { availability }).credit.amount, whole);
      assert.equal(evalMonth(started, { availability }).credit.amount, begun);
    });
  }
});

describe('`per S above`: steps above the threshold', () => {
  const table: [resolution: string, full: string, started: string][] = [
    ['8h', '0.00', '0.00'],
    ['481min', '0.00', '20.00'],
    ['9h', '20.00', '20.00'],
    ['541min', '20.00', '40.00'],
    ['599min', '20.00', '40.00'],
    ['10h', '40.00', '40.00'],
    ['1d', '320.00', '320.00'],
  ];
  const full = above('per full');
  const started = above('per started');
  for (const [resolution, whole, begun] of table) {
    it(`resolution ${resolution}: per full pays ${whole}, per started pays ${begun}`, () => {
      assert.equal(evalMonth(full, { resolution }).credit.amount, whole);
      assert.equal(evalMonth(started, { resolution }).credit.amount, begun);
    });
  }
});

describe('the threshold the distance is measured from', () => {
  it('with `<=`, the threshold itself holds but is zero steps away', () => {
    const source = 'fee 1000 EUR\ninput a: percent\nif a <= 99.9% then 1% per started 0.1% below\n';
    const result = evalMonth(source, { a: '99.9%' });
    assert.equal(result.credits[0].matched, true);
    assert.equal(result.credit.amount, '0.00');
  });

  it('in a band `95% <= a < 99.9%`, `below` measures from the upper bound 99.9%', () => {
    const source = 'fee 1000 EUR\ninput a: percent\nif 95% <= a < 99.9% then 1% per 0.1% below\n';
    assert.equal(evalMonth(source, { a: '99.0%' }).credit.amount, '90.00');
  });

  it('a money credit per step: 10 EUR for every 0.1% below', () => {
    const source = 'fee 1000 EUR\ninput a: percent\nif a < 99.9% then 10 EUR per 0.1% below\n';
    assert.equal(evalMonth(source, { a: '99.65%' }).credit.amount, '20.00');
  });

  it('the explanation gives the distance, the threshold and the number of steps', () => {
    const texts = explanationOf(evalMonth(below('per'), { availability: '99.65%' }));
    assert.ok(texts.includes('0.25% below 99.9% makes 2 full steps of 0.1%.'), texts.join('\n'));
    const begun = explanationOf(evalMonth(above('per started'), { resolution: '541min' }));
    assert.ok(begun.some((t) => /makes 2 started steps of 1 hour/.test(t)), begun.join('\n'));
  });
});

describe('capped proportional credits', () => {
  const source = 'fee 1000 EUR\ninput a: percent\nif a < 99.9% then 1% per 0.1% below capped 5% monthly\n';
  const table: [a: string, credit: string, cut?: string][] = [
    ['99.6%', '30.00'],
    ['99.4%', '50.00'],
    ['99.0%', '50.00', '40.00'],
    ['90%', '50.00', '940.00'],
  ];
  for (const [a, credit, cut] of table) {
    it(`at ${a} the capped credit is ${credit}${cut ? `, cut by ${cut}` : ''}`, () => {
      const result = evalMonth(source, { a });
      assert.equal(result.credit.amount, credit);
      assert.deepEqual(result.credits[0].cuts.map((c) => c.cut), cut ? [cut] : []);
    });
  }
});

describe('mistakes in proportional credits', () => {
  it('`below` needs a `<` comparison to measure from', () => {
    expectDiagnostics('input a: percent\nif a > 99% then 1% per 0.1% below\n', [['bad-proportional', 2, 20]]);
  });

  it('`above` needs a `>` comparison to measure from', () => {
    expectDiagnostics('input a: percent\nif a < 99.9% then 1% per 0.1% above\n', [['bad-proportional', 2, 22]]);
  });

  it('a step of zero is an error', () => {
    expectDiagnostics('input a: percent\nif a < 99.9% then 1% per 0% below\n', [['bad-step', 2, 26]]);
  });

  it('a step of another kind than the measured input is an error', () => {
    expectDiagnostics('input a: percent\nif a < 99.9% then 1% per 1h below\n', [['kind-mismatch', 2, 26]]);
  });
});
