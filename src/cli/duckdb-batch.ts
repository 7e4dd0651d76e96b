/**
 * `credit-rules batch --engine duckdb`: the batch computed by the generated
 * SQL (`src/sql/`) in embedded DuckDB, with the same output as the Node batch,
 * and no cell passing through JavaScript: DuckDB reads the CSV (`read_csv`,
 * every column as text), checks every cell against the rules below, computes
 * the credits and writes the output itself (`COPY … TO`, each line made in
 * SQL as `CsvWriter` makes it, formula guard included: `result-file.ts`).
 *
 * DuckDB computes a file only when it answers every row exactly as the Node
 * batch does: one record a line (no blank line, no line break inside quotes),
 * plain numbers of at most 6 decimal places, months 1–12 written plainly,
 * each customer's rows together, every year computed. Anything else — a bad
 * row, a value with a unit or currency, a record DuckDB's reader refuses, a
 * quotient the SQL cannot compute exactly, an overflow — hands the whole file
 * to the Node batch before a byte is written: its messages, stderr lines and
 * exit code are the reference (restating them in SQL would be a second copy
 * of them to keep equal), and a file is never half from one engine and half
 * from the other.
 */
import { closeSync, createReadStream, openSync, readSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Program } from '../index.js';
import type { CheckedProgram } from '../language/checker/program.js';
import { generateSql } from '../sql/generate.js';
import { quoteIdentifier as id, quoteLiteral } from '../sql/quote.js';
import { Batch, type BatchOutcome } from './batch.js';
import { MAX_RECORD } from './csv.js';
import { readAsPattern } from './parquet-batch.js';
import { copyResult, ResultFileError, type Destination } from './result-file.js';

const CUSTOMER = 'customer';
const MONTH = 'month';
/** A bare decimal the SQL reads exactly: at most 20 digits before the point and 6 after. */
const PLAIN_NUMBER = String.raw`-?[0-9]{1,20}(\.[0-9]{1,6})?`;
const MONTHS = Array.from({ length: 12 }, (_, k) => `'${k + 1}'`).join(', ');
/**
 * The white space JavaScript's `trim` removes (the Node batch trims every
 * cell): RE2's `\s` is tab, line feed, form feed, carriage return and space;
 * `\pZ` every Unicode space and separator.
 */
const SPACE = String.raw`[\s\x0b\pZ\x{feff}]`;

/** How a row with an error stops the query: `error`'s message starts with it, then the row's line. */
const STOP = 'the Node batch computes this file: line ';

/** Why DuckDB handed the file over, for `--engine duckdb`'s callers (tests, the bench). */
export class HandOver {
  constructor(readonly reason: string) {}
}

interface Columns {
  readonly names: readonly string[];
  readonly customer: boolean;
  readonly month: boolean;
  /** The inputs the file has a column for, and whether each is a boolean. */
  readonly inputs: readonly { readonly name: string; readonly boolean: boolean }[];
}

/**
 * Runs the batch in DuckDB, its output to `destination` (as CSV, or as
 * Parquet): the outcome, or a `HandOver` (nothing written) when the Node batch
 * must compute the file.
 */
