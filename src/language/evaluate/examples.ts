/**
 * `example` lines run as tests: the example's values go in, the result is
 * compared exactly with what the example expects, and a failure carries the
 * expected value, the actual one, and the explanation of the actual.
 */
import type { ExampleDecl, Literal } from '../ast.js';
import { canonical, Decimal } from '../decimal.js';
import type { Diagnostic } from '../diagnostics.js';
import { parseQuantity } from '../literals.js';
import { LineMap } from '../source.js';
import type { Program } from '../program.js';
import { exampleInputs, literalText } from './inputs.js';
import type { Step } from './results.js';
import type { RunOptions } from './run.js';

export interface ExpectationResult {
  /** `credit`, or the name of the output or `let`. */
  readonly target: string;
  readonly expected: string;
  readonly actual: string;
  readonly passed: boolean;
}

export interface ExampleResult {
  readonly name: string;
  readonly line: number;
  readonly passed: boolean;
  readonly expectations: readonly ExpectationResult[];
  /** How the actual result came about. */
  readonly explanation: readonly Step[];
  /** Problems that stopped the evaluation (a value out of range, a division by zero). */
  readonly diagnostics: readonly Diagnostic[];
}

export function runExample(program: Program, example: ExampleDecl, options: RunOptions = {}): ExampleResult {
  const line = new LineMap(program.source).position(example.span.start).line;
  const name = example.label ?? `example at line ${line}`;
  const evaluation = program.evaluate(exampleInputs(example), options);
  if (!evaluation.ok) {
    return {
      name, line, passed: false, explanation: [], diagnostics: evaluation.diagnostics,
      expectations: example.expectations.map((e) => ({
        target: e.target === 'credit' ? 'credit' : e.name,
        expected: literalText(e.value),
        actual: 'no result',
        passed: false,
      })),
    };
  }
  const result = evaluation.result;
  const currency = result.currency ?? undefined;
  const expectations = example.expectations.map((e): ExpectationResult => {
    if (e.target === 'credit') {
      const percent = e.value.kind === 'percent';
      // The checker refuses `credit P%` in a program without a fee; 0 keeps a precompiled one readable.
      const actual = percent ? result.credit.percentOfFee ?? '0' : result.credit.amount;
      return {
        target: 'credit',
        expected: literalText(e.value),
        actual: percent ? `${actual}%` : `${actual}${currency ? ` ${currency}` : ''}`,
        passed: sameNumber(e.value, actual, currency),
      };
    }
    const values: Record<string, string> = result.mode !== 'year'
      ? { ...result.values, ...result.outputs, total_credit: result.credit.amount, total_credit_percent: result.credit.percentOfFee ?? '0' }
      : result.outputs;
    const kinds: Record<string, string> = { total_credit: 'money', total_credit_percent: 'percent', ...Object.fromEntries(program.toJSON().values.map((v) => [v.name, v.kind])) };
    const shown = values[e.name];
    // percent and number are both ratios: `share = 0.5` and `share = 50%` say the same.
    const actual = shown === undefined ? undefined : asExpected(e.value.kind, kinds[e.name], shown);
    return {
      target: e.name,
      expected: literalText(e.value),
      actual: actual === undefined ? 'no value' : withUnit(e.value, actual, currency),
      passed: actual !== undefined && sameNumber(e.value, actual, currency),
    };
  });
  return {
    name, line, expectations, diagnostics: [],
    passed: expectations.every((e) => e.passed),
    explanation: result.explanation,
  };
}

function asExpected(expected: string, actual: string | undefined, value: string): string {
  if (expected === 'percent' && actual === 'number') return new Decimal(value).times(100).toFixed();
  if (expected === 'number' && actual === 'percent') return new Decimal(value).div(100).toFixed();
  return value;
}

/**
 * Compares exactly: `10%` equals "10", `100 EUR` equals "100.00" in EUR, `4h`
 * equals "240min". Money in another currency than the result's is not equal
 * (rules that name no currency take the one of the fee an example gives).
 */
function sameNumber(expected: Literal, actual: string, currency: string | undefined): boolean {
  if (expected.kind === 'boolean') return actual === expected.value;
  if (expected.kind === 'money' && expected.currency && currency && expected.currency !== currency) return false;
  const parsed = parseQuantity(actual);
  if (!parsed) return false;
  if (expected.kind === 'duration') return parsed.kind === 'duration' && canonical(parsed).eq(canonical(expected));
  const value = new Decimal(parsed.value);
  return (parsed.negative ? value.neg() : value).eq(expected.negative ? new Decimal(expected.value).neg() : new Decimal(expected.value));
}

function withUnit(expected: Literal, actual: string, currency: string | undefined): string {
  if (expected.kind === 'percent') return `${actual}%`;
  if (expected.kind === 'money') return `${actual}${currency ? ` ${currency}` : ''}`;
  return actual;
}
