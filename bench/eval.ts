/**
 * Evaluation throughput of four shipped programs: months per second and
 * contract years (12 months, caps accruing) per second, through
 * `program.credit()` (amount, share and cap cuts: billing's call) and
 * `program.evaluate()` (the full result with breakdown and explanation).
 * Inputs are plain JS numbers from bench/inputs.ts, a different one each call.
 * And the largest block the limits allow (4,990 tiers): milliseconds per
 * month and per year of each call — what the widget builds in idle time.
 */
import { compile } from '../lib/index.js';
import { compare, count, ratio, table, type Rate, type Settings } from './harness.js';
import * as workloads from './inputs.js';
import { LARGE_TIERS } from './large-programs.js';
import { example } from './programs.js';
import { tierBlock } from '../test/fuzz/worst-case.js';

export interface EvalFigure {
  readonly program: string;
  readonly call: 'credit' | 'evaluate';
  /** Months per second and contract years per second (medians); null where the call does not apply. */
  readonly monthsPerSecond: number | null;
  readonly yearsPerSecond: number | null;
  readonly month: Rate | null;
  readonly year: Rate | null;
  /** credit() ÷ evaluate() throughput, measured in the same rounds (1 for evaluate itself). */
  readonly monthRatio: number | null;
  readonly yearRatio: number | null;
}

const PROGRAMS = [
  { file: 'uptime-tiers.credit', what: 'uptime table (3 tiers, monthly cap)', workload: workloads.uptime, credits: true },
  { file: 'support-sla.credit', what: 'support SLA (tiers, proportional rules, caps)', workload: workloads.support, credits: true },
  { file: 'points.credit', what: 'points agreement (points, point caps)', workload: workloads.points, credits: true },
  { file: 'support-roi.credit', what: 'ROI calculator (lets and outputs)', workload: workloads.roi, credits: false },
] as const;

/** Values of `a` for the largest block: tiers above and below, a different one each call. */
const LARGE_VALUES = ['50.05%', '12%', '99.95%', '0.1%', '70%', '33.3%', '81%', '5%'];

export async function evalSection(settings: Settings, log: (text: string) => void): Promise<EvalFigure[]> {
  const figures: EvalFigure[] = [];
  const largeName = `${LARGE_TIERS.toLocaleString('en')} tiers in one block`;
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
    const month = (call: 'credit' | 'evaluate') => (i: number) => program[call](months[i & mask]);
    const year = (call: 'credit' | 'evaluate') => (i: number) => program[call](years[i & yearMask]);
    if (credits) {
      const { rates: [cm, em, cy, ey], ratio: faster } = await compare([month('credit'), month('evaluate'), year('credit'), year('evaluate')], settings);
      figures.push({ program: file, call: 'credit', monthsPerSecond: cm.perSecond, yearsPerSecond: cy.perSecond, month: cm, year: cy, monthRatio: faster(0, 1), yearRatio: faster(2, 3) });
      figures.push({ program: file, call: 'evaluate', monthsPerSecond: em.perSecond, yearsPerSecond: ey.perSecond, month: em, year: ey, monthRatio: 1, yearRatio: 1 });
    } else {
      // The ROI calculator has no credit rules: `credit()` would only say 0.
      const { rates: [em, ey] } = await compare([month('evaluate'), year('evaluate')], settings);
      figures.push({ program: file, call: 'credit', monthsPerSecond: null, yearsPerSecond: null, month: null, year: null, monthRatio: null, yearRatio: null });
      figures.push({ program: file, call: 'evaluate', monthsPerSecond: em.perSecond, yearsPerSecond: ey.perSecond, month: em, year: ey, monthRatio: 1, yearRatio: 1 });
    }
  }

  const rows = PROGRAMS.flatMap(({ file, what }) => {
    const c = figures.find((f) => f.program === file && f.call === 'credit')!;
    const e = figures.find((f) => f.program === file && f.call === 'evaluate')!;
    const cell = (n: number | null) => (n === null ? 'n/a (no credits)' : `${count(n)}/s`);
    return [[`${file} — ${what}`, cell(c.monthsPerSecond), cell(e.monthsPerSecond), c.monthRatio === null ? '–' : ratio(c.monthRatio), cell(c.yearsPerSecond), cell(e.yearsPerSecond), c.yearRatio === null ? '–' : ratio(c.yearRatio)]];
  });
  const large = compile(tierBlock(LARGE_TIERS)).program!;
  const monthOf = (i: number) => ({ a: LARGE_VALUES[i % LARGE_VALUES.length] });
  const yearOf = (i: number) => ({ a: Array.from({ length: 12 }, (_, m) => LARGE_VALUES[(i + m) % LARGE_VALUES.length]) });
  const { rates: [cm, em, cy, ey], ratio: faster } = await compare([
    (i) => large.credit(monthOf(i)), (i) => large.evaluate(monthOf(i)), (i) => large.credit(yearOf(i)), (i) => large.evaluate(yearOf(i)),
  ], settings);
  figures.push({ program: largeName, call: 'credit', monthsPerSecond: cm.perSecond, yearsPerSecond: cy.perSecond, month: cm, year: cy, monthRatio: faster(0, 1), yearRatio: faster(2, 3) });
  figures.push({ program: largeName, call: 'evaluate', monthsPerSecond: em.perSecond, yearsPerSecond: ey.perSecond, month: em, year: ey, monthRatio: 1, yearRatio: 1 });

  log(table(
    `Evaluation throughput (medians of ${settings.runs} interleaved runs; credit÷evaluate = median of per-round ratios; inputs: ${workloads.SIZE} realistic months as JS numbers, years of 12 of them)`,
    ['program', 'months credit()', 'months evaluate()', 'credit÷evaluate', 'years credit()', 'years evaluate()', 'credit÷evaluate'],
    rows,
  ));
  const ms = (r: Rate) => `${(r.microseconds / 1000).toFixed(2)} ms`;
  log(table(
    `The largest block the limits allow (${largeName}): time per call (medians of ${settings.runs} interleaved runs)`,
    ['call', 'a month', 'a year (12 months)'],
    [['credit() (the fast path)', ms(cm), ms(cy)], ['evaluate() (breakdown and explanation)', ms(em), ms(ey)], ['evaluate()\'s time ÷ credit()\'s', ratio(faster(0, 1)), ratio(faster(2, 3))]],
  ));
  return figures;
}
