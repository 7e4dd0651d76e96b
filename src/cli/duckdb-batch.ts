/**
 * `credit-rules batch --engine duckdb`: the batch computed by the generated
 * SQL (`src/sql/`) in embedded DuckDB, with the same output as the Node batch.
 *
 * The CSV is read here (the Node batch's own reader, so quoting, line numbers
 * and the header's checks are the same) and its rows go into DuckDB through
 * its appender; one query computes every credit into a result table; the
 * result is written as the Node batch writes it. DuckDB computes a file only
 * when every row is one it answers exactly as the interpreter does: plain
 * numbers of at most 6 decimal places, months 1–12 written plainly, every
 * year computed. Anything else — a bad row, a value with a unit or currency,
 * a quoted or broken record, a quotient the SQL cannot compute exactly, an
 * overflow — hands the whole file to the Node batch, before anything is
 * written: its messages and stderr lines are the reference, and a file is
 * never half from one engine and half from the other.
 */
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import type { Writable } from 'node:stream';
import type { DuckDBAppender, DuckDBConnection, DuckDBDecimalType } from '@duckdb/node-api';
import type { Program } from '../index.js';
import type { CheckedProgram } from '../language/checker/program.js';
import { dialect } from '../sql/dialect.js';
import { generateSql } from '../sql/generate.js';
import { quoteIdentifier as id } from '../sql/quote.js';
import { Batch, OUTPUT_COLUMNS, outputTo, type BatchOutcome } from './batch.js';
import { CsvReader, CsvWriter } from './csv.js';
import { Customers } from './customers.js';
import { writeParquet } from './parquet-batch.js';

const CUSTOMER = 'customer';
const MONTH = 'month';
/** A bare decimal the SQL reads exactly: at most 20 digits before the point and 6 after. */
const PLAIN_NUMBER = /^-?[0-9]{1,20}(\.[0-9]{1,6})?$/;
const PLAIN_MONTH = /^(?:[1-9]|1[0-2])$/;
const PIECE = 1 << 16;

/** Why DuckDB handed the file over, for `--engine duckdb`'s callers (tests, the bench). */
export class HandOver {
  constructor(readonly reason: string) {}
}

interface Columns {
  readonly names: readonly string[];
  readonly customerAt: number;
  readonly monthAt: number;
  /** Per input column of the file: its index and whether it is a boolean. */
  readonly inputs: readonly { readonly index: number; readonly name: string; readonly boolean: boolean }[];
}

/**
 * Runs the batch in DuckDB: the outcome, or a `HandOver` (nothing written)
 * when the Node batch must compute the file.
 */
