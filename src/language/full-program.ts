/**
 * A program as the full package entry (`credit-rules`) gives it: everything
 * the runtime's `Program` does, and what drafting needs besides — its
 * `example` lines run as tests, and its clause text. Kept apart so that the
 * runtime entry, which bills and calculates, carries none of that code.
 */
import type { CheckedProgram } from './checker/program.js';
import type { Diagnostic } from './diagnostics.js';
import { planFixed } from './evaluate/fixed.js';
import { runExample, type ExampleResult } from './evaluate/examples.js';
import type { RunOptions } from './evaluate/run.js';
import { Program as RuntimeProgram } from './program.js';
import { renderClauseParts, type ClausePart } from './render/clause.js';
import type { Lang } from './render/format.js';

export class Program extends RuntimeProgram {
  constructor(checked: CheckedProgram, diagnostics: readonly Diagnostic[] = []) {
    super(checked, diagnostics, planFixed);
  }

  /** Runs every `example` of the program. */
  runExamples(options: RunOptions = {}): ExampleResult[] {
    return this.checked.ast.statements.flatMap((s) => (s.type === 'example' ? [runExample(this, s, options)] : []));
  }

  /**
   * The clause text for the contract. Its worked examples state what the
   * rules compute: an example whose expectation differs (from `examples`,
   * else run here) is written with the computed amounts, never as fact.
   */
  render(lang: Lang = 'en', examples: readonly ExampleResult[] = this.runExamples()): string {
    return this.renderParts(lang, examples).map((part) => part.text).join('');
  }

  /**
   * The clause text line by line, each line (its newline included) with the
   * source spans of the statements it states — none for headings and blank
   * lines. Joined, exactly `render(lang, examples)`.
   */
  renderParts(lang: Lang = 'en', examples: readonly ExampleResult[] = this.runExamples()): ClausePart[] {
    const computed = examples.map((e) => ({ passed: e.passed, actual: e.expectations.map((x) => (x.actual === 'no result' || x.actual === 'no value' ? undefined : x.actual)) }));
    return renderClauseParts(this.checked, lang, { examples: computed });
  }
}
