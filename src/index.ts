/**
 * credit-rules: the public API. `compile(source)` returns diagnostics and,
 * when there are no errors, a `Program`; `loadProgram(json)` loads a
 * precompiled one without the parser. Numbers cross this API as decimal strings.
 */
import { compile as compileWith } from './language/compile.js';
import { loadProgram as load, type CompileResult, type ProgramServices } from './language/program.js';
import { runExample } from './language/evaluate/examples.js';
import { planFixed } from './language/evaluate/fixed.js';
import { renderClause } from './language/render/clause.js';

/** Programs of the package entry render clauses, run their examples, and compute credits in fixed point where that is exact. */
const services: ProgramServices = { render: renderClause, fastPath: planFixed, runExample };

export { Program } from './language/program.js';
export { renderClause };
export { formatMoney, formatNumber, formatPercent, formatQuantity } from './language/render/format.js';

/** Loads a precompiled program (the JSON of `credit-rules compile`, or `program.toJSON()`) without the parser. */
export function loadProgram(json: unknown): CompileResult {
  return load(json, services);
}

/** Compiles rules text: diagnostics and, when there are no errors, a `Program`. */
export function compile(source: string): CompileResult {
  return compileWith(source, services);
}
export type {
  CompileResult, CreditInfo, CreditOutcome, CreditSummary, CutSummary, ExampleInfo, InputInfo, OutputInfo, PrecompiledProgram,
} from './language/program.js';
export type { Diagnostic, Severity } from './language/diagnostics.js';
export type { Position, Span } from './language/source.js';
export type { ExampleResult, ExpectationResult } from './language/evaluate/examples.js';
export type { InputValue, InputValues } from './language/evaluate/inputs.js';
export type {
  Amount, CapCut, CreditLine, Display, Evaluation, EvaluationResult, MonthResult, Step, TierOutcome, YearResult,
} from './language/evaluate/results.js';
export type { RunOptions } from './language/evaluate/run.js';
export type { Lang } from './language/render/format.js';
export type { DurationUnit, InputKind, Kind, Period } from './language/ast.js';
