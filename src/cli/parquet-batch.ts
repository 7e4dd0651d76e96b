/**
 * `credit-rules batch FILE --parquet IN [--out OUT.csv|OUT.parquet]`: a
 * Parquet file of customer-months computed in embedded DuckDB by the rules'
 * SQL. The Node batch reads no Parquet, so nothing is handed over: a row the
 * SQL cannot compute exactly keeps its `error`, as a bad row of the Node
 * batch does, with one stderr line each. `line` is the row's place in the
 * file (1 for the first row). Columns are checked before anything runs: one
 * missing (an input without a default) or of the wrong type is one line
 * naming it. With `--out OUT.parquet` the result is written as Parquet
 * (also from `--csv IN --engine duckdb`), whole or not at all
 * (`result-file.ts`).
 */
import { tmpdir } from 'node:os';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { InputInfo, Program } from '../index.js';
import type { CheckedProgram } from '../language/checker/program.js';
import { generateSql } from '../sql/generate.js';
import { quoteIdentifier as id, quoteLiteral } from '../sql/quote.js';

/** A file of the batch that cannot be computed: one line saying why. */
export class ParquetError extends Error {}

/** DuckDB's readers take * ? [ ] { } in a file name as a pattern of names, which may match other files than the one meant. */
export function readAsPattern(file: string): boolean {
  return /[*?[\]{}]/.test(file);
}

export function isParquet(path: string | undefined): boolean {
  return path !== undefined && path.toLowerCase().endsWith('.parquet');
}

/**
 * Computes IN (Parquet) into the DuckDB table `result`; the rows, and the
 * lines of rows with an error and their messages, in order.
 */
export async function parquetBatch(program: Program, file: string, write: (connection: DuckDBConnection) => Promise<void>): Promise<{ rows: number; failed: { line: number; error: string }[] }> {
  if (readAsPattern(file)) throw new ParquetError(`${file}: DuckDB would read * ? [ ] { } in this name as a pattern of file names (and could read other files); rename or copy the file to a name without them`);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: tmpdir() });
  const connection = await instance.connect();
  try {
    const source = `read_parquet(${quoteLiteral(file)}, file_row_number = true)`;
    let described: [string, string][];
    try {
      described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowsJS().map((r) => [String(r[0]), String(r[1])]);
    } catch (error) {
      throw new ParquetError(`${file}: cannot be read as Parquet (${(error as Error).message.split('\n')[0]})`);
    }
    const types = new Map(described);
    const present = checkColumns(program.inputs, types, file);
    const customer = types.has('customer') ? id('customer') : 'CAST(NULL AS VARCHAR)';
    const month = types.has('month') ? id('month') : 'CAST(NULL AS INTEGER)';
    const inputs = present.map((name) => id(name));
    await connection.run(`CREATE VIEW months AS SELECT ${['file_row_number + 1 AS line', `${customer} AS customer`, `${month} AS month`, ...inputs].join(', ')} FROM ${source}`);
    // Both writers read the result in line order: the query need not sort it too.
    const sql = generateSql(program.toJSON() as CheckedProgram, { dialect: 'duckdb', table: 'months', columns: present, keep: ['line'], sorted: false });
    try {
      await connection.run(`CREATE TABLE result AS ${sql}`);
    } catch (error) {
      throw new ParquetError(`${file}: DuckDB stopped: ${(error as Error).message.split('\n')[0]}`);
    }
    const rows = Number((await connection.runAndReadAll('SELECT count(*) FROM result')).getRowsJS()[0][0]);
    const failed = (await connection.runAndReadAll('SELECT line, error FROM result WHERE error IS NOT NULL ORDER BY line')).getRowsJS().map((r) => ({ line: Number(r[0]), error: String(r[1]) }));
    await write(connection);
    return { rows, failed };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The inputs the file has a column for; a ParquetError naming a column missing or of the wrong type. */
function checkColumns(inputs: readonly InputInfo[], types: ReadonlyMap<string, string>, file: string): string[] {
  const present: string[] = [];
  for (const input of inputs) {
    const type = types.get(input.name);
    if (type === undefined) {
      const optional = input.list || input.default !== undefined;
      if (!optional) throw new ParquetError(`${file}: column "${input.name}" is missing, and the rules declare no default for it`);
      continue;
    }
    const numeric = (t: string) => /^(DECIMAL|NUMERIC|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE)\b/.test(t);
    const fits = input.kind === 'boolean' ? type === 'BOOLEAN' : input.list ? type.endsWith('[]') && numeric(type.slice(0, -2)) : numeric(type);
    if (!fits) {
      const wanted = input.kind === 'boolean' ? 'BOOLEAN' : input.list ? 'a list of numbers' : 'a number';
      throw new ParquetError(`${file}: column "${input.name}" is ${type}; the input \`${input.name}\` needs ${wanted}`);
    }
    present.push(input.name);
  }
  const month = types.get('month');
  if (month !== undefined && !/INT/.test(month)) throw new ParquetError(`${file}: column "month" is ${month}; a whole number is expected`);
  return present;
}
