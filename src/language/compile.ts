/**
 * Compiling: the front end (`analyze`) and then a program, made by the entry
 * that asks — the runtime's `Program`, or the full entry's, which also
 * renders clauses, runs examples and adds the drafting warnings. Users'
 * mistakes are returned, never thrown.
 */
import { analyzeInSteps } from './analyze.js';
import type { Lint } from './checker/index.js';
import type { CheckedProgram } from './checker/program.js';
import { locate, type Diagnostic } from './diagnostics.js';
import { LineMap } from './source.js';

export interface Compiled<P> {
  readonly diagnostics: readonly Diagnostic[];
  /** Present when there are no errors. */
  readonly program?: P;
}

/**
 * Compiles `source` in steps (`analyzeInSteps`'s, then the diagnostics' positions and the
 * program `make` makes); `finish` runs it at once.
 */
export function* compileInSteps<P>(source: string, make: (checked: CheckedProgram, diagnostics: readonly Diagnostic[]) => P, lint?: Lint): Generator<void, Compiled<P>, void> {
  const analysis = yield* analyzeInSteps(source, lint);
  yield;
  const lines = new LineMap(source);
  const diagnostics = analysis.problems.map((p) => locate(p, lines));
  return { diagnostics, ...(analysis.program ? { program: make(analysis.program, diagnostics) } : {}) };
}
