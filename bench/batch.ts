/**
 * Batch rows per second: `credit-rules batch FILE --csv IN` as billing would
 * run it — a child process over a generated CSV of 1,000,000 months (the
 * uptime table's inputs, one row a month, a header of input names), output
 * discarded. Wall time of the whole process, start-up included, for the
 * rules as written (`.credit`: the parser is built and runs) and as billing
 * would deploy them, precompiled (`credit-rules compile`, `.json`). Start-up
 * alone is the same command over a one-row file; rows/s after start-up
 * subtracts it, which is what a longer file approaches. Each in one thread
 * (`--jobs 1`) and with the default worker threads (one per core), and the
 * precompiled program over 5,000,000 rows as well, where the workers' start
 * weighs less.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { count, duration, median, table, type Settings } from './harness.js';
import { availabilities, fees, random } from './inputs.js';
import { root } from './programs.js';

const PROGRAM = 'examples/uptime-tiers.credit';
const PRECOMPILED = '.bench/uptime-tiers.json';
const bin = join(root, 'bin/credit-rules.js');

export interface BatchFigure {
  /** The program as given to the command. */
  readonly program: string;
  /** `--jobs`: worker threads (1: all in the main thread). */
  readonly jobs: number;
  readonly rows: number;
  readonly runs: number;
  /** Median wall time over the whole file, and over a one-row file. */
  readonly medianMs: number;
  readonly startupMs: number;
  readonly rowsPerSecond: number;
  /** Rows over (whole file − start-up). */
  readonly rowsPerSecondAfterStartup: number;
  readonly command: string;
}

/** Writes the CSV once (a fixed seed) and reuses it while its size fits. */
export async function csv(rows: number): Promise<string> {
  const file = join(root, '.bench', `uptime-${rows}.csv`);
  if (existsSync(file) && statSync(file).size > rows * 8) return file;
  const next = random(7);
  const out = createWriteStream(file);
  let text = 'availability,fee\n';
  for (let r = 0; r < rows; r++) {
    text += `${availabilities(next)},${fees(next)}\n`;
    if (text.length > 1 << 20) {
      out.write(text);
      text = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.on('error', reject).end(text, resolve));
  return file;
}

/** Runs the CLI; its wall time in ms. Throws with its first error line when it fails. */
function timed(args: readonly string[]): number {
  const t0 = performance.now();
  const out = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (out.status !== 0) throw new Error(`credit-rules ${args.join(' ')} failed (exit ${out.status}): ${(out.stderr ?? '').trim().split('\n')[0]}`);
  return ms;
}

export async function batchSection(settings: Settings, quick: boolean, log: (text: string) => void): Promise<BatchFigure[]> {
  const rows = quick ? 100_000 : 1_000_000;
  // A longer file as well: worker threads pay their start once, and billing's files are long.
  const longRows = quick ? 0 : 5_000_000;
  // .bench/ is ignored by git: a fresh clone has none yet.
  mkdirSync(join(root, '.bench'), { recursive: true });
  const oneRow = join(root, '.bench', 'uptime-1.csv');
  writeFileSync(oneRow, 'availability,fee\n99.5,1000\n');
  timed(['compile', PROGRAM, '--out', PRECOMPILED]);

  const cores = Math.min(availableParallelism(), 8);
  const jobs = [1, ...(cores > 1 ? [cores] : [])];
  const runs = [
    ...[PROGRAM, PRECOMPILED].flatMap((program) => jobs.map((j) => ({ program, jobs: j, rows, runs: settings.coldRuns }))),
    ...(longRows > 0 ? jobs.map((j) => ({ program: PRECOMPILED, jobs: j, rows: longRows, runs: 3 })) : []),
  ];
  const files = new Map<number, string>();
  for (const run of runs) if (!files.has(run.rows)) files.set(run.rows, await csv(run.rows));
  const whole: number[][] = runs.map(() => []);
  const startup: number[][] = runs.map(() => []);
  // Interleaved, so that a slow spell of the machine falls on every figure alike.
  for (let r = 0; r < settings.coldRuns; r++) {
    runs.forEach((run, p) => {
      if (r >= run.runs) return;
      whole[p].push(timed(['batch', run.program, '--csv', files.get(run.rows) as string, '--jobs', String(run.jobs)]));
      startup[p].push(timed(['batch', run.program, '--csv', oneRow, '--jobs', String(run.jobs)]));
    });
  }
  const figures = runs.map((run, p): BatchFigure => {
    const [ms, start] = [median(whole[p]), median(startup[p])];
    return {
      program: run.program,
      jobs: run.jobs,
      rows: run.rows,
      runs: run.runs,
      medianMs: ms,
      startupMs: start,
      rowsPerSecond: run.rows / (ms / 1000),
      rowsPerSecondAfterStartup: run.rows / (Math.max(ms - start, 1) / 1000),
      command: `node bin/credit-rules.js batch ${run.program} --csv .bench/uptime-${run.rows}.csv --jobs ${run.jobs} > /dev/null`,
    };
  });
  log(table(
    `Batch: node bin/credit-rules.js batch PROGRAM --csv .bench/uptime-ROWS.csv --jobs N > /dev/null (wall time of the process, median of ${settings.coldRuns} runs, 3 for the long file; start-up: the same over a one-row file)`,
    ['program', 'jobs', 'rows', 'time', 'rows/s', 'start-up', 'rows/s after start-up'],
    figures.map((f) => [f.program, String(f.jobs), count(f.rows), duration(f.medianMs), `${count(f.rowsPerSecond)}/s`, duration(f.startupMs), `${count(f.rowsPerSecondAfterStartup)}/s`]),
  ));
  return figures;
}
