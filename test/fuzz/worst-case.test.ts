/**
 * The worst cases within the structural limits stay fast. Wall time depends on
 * the machine (and on what else runs), so it is printed, never asserted; what
 * is asserted is the work the tier and overlap lints do, counted: it grows
 * like n log n, where comparing every tier with every other grew like n² and
 * made one block of 5,000 tiers take seconds.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../src/index.js';
import { lintWork } from '../../src/language/checker/lints.js';
import { LIMITS } from '../../src/language/limits.js';
import { separateRules, tierBlock } from './worst-case.js';

/** Compiles `text` once; the lints' counted work, and the CPU time (printed only). */
function measured(text: string) {
  lintWork.steps = 0;
  const start = process.cpuUsage();
  const result = compile(text);
  const cpu = process.cpuUsage(start);
  return { result, steps: lintWork.steps, ms: (cpu.user + cpu.system) / 1000 };
}

/** The work allowed for n intervals: a few sorts and tree walks of n log₂ n steps each. */
const bound = (n: number) => 12 * n * Math.log2(n);

const shapes: [name: string, make: (n: number) => string, largest: number][] = [
  // Tier lines plus a four-line head stay under the 5,000-line limit.
  ['one block of tiers on one input', tierBlock, LIMITS.lines - 10],
  // Each rule is six syntax tree nodes or so: the node limit comes first.
  ['separate rules on one input, all nesting', separateRules, 3_300],
];

for (const [name, make, largest] of shapes) {
  test(`${name}: the lints' work grows like n log n up to the limits`, (t) => {
    const sizes = [largest / 4, largest / 2, largest].map(Math.floor);
    const runs = sizes.map((n) => ({ n, ...measured(make(n)) }));
    for (const run of runs) {
      t.diagnostic(`${run.n} lines: ${run.steps.toLocaleString('en')} lint steps (bound ${Math.round(bound(run.n)).toLocaleString('en')}, n² = ${(run.n * run.n).toLocaleString('en')}), compile ${run.ms.toFixed(0)} ms CPU, ${run.result.diagnostics.length} diagnostics`);
      assert.ok(run.result.program, 'the worst case is a valid program');
      assert.ok(!run.result.diagnostics.some((d) => d.code === 'limit-exceeded'), 'within the limits');
      assert.ok(run.steps <= bound(run.n), `${run.steps} steps for ${run.n} lines exceeds ${bound(run.n)}`);
    }
    // Doubling the text a little more than doubles the work; quadratic work would quadruple it.
    for (let i = 1; i < runs.length; i++) assert.ok(runs[i].steps < 2.5 * runs[i - 1].steps, `${runs[i - 1].steps} → ${runs[i].steps} steps`);
  });
}

test('the lints still find what they found pair by pair in the largest tier block', () => {
  // Tier k pays k % 97 % below (k % 1000) / 10 %: thresholds repeat every 1000 tiers, so
  // every tier after the first thousand has an earlier twin paying at least as much.
  const { diagnostics } = compile(tierBlock(2_000));
  const unreachable = diagnostics.filter((d) => d.code === 'unreachable-tier').length;
  assert.ok(unreachable >= 1_000, `${unreachable} unreachable tiers`);
});
