/**
 * Evaluation throughput of four shipped programs: months per second and
 * contract years (12 months, caps accruing) per second, through
 * `program.credit()` (amount, share and cap cuts: billing's call) and
 * `program.evaluate()` (the full result with breakdown and explanation).
 * Inputs are plain JS numbers from bench/inputs.ts, a different one each call.
 */
import { compile } from '../lib/index.js';
import { count, measure, ratio, table, type Rate, type Settings } from './harness.js';
import * as workloads from './inputs.js';
import { example } from './programs.js';

export interface EvalFigure {
  readonly program: string;
  readonly call: 'credit' | 'evaluate';
  /** Months per second and contract years per second (medians); null where the call does not apply. */
  readonly monthsPerSecond: number | null;
  readonly yearsPerSecond: number | null;
  readonly month: Rate | null;
  readonly year: Rate | null;
}

const PROGRAMS = [
  { file: 'uptime-tiers.credit', what: 'uptime table (3 tiers, monthly cap)', workload: workloads.uptime, credits: true },
  { file: 'support-sla.credit', what: 'support SLA (tiers, proportional rules, caps)', workload: workloads.support, credits: true },
  { file: 'points.credit', what: 'points agreement (points, point caps)', workload: workloads.points, credits: true },
  { file: 'support-roi.credit', what: 'ROI calculator (lets and outputs)', workload: workloads.roi, credits: false },
] as const;

export function evalSection(settings: Settings, log: (text: string) => void): EvalFigure[] {
  const figures: EvalFigure[] = [];
  for (const { file, workload, credits } of PROGRAMS) {
    const program = compile(example(file)).program!;
    const { months, years } = workload;
    // Every input must be valid, or the figure would time the error path.
    for (const values of [...months, ...years]) {
      const outcome = program.evaluate(values);
      if (!outcome.ok) throw new Error(`${file}: ${outcome.diagnostics[0].message} for ${JSON.stringify(values)}`);
    }
    const mask = months.length - 1;
    const yearMask = years.length - 1;
    if (credits) {
      const month = measure((i) => program.credit(months[i & mask]), settings);
      const year = measure((i) => program.credit(years[i & yearMask]), settings);
      figures.push({ program: file, call: 'credit', monthsPerSecond: month.perSecond, yearsPerSecond: year.perSecond, month, year });
    } else {
      // The ROI calculator has no credit rules: `credit()` would only say 0.
      figures.push({ program: file, call: 'credit', monthsPerSecond: null, yearsPerSecond: null, month: null, year: null });
    }
    const month = measure((i) => program.evaluate(months[i & mask]), settings);
    const year = measure((i) => program.evaluate(years[i & yearMask]), settings);
    figures.push({ program: file, call: 'evaluate', monthsPerSecond: month.perSecond, yearsPerSecond: year.perSecond, month, year });
  }

  const rows = PROGRAMS.flatMap(({ file, what }) => {
    const c = figures.find((f) => f.program === file && f.call === 'credit')!;
    const e = figures.find((f) => f.program === file && f.call === 'evaluate')!;
    const speedup = (a: number | null, b: number | null) => (a && b ? ratio(a / b) : '–');
    const cell = (n: number | null) => (n === null ? 'n/a (no credits)' : `${count(n)}/s`);
    return [[`${file} — ${what}`, cell(c.monthsPerSecond), cell(e.monthsPerSecond), speedup(c.monthsPerSecond, e.monthsPerSecond), cell(c.yearsPerSecond), cell(e.yearsPerSecond), speedup(c.yearsPerSecond, e.yearsPerSecond)]];
  });
  log(table(
    `Evaluation throughput (medians of ${settings.runs} runs; inputs: ${workloads.SIZE} realistic months as JS numbers, years of 12 of them)`,
    ['program', 'months credit()', 'months evaluate()', 'credit÷evaluate', 'years credit()', 'years evaluate()', 'credit÷evaluate'],
    rows,
  ));
  return figures;
}
