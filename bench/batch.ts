/**
 * Batch rows per second: `credit-rules batch FILE --csv IN` as billing would
 * run it — a child process over a generated CSV of 1,000,000 months (the
 * uptime table's inputs, one row a month, a header of input names), output
 * discarded. Wall time of the whole process, so start-up and compiling are
 * included. Until the `batch` command exists (another branch), the figure is
 * "not available".
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { count, duration, median, table, type Settings } from './harness.js';
import { availabilities, fees, random } from './inputs.js';
import { root } from './programs.js';

const PROGRAM = 'examples/uptime-tiers.credit';
const bin = join(root, 'bin/credit-rules.js');

export type BatchFigure =
  | { readonly available: false; readonly reason: string }
  | { readonly available: true; readonly rows: number; readonly runs: number; readonly rowsPerSecond: number; readonly medianMs: number; readonly command: string };

/** Whether the CLI has a `batch` command: its help lists one, or `batch --help` succeeds. */
function batchExists(): boolean {
  const help = spawnSync(process.execPath, [bin, '--help'], { cwd: root, encoding: 'utf8' });
  if (/^\s*credit-rules batch\b/m.test(help.stdout ?? '')) return true;
  return spawnSync(process.execPath, [bin, 'batch', '--help'], { cwd: root, encoding: 'utf8' }).status === 0;
}

/** Writes the CSV once (a fixed seed) and reuses it while its size fits. */
export async function csv(rows: number): Promise<string> {
  const file = join(root, '.bench', `uptime-${rows}.csv`);
  if (existsSync(file) && statSync(file).size > rows * 8) return file;
  mkdirSync(join(root, '.bench'), { recursive: true });
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

export async function batchSection(settings: Settings, quick: boolean, log: (text: string) => void): Promise<BatchFigure> {
  if (!batchExists()) {
    const reason = '`credit-rules batch` is not available in this build (no batch command in its help; `batch --help` fails)';
    log(table('Batch: credit-rules batch FILE --csv IN', ['figure', 'value'], [['rows/s', 'not available'], ['why', reason]]));
    return { available: false, reason };
  }
  const rows = quick ? 100_000 : 1_000_000;
  const file = await csv(rows);
  const args = [bin, 'batch', PROGRAM, '--csv', file];
  const times: number[] = [];
  for (let r = 0; r < settings.coldRuns; r++) {
    const t0 = performance.now();
    const out = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (out.status !== 0) {
      const reason = `the batch command failed (exit ${out.status}): ${(out.stderr ?? '').trim().split('\n')[0]}`;
      log(table('Batch: credit-rules batch FILE --csv IN', ['figure', 'value'], [['rows/s', 'not available'], ['why', reason]]));
      return { available: false, reason };
    }
  }
  const ms = median(times);
  const figure = { available: true as const, rows, runs: settings.coldRuns, rowsPerSecond: rows / (ms / 1000), medianMs: ms, command: `node bin/credit-rules.js batch ${PROGRAM} --csv .bench/uptime-${rows}.csv > /dev/null` };
  log(table(`Batch: ${figure.command} (median of ${settings.coldRuns} processes, wall time including start-up)`, ['rows', 'median time', 'rows/s'], [[count(rows), duration(ms), `${count(figure.rowsPerSecond)}/s`]]));
  return figure;
}
