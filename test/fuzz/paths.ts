/**
 * The paths property, shared by `paths.test.ts` (fixed seeds) and
 * `scripts/fuzz.ts` (fresh seeds): programs whose credits run through chains
 * of `let`s — deep (up to thousands), wide (sums of hundreds), read twice per
 * step — and whose outputs are of every kind, read the totals and divide by
 * inputs that may be zero. Each case is computed three ways: the exact
 * interpreter (`evaluate`), the exact interpreter's credit alone, and the
 * fixed-point fast path. Nothing may throw or print NaN or Infinity, and
 * wherever two of them answer, they answer alike.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compile, type InputValue, type InputValues } from '../../src/index.js';
import { LIMITS } from '../../src/language/limits.js';
import { Program as ExactProgram } from '../../src/language/program.js';
import { creditOf, fastPathOf } from '../backends.js';

type ChainKind = 'percent' | 'money' | 'number' | 'duration';

export interface PathsCase {
  readonly source: string;
  readonly values: InputValues;
}

const CURRENCIES = ['EUR', 'JPY', 'KWD'] as const;

/** What a chain of one kind is built from: its start, what is added, what it is multiplied and divided by, the input of its kind. */
function parts(kind: ChainKind, currency: string) {
  const money = (v: string) => `${v} ${currency}`;
  return {
    percent: { start: ['a', '1.5%', '0%'], add: ['0.01%', '1%', '33.3%'], input: 'a' },
    money: { start: ['m', money('12.5'), 'fee'], add: [money(currency === 'JPY' ? '1' : '0.01'), money('7'), '1% of fee'], input: 'm' },
    number: { start: ['n', '7', '0.1'], add: ['1', '0.001', '1000'], input: 'n' },
    duration: { start: ['d', '90min', '1s'], add: ['1min', '1s', '2h'], input: 'd' },
  }[kind];
}

const FACTORS = ['2', '0.5', '1.0001', 'n', '3'];
const DIVISORS = ['2', '4', '3', 'n', '0.5'];
/** A percent factor keeps every kind but a number (number × percent is a percent); a percent divisor every kind but a percent. */
const factors = (kind: ChainKind) => (kind === 'number' ? FACTORS : [...FACTORS, '99%']);
const divisors = (kind: ChainKind) => (kind === 'percent' ? DIVISORS : [...DIVISORS, '7%']);

/** One step of a chain, reading the value before it (`p`) once or twice. */
const stepArb = (kind: ChainKind, currency: string): fc.Arbitrary<(p: string) => string> => {
  const { add, input } = parts(kind, currency);
  return fc.oneof(
    fc.constantFrom(...add).map((a) => (p: string) => `${p} + ${a}`),
    fc.constantFrom(...add).map((a) => (p: string) => `${p} - ${a}`),
    fc.constantFrom(...factors(kind)).map((f) => (p: string) => `${p} * ${f}`),
    fc.constantFrom(...divisors(kind)).map((f) => (p: string) => `${p} / ${f}`),
    fc.constant((p: string) => `(${p} + ${p}) / 2`),
    fc.constant((p: string) => `${p} + ${input} - ${p}`),
  );
};

/** A chain's length: mostly short; now and then deep, up to the most lines the limits allow beside the rest. */
const lengthArb = (deep: number) => fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 100, max: deep }) });

/** A program of chains feeding rules, a tier block and outputs; its inputs `a`, `n`, `m`, `d` and the fee. */
export function pathsProgramArb(deep = 2_000): fc.Arbitrary<string> {
  return fc
    .record({
      currency: fc.constantFrom(...CURRENCIES),
      yearly: fc.boolean(),
      kind: fc.constantFrom<ChainKind>('percent', 'money', 'number', 'duration'),
      length: lengthArb(deep),
      width: fc.integer({ min: 1, max: LIMITS.expressionDepth - 10 }),
      start: fc.nat(2),
      picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      totals: fc.integer({ min: 0, max: 30 }),
    })
    .chain((shape) => fc.tuple(fc.constant(shape), fc.array(stepArb(shape.kind, shape.currency), { minLength: shape.length, maxLength: shape.length })))
    .map(([{ currency, yearly, kind, length, width, start, picks, totals }, steps]) => {
      const { input } = parts(kind, currency);
      const c = (i: number) => `c${i}`;
      const pick = (k: number) => c(picks[k] % (length + 1));
      const lines = [
        `fee 1000 ${currency} ${yearly ? 'yearly' : 'monthly'}`,
        'input a: percent default 99.5%',
        'input n: number default 2',
        `input m: money default 40 ${currency}`,
        'input d: duration default 45min',
        `let c0 = ${parts(kind, currency).start[start]}`,
        ...steps.map((step, i) => `let c${i + 1} = ${step(c(i))}`),
        // Wide: a sum of many links of the chain, read by a rule and an output.
        `let w = ${Array.from({ length: Math.min(width, length + 1) }, (_, i) => c((i * 7 + picks[0]) % (length + 1))).join(' + ')}`,
      ];
      // Rules the chain feeds: thresholds and credits, separate and in a tier block, with caps.
      const credit = { percent: pick(1), money: pick(1), number: `${pick(1)} * 1%`, duration: `${pick(1)} / 1h * 1%` }[kind];
      lines.push(
        `if ${input} < ${pick(2)} then ${credit} capped 20% monthly`,
        `if ${input} >= w then 5 ${currency} capped 10% quarterly`,
        'credit capped 30% yearly:',
        `  if ${input} < ${pick(3)} then 10%`,
        `  if ${input} < ${pick(4)} then 25 ${currency}`,
        `  if ${input} <= ${pick(5)} and a < 99.9% then 2%`,
      );
      // Lets after the credits: a chain from the totals, which only outputs may read.
      lines.push('let t0 = total_credit');
      for (let i = 1; i <= totals; i++) lines.push(`let t${i} = ${i % 3 === 0 ? `t${i - 1} / n` : i % 3 === 1 ? `t${i - 1} + 1% of fee` : `(t${i - 1} + total_credit) / 2`}`);
      // Outputs of every kind, through the totals and divisions (by inputs that may be zero).
      lines.push(
        `output o_net: money = fee - total_credit`,
        `output o_share: percent = total_credit_percent`,
        `output o_ratio: number = total_credit / fee`,
        `output o_per_n: money = t${totals} / n`,
        `output o_margin: percent = (m - fee) / fee`,
        `output o_minutes: number = d / 1min`,
        `output o_slice = d / n`,
        `output o_third = total_credit_percent / 3`,
        `output o_last = ${c(length)}`,
        `output o_wide = w / ${input === 'n' ? '(n - 1)' : 'n'}`,
        `output o_flag = ${input} < ${pick(6)}`,
      );
      return `${lines.join('\n')}\n`;
    });
}

