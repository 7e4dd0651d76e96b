/**
 * The same computation in other engines, side by side: the three-tier uptime
 * table (below 99.99 % → 10 %, below 99.0 % → 30 %, below 95.0 % → 100 %; the
 * highest tier wins), credit = share × monthly fee rounded half up to cents,
 * a contract year = the 12 rounded months summed. Each peer is written the way
 * its documentation suggests (rules parsed/compiled once, outside the loop);
 * the year sum is done in the peer's own number type. The exactness column
 * compares each engine's raw result — before any display formatting — with
 * ours, on inputs where binary floating point goes wrong.
 *
 * The engines are timed in a fresh Node process of their own (this file run
 * as a script), so that none inherits the JIT state of the sections before.
 * A second process first runs three other shipped programs through
 * `credit()`, as a billing service with many contracts would: our code is
 * shared by all programs, the peers' compiled expressions are not, so that
 * figure is ours under the least favourable conditions.
 */
import { Environment } from '@marcbachmann/cel-js';
import { Decimal } from 'decimal.js';
import { compileExpression } from 'filtrex';
import { Engine as RulesEngine } from 'json-rules-engine';
import { all, create } from 'mathjs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compile } from '../lib/index.js';
import { compare, consume, count, ratio, table, type Rate, type Settings } from './harness.js';
import { points, support, uptime } from './inputs.js';
import { example, root } from './programs.js';

/** The table as a credit-rules program: the fee an input in USD, no caps. */
export const TIERS = `fee 1_000 USD monthly "Monthly charges"
input availability: percent "Monthly Uptime Percentage" default 99.99% range 0%..100% step 0.01%

credit "Region availability":
  if availability < 99.99% then 10%
  if availability < 99.0% then 30%
  if availability < 95.0% then 100%
`;

type Result = number | string | { toString(): string };

interface Peer {
  readonly name: string;
  readonly how: string;
  readonly month: (availability: number, fee: number) => Result | Promise<Result>;
  readonly year: (availability: readonly number[], fee: number) => Result | Promise<Result>;
}

/** What most code does to round a float to cents. */
const floatCents = (x: number) => Math.round(x * 100) / 100;

function ours(call: 'credit' | 'evaluate'): Peer {
  const program = compile(TIERS).program!;
  const amount = (values: { availability: number | readonly number[]; fee: number }) => {
    if (call === 'credit') {
      const outcome = program.credit(values);
      if (!outcome.ok) throw new Error(outcome.diagnostics[0].message);
      return outcome.credit.amount;
    }
    const outcome = program.evaluate(values);
    if (!outcome.ok) throw new Error(outcome.diagnostics[0].message);
    return outcome.result.credit.amount;
  };
  return {
    name: `credit-rules ${call}()`,
    how: call === 'credit' ? 'the credit alone' : 'full result with explanation',
    month: (availability, fee) => amount({ availability, fee }),
    year: (availability, fee) => amount({ availability, fee }),
  };
}

function jsonRulesEngine(): Peer {
  const engine = new RulesEngine();
  for (const [below, share] of [[99.99, 0.1], [99.0, 0.3], [95.0, 1]] as const) {
    engine.addRule({ conditions: { all: [{ fact: 'availability', operator: 'lessThan', value: below }] }, event: { type: 'credit', params: { share } } });
  }
  const month = async (availability: number, fee: number) => {
    const { events } = await engine.run({ availability });
    const share = events.reduce((max, e) => Math.max(max, e.params?.share as number), 0);
    return floatCents(fee * share);
  };
  return {
    name: 'json-rules-engine 7.3',
    how: '3 rules, highest event wins; float, Math.round cents',
    month,
    year: async (availability, fee) => {
      let total = 0;
      for (const a of availability) total += await month(a, fee);
      return total;
    },
  };
}

function filtrex(): Peer {
  const credit = compileExpression('round(fee * (if availability < 95 then 1 else if availability < 99 then 0.3 else if availability < 99.99 then 0.1 else 0) * 100) / 100');
  const month = (availability: number, fee: number) => credit({ availability, fee }) as number;
  return {
    name: 'filtrex 3.1',
    how: 'one compiled expression; float',
    month,
    year: (availability, fee) => availability.reduce((total, a) => total + month(a, fee), 0),
  };
}

