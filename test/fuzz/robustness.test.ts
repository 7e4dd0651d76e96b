/**
 * The fuzzer's fixed-seed share in the regular suite: random, mutated and
 * hostile rules texts with hostile values. Nothing throws, every diagnostic
 * lies inside the text, and each case returns (a hang fails the test's timeout).
 * `npm run fuzz` runs the same property 100,000 times with a fresh seed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compile, type InputValues } from '../../src/index.js';
import { basePrograms, garbageArb, hostileValuesArb, mutatedArb, pathologicalArb, programArb, tokenSoupArb } from './arbitraries.js';
import { exercise, robustnessProperty } from './harness.js';

const SEED = 4_242;
const options = { timeout: 120_000 };

test('no text and no values make any stage throw (mixed fixed-seed share)', options, () => {
  fc.assert(robustnessProperty(), { seed: SEED, numRuns: 500 });
});

const families: [string, fc.Arbitrary<string>, number][] = [
  ['valid generated programs', programArb().map((p) => p.text), 200],
  ['mutated examples', mutatedArb(basePrograms()), 300],
  ['token soup', tokenSoupArb, 800],
  ['deep nesting, long chains and huge literals', pathologicalArb, 200],
  ['arbitrary characters', garbageArb, 800],
];

for (const [name, arbitrary, numRuns] of families) {
  test(`${name}: every stage returns and every diagnostic lies inside the text`, options, () => {
    fc.assert(
      fc.property(arbitrary, hostileValuesArb(['availability', 'a', 'fee']), (source, values) => exercise(source, values)),
      { seed: SEED, numRuns },
    );
  });
}

test('hostile values are each a clear error that names the input', () => {
  const program = 'fee 1000 EUR monthly\ninput availability: percent default 99.9% range 90%..100%\ninput response: duration default 1h\nif availability < 99% or response > 4h then 10%\n';
  const cases: [string, unknown][] = [
    ['availability', Number.NaN], ['availability', Number.POSITIVE_INFINITY], ['availability', '1e1000'], ['availability', ''],
    ['availability', 'abc'], ['availability', '101%'], ['availability', '-1%'], ['availability', '4h'], ['availability', '9'.repeat(400)],
    ['response', '-4h'], ['response', '99%'], ['fee', '-5 EUR'], ['fee', '1000 USD'], ['fee', '1000 XXX'], ['fee', '0'],
  ];
  const compiled = compile(program).program!;
  for (const [name, value] of cases) {
    const evaluation = compiled.evaluate({ [name]: value } as InputValues);
    assert.equal(evaluation.ok, false, `${name} = ${String(value)} should be rejected`);
    if (!evaluation.ok) assert.ok(evaluation.diagnostics.some((d) => d.message.includes(`\`${name}\``)), `${name} = ${String(value)}: ${evaluation.diagnostics.map((d) => d.message).join('; ')}`);
  }
});
