/**
 * `evaluate()`'s results, byte for byte, as they were before the evaluator
 * was made faster: every shipped example's inputs (and its defaults, in
 * English and German), a year of lists and the largest blocks the limits
 * allow, and a few hundred random programs of the property tests and the
 * paths fuzzer (fixed seeds). Each result is serialised with every step's
 * sentence and every property that is `undefined`, and compared with the
 * digest stored in `fixtures/evaluation-digests.json`, written from the
 * unoptimised evaluator; a year run a month at a time (`evaluateByPeriod`)
 * must end in the very same result. `UPDATE_DIGESTS=1` writes the file anew — only
 * for a change that is meant to change results.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { compile, type InputValues, type RunOptions } from '../../src/index.js';
import { programArb, valuesArb } from '../fuzz/arbitraries.js';
import { pathsCaseArb } from '../fuzz/paths.js';
import { letChain, tierBlock } from '../fuzz/worst-case.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIGESTS = join(here, 'fixtures', 'evaluation-digests.json');
const SEED = 20_261_207;

interface Case {
  readonly name: string;
  readonly source: string;
  readonly values: InputValues;
  readonly options?: RunOptions;
}

/** Everything a caller can see of a result: JSON with `undefined` kept, so deep equality and `JSON.stringify` are both covered. */
function serialised(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '\u0000undefined' : v));
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

const outages = `fee 1000 EUR
point = 1%
input outages: list of duration "Outages this month" default []
points "Per outage" for each outage in outages capped 30% monthly:
  if outage > 1h then 1 point
  if outage > 4h then 3 points
output longest: duration = if count(outages) > 0 then max(outages) else 0h
output down: duration = sum(outages)
`;

function cases(): Case[] {
  const all: Case[] = [];
  const folder = join(here, '..', '..', 'examples');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.credit')).sort()) {
    const source = readFileSync(join(folder, file), 'utf8');
    const program = compile(source).program!;
    const currency = program.currency ? {} : { currency: 'EUR' };
    all.push({ name: `${file}: defaults`, source, values: {}, options: currency });
    all.push({ name: `${file}: defaults, German`, source, values: {}, options: { lang: 'de', ...currency } });
    program.examples.forEach((example, i) => {
      all.push({ name: `${file}: example ${i + 1}`, source, values: example.inputs as InputValues, options: currency });
      all.push({ name: `${file}: example ${i + 1}, German`, source, values: example.inputs as InputValues, options: { lang: 'de', ...currency } });
    });
  }
  all.push({ name: 'for each, a month', source: outages, values: { outages: ['30min', '2h', '5h', '5h', '5h', '5h', '5h', '5h', '5h', '5h', '5h'] } });
  all.push({ name: 'for each, a year', source: outages, values: { outages: [['2h'], [], ['5h', '5h'], ['61min']] }, options: { lang: 'de' } });
  all.push({ name: '4,990 tiers, a month', source: tierBlock(4990), values: { a: '50.05%' } });
  all.push({ name: '4,990 tiers, a year', source: tierBlock(4990), values: { a: ['50.05%', '12%', '99.95%', '0.1%', '70%', '3%', '3%', '3%', '3%', '3%', '3%', '3%'] }, options: { lang: 'de' } });
  all.push({ name: '3,000 lets', source: letChain(3000), values: { n: 7 } });

  const programs = fc.sample(programArb().chain((model) => fc.tuple(fc.constant(model.text), valuesArb(model))), { seed: SEED, numRuns: 250 });
  programs.forEach(([source, values], i) => all.push({ name: `random program ${i + 1}`, source, values, options: i % 2 ? { lang: 'de' } : {} }));
  const paths = fc.sample(pathsCaseArb(300), { seed: SEED, numRuns: 80 });
  paths.forEach(({ source, values }, i) => all.push({ name: `paths program ${i + 1}`, source, values }));
  return all;
}

test('evaluate() gives the same results, byte for byte, as the evaluator before it was made faster', () => {
  const digests: Record<string, string> = {};
  const programs = new Map<string, ReturnType<typeof compile>['program']>();
  for (const { name, source, values, options } of cases()) {
    if (!programs.has(source)) programs.set(source, compile(source).program);
    const program = programs.get(source);
    assert.ok(program, `${name} compiles`);
    const text = serialised(program.evaluate(values, options));
    digests[name] = digest(text);
    // A year run a month at a time ends in the same result.
    if (Object.values(values).some(Array.isArray)) {
      const steps = program.evaluateByPeriod(values, options);
      let step = steps.next();
      while (!step.done) step = steps.next();
      assert.equal(serialised(step.value), text, `${name}: run a month at a time`);
    }
  }
  if (process.env.UPDATE_DIGESTS) writeFileSync(DIGESTS, `${JSON.stringify(digests, null, 1)}\n`);
  const stored = JSON.parse(readFileSync(DIGESTS, 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(digests), Object.keys(stored), 'the same cases as stored');
  const changed = Object.keys(digests).filter((name) => digests[name] !== stored[name]);
  assert.deepEqual(changed, [], 'results that changed');
});
