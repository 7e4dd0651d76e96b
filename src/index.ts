/**
 * credit-rules: the full package entry, for drafting and billing. Everything
 * of the runtime (`credit-rules/runtime`), and besides: `compile(source)`,
 * and programs that render their clause text in English and German, run
 * their `example` lines as tests, and compute `credit()` on a fixed-point
 * fast path where that is provably exact.
 */
import { lintInSteps } from './language/checker/lints.js';
import { compileInSteps as stepsOf, type Compiled } from './language/compile.js';
import { finish } from './language/plan/steps.js';
import { Program } from './language/full-program.js';
import { loadProgram as load, type LoadResult } from './language/program.js';

export * from './runtime.js';
export { Program };
export { renderClause } from './language/render/clause.js';
export * from './language-service.js';
export type { ExampleResult, ExpectationResult } from './language/evaluate/examples.js';

export type CompileResult = Compiled<Program>;

/** Compiles rules text: diagnostics (with the drafting warnings) and, when there are no errors, a `Program`. */
export function compile(source: string): CompileResult {
  return finish(compileInSteps(source));
}

/**
 * `compile` in steps, a generator that yields between them (lexing, parsing,
 * the syntax tree, names, kinds, each kind of drafting warning, the program):
 * a page without a worker compiles a large draft over several idle tasks.
 */
export function compileInSteps(source: string): Generator<void, CompileResult, void> {
  return stepsOf(source, (checked, diagnostics) => new Program(checked, diagnostics), lintInSteps);
}

/** Loads a precompiled program (as the runtime's `loadProgram` does), as a `Program` of this entry. */
export function loadProgram(json: unknown): LoadResult<Program> {
  return load(json, (checked) => new Program(checked));
}