export async function runDuckdbBatch(program: Program, file: string, destination: Destination, formulaGuard: boolean, format: 'csv' | 'parquet' = 'csv'): Promise<BatchOutcome | HandOver> {
  try {
    generateSql(program.toJSON() as CheckedProgram, { dialect: 'duckdb', table: 'months' });
  } catch (error) {
    // A construct the SQL backend does not have yet: the Node batch computes the file, unread here.
    return new HandOver((error as Error).message);
  }
  if (readAsPattern(file)) return new HandOver('a file name DuckDB would read as a pattern');
  const columns = header(program, file);
  if (columns instanceof HandOver) return columns;
  // Counted while DuckDB reads: the lines tell whether every record is one line (DuckDB gives no line numbers).
  const lines = countLines(file);
  // Loaded here, not with the command: every other command starts without DuckDB's native library.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: tmpdir() });
  const connection = await instance.connect();
  try {
    const loaded = await load(connection, file, columns);
    if (loaded instanceof HandOver) return loaded;
    const counted = await lines;
    if (counted.longest > MAX_RECORD) return new HandOver(`a line longer than ${MAX_RECORD} characters`);
    if (counted.lines !== loaded.rows + 1) return new HandOver('a blank line, or a record of more than one line');
    if (counted.extraField) return new HandOver('a line ending in an empty field more than the header has');
    let sql: string;
    try {
      sql = generateSql(program.toJSON() as CheckedProgram, {
        dialect: 'duckdb',
        table: 'months',
        columns: columns.inputs.map((i) => i.name),
        keep: ['line'],
        // Written in line order: one sort.
        sorted: false,
      });
    } catch (error) {
      return new HandOver((error as Error).message);
    }
    // Written straight from the query, no result table: a row with an error stops it (DuckDB's `error`).
    const stopping = `(SELECT * REPLACE (CASE WHEN error IS NOT NULL THEN CAST(error(concat('${STOP}', line, ': ', error)) AS VARCHAR) END AS error) FROM (${sql}))`;
    try {
      await copyResult(connection, stopping, destination, format, formulaGuard);
    } catch (error) {
      if (!(error instanceof ResultFileError)) throw error;
      // What COPY wrote of the file it was writing is dropped: the Node batch writes it from its start.
      if ('file' in destination) truncateSync(destination.file, 0);
      const message = error.message.split('\n')[0];
      return new HandOver(message.includes(STOP) ? `line ${message.slice(message.indexOf(STOP) + STOP.length)}` : `DuckDB stopped: ${message}`);
    }
    return { ok: true, rows: loaded.rows, failed: 0 };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * The file's columns, from its first line, when the Node batch would accept
 * them (its own check, so its message is the one a bad header gets) and the
 * line has no quotes (a quoted header may run over lines: the Node batch
 * reads it).
 */
function header(program: Program, file: string): Columns | HandOver {
  let first: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = Buffer.alloc(1 << 16);
      const read = readSync(fd, bytes, 0, bytes.length, 0);
      const text = bytes.subarray(0, read).toString('utf8');
      const nl = text.indexOf('\n');
      if (nl === -1) return new HandOver('no line break in the first 64 KiB');
      first = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, nl).replace(/\r$/, '');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return new HandOver(`cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  if (first.includes('"')) return new HandOver('a quoted header');
  const fields = first.split(',');
  const check = new Batch(program, {}, () => {});
  check.record(fields, 1);
  if (check.fatal) return new HandOver('the header is for the Node batch to judge');
  const names = fields.map((f) => f.trim());
  const inputs = new Map(program.inputs.map((i) => [i.name, i]));
  const present = names.filter((name) => inputs.has(name)).map((name) => inputs.get(name)!);
  const list = present.find((i) => i.list);
  if (list) return new HandOver(`\`${list.name}\`: a list's items are read by the Node batch`);
  return {
    names,
    customer: names.includes(CUSTOMER),
    month: names.includes(MONTH),
    inputs: present.map((i) => ({ name: i.name, boolean: i.kind === 'boolean' })),
  };
}

/** The file's lines (a last one without a line break counted) and the longest, in characters at most. */
async function countLines(file: string): Promise<{ lines: number; longest: number; extraField: boolean }> {
  let lines = 0;
  let longest = 0;
  let run = 0;
  // The previous chunk's last two bytes, for a line break at the start of a chunk.
  let [previous, beforePrevious] = [10, 10];
  // A line ending in `,` may have an empty field more than the header has: DuckDB's reader
  // drops it, the Node batch refuses the row. Such lines (few) have their fields counted.
  let headerFields = Infinity;
  let extraField = false;
  const line = (chunk: Buffer, from: number, end: number) => {
    const at = (i: number) => (i >= 0 ? chunk[i] : i === -1 ? previous : beforePrevious);
    const commaLast = at(end - 1) === 44 || (at(end - 1) === 13 && at(end - 2) === 44);
    if (lines > 1 && !commaLast) return;
    // A line begun in an earlier chunk is not counted here: it is judged as if it had too many.
    const count = run === 0 ? fields(chunk.subarray(from, end)) : Infinity;
    if (lines === 1) headerFields = count;
    else extraField ||= count > headerFields;
  };
  let last: { chunk: Buffer; from: number } | undefined;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, from)) {
      lines++;
      longest = Math.max(longest, run + nl - from);
      line(chunk, from, nl);
      run = 0;
      from = nl + 1;
    }
    last = { chunk, from };
    run += chunk.length - from;
    if (chunk.length > 0) [previous, beforePrevious] = [chunk[chunk.length - 1], chunk.length > 1 ? chunk[chunk.length - 2] : previous];
  }
  longest = Math.max(longest, run);
  if (previous !== 10 && last) {
    // The last line, without a break after it: begun in the last chunk when that chunk holds all of it.
    lines++;
    run -= last.chunk.length - last.from;
    line(last.chunk, last.from, last.chunk.length);
  }
  return { lines, longest, extraField };
}

