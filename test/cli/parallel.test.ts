/**
 * `credit-rules batch --jobs N` (src/cli/parallel.ts): the rows shared out to
 * worker threads give the output of one thread byte for byte — rows, stderr
 * lines, counts — on files cut into many small pieces: contract years, bad
 * rows, quoted fields over many lines, customers whose rows are not together,
 * CRLF, a byte order mark. Workers run built code, so this runs lib/ (the
 * test script builds it first), as the CLI does.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type * as BatchModule from '../../src/cli/batch.js';
import { MAX_RECORD } from '../../src/cli/csv.js';
import { REMEMBERED_CUSTOMERS } from '../../src/cli/customers.js';
import type * as ParallelModule from '../../src/cli/parallel.js';
import type * as Api from '../../src/index.js';
// The bench's seeded generator: a failing case can be run again.
import { random } from '../../bench/inputs.js';

const lib = (path: string) => fileURLToPath(new URL(`../../lib/${path}`, import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/credit-rules.js', import.meta.url));
const WORKER = new URL('../../lib/cli/batch-worker.js', import.meta.url);
const POINTS = fileURLToPath(new URL('../../examples/points.credit', import.meta.url));

let api: typeof Api;
let batch: typeof BatchModule;
let parallel: typeof ParallelModule;
let program: Api.Program;
let dir = '';

before(async () => {
  assert.ok(existsSync(lib('cli/parallel.js')), 'lib/ is not built: run `npm run build:lib` first (the test script does)');
  api = (await import(lib('index.js'))) as typeof Api;
  batch = (await import(lib('cli/batch.js'))) as typeof BatchModule;
  parallel = (await import(lib('cli/parallel.js'))) as typeof ParallelModule;
  const compiled = api.compile((await import('node:fs')).readFileSync(POINTS, 'utf8')).program;
  assert.ok(compiled);
  program = compiled;
  dir = mkdtempSync(join(tmpdir(), 'credit-rules-parallel-'));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * A billing CSV for examples/points.credit: contract years (some with a gap,
 * a repeated month, a bad value or a short row), months on their own, blank
 * lines, customer names with commas and quotes or that a spreadsheet would
 * take for a formula (guarded by workers as by one thread); when `awkward`, also names
 * over four lines and customers that come back later in the file, which end
 * the sharing out (the rest runs in one thread).
 */
function billingCsv(seed: number, rows: number, crlf: boolean, awkward = false): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const availability = () => pick(['99.95%', '99.9%', '99.2%', '98%', '97.5', '', '99.5%']);
  const incidents = () => pick(['0', '1', '2', '5', '']);
  const lines = ['\ufeffcustomer,month,availability,late_incidents'];
  const seen: string[] = [];
  let customers = 0;
  while (lines.length < rows) {
    const kind = next();
    if (kind < 0.3) lines.push(`,,${availability()},${incidents()}`);
    else if (kind < 0.35) lines.push('');
    else if (awkward && kind < 0.36 && seen.length > 0) lines.push(`${pick(seen)},1,98%,1`);
    else {
      const name = pick([`C${customers}`, `"Müller, ${customers}"`, `"Say ""${customers}"""`, `=SUM(${customers})`, ...(awkward ? [`"Four\nlines\nof name\n${customers}"`] : [])]);
      customers++;
      seen.push(name);
      const months = 1 + Math.floor(next() * 12);
      for (let m = 1; m <= months; m++) {
        const defect = next();
        if (defect < 0.02) continue; // a month missing
        if (defect < 0.03) lines.push(`${name},${m - 1 || 1},${availability()},${incidents()}`);
        else if (defect < 0.04) lines.push(`${name},${m},banana,${incidents()}`);
        else if (defect < 0.05) lines.push(`${name},${m},98%`);
        else lines.push(`${name},${m},${availability()},${incidents()}`);
      }
    }
  }
  return lines.join(crlf ? '\r\n' : '\n') + (next() < 0.5 ? '\n' : '');
}

interface Result {
  readonly outcome: unknown;
  readonly output: string;
  readonly errors: string[];
}

