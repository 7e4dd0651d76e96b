/**
 * The DuckDB batch's table `result` written by DuckDB itself (`COPY … TO`),
 * as the Node batch writes its output: each CSV line is made in SQL as
 * `Batch` makes it with `CsvWriter` (quoting, the formula guard, a share
 * without trailing zeros, an error row's empty columns), so no cell passes
 * through JavaScript; or as Parquet. DuckDB writes into a file: the temporary
 * file of `--out` (created exclusively beside OUT and renamed by its owner,
 * `output-file.ts`), or, for a stream (stdout, a FIFO, a device), a scratch
 * file made the same way in the temporary directory, copied into the stream
 * and removed.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { DuckDBConnection, DuckDBDecimalType, DuckDBType } from '@duckdb/node-api';
import { dialect } from '../sql/dialect.js';
import { quoteIdentifier as id, quoteLiteral } from '../sql/quote.js';
import { OUTPUT_COLUMNS, outputTo } from './batch.js';
import { FORMULA_STARTS } from './csv.js';
import { openOutputFile } from './output-file.js';

/** DuckDB could not write the result: the message says why. */
export class ResultFileError extends Error {}

/** Where the result goes: a file DuckDB writes (and the caller renames), or a stream. */
export type Destination = { readonly file: string } | { readonly stream: Writable };

/**
 * The batch's result — `source`, a table or a parenthesised query with the
 * columns of `OUTPUT_COLUMNS` — to `destination`, in line order. A failure of
 * DuckDB's (its COPY) is a `ResultFileError`; the stream is written only
 * after it succeeded.
 */
export async function copyResult(connection: DuckDBConnection, source: string, destination: Destination, format: 'csv' | 'parquet', formulaGuard: boolean): Promise<void> {
  const query =
    format === 'parquet'
      ? `SELECT ${OUTPUT_COLUMNS.map((c) => id(c)).join(', ')} FROM ${source} ORDER BY line`
      : `SELECT ${await csvLine(connection, source, formulaGuard)} AS ${id(OUTPUT_COLUMNS.join(','))} FROM ${source} ORDER BY line`;
  // No quoting by DuckDB: each line is one text already quoted, and its column's name is the header.
  // Into the file given, not a file of DuckDB's own renamed over it: OUT keeps its inode and mode, and the temporary file's guarantees hold.
  const options = `${format === 'parquet' ? 'FORMAT parquet' : `FORMAT csv, HEADER true, QUOTE '', ESCAPE ''`}, USE_TMP_FILE false`;
  const copy = async (file: string) => {
    try {
      await connection.run(`COPY (${query}) TO ${quoteLiteral(resolve(file))} (${options})`);
    } catch (error) {
      throw new ResultFileError(`cannot be written (${(error as Error).message.split('\n')[0]})`);
    }
  };
  if ('file' in destination) return void (await copy(destination.file));
  const scratch = openOutputFile(join(tmpdir(), `credit-rules-${randomBytes(8).toString('hex')}.${format}`));
  try {
    await copy(scratch.temporary!);
    const out = outputTo(destination.stream);
    for await (const chunk of createReadStream(scratch.temporary!, { highWaterMark: 1 << 20 })) {
      out.write(chunk as Buffer);
      await out.drained();
    }
  } finally {
    scratch.discard();
  }
}

/** One output line of a `result` row, as text: `Batch.credit`'s, or `Batch.error`'s for a row with an error. */
async function csvLine(connection: DuckDBConnection, source: string, formulaGuard: boolean): Promise<string> {
  const types = await connection.runAndReadAll(`SELECT credit, percent_of_fee FROM ${source} LIMIT 0`);
  const credit = `concat(CAST(month AS VARCHAR), ',', currency, ',', ${asText('credit', types.columnType(0))}, ',', ${plain(asText('percent_of_fee', types.columnType(1)))}, ',', ${field('cuts')}, ',')`;
  const error = `concat(${cell('CAST(month AS VARCHAR)', formulaGuard)}, ',,,,,', ${field('error')})`;
  return `concat(CAST(line AS VARCHAR), ',', ${cell('customer', formulaGuard)}, ',', CASE WHEN error IS NULL THEN ${credit} ELSE ${error} END)`;
}

/** A DECIMAL column as text, the dialect's way (at its scale: a credit's is the currency's minor unit). */
function asText(column: string, type: DuckDBType): string {
  // The generated query types both DECIMAL; any other type is written as DuckDB writes it.
  const scale = (type as Partial<DuckDBDecimalType>).scale;
  return typeof scale === 'number' ? dialect('duckdb').text(id(column), scale) : `CAST(${id(column)} AS VARCHAR)`;
}

/** "10.0000000000" → "10", as `percentString` writes a share (a text with a point: the zeros stop there). */
function plain(decimal: string): string {
  return `CASE WHEN contains(${decimal}, '.') THEN rtrim(rtrim(${decimal}, '0'), '.') ELSE ${decimal} END`;
}

/** `CsvWriter.field`: quoted, with quotes doubled, when it holds a comma, quote or line break; NULL as nothing. */
function field(x: string): string {
  return `CASE WHEN ${needsQuotes(x)} THEN ${quoted(x)} ELSE coalesce(${x}, '') END`;
}

/** `CsvWriter.cell`: as `field`, and, with the formula guard, a cell starting with = + - @ tab or CR quoted after a single quote. */
function cell(x: string, formulaGuard: boolean): string {
  if (!formulaGuard) return field(x);
  return `CASE WHEN ascii(${x}) IN (${FORMULA_STARTS.join(', ')}) THEN concat('"''', replace(${x}, '"', '""'), '"') ELSE ${field(x)} END`;
}

function needsQuotes(x: string): string {
  return `(contains(${x}, '"') OR contains(${x}, ',') OR contains(${x}, chr(10)) OR contains(${x}, chr(13)))`;
}

function quoted(x: string): string {
  return `concat('"', replace(${x}, '"', '""'), '"')`;
}
