/**
 * The robustness property, shared by the regular suite and `scripts/fuzz.ts`:
 * whatever the text and the values, every stage returns (never throws), and
 * every diagnostic's range lies inside the text with line and column that
 * agree with its offsets.
 */
import fc from 'fast-check';
import { compile, type Diagnostic, type InputValues } from '../../src/index.js';
import { basePrograms, hostileValuesArb, sourceArb } from './arbitraries.js';

/** Line and column (1-based) of an offset, computed the slow, obvious way. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Throws (an assertion message) when a diagnostic's range or position is outside or inconsistent with `source`. */
export function checkDiagnostics(source: string, diagnostics: readonly Diagnostic[], where: string): void {
  if (!Array.isArray(diagnostics)) throw new Error(`${where}: diagnostics is not an array`);
  const checkOne = (d: { span: { start: number; end: number }; start?: { line: number; column: number }; end?: { line: number; column: number } }, what: string) => {
    const { start, end } = d.span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > source.length) {
      throw new Error(`${where}: ${what} has span ${start}..${end} outside 0..${source.length}`);
    }
    if (!d.start || !d.end) throw new Error(`${where}: ${what} has no line/column`);
    const s = positionOf(source, start);
    const e = positionOf(source, end);
    if (d.start.line !== s.line || d.start.column !== s.column || d.end.line !== e.line || d.end.column !== e.column) {
      throw new Error(`${where}: ${what} at ${start}..${end} says ${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}, expected ${s.line}:${s.column}-${e.line}:${e.column}`);
    }
  };
  for (const d of diagnostics) {
    const what = `diagnostic ${d.code} "${d.message}"`;
    if (!['error', 'warning', 'info'].includes(d.severity) || typeof d.code !== 'string' || typeof d.message !== 'string' || d.message === '') {
      throw new Error(`${where}: malformed diagnostic ${JSON.stringify(d)}`);
    }
    checkOne(d, what);
    for (const r of d.related ?? []) checkOne(r, `related information of ${what}`);
  }
}

/** Everything a host may do with a text and values: compile, evaluate, run examples, render. */
export function exercise(source: string, values: InputValues): void {
  const compiled = compile(source);
  checkDiagnostics(source, compiled.diagnostics, 'compile');
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && compiled.program) throw new Error('compile: a program was produced despite errors');
  if (errors.length === 0 && !compiled.program) throw new Error('compile: no program and no error');
  const program = compiled.program;
  if (!program) return;
  // One language per case (chosen by the text, so a case repeats exactly); both are covered over a run.
  for (const lang of [source.length % 2 === 0 ? 'en' : 'de'] as const) {
    const evaluation = program.evaluate(values, { lang });
    if (typeof evaluation.ok !== 'boolean') throw new Error('evaluate: no ok flag');
    checkDiagnostics(source, evaluation.diagnostics, 'evaluate');
    if (!evaluation.ok && !evaluation.diagnostics.some((d) => d.severity === 'error')) throw new Error('evaluate: failed without an error');
    if (evaluation.ok) JSON.stringify(evaluation.result);
  }
  // The defaults alone, and the program's own examples and clause text.
  const defaults = program.evaluate({});
  checkDiagnostics(source, defaults.diagnostics, 'evaluate with defaults');
  // Examples are the slow part (a text may hold dozens); every third text runs them.
  if (source.length % 3 === 0) for (const example of program.runExamples()) JSON.stringify(example);
  program.render(source.length % 2 === 0 ? 'de' : 'en');
}

export interface Case {
  readonly source: string;
  readonly values: InputValues;
}

/** A text, and values that name its inputs (as far as a quick look at the text finds them). */
export function caseArb(bases: readonly string[] = basePrograms()): fc.Arbitrary<Case> {
  return sourceArb(bases).chain((source) => {
    const names = [...new Set([...source.matchAll(/\binput\s+([A-Za-z][A-Za-z0-9_]*)/g)].map((m) => m[1]))];
    const implicit = ['availability', 'a', 'uptime'];
    return hostileValuesArb(names.length > 0 ? names : implicit).map((values) => ({ source, values }));
  });
}

/** The property: holds, or throws with the message of what went wrong. */
export function robustnessProperty(bases?: readonly string[], onCase?: (c: Case, ms: number) => void) {
  return fc.property(caseArb(bases), (c) => {
    const started = performance.now();
    exercise(c.source, c.values);
    onCase?.(c, performance.now() - started);
  });
}