/** The text in chunks of random sizes, as a stream hands it over. */
async function* chunks(text: string, seed: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  const next = random(seed);
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(next() * 700);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function run(text: string, jobs: number, pieceBytes: number, worker = WORKER): Promise<Result> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(Buffer.from(chunk));
      done();
    },
  });
  const errors: string[] = [];
  const options = { onError: (line: number, message: string) => errors.push(`${line}: ${message}`) };
  const input = chunks(text, text.length);
  const outcome =
    jobs === 1
      ? await batch.runBatch(program, input, sink, options)
      : await parallel.runInParallel(program, input, sink, options, { jobs, program: JSON.stringify(program.toJSON()), worker, pieceBytes });
  return { outcome, output: Buffer.concat(parts).toString('utf8'), errors };
}

/** Runs the text in one thread and in `jobs` workers; asserts the same output, errors and counts; returns the pieces the workers ran. */
async function assertSame(text: string, jobs: number, pieceBytes: number): Promise<number> {
  const alone = await run(text, 1, pieceBytes);
  const shared = await run(text, jobs, pieceBytes);
  const { shared: pieces = 0, ...outcome } = shared.outcome as { shared?: number };
  assert.deepEqual(outcome, alone.outcome);
  assert.equal(shared.output, alone.output);
  assert.deepEqual(shared.errors, alone.errors);
  return pieces;
}

describe('credit-rules batch --jobs: the same output as one thread', () => {
  it('billing files of years, months, bad rows and awkward names, cut into pieces of 100 bytes to 4 KB', async () => {
    for (const [seed, rows, pieceBytes, jobs, crlf, awkward] of [
      [1, 400, 100, 2, false, false],
      [2, 400, 300, 3, true, false],
      [3, 1500, 1000, 2, false, false],
      [4, 3000, 4096, 4, true, true],
      [5, 800, 64, 2, false, true],
      [6, 2000, 500, 3, false, true],
    ] as const) {
      const text = billingCsv(seed, rows, crlf, awkward);
      const pieces = await assertSame(text, jobs, pieceBytes);
      // Without awkward rows the workers run pieces (cuts avoid quoted lines, so pieces of these files are larger than asked).
      if (!awkward) assert.ok(pieces >= 5, `seed ${seed}: only ${pieces} pieces were run by the workers`);
    }
  });

  it('a file of months on their own is shared out whole: every piece run by a worker', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `,,${(90 + (i % 1000) / 100).toFixed(2)}%,${i % 7}`);
    const text = ['customer,month,availability,late_incidents', ...rows, ''].join('\n');
    const pieces = await assertSame(text, 2, 1000);
    const answered = (await run(text, 2, 1000)).outcome as { shared: number };
    assert.equal(answered.shared, pieces);
    assert.ok(pieces >= 15, `${pieces} pieces`);
  });

  it('a file of a few pieces runs in one thread: no workers to start and warm up', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `,,${(90 + i / 100).toFixed(2)}%,${i % 7}`);
    const text = ['customer,month,availability,late_incidents', ...rows, ''].join('\n');
    assert.ok(Buffer.byteLength(text) > 2 * 1000 && Buffer.byteLength(text) < 4 * 1000);
    assert.equal(await assertSame(text, 2, 1000), 0);
  });

  it('a customer whose rows come back pieces later is told so, as in one thread', async () => {
    const year = (name: string) => Array.from({ length: 12 }, (_, m) => `${name},${m + 1},98%,1`);
    const filler = Array.from({ length: 300 }, () => ',,99%,0');
    const text = ['customer,month,availability,late_incidents', ...year('ACME'), ...filler, ...year('ACME'), ''].join('\n');
    await assertSame(text, 2, 500);
    const { output } = await run(text, 2, 500);
    assert.match(output, /the rows of customer ""ACME"" are not together|the rows of customer "ACME" are not together/);
  });

  it(`more customers than are remembered (${REMEMBERED_CUSTOMERS.toLocaleString('en')}): sorted, the workers run it; in no order, or with customers back at the end, the same output as one thread`, async () => {
    const count = REMEMBERED_CUSTOMERS + 2_000;
    const file = (names: (i: number) => string, tail: string[]) =>
      ['customer,month,availability,late_incidents', ...Array.from({ length: count }, (_, i) => `${names(i)},1,98%,1`), ...tail, ''].join('\n');
    assert.ok((await assertSame(file((i) => `C${i}`, []), 2, 64 << 10)) >= 20);
    await assertSame(file((i) => `C${i}`, ['C5,1,98%,1', `C${count - 5},1,98%,1`]), 2, 64 << 10);
    // n × 7919 mod a prime: every number once, in no order.
    await assertSame(file((i) => `C${((i + 1) * 7919) % 102_001}`, []), 2, 64 << 10);
  });

  it('a quoted field running over many lines across a cut, an unclosed quote, a header only, an empty file', async () => {
    const longName = `"${Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n')}"`;
    const months = Array.from({ length: 200 }, () => ',,98%,1');
    for (const text of [
      ['customer,month,availability,late_incidents', ...months, `${longName},1,98%,1`, ...months, ''].join('\n'),
      ['customer,month,availability,late_incidents', ...months, '"Open,1,98%,1', ...months, ''].join('\n'),
      'customer,month,availability,late_incidents\n',
      'customer,month,availability,late_incidents',
      '',
      ['customer,month,availability,banana', ...months, ''].join('\n'),
    ]) {
      await assertSame(text, 2, 200);
    }
  });

  it('workers that cannot start: the main thread reads the file itself, with the same output', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `,,${(90 + (i % 1000) / 100).toFixed(2)}%,${i % 7}`);
    const text = ['customer,month,availability,late_incidents', ...rows, ''].join('\n');
    const alone = await run(text, 1, 500);
    const broken = await run(text, 2, 500, new URL('./no-such-worker.js', WORKER));
    assert.deepEqual(broken.outcome, { ...(alone.outcome as object), shared: 0 });
    assert.equal(broken.output, alone.output);
  });

  it('files the cutter leaves to the main thread: a quote in the header, line breaks that are not LF, a line past MAX_RECORD', async () => {
    const months = Array.from({ length: 300 }, () => ',,98%,1');
    for (const text of [
      ['"customer",month,availability,late_incidents', ...months, ''].join('\n'),
      ['customer,month,availability,late_incidents', ...months, ''].join('\r'),
      ['customer,month,availability,late_incidents', 'A,1,98%,1', 'A,2,98%,1', `,,98%,1${' '.repeat(MAX_RECORD + 10)}`, ...months, ''].join('\n'),
    ]) {
      await assertSame(text, 2, 200);
    }
  });
});