function cel(): Peer {
  const env = new Environment()
    .registerVariable('availability', 'double')
    .registerVariable('fee', 'double')
    .registerFunction('cents(double): double', floatCents);
  const credit = env.parse('cents(fee * (availability < 95.0 ? 1.0 : availability < 99.0 ? 0.3 : availability < 99.99 ? 0.1 : 0.0))');
  const month = (availability: number, fee: number) => credit({ availability, fee }) as number;
  return {
    name: '@marcbachmann/cel-js 8.0',
    how: 'one parsed expression; double, cents() registered',
    month,
    year: (availability, fee) => availability.reduce((total, a) => total + month(a, fee), 0),
  };
}

function mathjs(): Peer {
  const math = create(all, { number: 'BigNumber', precision: 34 });
  const credit = math.compile('round(fee * (availability < 95 ? 1 : availability < 99 ? 0.3 : availability < 99.99 ? 0.1 : 0), 2)');
  const month = (availability: number, fee: number) => credit.evaluate({ availability: math.bignumber(availability), fee: math.bignumber(fee) });
  return {
    name: 'mathjs 15 (BigNumber)',
    how: 'one compiled expression; BigNumber',
    month,
    year: (availability, fee) => availability.reduce((total, a) => math.add(total, month(a, fee)), math.bignumber(0)),
  };
}

function decimalBaseline(): Peer {
  const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
  const [t9999, t99, t95] = [new D('99.99'), new D('99.0'), new D('95.0')];
  const [p10, p30, p100, zero] = [new D('0.1'), new D('0.3'), new D(1), new D(0)];
  const month = (availability: number, fee: number) => {
    const a = new D(availability);
    const share = a.lt(t95) ? p100 : a.lt(t99) ? p30 : a.lt(t9999) ? p10 : zero;
    return new D(fee).times(share).toDecimalPlaces(2);
  };
  return {
    name: 'hand-written decimal.js',
    how: 'Decimal compares and multiply, half up',
    month,
    year: (availability, fee) => availability.reduce((total, a) => total.plus(month(a, fee)), zero),
  };
}

function integerBaseline(): Peer {
  // Inputs have at most two decimals: hundredths of a percent and cents are exact integers.
  const monthCents = (availability: number, feeCents: number) => {
    const a = Math.round(availability * 100);
    const percent = a < 9500 ? 100 : a < 9900 ? 30 : a < 9999 ? 10 : 0;
    return Math.floor((feeCents * percent + 50) / 100);
  };
  const text = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return {
    name: 'hand-written integer cents',
    how: 'integers: hundredths of a percent, cents',
    month: (availability, fee) => text(monthCents(availability, Math.round(fee * 100))),
    year: (availability, fee) => {
      const feeCents = Math.round(fee * 100);
      let total = 0;
      for (const a of availability) total += monthCents(a, feeCents);
      return text(total);
    },
  };
}

/**
 * Inputs where floats go wrong: products that land on a half cent (2.05 × 30 %
 * = 0.615 → 0.62, float 0.6149999…) and year sums of cents (…0.08000000000015),
 * and then the realistic inputs of the throughput figures.
 */
function exactnessCases(): { months: [number, number][]; years: [number[], number][] } {
  const halfCents: [number, number][] = [[98.5, 2.05], [99.5, 1.15], [99.5, 10.05], [98, 4.35], [99.5, 0.05], [98.5, 1.05], [96, 8.15], [99.9, 40.05], [97.25, 0.35], [99.95, 1234.45]];
  const months = [...halfCents, ...uptime.months.slice(0, 256).map((m): [number, number] => [m.availability as number, m.fee as number])];
  const years: [number[], number][] = [
    [[98.5, 99.5, 99.5, 98, 99.5, 98.5, 96, 99.9, 97.25, 99.95, 99.2, 98.8], 1000.8],
    [Array<number>(12).fill(99.5), 33.34],
    [Array<number>(12).fill(98.5), 2.05],
    ...uptime.years.slice(0, 64).map((y): [number[], number] => [y.availability as number[], y.fee as number]),
  ];
  return { months, years };
}

