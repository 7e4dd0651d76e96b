/**
 * The paths property on fixed seeds (test/fuzz/paths.ts): programs whose
 * credits run through deep and wide let-chains and whose outputs of every
 * kind read the totals and divide; the exact interpreter, its credit alone
 * and the fast path agree, and nothing throws. `npm run fuzz` runs the same
 * property with fresh seeds and longer chains.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { pathsCaseArb, checkPaths, pathsProperty } from './paths.js';

const SEED = 18_002;
const options = { timeout: 300_000 };

test('let-chains feeding rules, and outputs of every kind: evaluate(), the exact credit and the fast path agree', options, () => {
  fc.assert(pathsProperty(400), { seed: SEED, numRuns: 150 });
});

test('chains of thousands of lets, inside the limits: no stage overflows the stack, and all three agree', options, () => {
  const deep = fc.sample(pathsCaseArb(2_500).filter((c) => c.source.split('\n').length > 1_500), { seed: SEED, numRuns: 3 });
  for (const c of deep) checkPaths(c);
});
