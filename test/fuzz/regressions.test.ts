/**
 * Every crash or wrong result the fuzzer and the property tests found, as the
 * smallest program that shows it. A case the implementation still gets wrong
 * is marked `todo` with the reason, so the suite stays green until it is fixed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile, type InputValues } from '../../src/index.js';
import { creditOf } from '../backends.js';
import { exercise } from './harness.js';

const AVAILABILITY = 'fee 1000 EUR monthly\ninput availability: percent default 100% range 0%..100%\n';

function credit(source: string, values: InputValues): string {
  const result = compile(source);
  assert.ok(result.program, JSON.stringify(result.diagnostics));
  const evaluation = result.program.evaluate(values);
  assert.ok(evaluation.ok, JSON.stringify(evaluation.diagnostics));
  return evaluation.result.credit.amount;
}

const codes = (source: string) => compile(source).diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`);

test('a block header with a cap and no tiers is a diagnostic, not a crash', () => {
  // Found by the fuzzer: the drafting lints ran although the builder had reported `empty-block`,
  // and `Decimal.max()` of no tiers threw "[DecimalError] Invalid argument: undefined".
  for (const source of ['credit capped 10 EUR monthly:\n', 'points capped 20% yearly:\npoint = 1 EUR\n', 'credit capped 10 EUR monthly:\nif a < 1% then 1%\n']) {
    assert.doesNotThrow(() => exercise(source, {}), source);
    assert.ok(codes(source).some((c) => c.startsWith('empty-block')), source);
  }
});

test('an empty block without caps is one empty-block error', () => {
  assert.doesNotThrow(() => exercise('credit:\n', {}));
  assert.deepEqual(codes('credit:\n').filter((c) => !c.startsWith('implicit-input')), ['empty-block 1:1']);
});

test('a tier capped below another is not called unreachable', () => {
  const source = `${AVAILABILITY}credit:\n  if availability < 99% then 30% capped 10 EUR monthly\n  if availability < 99% then 20%\n`;
  assert.equal(credit(source, { availability: '98%' }), '200.00');
  assert.deepEqual(codes(source).filter((c) => c.startsWith('unreachable-tier')), []);
});

test('a band that pays more than a wider tier is warned non-monotonic', () => {
  // The lint compared only the tiers' upper edges (99.5% vs 99%): 94% paid 10% but 96% paid 20%, with no warning.
  const source = `${AVAILABILITY}credit:\n  if availability < 99.5% then 10%\n  if 95% <= availability < 99% then 20%\n`;
  assert.equal(credit(source, { availability: '96%' }), '200.00');
  assert.equal(credit(source, { availability: '94%' }), '100.00');
  assert.ok(codes(source).some((c) => c.startsWith('non-monotonic-tiers')), codes(source).join(', '));
});

test('a tier\'s own monthly cap is counted when judging which tier can win', () => {
  // Capped to 10% a month, the wide tier loses to the 20% tier below 95%: no warning.
  const loses = `${AVAILABILITY}credit:\n  if availability < 99% then 30% capped 10% monthly\n  if availability < 95% then 20%\n`;
  assert.equal(credit(loses, { availability: '94%' }), '200.00');
  assert.deepEqual(codes(loses).filter((c) => c.startsWith('unreachable-tier')), []);
  // Capped to 20% a month it still pays at least as much, and wins the tie as the earlier tier.
  const shadows = `${AVAILABILITY}credit:\n  if availability < 99% then 30% capped 20% monthly\n  if availability < 95% then 20%\n`;
  assert.equal(credit(shadows, { availability: '94%' }), '200.00');
  assert.deepEqual(codes(shadows).filter((c) => c.startsWith('unreachable-tier')), ['unreachable-tier 5:3']);
  // A yearly cap (600 EUR) leaves the wide tier nothing in month 3, so the narrow one wins there: no warning.
  const yearly = `${AVAILABILITY}credit:\n  if availability < 99% then 30% capped 5% yearly\n  if availability < 95% then 20%\n`;
  assert.equal(credit(yearly, { availability: ['94%', '94%', '94%'] }), '800.00');
  assert.deepEqual(codes(yearly).filter((c) => c.startsWith('unreachable-tier')), []);
});

// Caps count what was paid (rounded): 100.01 + 100.01, then the room left, 99.995 → 100.00.
test('rounded monthly payments never exceed a quarterly cap', () => {
  const source = 'fee 1000.05 EUR monthly\ninput availability: percent default 100% range 0%..100%\nif availability < 99% then 10% capped 10% quarterly\n';
  assert.equal(credit(source, { availability: ['98%', '98%', '98%'] }), '300.02');
});

test('rounded monthly payments never exceed a yearly `cap` statement', () => {
  const source = 'fee 1000.05 EUR monthly\ninput availability: percent default 100% range 0%..100%\nif availability < 99% then 10%\ncap 10% yearly\n';
  assert.equal(credit(source, { availability: Array.from({ length: 12 }, () => '98%') }), '1200.06');
});

test('the year is the sum of its rounded months (what is paid), even when the cap is exact', () => {
  const source = 'fee 1000.05 EUR monthly\ninput availability: percent default 100% range 0%..100%\nif availability < 99% then 10%\n';
  assert.equal(credit(source, { availability: ['98%', '98%'] }), '200.02');
});

test('a let that names another let is read as itself on the fast path, not as the let it names', () => {
  const source = `${AVAILABILITY}let target = 99.9%\nlet shortfall = target - availability\nif shortfall > 0% then 10%\n`;
  const program = compile(source).program!;
  for (const availability of ['100%', '99.95%', '99.5%']) {
    const evaluation = program.evaluate({ availability });
    assert.ok(evaluation.ok);
    assert.deepEqual(program.credit({ availability }), { ok: true, credit: creditOf(evaluation.result) }, `availability ${availability}`);
  }
  assert.equal(credit(source, { availability: '100%' }), '0.00');
});

test('credit() of a program whose constant overflows the fast path\'s integers is the exact answer, not a thrown symbol', () => {
  const source = 'fee 1000 EUR monthly\ninput n: number default 2\nif n * 1.000001 + 1000000000 > 5 then 1%\n';
  const program = compile(source).program!;
  const evaluation = program.evaluate({});
  assert.ok(evaluation.ok);
  assert.deepEqual(program.credit({}), { ok: true, credit: creditOf(evaluation.result) });
});
