/**
 * One compile taken apart into its stages, as `analyzeInSteps` and `compileInSteps`
 * run them: Chevrotain's lexer with the layout pass, the parser, the AST
 * builder, names and kinds, the drafting lints, line/column positions for the
 * diagnostics (`locate`), the `Program`, and the first `credit()` (which
 * lowers the plan and plans the fast path). The one definition of the stages
 * for the bench's table (compile-stages.ts) and for
 * `scripts/compile-stages.ts`, which bundles this file for Node and Chromium:
 * so no Node or DOM imports. It times the built library (`lib/`), as the
 * bench does: run through tsx, the sources would be timed with tsx's
 * `keepNames` transform, which makes the Chevrotain grammar markedly slower
 * than it is in any real build.
 */
import { compile, type InputValues, type Program } from '../lib/index.js';
import { AstBuilder } from '../lib/language/ast-builder.js';
import { KindChecker } from '../lib/language/checker/kinds.js';
import { lint } from '../lib/language/checker/lints.js';
import { resolveNames } from '../lib/language/checker/names.js';
import { PROGRAM_FORMAT, type CheckedProgram } from '../lib/language/checker/program.js';
import { locate, type Problem } from '../lib/language/diagnostics.js';
import { Program as FullProgram } from '../lib/language/full-program.js';
import { lex } from '../lib/language/lexer.js';
import { parseTokens } from '../lib/language/parser.js';
import { LineMap } from '../lib/language/source.js';

export const STAGES = ['lex', 'parse', 'ast', 'names and kinds', 'lints', 'locate', 'program', 'first credit'] as const;
export type Stage = (typeof STAGES)[number];

/** A value for every input without a default (one item for a list input), so `credit()` runs (bench/cold-compile.mjs has a copy). */
export function sampleValues(p: Program): InputValues {
  const sample = { percent: '99.5', money: '1000', duration: '1', number: '1', boolean: false } as const;
  return Object.fromEntries(p.inputs.filter((i) => i.default === undefined).map((i) => [i.name, i.name === 'fee' ? '1000 EUR' : i.list ? [sample[i.kind]] : sample[i.kind]]));
}

/** One compile of `source`, stage by stage: milliseconds per stage. */
export function stageTimes(source: string): Record<Stage, number> {
  const times = {} as Record<Stage, number>;
  let at = performance.now();
  const lap = (stage: Stage) => {
    const now = performance.now();
    times[stage] = now - at;
    at = now;
  };
  const lexed = lex(source);
  lap('lex');
  const parsed = parseTokens(lexed.tokens);
  lap('parse');
  const ast = new AstBuilder(source).program(parsed.cst);
  lap('ast');
  const found: Problem[] = [];
  const scope = resolveNames(ast, found);
  const facts = new KindChecker(source, scope, found).check(ast);
  const checked: CheckedProgram = { format: PROGRAM_FORMAT, source, ast, ...facts };
  lap('names and kinds');
  found.push(...lint(checked, scope));
  lap('lints');
  const lines = new LineMap(source);
  const diagnostics = found.map((p) => locate(p, lines));
  lap('locate');
  const program: Program = new FullProgram(checked, diagnostics);
  lap('program');
  program.credit(sampleValues(program));
  lap('first credit');
  return times;
}

export interface StageTimings {
  readonly characters: number;
  readonly tokens: number;
  readonly diagnostics: number;
  /** Stage name, and `compile()` as one call → milliseconds (the fastest run). */
  readonly stages: Readonly<Record<Stage | 'compile()', number>>;
}

/**
 * The fastest of `runs` compiles of `text` after a warm-up, stage by stage
 * and as one `compile()`: on a shared machine the least disturbed run is the
 * best estimate of the work.
 */
export function fastestStageTimes(text: string, runs = 60): StageTimings {
  // Warm-up: the JIT and Chevrotain's lookahead caches.
  for (let i = 0; i < 20; i++) compile(text);
  const best = Object.fromEntries([...STAGES, 'compile()'].map((s) => [s, Infinity])) as Record<Stage | 'compile()', number>;
  for (let i = 0; i < runs; i++) {
    const times = stageTimes(text);
    for (const s of STAGES) best[s] = Math.min(best[s], times[s]);
    const start = performance.now();
    compile(text);
    best['compile()'] = Math.min(best['compile()'], performance.now() - start);
  }
  return { characters: text.length, tokens: lex(text).tokens.length, diagnostics: compile(text).diagnostics.length, stages: best };
}