/** The fields of one line of CSV: its commas outside quotes, and one. */
function fields(bytes: Buffer): number {
  let count = 1;
  let quoted = false;
  for (const b of bytes) {
    if (b === 34) quoted = !quoted;
    else if (b === 44 && !quoted) count++;
  }
  return count;
}

/**
 * The file into table `raw` (every column as text, in the file's order) and
 * view `months` (the query's columns, typed); a HandOver when DuckDB's reader
 * refuses it or a row is one the Node batch should judge.
 */
async function load(connection: DuckDBConnection, file: string, columns: Columns): Promise<{ rows: number } | HandOver> {
  const raw = columns.names.map((_, k) => `${quoteLiteral(`c${k}`)}: 'VARCHAR'`).join(', ');
  const column = (name: string) => id(`c${columns.names.indexOf(name)}`);
  try {
    await connection.run(
      `CREATE TABLE raw AS SELECT * FROM read_csv(${quoteLiteral(resolve(file))}, header = false, skip = 1, columns = {${raw}}, delim = ',', quote = '"', escape = '"', ` +
        `strict_mode = true, null_padding = false, auto_detect = false, max_line_size = ${2 * MAX_RECORD + 16})`,
    );
  } catch (error) {
    return new HandOver(`DuckDB's CSV reader: ${(error as Error).message.split('\n')[0]}`);
  }
  // A cell is checked as it is read, spaces around a number allowed (DuckDB's cast skips them); a month is
  // plain digits, a customer has no white space around it (checked once per customer): else the Node batch trims.
  const customer = columns.customer ? column(CUSTOMER) : 'CAST(NULL AS VARCHAR)';
  const month = columns.month ? column(MONTH) : 'CAST(NULL AS VARCHAR)';
  const plain = [
    `CASE WHEN ${customer} IS NULL THEN ${month} IS NULL ELSE ${month} IN (${MONTHS}) END`,
    ...columns.inputs.map((i) => `(${column(i.name)} IS NULL OR ${i.boolean ? `trim(${column(i.name)}) IN ('true', 'false')` : `regexp_full_match(${column(i.name)}, ' *${PLAIN_NUMBER} *')`})`),
  ].join(' AND ');
  const [rows, bad] = (await connection.runAndReadAll(`SELECT count(*), min(rowid) FILTER (WHERE (${plain}) IS NOT TRUE) FROM raw`)).getRowsJS()[0];
  if (bad !== null) return new HandOver(`line ${Number(bad) + 2}: a cell that is not a plain number of at most 6 decimal places, or a month 1 to 12 written plainly with its customer`);
  if (columns.customer) {
    // A customer's rows are together when they span as many rows as they are.
    const apart = await connection.runAndReadAll(
      `SELECT any_value(customer) FROM (SELECT ${customer} AS customer FROM raw WHERE ${customer} IS NOT NULL GROUP BY 1 ` +
        `HAVING max(rowid) - min(rowid) + 1 <> count(*) OR regexp_matches(customer, '^${SPACE}|${SPACE}$'))`,
    );
    const [name] = apart.getRowsJS()[0];
    if (name !== null) return new HandOver(`customer "${name}": rows apart, or white space around the name`);
  }
  const typed = columns.inputs.map((i) => `${i.boolean ? `CAST(trim(${column(i.name)}) AS BOOLEAN)` : decimalOf(column(i.name))} AS ${id(i.name)}`);
  await connection.run(`CREATE VIEW months AS SELECT ${['rowid + 2 AS line', `${customer} AS customer`, `CAST(${month} AS INTEGER) AS month`, ...typed].join(', ')} FROM raw`);
  return { rows: Number(rows) };
}

/**
 * A plain number's text (`PLAIN_NUMBER`: at most 6 places) as the query's
 * DECIMAL(38, 6). DuckDB reads text into a DECIMAL(38) about a hundred times
 * slower than into a DECIMAL(18) (64 bits), which holds any text of at most
 * 12 characters: those go that way.
 */
function decimalOf(raw: string): string {
  return `CASE WHEN length(${raw}) <= 12 THEN CAST(CAST(${raw} AS DECIMAL(18, 6)) AS DECIMAL(38, 6)) ELSE CAST(${raw} AS DECIMAL(38, 6)) END`;
}
