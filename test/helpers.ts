/**
 * Test helpers: they make each table case one line. A case states the rules
 * (a template string, dedented by `rules`), the values, and what a user would
 * notice — diagnostic codes at line:column, amounts as decimal strings. When
 * an assertion fails, `frame` prints the source with a caret under each
 * diagnostic, so the failure reads like the CLI's output.
 */
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { creditOf, fastPathOf } from './backends.js';
import {
  compile,
  type Diagnostic,
  type EvaluationResult,
  type InputValues,
  type MonthResult,
  type Program,
  type RunOptions,
  type YearResult,
} from '../src/index.js';

/** `[code, line, column]`: what a test says about a diagnostic. */
export type Triple = [code: string, line: number, column: number];

export type Severity = Diagnostic['severity'];

/**
 * Strips the indentation common to all non-blank lines and the first and
 * last line breaks, so a program can be written indented inside a test.
 * Indentation deeper than the common margin is kept: blocks stay blocks.
 */
export function rules(strings: TemplateStringsArray | string, ...values: unknown[]): string {
  const raw = typeof strings === 'string' ? strings : String.raw({ raw: strings }, ...values);
  const lines = raw.replace(/^\n/, '').replace(/\n[ ]*$/, '').split('\n');
  const margin = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return `${lines.map((l) => l.slice(Number.isFinite(margin) ? margin : 0)).join('\n')}\n`;
}

/** The source with a `^~~~` under each diagnostic's range and its code and message beside it. */
export function frame(source: string, diagnostics: readonly Diagnostic[]): string {
  const lines = source.split('\n');
  const out: string[] = [];
  lines.forEach((text, i) => {
    const number = i + 1;
    out.push(`${String(number).padStart(3)} | ${text}`);
    for (const d of diagnostics.filter((x) => x.start.line === number)) {
      const width = d.end.line === d.start.line ? Math.max(1, d.end.column - d.start.column) : 1;
      out.push(`    | ${' '.repeat(d.start.column - 1)}^${'~'.repeat(width - 1)} ${d.severity} ${d.code}: ${d.message}`);
    }
  });
  const beyond = diagnostics.filter((d) => d.start.line > lines.length);
  for (const d of beyond) out.push(`    | (at ${d.start.line}:${d.start.column}) ${d.severity} ${d.code}: ${d.message}`);
  return out.join('\n');
}

const triple = (d: Diagnostic): Triple => [d.code, d.start.line, d.start.column];

/** The diagnostics of the given severities (errors and warnings unless told), in source order. */
export function diagnosticsOf(source: string, severities: readonly Severity[] = ['error', 'warning']): Triple[] {
  return compile(source).diagnostics.filter((d) => severities.includes(d.severity)).map(triple);
}

/** Asserts the diagnostics (errors and warnings unless told) are exactly these; a failure shows the framed source. */
export function expectDiagnostics(source: string, expected: readonly Triple[], severities: readonly Severity[] = ['error', 'warning']): void {
  const found = compile(source).diagnostics.filter((d) => severities.includes(d.severity));
  assert.deepEqual(found.map(triple), expected, `\n${frame(source, found)}\n`);
}

/** The one diagnostic with this code; fails (with a frame) unless exactly one has it. */
export function theDiagnostic(source: string, code: string): Diagnostic {
  const all = compile(source).diagnostics;
  const found = all.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected exactly one ${code}:\n${frame(source, all)}\n`);
  return found[0];
}

/** Compiles rules that must have no errors; a failure shows the framed source. */
export function programOf(source: string): Program {
  const { diagnostics, program } = compile(source);
  assert.ok(program, `expected the rules to compile:\n${frame(source, diagnostics)}\n`);
  return program;
}

/**
 * Evaluates and asserts the evaluation succeeded. Every feature table runs
 * through here, so it also holds each backend to the exact interpreter's
 * figures: `credit()` (what billing pays) and the fixed-point fast path
 * itself, wherever it answers.
 */
export function evaluate(source: string | Program, values: InputValues = {}, options: RunOptions = {}): EvaluationResult {
  const program = typeof source === 'string' ? programOf(source) : source;
  const evaluation = program.evaluate(values, options);
  assert.ok(evaluation.ok, `expected the evaluation to succeed, got ${JSON.stringify(evaluation.diagnostics.map((d) => `${d.code}: ${d.message}`))}`);
  const expected = creditOf(evaluation.result);
  assert.deepEqual(program.credit(values, options), { ok: true, credit: expected }, 'credit() differs from evaluate()');
  // The fast path itself is handed options as credit() settles them (currency codes in capitals).
  const settled = options.currency ? { ...options, currency: options.currency.toUpperCase() } : options;
  const fast = fastPathOf(program)?.(values, settled);
  backends.compared++;
  if (fast) {
    backends.answered++;
    assert.deepEqual(fast, { ok: true, credit: expected }, 'the fast path differs from the exact interpreter');
  }
  return evaluation.result;
}

/** How many evaluations of this test file the fast path answered itself. */
export const backends = { compared: 0, answered: 0 };

/** One month's result. */
export function evalMonth(source: string | Program, values: InputValues = {}, options: RunOptions = {}): MonthResult {
  const result = evaluate(source, values, options);
  assert.equal(result.mode, 'month');
  return result as MonthResult;
}

/** A contract year's result (some value is a list). */
export function evalYear(source: string | Program, values: InputValues = {}, options: RunOptions = {}): YearResult {
  const result = evaluate(source, values, options);
  assert.equal(result.mode, 'year');
  return result as YearResult;
}

/**
 * The diagnostics of an evaluation that must fail. `credit()` fails with the
 * same, unless the failure is in a value the credit does not need (an output
 * dividing by zero), which billing's run never computes.
 */
export function evalProblems(source: string | Program, values: InputValues = {}): Diagnostic[] {
  const program = typeof source === 'string' ? programOf(source) : source;
  const evaluation = program.evaluate(values);
  assert.equal(evaluation.ok, false, 'expected the evaluation to be rejected');
  const credit = program.credit(values);
  // An output that divides by zero, takes the largest of an empty list or outgrows exact arithmetic fails evaluate() but not billing's credit(), which computes no outputs.
  const outputOnly = ['division-by-zero', 'empty-list', 'number-too-large'];
  if (credit.ok) assert.ok(evaluation.diagnostics.every((d) => outputOnly.includes(d.code)), 'credit() is not rejected as evaluate() is');
  else {
    assert.deepEqual(credit, evaluation, 'credit() is not rejected as evaluate() is');
    assert.equal(fastPathOf(program)?.(values, {}), undefined, 'the fast path answered what the reader rejects');
  }
  return [...evaluation.diagnostics];
}

/**
 * The explanation as plain sentences, with the no-break spaces of "100.00 EUR"
 * and "99,5 %" read as ordinary spaces so a test can write them.
 */
export function explanationOf(result: EvaluationResult): string[] {
  return result.explanation.map((s) => s.text.replaceAll('\u00A0', ' '));
}

/** A list of `n` copies of a value: one per month of a contract-year run. */
export function months<T>(n: number, value: T): T[] {
  return Array.from({ length: n }, () => value);
}

after(() => {
  if (backends.compared > 0 && process.env.BACKENDS) console.log(`fast path answered ${backends.answered} of ${backends.compared}`);
});
