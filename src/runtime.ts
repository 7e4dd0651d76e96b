/**
 * credit-rules/runtime: precompiled programs without the parser. A page or a
 * service that ships `credit-rules compile` output loads it with `loadProgram`
 * and never bundles Chevrotain or the checker. (Placeholder body: the full
 * runtime entry is written on main; this re-exports what it will hold.)
 */
export { loadProgram, Program } from './index.js';
export type {
  CompileResult, CreditInfo, CreditOutcome, CreditSummary, CutSummary, ExampleInfo, InputInfo, OutputInfo, PrecompiledProgram,
  Diagnostic, Severity, Position, Span, ExampleResult, ExpectationResult, InputValue, InputValues,
  Amount, CapCut, CreditLine, Display, Evaluation, EvaluationResult, MonthResult, Step, TierOutcome, YearResult,
  RunOptions, Lang, DurationUnit, InputKind, Kind, Period,
} from './index.js';
