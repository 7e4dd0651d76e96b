/**
 * credit-rules/runtime: running precompiled programs — the JSON of
 * `credit-rules compile` or `program.toJSON()` — without the parser, in as
 * little code as a calculator page can load. `loadProgram`, then
 * `program.evaluate()` (the full result with its explanation) or
 * `program.credit()` (the credit alone), both in exact decimals. For billing
 * volumes, load through the package entry (`credit-rules`), whose programs
 * add a fixed-point fast path to `credit()` with identical results. Numbers
 * cross this API as decimal strings.
 */
import { loadProgram as load, loadProgramInSteps as loadInSteps, Program, type LoadResult } from './language/program.js';

export { Program };
export { addAmounts } from './language/decimal.js';
/** The documented limits of untrusted rules text: characters, lines, nesting, nodes. */
export { LIMITS } from './language/limits.js';
export { formatClaimPeriod, formatMoney, formatNumber, formatPercent, formatQuantity } from './language/render/format.js';
/** A label in the reader's language: `labelIn(input.label, input.translations, 'de')`. */
export { labelIn, periodsInYear } from './language/ast.js';
/** Why a result is what it is, in sentences a visitor reads (English, German), built from the labels. */
export { whyInWords, type WhyContext } from './language/render/why.js';

/** Loads a precompiled program; a damaged or foreign file gives a diagnostic that says so. */
export function loadProgram(json: unknown): LoadResult {
  return load(json, (checked) => new Program(checked));
}

/** `loadProgram` in steps (it yields between them), for a page that reads a large program in idle time. */
export function loadProgramInSteps(json: unknown): Generator<void, LoadResult, void> {
  return loadInSteps(json, (checked) => new Program(checked));
}

export type {
  ClaimInfo, CreditInfo, CreditOutcome, CreditSummary, CutSummary, ExampleInfo, InputInfo, LoadResult, OutputInfo, PayoutInfo, PrecompiledProgram,
} from './language/program.js';
export type { Diagnostic, Severity } from './language/diagnostics.js';
export type { Position, Span } from './language/source.js';
export type { InputValue, InputValues } from './language/evaluate/inputs.js';
export type {
  Amount, CapCut, CreditLine, Display, Evaluation, EvaluationResult, MonthResult, Step, TierOutcome, YearResult,
} from './language/evaluate/results.js';
export type { RunOptions } from './language/evaluate/run.js';
export type { Lang } from './language/render/format.js';
export type { DurationUnit, InputKind, Kind, Period, Translations } from './language/ast.js';
