/**
 * Billing in SQL beside the Node batch, in one run: the uptime table with a
 * yearly cap accruing (a contract year of 12 months per customer) over a
 * generated CSV, 1,000,000 customer-months (100,000 with --quick; 10,000,000
 * with --sql-rows=10000000 on a machine that has the time):
 *
 * - `batch --jobs 1` and `batch` (worker threads, one per core): the Node batch;
 * - `batch --engine duckdb`: the same output computed by the generated query
 *   in embedded DuckDB (DuckDB reading the CSV and writing it with COPY);
 * - the query alone over a table already in DuckDB: billing where the data is,
 *   with start-up and reading excluded;
 * - the ceiling: a minimal query written by hand for these rules alone, in the
 *   same connection over the same table, its credits checked equal to the
 *   generated query's — how far the generator is from what a person writes.
 *
 * Wall time of the whole process (median), and the outputs are checked to be
 * byte-identical; the DuckDB batch is checked to have computed the file
 * itself, not handed it to the Node batch.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, duration, median, table, type Settings } from './harness.js';
import { root } from './programs.js';

const RULES = `fee 1_000 USD monthly
input availability: percent default 99.99% range 0%..100% step 0.01%
credit "Region availability" capped 10_000 USD monthly:
  if availability < 99.99% then 10%
  if availability < 99.0% then 30%
  if availability < 95.0% then 100%
cap 20% yearly
`;

/**
 * RULES written by hand, as short and fast as exact SQL allows, for the
 * bench's table `months` (valid rows, each customer's months 1, 2, 3 … in
 * order; a short last year's missing months at its last fee, as the
 * generator counts them): the tiers a CASE, the monthly cap a LEAST, the
 * year's fee and what was paid before window sums,
 * every value cast to a 64-bit DECIMAL(18, s). Credits only: no cuts, share
 * of the fee or checks of the rows.
 */
const HAND_WRITTEN = `WITH m AS (
  SELECT customer, month, fee, CAST(LEAST(CASE WHEN availability < 95 THEN fee WHEN availability < 99 THEN CAST(0.3 * fee AS DECIMAL(18, 3)) WHEN availability < 99.99 THEN CAST(0.1 * fee AS DECIMAL(18, 3)) ELSE 0 END, 10000) AS DECIMAL(18, 3)) AS c FROM months
), y AS (
  SELECT *,
    CAST(sum(fee) OVER w + (12 - count(*) OVER w) * arg_max(fee, month) OVER w AS DECIMAL(18, 2)) AS year_fee,
    CAST(sum(CAST(round(c, 2) AS DECIMAL(18, 2))) OVER (PARTITION BY customer ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS DECIMAL(18, 2)) AS paid_before
  FROM m WINDOW w AS (PARTITION BY customer)
)
SELECT customer, month, 'USD' AS currency, CAST(round(LEAST(c, GREATEST(0, CAST(round(CAST(0.2 * year_fee AS DECIMAL(18, 3)), 2) AS DECIMAL(18, 2)) - COALESCE(paid_before, 0))), 2) AS DECIMAL(18, 2)) AS credit
FROM y ORDER BY customer, month`;

export interface SqlFigure {
  readonly engine: string;
  readonly rows: number;
  readonly medianMs: number;
  readonly rowsPerSecond: number;
  readonly command: string;
}

const bin = join(root, 'bin/credit-rules.js');

/** Customers' contract years: 12 months each, availability mostly high, fees in whole and half currency units. */
async function yearsCsv(rows: number): Promise<string> {
  const file = join(root, '.bench', `years-${rows}.csv`);
  if (existsSync(file) && statSync(file).size > rows * 10) return file;
  const out = createWriteStream(file);
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let text = 'customer,month,availability,fee\n';
  for (let r = 0; r < rows; r++) {
    // Written from whole hundredths: no floating-point tails (99.07000000000001).
    const hundredths = next() < 0.7 ? 9900 + Math.floor(next() * 100) : 9000 + Math.floor(next() * 1000);
    const availability = (hundredths / 100).toFixed(2);
    text += `c${Math.floor(r / 12)},${(r % 12) + 1},${availability},${(500 + Math.floor(next() * 10_000) / 2).toFixed(1)}\n`;
    if (text.length > 1 << 20) {
      out.write(text);
      text = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.on('error', reject).end(text, resolve));
  return file;
}

function timed(args: readonly string[], out: string): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [bin, ...args, '--out', out], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`credit-rules ${args.join(' ')} failed (exit ${run.status}): ${(run.stderr ?? '').trim().split('\n')[0]}`);
  return ms;
}