export interface PeerFigure {
  readonly engine: string;
  readonly how: string;
  readonly monthsPerSecond: number;
  readonly yearsPerSecond: number;
  /** Throughput relative to credit-rules credit() in the same run (>1: faster than ours). */
  readonly monthRatio: number;
  readonly yearRatio: number;
  /** Months whose availability billing computed from downtime: doubles with about 14 decimals. */
  readonly billedMonthsPerSecond: number;
  readonly billedMonthRatio: number;
  readonly month: Rate;
  readonly year: Rate;
  readonly exact: boolean;
  readonly differ: number;
  readonly cases: number;
  /** The first month and the first year that differ: inputs, this engine's raw result, ours. */
  readonly differences: readonly { readonly inputs: string; readonly got: string; readonly expected: string }[];
}

/** Times every engine in this process: after other programs' runs when `afterOthers`. */
async function measure(settings: Settings, afterOthers: boolean): Promise<PeerFigure[]> {
  if (afterOthers) runOtherPrograms(settings);
  const peers = [ours('credit'), ours('evaluate'), jsonRulesEngine(), filtrex(), cel(), mathjs(), decimalBaseline(), integerBaseline()];
  const reference = peers[0];
  const cases = exactnessCases();
  const expectedMonths = cases.months.map(([a, f]) => reference.month(a, f) as string);
  const expectedYears = cases.years.map(([a, f]) => reference.year(a, f) as string);

  const months = uptime.months.map((m) => [m.availability as number, m.fee as number] as const);
  const years = uptime.years.map((y) => [y.availability as number[], y.fee as number] as const);
  const mask = months.length - 1;
  const yearMask = years.length - 1;

  const exactness: Pick<PeerFigure, 'exact' | 'differ' | 'cases' | 'differences'>[] = [];
  for (const peer of peers) {
    const months: PeerFigure['differences'][number][] = [];
    const years: PeerFigure['differences'][number][] = [];
    const check = (into: typeof months, got: Result, expected: string, inputs: string) => {
      if (!new Decimal(String(got)).eq(expected)) into.push({ inputs, got: String(got), expected });
    };
    for (const [k, [a, f]] of cases.months.entries()) check(months, await peer.month(a, f), expectedMonths[k], `availability ${a}, fee ${f}`);
    for (const [k, [a, f]] of cases.years.entries()) check(years, await peer.year(a, f), expectedYears[k], `a year of availability ${a.slice(0, 3).join(', ')}, …, fee ${f}`);
    const differ = months.length + years.length;
    exactness.push({ exact: differ === 0, differ, cases: cases.months.length + cases.years.length, differences: [...months.slice(0, 1), ...years.slice(0, 1)] });
  }

  // All engines in one interleaved comparison for months, one for years; ratios against ours (index 0) per round.
  const monthly = await compare(peers.map((peer) => (i: number) => peer.month(...months[i & mask])), settings);
  // The same months as billing computes availability: 100 × (1 − downtime / 43 200 min), a double with many decimals.
  const billed = months.map(([a, f]) => [100 * (1 - ((100 - a) * 432 + 0.37) / 43_200), f] as const);
  const billedMonthly = await compare(peers.map((peer) => (i: number) => peer.month(...billed[i & mask])), settings);
  const yearly = await compare(peers.map((peer) => (i: number) => peer.year(...years[i & yearMask])), settings);
  const figures: PeerFigure[] = peers.map((peer, k) => ({
    engine: peer.name,
    how: peer.how,
    monthsPerSecond: monthly.rates[k].perSecond,
    yearsPerSecond: yearly.rates[k].perSecond,
    monthRatio: monthly.ratio(k, 0),
    yearRatio: yearly.ratio(k, 0),
    billedMonthsPerSecond: billedMonthly.rates[k].perSecond,
    billedMonthRatio: billedMonthly.ratio(k, 0),
    month: monthly.rates[k],
    year: yearly.rates[k],
    ...exactness[k],
  }));
  return figures;
}

