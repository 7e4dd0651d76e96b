/**
 * credit-rules/compiler: rules text into a runnable program, for calculators
 * that take their rules as text (`<credit-calculator>` does). The program is
 * the runtime's (`credit-rules/runtime`): it evaluates and computes credits,
 * but does not render clauses or run examples — that is the package entry's
 * (`credit-rules`), for drafting and billing.
 */
import { compileInSteps as stepsOf, type Compiled } from './language/compile.js';
import { parserInstance, parserReady } from './language/parser.js';
import { finish } from './language/plan/steps.js';
import { Program } from './language/program.js';

export type CompileResult = Compiled<Program>;

/**
 * Compiles rules text: diagnostics and, when there are no errors, a
 * `Program`. The drafting warnings (of `credit-rules`' `compile`, `credit-rules
 * check` and the playground) are left out: a calculator does not show them,
 * and without them its page loads less.
 */
export function compile(source: string): CompileResult {
  return finish(compileInSteps(source));
}

/**
 * `compile` in steps, a generator that yields between them (building the
 * parser the first time, lexing, parsing, the syntax tree, names, kinds, the
 * program): a page without a worker
 * compiles large rules over several idle tasks. Parsing stays one step.
 */
export function compileInSteps(source: string): Generator<void, CompileResult, void> {
  return stepsOf(source, (checked, diagnostics) => new Program(checked, diagnostics));
}

/** Whether the parser is built: the first compile builds it. */
export { parserReady };

/**
 * Builds the parser (Chevrotain's analysis of the grammar: 20–60 ms in
 * Chromium), which the first compile does otherwise: a page spreads its
 * first compile over tasks.
 */
export function prepareParser(): void {
  parserInstance();
}