export async function sqlSection(settings: Settings, quick: boolean, log: (text: string) => void, rowsOption?: number): Promise<SqlFigure[]> {
  const rows = rowsOption ?? (quick ? 100_000 : 1_000_000);
  const runs = quick ? 1 : Math.min(settings.coldRuns, 3);
  mkdirSync(join(root, '.bench'), { recursive: true });
  const rules = join(root, '.bench', 'uptime-yearly-cap.credit');
  writeFileSync(rules, RULES);
  const csv = await yearsCsv(rows);
  const engines = [
    { engine: 'node, --jobs 1', args: ['--jobs', '1'] },
    { engine: 'node, worker threads', args: [] },
    { engine: 'duckdb', args: ['--engine', 'duckdb'] },
  ];
  const times: number[][] = engines.map(() => []);
  for (let r = 0; r < runs; r++) {
    engines.forEach((e, i) => times[i].push(timed(['batch', rules, '--csv', csv, ...e.args], join(root, '.bench', `sql-out-${i}.csv`))));
  }
  const reference = readFileSync(join(root, '.bench', 'sql-out-0.csv'));
  engines.forEach((e, i) => {
    if (!readFileSync(join(root, '.bench', `sql-out-${i}.csv`)).equals(reference)) throw new Error(`${e.engine}: its output differs from the Node batch's`);
  });
  const figures: SqlFigure[] = engines.map((e, i) => {
    const ms = median(times[i]);
    return { engine: e.engine, rows, medianMs: ms, rowsPerSecond: rows / (ms / 1000), command: `node bin/credit-rules.js batch ${rules.slice(root.length + 1)} --csv ${csv.slice(root.length + 1)} ${e.args.join(' ')} --out OUT` };
  });
  figures.push(...(await queryAlone(rules, csv, rows, runs)));
  log(table(
    `Billing in SQL: the uptime table with a yearly cap, ${count(rows)} customer-months in contract years (wall time, median of ${runs}; outputs byte-identical)`,
    ['engine', 'rows', 'time', 'rows/s'],
    figures.map((f) => [f.engine, count(f.rows), duration(f.medianMs), `${count(f.rowsPerSecond)}/s`]),
  ));
  return figures;
}

/**
 * The generated query over a DuckDB table already loaded (what a warehouse or
 * a DuckDB file runs), then the hand-written ceiling over the same table, its
 * (customer, month, credit) rows checked to be the generated query's. Also
 * checks the DuckDB batch did not hand over.
 */
async function queryAlone(rules: string, csv: string, rows: number, runs: number): Promise<SqlFigure[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { compile } = await import('../src/index.js');
  const { generateSql } = await import('../src/sql/generate.js');
  const { HandOver, runDuckdbBatch } = await import('../src/cli/duckdb-batch.js');
  const { Writable } = await import('node:stream');
  const { program } = compile(RULES);
  if (!program) throw new Error('the bench rules do not compile');
  const outcome = await runDuckdbBatch(program, csv, { stream: new Writable({ write: (_c, _e, done) => done() }) }, true);
  if (outcome instanceof HandOver) throw new Error(`the DuckDB batch handed the file over: ${outcome.reason}`);
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`CREATE TABLE months AS SELECT customer, CAST(month AS INTEGER) AS month, CAST(availability AS DECIMAL(10, 4)) AS availability, CAST(fee AS DECIMAL(18, 2)) AS fee FROM read_csv('${csv.replaceAll("'", "''")}', header = true, all_varchar = true)`);
  const sql = generateSql(program.toJSON() as never, { dialect: 'duckdb', table: 'months' });
  const medianOf = async (table: string, query: string) => {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await connection.run(`CREATE OR REPLACE TABLE ${table} AS ${query}`);
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  const generated = await medianOf('credits', sql);
  const hand = await medianOf('hand_credits', HAND_WRITTEN);
  const rowsOf = (table: string) => `SELECT customer, month, credit FROM ${table}`;
  const differing = await connection.runAndReadAll(`SELECT (SELECT count(*) FROM (${rowsOf('credits')} EXCEPT ALL ${rowsOf('hand_credits')})) + (SELECT count(*) FROM (${rowsOf('hand_credits')} EXCEPT ALL ${rowsOf('credits')}))`);
  connection.closeSync();
  if (Number(differing.getRows()[0][0]) !== 0) throw new Error(`the hand-written query's credits differ from the generated query's in ${differing.getRows()[0][0]} rows`);
  const figure = (engine: string, ms: number, command: string): SqlFigure => ({ engine, rows, medianMs: ms, rowsPerSecond: rows / (ms / 1000), command });
  return [
    figure('duckdb, query alone over a table', generated, `credit-rules sql ${rules.slice(root.length + 1)} (CREATE TABLE credits AS …)`),
    figure('duckdb, minimal hand-written query (ceiling)', hand, 'bench/sql.ts HAND_WRITTEN (CREATE TABLE hand_credits AS …), credits equal to the query alone\'s'),
  ];
}