/** Other shipped programs through `credit()`, months and years, for a while each. */
function runOtherPrograms(settings: Settings): void {
  const others = [['uptime-tiers.credit', uptime], ['support-sla.credit', support], ['points.credit', points]] as const;
  for (const [file, workload] of others) {
    const program = compile(example(file)).program!;
    const until = performance.now() + 3 * settings.warmupMs;
    for (let i = 0; performance.now() < until; i++) {
      consume(program.credit(workload.months[i & (workload.months.length - 1)]));
      consume(program.credit(workload.years[i & (workload.years.length - 1)]));
    }
  }
}

export interface PeersFigures {
  /** Every engine in a fresh process. */
  readonly figures: readonly PeerFigure[];
  /** Ours and the peers in a process that ran three other programs first. */
  readonly afterOtherPrograms: readonly PeerFigure[];
}

/** Runs this file as a script in a fresh process: its figures. */
function measureApart(settings: Settings, afterOthers: boolean): PeerFigure[] {
  const args = ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), `--settings=${JSON.stringify(settings)}`, ...(afterOthers ? ['--after-other-programs'] : [])];
  const out = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`the peers' process failed (${out.status}): ${out.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(out.stdout.trim().split('\n').pop() ?? '') as PeerFigure[];
}

export async function peersSection(settings: Settings, log: (text: string) => void): Promise<PeersFigures> {
  const figures = measureApart(settings, false);
  const afterOtherPrograms = measureApart(settings, true);
  const cases = figures[0].cases;
  log(table(
    `Peers: the three-tier uptime table, credit = share × fee rounded to cents, year = 12 months summed (medians of ${settings.runs} interleaved runs; ratio = throughput ÷ credit-rules credit() in the same round, median over rounds; >1 is faster)`,
    ['engine', 'months/s', 'ratio', 'years/s', 'ratio', 'exactness', 'how'],
    figures.map((f) => [f.engine, count(f.monthsPerSecond), ratio(f.monthRatio), count(f.yearsPerSecond), ratio(f.yearRatio), f.exact ? 'exact' : `not exact (${f.differ} of ${f.cases} differ)`, f.how]),
  ));
  log(`  exactness: ${cases} cases (months and years): half-cent products, cent sums over a year, realistic inputs; raw results compared as decimals`);
  for (const f of figures) for (const d of f.differences) log(`  ${f.engine}: ${d.inputs} → ${d.got}, exact ${d.expected}`);
  const billedPeer = (name: string) => figures.find((f) => f.engine.startsWith(name))!;
  log(`  billing's doubles (availability = 100 × (1 − downtime / 43 200 min), ~14 decimals): credit() ${count(figures[0].billedMonthsPerSecond)} months/s, ${ratio(figures[0].billedMonthsPerSecond / figures[0].monthsPerSecond)} its speed on two-decimal values (filtrex ${ratio(billedPeer('filtrex').billedMonthRatio)}, cel-js ${ratio(billedPeer('@marcbachmann').billedMonthRatio)} of ours)`);
  const [ours] = afterOtherPrograms;
  const peer = (name: string) => afterOtherPrograms.find((f) => f.engine.startsWith(name))!;
  log(`  in a process that ran uptime-tiers, support-sla and points through credit() first: credit() ${count(ours.monthsPerSecond)} months/s (filtrex ${ratio(peer('filtrex').monthRatio)}, cel-js ${ratio(peer('@marcbachmann').monthRatio)}), ${count(ours.yearsPerSecond)} years/s (filtrex ${ratio(peer('filtrex').yearRatio)}, cel-js ${ratio(peer('@marcbachmann').yearRatio)})`);
  return { figures, afterOtherPrograms };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const settings = JSON.parse(process.argv.find((a) => a.startsWith('--settings='))!.slice('--settings='.length)) as Settings;
  console.log(JSON.stringify(await measure(settings, process.argv.includes('--after-other-programs'))));
}
