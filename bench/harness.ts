/**
 * The timing core of the benchmark, small enough to read in one go: a
 * warm-up, then several timed runs of a calibrated number of calls; the
 * figure is the median run, and the spread (min..max) is kept so a noisy
 * machine shows up as a wide range rather than a wrong number. Every result
 * a measured function returns is folded into a sink that is printed at the
 * end, so the JIT cannot drop the work as dead code.
 */
import { spawnSync } from 'node:child_process';

export interface Settings {
  /** Timed runs per figure (the median is reported). */
  readonly runs: number;
  /** Milliseconds of calls before timing starts. */
  readonly warmupMs: number;
  /** Target milliseconds per timed run. */
  readonly runMs: number;
  /** Child processes per cold-start figure. */
  readonly coldRuns: number;
}

export const FULL: Settings = { runs: 7, warmupMs: 300, runMs: 300, coldRuns: 7 };
export const QUICK: Settings = { runs: 5, warmupMs: 60, runMs: 60, coldRuns: 5 };

/** A value that depends on every result, so none can be optimised away. */
let sinkHash = 0;
export function consume(value: unknown): void {
  switch (typeof value) {
    case 'number': sinkHash = (sinkHash + (value | 0) + 1) | 0; break;
    case 'string': sinkHash = (sinkHash + value.length + value.charCodeAt(0)) | 0; break;
    case 'boolean': sinkHash = (sinkHash + (value ? 3 : 5)) | 0; break;
    case 'bigint': sinkHash = (sinkHash + Number(value & 0xffn)) | 0; break;
    case 'object': sinkHash = (sinkHash + (value === null ? 7 : 11)) | 0; break;
    default: sinkHash = (sinkHash + 13) | 0;
  }
}
export function sink(): number {
  return sinkHash;
}

export interface Rate {
  /** Median calls per second over the timed runs. */
  readonly perSecond: number;
  /** Median microseconds per call. */
  readonly microseconds: number;
  /** Slowest and fastest run, calls per second. */
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  readonly callsPerRun: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The q-quantile (0..1) by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

function rate(perRun: number[], calls: number, runs: number): Rate {
  const perSecond = median(perRun);
  return { perSecond, microseconds: 1e6 / perSecond, min: Math.min(...perRun), max: Math.max(...perRun), runs, callsPerRun: calls };
}

/** A function to time: called with i = 0, 1, 2, … (to pick its input from a precomputed array); may return a promise. */
export type Timed = (i: number) => unknown;

export interface Comparison {
  readonly rates: Rate[];
  /**
   * How many times faster `a` ran than `b`: the median over runs of the two
   * rates measured in the same round, so load from other processes, which
   * comes and goes, hits both sides of each ratio alike.
   */
  ratio(a: number, b: number): number;
}

/**
 * Times several functions side by side: each is warmed up and calibrated
 * (calls per run so one run takes about `runMs`), then the timed runs go
 * round-robin — round r runs every function once, starting with a different
 * one each round. What each call returns is consumed; promises are awaited
 * one after another. The heap is collected before each batch, untimed.
 */
export async function compare(fns: readonly Timed[], settings: Settings): Promise<Comparison> {
  const counters = fns.map(() => 1);
  const isAsync: boolean[] = [];
  for (const fn of fns) {
    const first = fn(0);
    isAsync.push(first instanceof Promise);
    consume(await first);
  }
  // Each timed batch starts on a collected heap, so nobody pays for the garbage of the
  // function timed before it (`npm run bench` runs node with --expose-gc).
  const collect = (globalThis as { gc?: () => void }).gc;
  const batch = async (f: number, calls: number) => {
    const fn = fns[f];
    let i = counters[f];
    collect?.();
    const t0 = performance.now();
    if (isAsync[f]) for (let k = 0; k < calls; k++) consume(await fn(i++));
    else for (let k = 0; k < calls; k++) consume(fn(i++));
    counters[f] = i;
    return performance.now() - t0;
  };
  const calls: number[] = [];
  for (let f = 0; f < fns.length; f++) {
    let warm = 0;
    let spent = 0;
    while (spent < settings.warmupMs || warm < 10) {
      const n = Math.max(1, warm);
      spent += await batch(f, n);
      warm += n;
    }
    calls.push(Math.max(1, Math.round(settings.runMs / Math.max(spent / warm, 1e-6))));
  }
  const perRun: number[][] = fns.map(() => []);
  for (let r = 0; r < settings.runs; r++) {
    for (let k = 0; k < fns.length; k++) {
      const f = (k + r) % fns.length;
      perRun[f].push(calls[f] / ((await batch(f, calls[f])) / 1000));
    }
  }
  return {
    rates: perRun.map((runs, f) => rate(runs, calls[f], settings.runs)),
    ratio: (a, b) => median(perRun[a].map((x, r) => x / perRun[b][r])),
  };
}

/** Runs `node ARGS` and parses the last line of its output as JSON. */
export function child<T>(args: readonly string[], cwd: string): T {
  const out = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`node ${args.join(' ')} failed (${out.status}): ${out.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const last = out.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

// Formatting for the tables.

/** 1234567 → "1.23 M", 12345 → "12.3 k", 12.3 → "12.3". */
export function count(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)} M`;
  if (n >= 1e3) return `${(n / 1e3).toPrecision(3)} k`;
  return n.toPrecision(3);
}

/** Three significant digits: µs below 1 ms, s from 1000 ms. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  return `${ms.toPrecision(3)} ms`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function ratio(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`;
}

/** A plain-text table: the first column left-aligned, the rest right-aligned. */
export function table(title: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [``, title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