describe('credit-rules batch --jobs (the command)', () => {
  it('--jobs 2 writes what --jobs 1 writes, to stdout and stderr, with the same exit code', () => {
    // Over two pieces of a megabyte, so that the workers get some.
    const text = billingCsv(7, 120_000, false);
    writeFileSync(join(dir, 'big.csv'), text);
    const one = spawnSync(process.execPath, [BIN, 'batch', POINTS, '--csv', 'big.csv', '--jobs', '1'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const two = spawnSync(process.execPath, [BIN, 'batch', POINTS, '--csv', 'big.csv', '--jobs', '2'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(one.status, 1, one.stderr.slice(-500)); // the generated file has bad rows
    assert.equal(two.status, one.status);
    assert.ok(one.stdout.length > 2_000_000);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    const piped = spawnSync(process.execPath, [BIN, 'batch', POINTS, '--csv', '-', '--jobs', '2'], { cwd: dir, encoding: 'utf8', input: text, maxBuffer: 1 << 28 });
    assert.equal(piped.stdout, one.stdout);
    assert.equal(piped.stderr, one.stderr.replaceAll('big.csv:', '<stdin>:'));
  });

  it('a --jobs that is not a whole number from 1 to 64 is one clear line, exit 2', () => {
    for (const jobs of ['0', 'two', '100', '-1']) {
      const run = spawnSync(process.execPath, [BIN, 'batch', POINTS, '--csv', 'x.csv', `--jobs=${jobs}`], { cwd: dir, encoding: 'utf8' });
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `credit-rules: --jobs must be a whole number from 1 to 64, not "${jobs}"\n`);
    }
  });
});
