/**
 * `credit-rules sql` and `credit-rules batch --engine duckdb` in a real
 * process (bin/credit-rules.js over lib/, built by the test script): the query
 * runs on DuckDB and PostgreSQL and gives batch's credits; the DuckDB batch
 * writes the Node batch's bytes, stderr and exit code, for clean files (which
 * DuckDB computes) and for files with bad rows (which it hands over).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { compile } from '../../src/index.js';
import { HandOver, runDuckdbBatch } from '../../src/cli/duckdb-batch.js';
import { RULES, scratch } from './command.js';

const { dir, file, ...command } = scratch('credit-rules-sql-');
const run = (...args: string[]) => command.run(args);

const CSV = `customer,month,availability,fee
acme,1,94,1000
acme,2,94,1000
acme,3,98.5,1200.5
acme,4,99.95,1000
"Tier, ""B""",1,90,333.33
=cmd,1,99,1000
,,96.125,1000.125
zeta,1,,1000
`;

test('`sql` prints one query that DuckDB and PostgreSQL run over a table of measurements, paying what batch pays', async () => {
  const rules = file('uptime.credit', RULES);
  const csv = file('months.csv', CSV);
  const batch = run('batch', rules, '--csv', csv, '--no-formula-guard');
  assert.equal(batch.code, 0, batch.err);
  const expected = batch.out.trim().split('\n').slice(1).map((line) => line.replace(/,$/, '')).sort();

  const duckSql = run('sql', rules);
  assert.equal(duckSql.code, 0, duckSql.err);
  const pgSql = run('sql', rules, '--dialect', 'postgres', '--table', 'billing.we"ird');
  assert.equal(pgSql.code, 0, pgSql.err);
  assert.match(pgSql.out, /"billing"\."we""ird"/);

  const rows = CSV.trim().split('\n').slice(1).map((_, i) => i);
  const values = `VALUES ('acme', 1, 94, 1000), ('acme', 2, 94, 1000), ('acme', 3, 98.5, 1200.5), ('acme', 4, 99.95, 1000), ('Tier, "B"', 1, 90, 333.33), ('=cmd', 1, 99, 1000), (NULL, NULL, 96.125, 1000.125), ('zeta', 1, NULL, 1000)`;
  const asCsv = (r: unknown[]) => {
    const [customer, month, currency, credit, percent, cuts] = r.map((v) => (v === null ? '' : String(v)));
    const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    return [quote(customer), month, currency, credit, percent.replace(/\.?0+$/, ''), quote(cuts)].join(',');
  };
  const lines = expected.map((line) => line.slice(line.indexOf(',') + 1)).sort();

  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run(`CREATE TABLE months (customer VARCHAR, month INTEGER, availability DECIMAL(8, 4), fee DECIMAL(12, 3))`);
  await duck.run(`INSERT INTO months ${values}`);
  const d = await duck.runAndReadAll(`SELECT customer, month, currency, CAST(credit AS VARCHAR), CAST(percent_of_fee AS VARCHAR), cuts FROM (${duckSql.out}) AS q`);
  assert.deepEqual(d.getRowsJS().map(asCsv).sort(), lines);
  duck.closeSync();

  const pg = await PGlite.create();
  await pg.exec(`CREATE SCHEMA billing; CREATE TABLE billing."we""ird" (customer VARCHAR, month INTEGER, availability DECIMAL(8, 4), fee DECIMAL(12, 3)); INSERT INTO billing."we""ird" ${values}`);
  const p = await pg.query<unknown[]>(`SELECT customer, month, currency, CAST(credit AS VARCHAR), CAST(percent_of_fee AS VARCHAR), cuts FROM (${pgSql.out}) AS q`, [], { rowMode: 'array' });
  assert.deepEqual(p.rows.map(asCsv).sort(), lines);
  await pg.close();
  assert.equal(rows.length, lines.length);
});

test('`sql` names the line of a value SQL cannot hold exactly, and prints no query', () => {
  const rules = file('fine.credit', `fee 100 EUR monthly
input n: number default 1
let tiny: number = n * 0.000000000001 * 0.000000000001 * 0.001
if n > 0 then tiny * 1 EUR
`);
  const result = run('sql', rules);
  assert.equal(result.code, 1);
  assert.equal(result.out, '');
  assert.match(result.err, /fine\.credit:3: error: this value needs \d+ decimal places; SQL's DECIMAL\(38\) keeps at most 24/);
});

test('`sql` refuses a construct it does not have yet, naming its line; `batch --engine duckdb` leaves such rules to the Node batch', async () => {
  const source = `fee 1000 EUR monthly
input responses: list of duration default [] range 0min..30d
credit "Late" for each response in responses:
  if response > 1h then 2% capped 50 EUR monthly
`;
  const rules = file('late.credit', source);
  const result = run('sql', rules);
  assert.deepEqual([result.code, result.out], [1, '']);
  assert.match(result.err, /late\.credit:4: error: a cap on a tier inside a `for each` block is not in the SQL backend yet \(a cap on the block is\); credit-rules batch computes it/);
  const csv = file('late.csv', 'customer,month,responses,fee\nacme,1,2h;30min,1000\nacme,2,,200\n');
  const outcome = await runDuckdbBatch(compile(source).program!, csv, { stream: new Writable({ write: (_c, _e, done) => done() }) }, true);
  assert.ok(outcome instanceof HandOver);
  const node = run('batch', rules, '--csv', csv, '--jobs', '1');
  assert.deepEqual(run('batch', rules, '--csv', csv, '--engine', 'duckdb'), node);
});

test('`sql` refuses a twelfth of a yearly fee (no exact decimal), naming the fee line; a quarter of it is computed; batch --engine duckdb pays what the Node batch pays', async () => {
  const tiers = 'input availability: percent default 100%\nif availability < 99.9% then 10%\n';
  const twelfth = file('twelfth.credit', `# billed by the year\nfee 12_000.10 EUR yearly\n${tiers}`);
  const result = run('sql', twelfth);
  assert.deepEqual([result.code, result.out], [1, '']);
  assert.match(result.err, /twelfth\.credit:2: error: a fee given yearly is a twelfth of it for each month, which has no exact decimal, so SQL cannot round it as credit-rules batch does; give the fee monthly, or use credit-rules batch/);
  const csv = file('twelfth.csv', 'customer,month,availability\nacme,1,99.5%\nacme,2,99.95%\n');
  const node = run('batch', twelfth, '--csv', csv, '--jobs', '1');
  assert.match(node.out, /acme,1,EUR,100\.00,10,/);
  assert.deepEqual(run('batch', twelfth, '--csv', csv, '--engine', 'duckdb'), node);
  assert.equal(run('sql', file('quarter.credit', `period quarterly\nfee 12_000.10 EUR yearly\n${tiers}`)).code, 0);
});

test('`sql` refuses a dialect it does not write', () => {
  const result = run('sql', file('u.credit', RULES), '--dialect', 'mysql');
  assert.equal(result.code, 2);
  assert.match(result.err, /--dialect must be duckdb or postgres, not "mysql"/);
});

test('an amount that overflows DECIMAL(38) is the engine\'s error, never a rounded credit', async () => {
  const rules = file('big.credit', `fee 1 EUR monthly
if fee > 0 EUR then 12.3456789% capped 1_000_000_000_000_000_000_000_000_000 EUR monthly
`);
  const made = run('sql', rules);
  assert.equal(made.code, 0, made.err);
  const sql = made.out;
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run(`CREATE TABLE months AS SELECT CAST(NULL AS VARCHAR) AS customer, CAST(NULL AS INTEGER) AS month, CAST('9999999999999999999999999999999.5' AS DECIMAL(38, 6)) AS fee`);
  await assert.rejects(duck.runAndReadAll(sql), /Overflow|out of range/i);
  duck.closeSync();
  const pg = await PGlite.create();
  await pg.exec(`CREATE TABLE months AS SELECT CAST(NULL AS VARCHAR) AS customer, CAST(NULL AS INTEGER) AS month, CAST('9999999999999999999999999999999.5' AS DECIMAL(38, 6)) AS fee`);
  await assert.rejects(pg.query(run('sql', rules, '--dialect', 'postgres').out), /overflow/);
  await pg.close();
});

test('`batch --engine duckdb` computes a clean file in DuckDB and writes the bytes the Node batch writes', async () => {
  const rules = file('uptime.credit', RULES);
  const csv = file('clean.csv', CSV);
  const { program } = compile(RULES);
  let written = '';
  const sink = new Writable({ write: (chunk, _encoding, done) => ((written += chunk), done()) });
  const outcome = await runDuckdbBatch(program!, csv, { stream: sink }, true);
  assert.ok(!(outcome instanceof HandOver), `handed over: ${(outcome as HandOver).reason}`);
  const node = run('batch', rules, '--csv', csv, '--jobs', '1');
  assert.equal(written, node.out);
  const duck = run('batch', rules, '--csv', csv, '--engine', 'duckdb', '--out', 'out.csv');
  assert.deepEqual([duck.code, duck.err, readFileSync(join(dir, 'out.csv'), 'utf8')], [node.code, node.err, node.out]);
});

test('`batch --engine duckdb` on bad rows, units, currencies and rows apart: the Node batch\'s output, stderr and exit code', () => {
  const rules = file('uptime.credit', RULES);
  const files = {
    'bad-rows.csv': `${CSV}acme,5,101,1000\nbeta,2,99,1000\ngamma,1,99,-5\n`,
    'units.csv': 'customer,month,availability,fee\nacme,1,99.5%,1000 EUR\nacme,2,98,1000\n',
    'apart.csv': 'customer,month,availability,fee\nacme,1,99.5,1000\nbeta,1,98,1000\nacme,2,98,1000\n',
    'header.csv': 'customer,month,availabilty,fee\nacme,1,99.5,1000\n',
    'fine.csv': 'availability,fee\n99.1234567,1000\n',
  };
  for (const [name, text] of Object.entries(files)) {
    const csv = file(name, text);
    const node = run('batch', rules, '--csv', csv, '--jobs', '1');
    const duck = run('batch', rules, '--csv', csv, '--engine', 'duckdb');
    assert.deepEqual(duck, node, name);
  }
});

test('`batch --engine duckdb` computes version-2 programs itself — pay only if without a fee, quarters — and writes the Node batch\'s bytes', async () => {
  const examples = new URL('../../examples/', import.meta.url);
  const cases = [
    ['support-bonus.credit', 'customer,month,csat,fcr,resolved,qa_score\nacme,1,96,82,400,90\nacme,2,90,70,350,84\nacme,3,85,70,310,90\nbeta,1,89.9,74.9,380,90\n,,96,82,400,\n'],
    ['quarterly-uptime.credit', 'customer,month,uptime,fee\nacme,1,99.5,3000\nacme,2,95,3000\nacme,3,98,3000\nacme,4,97,3000\nbeta,1,99.89,1000\n,,98.99,1000\n'],
  ] as const;
  for (const [example, rows] of cases) {
    const rules = fileURLToPath(new URL(example, examples));
    const csv = file(`${example}.csv`, rows);
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const outcome = await runDuckdbBatch(compile(readFileSync(rules, 'utf8')).program!, csv, { stream: sink }, true);
    assert.ok(!(outcome instanceof HandOver), `${example}: DuckDB computes it (${outcome instanceof HandOver ? outcome.reason : ''})`);
    const node = run('batch', rules, '--csv', csv, '--jobs', '1');
    assert.equal(node.code, 0, node.err);
    assert.deepEqual(run('batch', rules, '--csv', csv, '--engine', 'duckdb'), node, example);
  }
});

test('`batch --parquet IN` computes a Parquet file of customer-months in DuckDB: the Node batch\'s credits for the same rows, `line` the row\'s place', async () => {
  const rules = file('uptime-p.credit', RULES);
  const clean = CSV.split('\n').filter((line) => !line.startsWith('zeta')).join('\n');
  const csv = file('clean.csv', clean);
  const node = run('batch', rules, '--csv', csv, '--jobs', '1');
  assert.equal(node.code, 0, node.err);
  const parquet = join(dir, 'months.parquet');
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run(`COPY (SELECT customer, CAST(month AS INTEGER) AS month, CAST(availability AS DECIMAL(8, 4)) AS availability, CAST(fee AS DECIMAL(12, 3)) AS fee FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
  const fromParquet = run('batch', rules, '--parquet', parquet);
  assert.equal(fromParquet.code, 0, fromParquet.err);
  // The CSV's line 2 is the Parquet file's row 1.
  const renumbered = node.out.split('\n').map((line, i) => (i === 0 || line === '' ? line : line.replace(/^\d+/, (n) => String(Number(n) - 1))));
  assert.deepEqual(fromParquet.out.split('\n'), renumbered);

  // And as Parquet out, from the CSV through --engine duckdb: the same rows.
  const out = join(dir, 'credits.parquet');
  const written = run('batch', rules, '--csv', csv, '--engine', 'duckdb', '--out', out);
  assert.equal(written.code, 0, written.err);
  const back = await duck.runAndReadAll(`SELECT line, customer, month, currency, CAST(credit AS VARCHAR), CAST(percent_of_fee AS VARCHAR), cuts, error FROM read_parquet('${out}') ORDER BY line`);
  const rows = back.getRowsJS().map((r) => r.map((v) => (v === null ? '' : String(v))));
  const expected = node.out.trim().split('\n').slice(1).map((line) => [line.split(',')[0], ...line.match(/,(EUR),([0-9.]+),/)!.slice(1)]);
  assert.deepEqual(rows.map((r) => [r[0], r[3], r[4]]), expected);
  duck.closeSync();
});

test('`batch --parquet IN`: a column missing or of the wrong type is one line naming it, and nothing is written', async () => {
  const rules = file('uptime-q.credit', RULES.replace('default 99.9% ', ''));
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const missing = join(dir, 'missing.parquet');
  const wrong = join(dir, 'wrong.parquet');
  await duck.run(`COPY (SELECT 'acme' AS customer, 1 AS month, 1000 AS fee) TO '${missing}' (FORMAT parquet)`);
  await duck.run(`COPY (SELECT 'acme' AS customer, 1 AS month, 'high' AS availability, 1000 AS fee) TO '${wrong}' (FORMAT parquet)`);
  duck.closeSync();
  const a = run('batch', rules, '--parquet', missing);
  assert.deepEqual([a.code, a.out, a.err.trim().split('\n').length], [2, '', 1]);
  assert.match(a.err, /column "availability" is missing, and the rules declare no default for it/);
  const b = run('batch', rules, '--parquet', wrong);
  assert.deepEqual([b.code, b.out, b.err.trim().split('\n').length], [2, '', 1]);
  assert.match(b.err, /column "availability" is VARCHAR; the input `availability` needs a number/);
});

test('`batch --parquet IN`: a file name DuckDB would read as a pattern is refused, never another file read in its place', async () => {
  const rules = file('uptime-p.credit', RULES);
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  // `[x].parquet` as a pattern matches x.parquet: its credits must not be written for [x].parquet.
  await duck.run(`COPY (SELECT 'other' AS customer, 1 AS month, 90 AS availability, 1000 AS fee) TO '${join(dir, 'x.parquet')}' (FORMAT parquet)`);
  await duck.run(`COPY (SELECT 'acme' AS customer, 1 AS month, 94 AS availability, 1000 AS fee) TO '${join(dir, '[x].parquet')}' (FORMAT parquet)`);
  duck.closeSync();
  const r = run('batch', rules, '--parquet', join(dir, '[x].parquet'));
  assert.deepEqual([r.code, r.out, r.err.trim().split('\n').length], [2, '', 1]);
  assert.match(r.err, /\[x\]\.parquet: DuckDB would read \* \? \[ \] \{ \} in this name as a pattern/);
});