export async function runDuckdbBatch(program: Program, file: string, output: Writable, formulaGuard: boolean, parquetOut?: string): Promise<BatchOutcome | HandOver> {
  try {
    generateSql(program.toJSON() as CheckedProgram, { dialect: 'duckdb', table: 'months' });
  } catch (error) {
    // A construct the SQL backend does not have yet: the Node batch computes the file, unread here.
    return new HandOver((error as Error).message);
  }
  // Loaded here, not with the command: every other command starts without DuckDB's native library.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: tmpdir() });
  const connection = await instance.connect();
  try {
    const loaded = await load(program, file, connection);
    if (loaded instanceof HandOver) return loaded;
    let sql: string;
    try {
      sql = generateSql(program.toJSON() as CheckedProgram, {
        dialect: 'duckdb',
        table: 'months',
        columns: loaded.columns.inputs.map((i) => i.name),
        keep: ['line'],
        // Written in line order below: one sort.
        sorted: false,
      });
    } catch (error) {
      return new HandOver((error as Error).message);
    }
    try {
      await connection.run(`CREATE TABLE result AS ${sql}`);
    } catch (error) {
      return new HandOver(`DuckDB stopped: ${(error as Error).message.split('\n')[0]}`);
    }
    const failed = await connection.runAndReadAll(`SELECT min(line), any_value(error) FROM result WHERE error IS NOT NULL`);
    const [line, error] = failed.getRowsJS()[0];
    if (line !== null) return new HandOver(`line ${line}: ${error}`);
    if (parquetOut) await writeParquet(connection, parquetOut);
    else await write(connection, output, formulaGuard);
    return { ok: true, rows: loaded.rows, failed: 0 };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The file into table `months` (through a view that types its columns); a HandOver at the first row DuckDB should not compute. */
async function load(program: Program, file: string, connection: DuckDBConnection): Promise<{ columns: Columns; rows: number } | HandOver> {
  // Records wait here while a chunk is read (the reader calls back synchronously), then go to the appender.
  let pending: { fields: readonly string[]; line: number }[] = [];
  let broken: number | undefined;
  const reader = new CsvReader(
    // The reader reuses its array of fields: each record's are copied.
    (fields, line) => void pending.push({ fields: fields.slice(), line }),
    (line) => (broken ??= line),
  );
  let columns: Columns | undefined;
  let appender: DuckDBAppender | undefined;
  let rows = 0;
  // A customer's rows must be together: judged by the Node batch's own memory of customers.
  const customers = new Customers();
  let open: { customer: string; line: number } | undefined;
  const together = (customer: string, line: number): boolean => {
    if (open?.customer === customer) {
      open.line = line;
      return true;
    }
    if (open) customers.add(open.customer, open.line);
    open = customer === '' ? undefined : { customer, line };
    return customer === '' || customers.check(customer) === undefined;
  };
  const take = async (): Promise<HandOver | undefined> => {
    const records = pending;
    pending = [];
    for (const { fields, line } of records) {
      if (!columns) {
        columns = header(program, fields);
        if (!columns) return new HandOver(`line ${line}: the header is for the Node batch to judge`);
        appender = await createTable(connection, columns);
        continue;
      }
      rows++;
      const customer = columns.customerAt >= 0 && columns.customerAt < fields.length ? fields[columns.customerAt].trim() : '';
      if (!together(customer, line)) return new HandOver(`line ${line}: customer "${customer}" has rows apart`);
      const why = append(appender!, columns, fields, line);
      if (why) return new HandOver(`line ${line}: ${why}`);
    }
    return broken === undefined ? undefined : new HandOver(`line ${broken}: a record the CSV reader questions`);
  };
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of input) {
      reader.push(decoder.write(chunk as Buffer));
      const handOver = await take();
      if (handOver) return handOver;
    }
    reader.push(decoder.end());
    reader.end();
    const handOver = await take();
    if (handOver) return handOver;
  } finally {
    input.destroy();
    appender?.closeSync();
  }
  if (!columns) return new HandOver('the file is empty');
  return { columns, rows };
}

