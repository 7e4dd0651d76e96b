/**
 * The customers a batch remembers (src/cli/customers.ts): a customer that
 * sorts after all before it — as text or in natural order — is new without
 * memory; any other is looked up among at most REMEMBERED_CUSTOMERS, and past
 * that cannot be told. What a user sees of it is in batch.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareNatural, Customers, REMEMBERED_CUSTOMERS } from '../../src/cli/customers.js';

describe('natural order', () => {
  const ascending: [before: string, after: string][] = [
    ['C9', 'C10'],
    ['9', '10'],
    ['acme', 'Beta'],
    ['Acme 2', 'acme 10'],
    ['DE-9-x', 'DE-10'],
    ['a', 'a1'],
    ['a', 'ab'],
    ['a-1', 'a1'],
    ['a1', 'a:'],
    ['x', 'Zeta'],
    ['Ärzte', 'Örtlich'],
  ];
  for (const [before, after] of ascending) {
    it(`"${before}" comes before "${after}"`, () => {
      assert.ok(compareNatural(before, after) < 0);
      assert.ok(compareNatural(after, before) > 0);
    });
  }

  it('texts that differ only in case or leading zeros are equal', () => {
    for (const [a, b] of [['ACME', 'acme'], ['C007', 'C7'], ['', '']]) assert.equal(compareNatural(a, b), 0, `${a} ${b}`);
  });

  it('is a total preorder: sorting random names gives an order every pair agrees with', () => {
    const names = Array.from({ length: 300 }, (_, i) => `${'aB9-'[i % 4]}${(i * 7919) % 1000}${'xY0'[i % 3]}${i % 7}`);
    const sorted = [...names].sort(compareNatural);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) assert.ok(compareNatural(sorted[i], sorted[j]) <= 0, `${sorted[i]} ${sorted[j]}`);
    }
  });
});

describe('Customers', () => {
  it('finds a customer seen before, with the line its rows ended on', () => {
    const customers = new Customers();
    customers.add('B', 3);
    customers.add('A', 5);
    assert.equal(customers.check('B'), 3);
    assert.equal(customers.check('C'), undefined);
  });

  it('past REMEMBERED_CUSTOMERS, a customer that sorts before an earlier one cannot be told; one after every earlier one is new', () => {
    const customers = new Customers();
    for (let i = 0; i <= REMEMBERED_CUSTOMERS; i++) customers.add(`C${i}`, i + 2);
    assert.equal(customers.check('C5'), 7);
    assert.equal(customers.check(`C${REMEMBERED_CUSTOMERS}`), 'cannot tell');
    assert.equal(customers.check('B'), 'cannot tell');
    // After every customer so far in natural order, though not as text (C9 > C100001).
    assert.equal(customers.check(`C${REMEMBERED_CUSTOMERS + 1}`), undefined);
    // After every customer so far as text, though not in natural order.
    assert.equal(customers.check('C99999a'), undefined);
  });

  it('admits the customers of a piece read elsewhere only if each is new in turn; if one is not, none is added', () => {
    const customers = new Customers();
    customers.add('M', 2);
    assert.equal(customers.admit(['A', 'N', 'B', 'A'], [3, 4, 5, 6]), false);
    assert.equal(customers.check('A'), undefined);
    assert.equal(customers.check('B'), undefined);
    assert.equal(customers.check('N'), undefined);
    assert.equal(customers.admit(['A', 'N', 'B'], [3, 4, 5]), true);
    assert.equal(customers.check('A'), 3);
    assert.equal(customers.check('M'), 2);
  });
});
