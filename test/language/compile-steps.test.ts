/**
 * `compileInSteps` (credit-rules/compiler, and credit-rules with the drafting
 * warnings): the compile a page without a worker spreads over idle tasks —
 * lexing, parsing, the syntax tree, names, kinds, each kind of warning, the
 * program — each a step. Its result is `compile`'s, also when other compiles
 * run between its steps (they share one parser), for valid rules, rules with
 * errors, and rules at the limits.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compile, compileInSteps, type CompileResult } from '../../src/compiler.js';
import * as full from '../../src/index.js';
import { generateProgram } from '../fixtures/programs.js';

const examples = readdirSync('examples').filter((f) => f.endsWith('.credit')).map((f) => readFileSync(`examples/${f}`, 'utf8'));
const broken = [
  'fee 1000 EUR monthly\nif availability < then 10%\n',
  'fee 1000 EUR monthly\ninput a: percent\nif b < 99% then 10%\n',
  'fee 1000 EUR monthly\ninput a: percent\nif a < 99 EUR then 10%\n',
  '\tif availability < 99% then 10%\n',
];
const tiers = `fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\ncredit "Big" capped 50% yearly:\n${Array.from({ length: 4990 }, (_, i) => `  if a < ${(i % 1000) / 10}% then ${i % 97}%`).join('\n')}\n`;

/** What a compile gives, as data: its diagnostics and the program's saved form. */
const seen = (result: CompileResult) => ({ diagnostics: result.diagnostics, program: result.program?.toJSON() });

describe('compileInSteps', () => {
  it('gives what compile gives, with another compile between each of its steps', () => {
    const other = generateProgram(300);
    for (const source of [...examples, ...broken, generateProgram(1000), tiers]) {
      const steps = compileInSteps(source);
      let step = steps.next();
      let pauses = 0;
      for (; !step.done; step = steps.next(), pauses++) compile(other);
      assert.deepEqual(seen(step.value), seen(compile(source)), source.slice(0, 60));
      if (step.value.program) assert.ok(pauses >= 5, `${pauses} pauses for ${source.slice(0, 40)}`);
    }
  });

  it('with the drafting warnings (the package entry), gives what its compile gives, each kind of warning a step', () => {
    const other = generateProgram(300);
    const warned = [...examples, 'fee 1000 EUR monthly\ninput a: percent\ninput b: percent\nif a < 99% then 10%\nif a < 99.5% then 5%\n', tiers];
    for (const source of warned) {
      const steps = full.compileInSteps(source);
      let step = steps.next();
      let pauses = 0;
      for (; !step.done; step = steps.next(), pauses++) full.compile(other);
      const alone = full.compile(source);
      assert.deepEqual(step.value.diagnostics, alone.diagnostics, source.slice(0, 60));
      assert.deepEqual(step.value.program?.toJSON(), alone.program?.toJSON());
      if (alone.program) assert.ok(pauses >= 11, `${pauses} pauses for ${source.slice(0, 40)}`);
    }
    assert.ok(full.compile(warned.at(-2)!).diagnostics.some((d) => d.severity === 'warning'), 'a draft with warnings among them');
  });

  it('refuses rules past the length limit before lexing them: no step of work', () => {
    const steps = compileInSteps('x'.repeat(1_000_001));
    let step = steps.next();
    let pauses = 0;
    for (; !step.done; step = steps.next()) pauses++;
    assert.equal(pauses, 1, 'only the pause before the diagnostics are placed');
    assert.equal(step.value.diagnostics[0].code, 'limit-exceeded');
  });
});
