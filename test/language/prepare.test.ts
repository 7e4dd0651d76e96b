/**
 * `Program.prepare()`: a large program's plan and compiled expressions made a
 * few hundred rules per step, so that a page can spread them over idle
 * tasks. A prepared program answers exactly as one that was never prepared;
 * a run in the middle of preparing finishes it at once and answers the same.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile as compileWithFastPath } from '../../src/index.js';
import { compile } from '../../src/compiler.js';
import type { CheckedProgram } from '../../src/language/checker/program.js';
import { Program, type InputValues } from '../../src/language/program.js';
import { tierBlock } from '../fuzz/worst-case.js';

const examples = new URL('../../examples/', import.meta.url);
const shipped = readdirSync(examples).filter((f) => f.endsWith('.credit')).map((f) => readFileSync(new URL(f, examples), 'utf8'));

/** A program as a page gets it: fresh from its saved form, nothing made yet. */
function fresh(source: string): Program {
  const { program } = compile(source);
  assert.ok(program, source);
  return new Program(JSON.parse(JSON.stringify(program.toJSON())) as CheckedProgram);
}

/** Drives `steps` to its end; how many times it paused. */
function pauses(steps: Generator<void, void, void>): number {
  let count = 0;
  while (!steps.next().done) count++;
  return count;
}

/** Everything a page asks of a program, for comparing two. */
function answers(program: Program, runs: readonly InputValues[]): unknown {
  return {
    credits: program.credits, hasFee: program.hasFee, period: program.period,
    runs: runs.map((values) => ({ evaluation: program.evaluate(values), credit: program.credit(values), german: program.evaluate(values, { lang: 'de' }) })),
  };
}

const runsOf = (program: Program): InputValues[] => [{}, ...program.examples.map((e) => e.inputs as InputValues)];

const LARGE = tierBlock(1500);
const LARGE_RUNS: InputValues[] = [{}, { a: '1%' }, { a: '99.95%' }, { a: Array.from({ length: 12 }, (_, i) => `${i * 8}%`) }];

test('a prepared program answers exactly as one never prepared: every shipped program, and a large one', () => {
  for (const source of [...shipped, LARGE]) {
    const runs = source === LARGE ? LARGE_RUNS : runsOf(fresh(source));
    const prepared = fresh(source);
    pauses(prepared.prepare());
    assert.deepEqual(answers(prepared, runs), answers(fresh(source), runs), source.slice(0, 200));
  }
});

test('prepare pauses many times for a large program, and not at all once it is made', () => {
  const program = fresh(LARGE);
  // 1,500 tiers: planned, walked and compiled a hundred or so at a time.
  assert.ok(pauses(program.prepare()) >= 30);
  assert.equal(pauses(program.prepare()), 0);
  const used = fresh(LARGE);
  used.credit({ a: '1%' });
  assert.equal(pauses(used.prepare()), 0, 'a program that has run is made');
  assert.ok(pauses(fresh(shipped[0]).prepare()) >= 1);
});

test('a run in the middle of preparing finishes it at once, answers the same, and the preparing then ends', () => {
  const expected = answers(fresh(LARGE), LARGE_RUNS);
  const total = pauses(fresh(LARGE).prepare());
  // Stopped while planning, while compiling, and just before the end.
  for (const after of [1, Math.floor(total / 2), total - 1]) {
    const program = fresh(LARGE);
    const steps = program.prepare();
    for (let i = 0; i < after; i++) assert.equal(steps.next().done, false);
    assert.deepEqual(answers(program, LARGE_RUNS), expected, `after ${after} of ${total} steps`);
    assert.equal(pauses(steps), 0, `after ${after} of ${total} steps: nothing left to make`);
  }
  // Two preparings at once share the work.
  const program = fresh(LARGE);
  const [first, second] = [program.prepare(), program.prepare()];
  let steps = 0;
  while (!first.next().done) {
    second.next();
    steps++;
  }
  pauses(second);
  assert.ok(steps <= total / 2 + 1, `${steps} of ${total} steps`);
  assert.deepEqual(answers(program, LARGE_RUNS), expected);
});

test('a program with the fixed-point fast path prepares it too, and credits as before', () => {
  const { program } = compileWithFastPath(LARGE);
  assert.ok(program);
  const reference = compileWithFastPath(LARGE).program!;
  pauses(program.prepare());
  for (const values of LARGE_RUNS) assert.deepEqual(program.credit(values), reference.credit(values));
});
