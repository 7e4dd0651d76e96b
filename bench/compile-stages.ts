/**
 * Where a compile's time goes, stage by stage (the stages of bench/stages.ts),
 * for the largest programs the limits allow (bench/large-programs.ts);
 * medians of warm runs. The previous run's total (bench/results.json) stands
 * beside this run's, so a change shows as before and after in one table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../lib/index.js';
import { duration, median, table, type Settings } from './harness.js';
import { largePrograms } from './large-programs.js';
import { root } from './programs.js';
import { STAGES, stageTimes, type Stage } from './stages.js';

export interface StageFigure {
  readonly program: string;
  /** Median milliseconds per stage. */
  readonly stages: Readonly<Record<Stage, number>>;
  readonly totalMs: number;
  /** The whole `compile(source)`, timed as one call. */
  readonly compileMs: number;
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
      const sample = stageTimes(source);
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
