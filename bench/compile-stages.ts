/**
 * Where a compile's time goes, stage by stage, for the largest programs the
 * limits allow (bench/large-programs.ts): Chevrotain's lexer and the layout
 * pass, the parser, the AST builder, names and kinds, the drafting lints,
 * line/column positions for the diagnostics (`locate`), the `Program`, and
 * the first `credit()` (which lowers the plan and plans the fast path). Each
 * stage is timed on its own, as `analyze` and `compileInto` run it; medians
 * of warm runs. The previous run's total (bench/results.json) stands beside
 * this run's, so a change shows as before and after in one table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type Program } from '../lib/index.js';
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
import { duration, median, table, type Settings } from './harness.js';
import { sampleValues } from './compile.js';
import { largePrograms } from './large-programs.js';
import { root } from './programs.js';

export const STAGES = ['lex', 'parse', 'ast', 'names and kinds', 'lints', 'locate', 'program', 'first credit'] as const;
type Stage = (typeof STAGES)[number];

export interface StageFigure {
  readonly program: string;
  /** Median milliseconds per stage. */
  readonly stages: Readonly<Record<Stage, number>>;
  readonly totalMs: number;
  /** The whole `compile(source)`, timed as one call. */
  readonly compileMs: number;
}

function once(source: string): Record<Stage, number> {
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

function previousTotals(): Map<string, number> {
  try {
    const results = JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as { compileStages?: { figures: StageFigure[] } };
    return new Map((results.compileStages?.figures ?? []).map((f) => [f.program, f.compileMs]));
  } catch {
    return new Map();
  }
}

export function compileStagesSection(settings: Settings, scratch: string, log: (text: string) => void): { figures: StageFigure[] } {
  const previous = previousTotals();
  const figures: StageFigure[] = [];
  const runs = Math.max(5, Math.min(settings.runs, 15));
  for (const { name, source } of largePrograms(scratch)) {
    const samples: Record<Stage, number>[] = [];
    const compiles: number[] = [];
    for (let r = 0; r < runs + 2; r++) {
      const sample = once(source);
      const start = performance.now();
      compile(source);
      if (r >= 2) { // two warm-ups
        samples.push(sample);
        compiles.push(performance.now() - start);
      }
    }
    const stages = Object.fromEntries(STAGES.map((s) => [s, median(samples.map((x) => x[s]))])) as Record<Stage, number>;
    figures.push({ program: name, stages, totalMs: STAGES.reduce((sum, s) => sum + stages[s], 0), compileMs: median(compiles) });
  }
  log(table(
    `Compile stages of the largest programs (warm medians of ${runs} runs; "previous" is compile() in the last bench/results.json)`,
    ['program', ...STAGES, 'compile()', 'previous compile()'],
    figures.map((f) => [f.program, ...STAGES.map((s) => duration(f.stages[s])), duration(f.compileMs), previous.has(f.program) ? duration(previous.get(f.program)!) : '—']),
  ));
  return { figures };
}