/** A value of each input, some of them zero, negative, huge or a year of them. */
export function pathsValuesArb(currency: string): fc.Arbitrary<InputValues> {
  const one = (values: readonly InputValue[]) => fc.constantFrom(...values);
  const maybeYear = (arb: fc.Arbitrary<InputValue>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.array(arb, { minLength: 1, maxLength: 12 }) });
  return fc.record(
    {
      a: maybeYear(one(['0', '99.5', '100%', '37.123456789%', '99.99'])),
      n: maybeYear(one(['0', '1', '2', '-3', '0.001', '123456789012345678901234567', '1e-7', 7])),
      m: maybeYear(one(['0', '-5', '1000000', '0.5', `33.333 ${currency}`])),
      d: maybeYear(one(['0', '45min', '2h', '1s', '720h'])),
      fee: maybeYear(one([`1000 ${currency}`, `0.01 ${currency}`, `99999999 ${currency}`, `1234.5678 ${currency}`])),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<InputValues>;
}

export function pathsCaseArb(deep?: number): fc.Arbitrary<PathsCase> {
  return pathsProgramArb(deep).chain((source) => pathsValuesArb(/^fee \d+ (\w+)/.exec(source)![1]).map((values) => ({ source, values })));
}

/** Codes of failures that `credit()` may not share: a value only an output reads. */
const OUTPUTS_ONLY = new Set(['division-by-zero', 'number-too-large']);

/** Throws (an assertion) when a stage throws, prints NaN or Infinity, or two ways of computing the credit differ. */
export function checkPaths({ source, values }: PathsCase): void {
  const compiled = compile(source);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => `${d.code} ${d.start.line}:${d.start.column} ${d.message}`), [], 'a program inside the limits compiles');
  const program = compiled.program!;
  const evaluation = program.evaluate(values);
  // The exact interpreter's credit alone (what credit() computes when the fast path hands over).
  const exact = new ExactProgram(program.toJSON()).credit(values);
  const credit = program.credit(values);
  const fast = fastPathOf(program)?.(values, {});
  for (const [what, result] of [['evaluate', evaluation], ['exact credit', exact], ['credit()', credit], ['fast path', fast]] as const) {
    const text = JSON.stringify(result);
    assert.ok(!/NaN|Infinity/.test(text ?? ''), `${what} says NaN or Infinity: ${text?.slice(0, 300)}`);
  }
  if (evaluation.ok) {
    const expected = { ok: true, credit: creditOf(evaluation.result) };
    assert.deepEqual(exact, expected, 'the exact credit() differs from evaluate()');
    assert.deepEqual(credit, expected, 'credit() differs from evaluate()');
  } else {
    // Where they differ, evaluate() stopped first at a value only an output reads, which credit() never computes.
    const codes = evaluation.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    const outputsOnly = codes.every((code) => OUTPUTS_ONLY.has(code));
    if (exact.ok) assert.ok(outputsOnly, `credit() pays where evaluate() fails with ${codes.join(', ')}`);
    else if (!outputsOnly) assert.deepEqual(exact, evaluation, 'the exact credit() is not rejected as evaluate() is');
    assert.deepEqual(credit, exact, 'credit() differs from the exact credit');
  }
  if (fast) assert.deepEqual(fast, exact, 'the fast path differs from the exact interpreter');
}

/** The property: holds, or throws with the message of what went wrong. */
export function pathsProperty(deep?: number, onCase?: (c: PathsCase, ms: number) => void) {
  return fc.property(pathsCaseArb(deep), (c) => {
    const started = performance.now();
    checkPaths(c);
    onCase?.(c, performance.now() - started);
  });
}
