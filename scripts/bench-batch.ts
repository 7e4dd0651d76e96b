/**
 * The batch benchmark: `node --import tsx scripts/bench-batch.ts [--shape
 * months|years] [--rows N] [--runs K] [--stub] [--lib]` runs
 * `runBatch(program, chunks, sink)` — the core of `credit-rules batch` — over N
 * generated rows of examples/uptime-tiers.credit and prints the CPU time
 * (`process.cpuUsage`, user + system) and wall time of each run, and their
 * medians as rows per second. The CSV is made in memory beforehand and handed
 * over in 64 KiB Buffers, as a file stream reads it; the output goes to a
 * Writable that only counts bytes, so the figures are the batch's own.
 *
 * - `months`: `availability,fee` rows, each a month on its own.
 * - `years`: `customer,month,availability,fee` rows, twelve months per customer.
 * - `--stub`: `credit()` answers a precomputed outcome, so the run measures the
 *   CSV side alone; the difference to a real run is the cost of `credit()`.
 * - `--lib`: runs the compiled lib/ (after `npm run build:lib`) instead of src/;
 *   `--root DIR` the lib/ of another build, to compare with.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type * as Batch from '../src/cli/batch.js';
import type * as Api from '../src/index.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const shape = option('shape') ?? 'months';
const rows = Number(option('rows') ?? 1_000_000);
const runs = Number(option('runs') ?? 5);
if ((shape !== 'months' && shape !== 'years') || !Number.isSafeInteger(rows) || rows < 1 || !Number.isSafeInteger(runs) || runs < 1) {
  console.error('usage: node --import tsx scripts/bench-batch.ts [--shape months|years] [--rows N] [--runs K] [--stub] [--lib | --root DIR]');
  process.exit(2);
}

// `--root DIR`: another build's lib/ (an absolute path), to compare with.
const root = option('root') ?? (flag('lib') ? '../lib' : '../src');
const { compile } = (await import(`${root}/index.js`)) as typeof Api;
const { runBatch } = (await import(`${root}/cli/batch.js`)) as typeof Batch;

const source = readFileSync(new URL('../examples/uptime-tiers.credit', import.meta.url), 'utf8');
const program = compile(source).program;
if (!program) throw new Error('examples/uptime-tiers.credit does not compile');

const FEES = ['1000', '1250.5', '2000.05', '999.99'];
const availability = (i: number) => (94 + (i % 600) / 100).toFixed(2);
const lines: string[] = [shape === 'months' ? 'availability,fee' : 'customer,month,availability,fee'];
for (let i = 0; i < rows; i++) {
  if (shape === 'months') lines.push(`${availability(i)},${FEES[i % 4]}`);
  else lines.push(`Customer ${Math.floor(i / 12)},${(i % 12) + 1},${availability(i)},${FEES[Math.floor(i / 12) % 4]}`);
}
const csv = Buffer.from(`${lines.join('\n')}\n`);
lines.length = 0;
const CHUNK = 1 << 16;
const chunks: Buffer[] = [];
for (let at = 0; at < csv.length; at += CHUNK) chunks.push(csv.subarray(at, at + CHUNK));

async function* feed(): AsyncIterable<Buffer> {
  yield* chunks;
}

/** `credit()` without the evaluation: one real outcome per run length, answered again and again. */
function stubbed(real: Api.Program): Batch.BatchProgram {
  const month = real.credit({ availability: '98.5', fee: '1000' });
  const years = Array.from({ length: 13 }, (_, n) => (n === 0 ? month : real.credit({ availability: Array(n).fill('98.5'), fee: Array(n).fill('1000') })));
  return {
    inputs: real.inputs,
    evaluate: real.evaluate.bind(real),
    credit: (values: Api.InputValues = {}) => {
      const list = values.availability;
      return Array.isArray(list) ? years[list.length] : month;
    },
  };
}
const subject = flag('stub') ? stubbed(program) : program;

// A full collection before each run, so that no run pays for the garbage of making the CSV or of the run before.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function once(): Promise<{ cpu: number; wall: number; bytes: number }> {
  gc();
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const outcome = await runBatch(subject, feed(), sink);
  const used = process.cpuUsage(cpu);
  if (!outcome.ok || outcome.rows !== rows || outcome.failed !== 0) throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
  return { cpu: (used.user + used.system) / 1e6, wall: (performance.now() - wall) / 1e3, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (seconds: number) => `${Math.round(rows / seconds).toLocaleString('en')} rows/s`;
console.log(`${shape}, ${rows.toLocaleString('en')} rows, ${flag('stub') ? 'credit() stubbed' : 'real credit()'}, ${root}`);
const results: { cpu: number; wall: number }[] = [];
for (let r = 0; r < runs; r++) {
  const result = await once();
  results.push(result);
  console.log(`  run ${r + 1}: cpu ${result.cpu.toFixed(3)} s, wall ${result.wall.toFixed(3)} s, ${result.bytes} bytes out`);
}
const cpu = median(results.map((r) => r.cpu));
const wall = median(results.map((r) => r.wall));
const least = Math.min(...results.map((r) => r.cpu));
console.log(`median: cpu ${cpu.toFixed(3)} s (${rate(cpu)} per CPU-second, ${((cpu / rows) * 1e9).toFixed(0)} ns/row), wall ${wall.toFixed(3)} s (${rate(wall)}); least cpu ${least.toFixed(3)} s`);
