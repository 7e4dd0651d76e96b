/**
 * `credit-rules batch --engine duckdb` reading the CSV with DuckDB's reader
 * and writing with COPY, in a real process: the Node batch's bytes, stderr and
 * exit code for files DuckDB computes (quoting, line endings, the formula
 * guard on and off, defaults) and for files it hands over (blank lines,
 * records over lines, white space the Node batch trims, values it reads
 * otherwise); and `--out`'s guarantees on the DuckDB path: COPY writes the
 * temporary file beside OUT, a stopped run leaves OUT as it was and nothing
 * behind, and output to a stream goes through a scratch file that is removed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { compile } from '../../src/index.js';
import { HandOver, runDuckdbBatch } from '../../src/cli/duckdb-batch.js';
import { BIN, RULES, scratch } from './command.js';

const { dir, run, file } = scratch('credit-rules-duckdb-batch-');
const rules = file('uptime.credit', RULES);
const program = compile(RULES).program!;

/** What `runDuckdbBatch` did with the file: computed it, or handed it over (why). */
async function engine(csv: string): Promise<string> {
  const outcome = await runDuckdbBatch(program, csv, { stream: new Writable({ write: (_c, _e, done) => done() }) }, true);
  return outcome instanceof HandOver ? `handed over: ${outcome.reason}` : 'computed';
}

/** The Node batch's and the DuckDB batch's runs of one file, side by side. */
function both(csv: string, extra: string[] = []) {
  return { node: run(['batch', rules, '--csv', csv, '--jobs', '1', ...extra]), duck: run(['batch', rules, '--csv', csv, '--engine', 'duckdb', ...extra]) };
}

test('DuckDB reads and writes files it computes byte for byte as the Node batch: quotes, CRLF, a byte order mark, no last line break, spaces around numbers, formulas guarded and not', async () => {
  const files = {
    'quoted.csv': 'customer,month,availability,fee\n"Tier, ""B""",1,90,333.33\n"Tier, ""B""",2,94,333.33\n"Zoë 🚀",1,99,1000\n"",,96.125,1000.125\n',
    'crlf.csv': 'customer,month,availability,fee\r\nacme,1,94,1000\r\nacme,2,94,1000\r\nacme,3,98.5,1200.5\r\n',
    'bom.csv': '\ufeffcustomer,month,availability,fee\nacme,1,94,1000\n',
    'no-last-break.csv': 'customer,month,availability,fee\nacme,1,94,1000\nacme,2,99.95,1000',
    'spaces.csv': 'customer,month,availability,fee\nacme,1, 94 ,  1000\nacme,2,,1000\n',
    'formulas.csv': 'customer,month,availability,fee\n=cmd,1,99,1000\n+add,1,98,1000\n-neg,1,97,1000\n@at,1,96,1000\n"=a,b",1,95,1000\n',
    'columns.csv': 'fee,availability\n1000,90\n2000,\n',
    'header-only.csv': 'customer,month,availability,fee\n',
  };
  for (const [name, text] of Object.entries(files)) {
    const csv = file(name, text);
    assert.equal(await engine(csv), 'computed', name);
    for (const extra of [[], ['--no-formula-guard']]) {
      const { node, duck } = both(csv, extra);
      assert.equal(node.code, 0, `${name}: ${node.err}`);
      assert.deepEqual(duck, node, `${name} ${extra.join(' ')}`);
    }
  }
  // A cap cut the months: the cuts column, written by DuckDB, is the Node batch's.
  const cut = both(file('cut.csv', 'customer,month,availability,fee\nacme,1,90,1000\nacme,2,90,1000\n'));
  assert.match(cut.node.out, /monthly cap on Uptime \(line 3\): -500.00/);
  assert.deepEqual(cut.duck, cut.node);
});

test('files DuckDB would read otherwise than the Node batch are handed over whole: the Node batch\'s bytes, stderr and exit code', async () => {
  const header = 'customer,month,availability,fee\n';
  file('x.csv', `${header}acme,1,99.95,1000\n`);
  const files = {
    'blank-line.csv': `${header}acme,1,94,1000\n\nacme,2,94,1000\n`,
    'two-lines.csv': `${header}"acme\nco",1,94,1000\n`,
    'tab.csv': `${header}\tacme,1,94,1000\n`,
    'nbsp.csv': `${header}acme\u00a0,1,94,1000\n`,
    'spaced-customer.csv': `${header} acme ,1,94,1000\n`,
    'month-01.csv': `${header}acme,01,94,1000\n`,
    'fields.csv': `${header}acme,1,94,1000,5\n`,
    'exponent.csv': `${header}acme,1,9.4e1,1000\n`,
    'places.csv': `${header}acme,1,94.1234567,1000\n`,
    'lone-cr.csv': `${header}acme,1,94\r,1000\n`,
    'bad-quote.csv': `${header}"acme"x,1,94,1000\n`,
    'quoted-header.csv': `"customer",month,availability,fee\nacme,1,94,1000\n`,
    'no-month.csv': `${header}acme,,94,1000\n`,
    // A name DuckDB would read as a pattern: it matches x.csv (below), not itself.
    '[x].csv': `${header}acme,1,94,1000\n`,
    'header-only-no-break.csv': 'customer,month,availability,fee',
    // An empty field after the last column: DuckDB's reader drops it, the Node batch refuses the row.
    'trailing-comma.csv': `${header}acme,1,94,1000,\nacme,2,94,1000\n`,
    'trailing-commas-crlf.csv': `${header.replace('\n', '\r\n')}acme,1,94,1000,,\r\nacme,2,94,1000\r\n`,
    'trailing-comma-last.csv': `${header}acme,1,94,1000\nacme,2,94,1000,`,
  };
  for (const [name, text] of Object.entries(files)) {
    const csv = file(name, text);
    assert.match(await engine(csv), /^handed over: /, name);
    const { node, duck } = both(csv);
    assert.deepEqual(duck, node, name);
  }
});