/** The table the rows go into, as text, and a view that reads them as the query's types. */
async function createTable(connection: DuckDBConnection, columns: Columns): Promise<DuckDBAppender> {
  const raw = columns.inputs.map((i) => `, ${id(`raw_${i.name}`)} VARCHAR`).join('');
  await connection.run(`CREATE TABLE raw_months (line BIGINT, customer VARCHAR, month INTEGER${raw})`);
  const typed = columns.inputs.map((i) => `${i.boolean ? `CAST(${id(`raw_${i.name}`)} AS BOOLEAN)` : decimalOf(id(`raw_${i.name}`))} AS ${id(i.name)}`);
  await connection.run(`CREATE VIEW months AS SELECT ${['line', 'customer', 'month', ...typed].join(', ')} FROM raw_months`);
  return connection.createAppender('raw_months');
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

/** One row into the appender; or why DuckDB should not compute the file. */
function append(a: DuckDBAppender, columns: Columns, fields: readonly string[], line: number): string | undefined {
  if (fields.length !== columns.names.length) return 'a row with another number of fields';
  const customer = columns.customerAt >= 0 ? fields[columns.customerAt].trim() : '';
  const month = columns.monthAt >= 0 ? fields[columns.monthAt].trim() : '';
  if (customer === '' ? month !== '' : !PLAIN_MONTH.test(month)) return 'a month that is not 1 to 12 written plainly, or one without a customer';
  const values: (string | null)[] = [];
  for (const input of columns.inputs) {
    const text = fields[input.index].trim();
    if (text === '') values.push(null);
    else if (input.boolean ? text === 'true' || text === 'false' : PLAIN_NUMBER.test(text)) values.push(text);
    else return `\`${input.name}\`: a value that is not a plain number of at most 6 decimal places`;
  }
  a.appendBigInt(BigInt(line));
  if (customer === '') {
    a.appendNull();
    a.appendNull();
  } else {
    a.appendVarchar(customer);
    a.appendInteger(Number(month));
  }
  for (const value of values) {
    if (value === null) a.appendNull();
    else a.appendVarchar(value);
  }
  a.endRow();
  return undefined;
}

/**
 * The header's columns, when the Node batch would accept it (its own check,
 * so its message is the one a bad header gets); undefined otherwise.
 */
function header(program: Program, fields: readonly string[]): Columns | undefined {
  const check = new Batch(program, {}, () => {});
  check.record(fields, 1);
  if (check.fatal) return undefined;
  const names = fields.map((f) => f.trim());
  const kinds = new Map(program.inputs.map((i) => [i.name, i.kind]));
  return {
    names,
    customerAt: names.indexOf(CUSTOMER),
    monthAt: names.indexOf(MONTH),
    inputs: names.flatMap((name, index) => (kinds.has(name) ? [{ index, name, boolean: kinds.get(name) === 'boolean' }] : [])),
  };
}

/** The result table as the Node batch writes its rows (`Batch.credit`, and `Batch.error` for a row with an error), in line order. */
export async function write(connection: DuckDBConnection, output: Writable, formulaGuard: boolean): Promise<void> {
  const out = outputTo(output);
  const w = new CsvWriter(PIECE + 4096, formulaGuard);
  w.text(`${OUTPUT_COLUMNS.join(',')}\n`);
  const result = await connection.stream(
    `SELECT CAST(line AS DOUBLE), CAST(customer AS VARCHAR), CAST(month AS VARCHAR), currency, ${await asText(connection, 'credit')}, ${await asText(connection, 'percent_of_fee')}, cuts, error FROM result ORDER BY line`,
  );
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const [line, customer, month, currency, credit, percent, cuts, error] of chunk.getRows() as unknown as [number, string | null, string | null, string | null, string, string | null, string | null, string | null][]) {
      w.count(line);
      w.char(COMMA);
      if (customer !== null) w.cell(customer);
      w.char(COMMA);
      if (month !== null) w.text(month);
      if (error !== null) {
        w.text(',,,,,');
        w.field(error);
        w.char(LF);
        continue;
      }
      w.char(COMMA);
      if (currency !== null) w.text(currency);
      w.char(COMMA);
      w.text(credit);
      w.char(COMMA);
      // A program without a fee states no share of it.
      if (percent !== null) w.text(plain(percent));
      w.char(COMMA);
      if (cuts !== null) w.field(cuts);
      w.char(COMMA);
      w.char(LF);
    }
    if (w.length > PIECE) {
      out.write(w.take());
      await out.drained();
    }
  }
  if (w.length > 0) out.write(w.take());
  await out.drained();
}

/** A DECIMAL column of `result` as text, the dialect's way (at its scale: a credit's is the currency's minor unit). */
async function asText(connection: DuckDBConnection, column: string): Promise<string> {
  const type = (await connection.runAndReadAll(`SELECT ${id(column)} FROM result LIMIT 0`)).columnType(0);
  // The generated query types both DECIMAL; any other type is written as DuckDB writes it.
  const scale = (type as Partial<DuckDBDecimalType>).scale;
  return typeof scale === 'number' ? dialect('duckdb').text(id(column), scale) : `CAST(${id(column)} AS VARCHAR)`;
}

/** "10.0000000000" → "10", as `percentString` writes a share. */
function plain(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}

const COMMA = 44;
const LF = 10;