/** Customer-years of 12 months, enough rows that DuckDB works for seconds. */
function bigCsv(name: string, rows: number): string {
  const year = Array.from({ length: 12 }, (_, m) => `,${m + 1},${m % 3 === 0 ? '97.5' : '99.95'},1000\n`);
  const parts = ['customer,month,availability,fee\n'];
  for (let r = 0; r < rows; r++) parts.push(`c${Math.floor(r / 12)}${year[r % 12]}`);
  return file(name, parts.join(''));
}

test('--out with --engine duckdb: COPY writes the temporary file beside OUT, renamed when whole', () => {
  const csv = file('small.csv', 'customer,month,availability,fee\nacme,1,94,1000\nacme,2,90,1000\n');
  const out = file('out.csv', 'before\n');
  // Billing data readable by its owner alone stays so: DuckDB writes into our temporary file, not a file of its own renamed over it.
  chmodSync(out, 0o600);
  const duck = run(['batch', rules, '--csv', csv, '--engine', 'duckdb', '--out', out]);
  const node = run(['batch', rules, '--csv', csv, '--jobs', '1']);
  assert.deepEqual([duck.code, duck.out, duck.err], [0, '', '']);
  assert.equal(readFileSync(out, 'utf8'), node.out);
  assert.equal(statSync(out).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.partial') || f.startsWith('tmp_')), []);
  // A row the query refuses (out of range) stops DuckDB's COPY: the Node batch's output, nothing of DuckDB's left in it.
  const bad = file('bad.csv', `customer,month,availability,fee\n${'acme,1,94,1000\n'.repeat(1)}acme,2,101,1000\n${',,99,1000\n'.repeat(5000)}`);
  const handed = run(['batch', rules, '--csv', bad, '--engine', 'duckdb', '--out', out]);
  assert.equal(handed.code, 1);
  assert.equal(readFileSync(out, 'utf8'), run(['batch', rules, '--csv', bad, '--jobs', '1']).out);
});

test('--engine duckdb writing to stdout or a device goes through a scratch file in the temporary directory, removed afterwards', () => {
  const scratch = mkdtempSync(join(dir, 'tmp-'));
  const csv = file('scratch.csv', 'customer,month,availability,fee\nacme,1,94,1000\n');
  const env = { ...process.env, TMPDIR: scratch };
  const toStdout = run(['batch', rules, '--csv', csv, '--engine', 'duckdb'], env);
  assert.deepEqual([toStdout.code, toStdout.out], [0, run(['batch', rules, '--csv', csv, '--jobs', '1']).out]);
  assert.equal(run(['batch', rules, '--csv', csv, '--engine', 'duckdb', '--out', '/dev/null'], env).code, 0);
  assert.deepEqual(readdirSync(scratch), []);
});

for (const [signal, name] of [['SIGTERM', 'credits.csv'], ['SIGINT', 'credits.csv'], ['SIGTERM', 'credits.parquet']] as const) {
  test(`--engine duckdb --out ${name} stopped by ${signal} while DuckDB computes: OUT as it was, no temporary file left beside it or in the temporary directory`, async () => {
    const csv = existsSync(join(dir, 'big.csv')) ? join(dir, 'big.csv') : bigCsv('big.csv', 600_000);
    const where = join(dir, `stopped-${signal}-${name}`);
    const scratch = join(dir, `scratch-${signal}-${name}`);
    mkdirSync(where);
    mkdirSync(scratch);
    const out = join(where, name);
    writeFileSync(out, 'before\n');
    const child = spawn(process.execPath, [BIN, 'batch', rules, '--csv', csv, '--engine', 'duckdb', '--out', out], { cwd: dir, env: { ...process.env, TMPDIR: scratch }, stdio: 'ignore' });
    after(() => void child.kill('SIGKILL'));
    const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    // The temporary file exists from before DuckDB starts: the run is under way, its output file open.
    while (!readdirSync(where).some((f) => f.endsWith('.partial'))) await sleep(5);
    child.kill(signal);
    const [code, stoppedBy] = await exit;
    assert.deepEqual([code, stoppedBy], [null, signal]);
    assert.deepEqual(readdirSync(where), [name]);
    assert.equal(readFileSync(out, 'utf8'), 'before\n');
    assert.deepEqual(readdirSync(scratch), []);
  });
}
